import type { ModelProblem, Problem } from '../types';

/** The marker (a CSS class of ModelCanvas.css) that outlines an element with a problem. */
export const markerOf = (severity: ModelProblem['severity']) =>
    severity === 'ERROR' ? 'oth-model-error' : 'oth-model-warning';

/**
 * The markers to put on the diagram: one per element, an error winning over a warning on the same element;
 * problems of the whole model (no element) have none.
 */
export const markersOf = (problems: ModelProblem[]): Map<string, string> => {
    const markers = new Map<string, string>();
    for (const { elementId, severity } of problems) {
        if (!elementId) continue;
        if (severity === 'ERROR' || !markers.has(elementId)) markers.set(elementId, markerOf(severity));
    }
    return markers;
};

/**
 * A refused deployment's errors (400), split: those of the model (`xml`: the whole model, `xml.<elementId>`: an
 * element) as problems to list and mark, the others (comment, overrideReason) by the form's input.
 */
export const splitDeployErrors = (errors: NonNullable<Problem['errors']>) => {
    const model: ModelProblem[] = [];
    const form: Record<string, string> = {};
    for (const { field, rule, message } of errors) {
        if (field === 'xml' || field.startsWith('xml.')) {
            model.push({ elementId: field === 'xml' ? null : field.slice(4), severity: 'ERROR', rule: rule ?? '', message });
        } else {
            form[field] = form[field] ? `${form[field]}；${message}` : message;
        }
    }
    return { model, form };
};

/** `items` in runs of at most `size` (the migration is sent 50 cases a request). */
export const chunked = <T>(items: T[], size: number): T[][] =>
    Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
