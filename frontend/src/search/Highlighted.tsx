import { Fragment } from 'react';

/**
 * The pieces of a highlighted fragment: the text between the literal tags `<em>` and `</em>` matched the query.
 * Nothing else in it is markup, whatever it looks like.
 */
export const highlightParts = (fragment: string) => {
    const parts: { text: string; match: boolean }[] = [];
    let match = false;
    for (const piece of fragment.split(/(<\/?em>)/)) {
        if (piece === '<em>') match = true;
        else if (piece === '</em>') match = false;
        else if (piece) parts.push({ text: piece, match });
    }
    return parts;
};

/** A fragment without its tags: the text it highlights. */
export const plainText = (fragment: string) => fragment.replace(/<\/?em>/g, '');

/** A fragment with its matched words marked; the rest goes in as text (React escapes it), never as HTML. */
export const Highlighted = ({ fragment }: { fragment: string }) => (
    <>
        {highlightParts(fragment).map(({ text, match }, index) =>
            match ? <mark key={index}>{text}</mark> : <Fragment key={index}>{text}</Fragment>,
        )}
    </>
);
