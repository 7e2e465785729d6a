/** The text of an optional comment, null when blank. */
export const optionalText = (text?: string | null) => (text?.trim() ? text.trim() : null);
