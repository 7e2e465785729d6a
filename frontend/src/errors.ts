import { HttpError, useNotify, useRedirect } from 'react-admin';
import type { Problem } from './types';

/** Notifies an API error: its message is the problem's Chinese detail, or a react-admin message key. */
export const useNotifyError = () => {
    const notify = useNotify();
    return (error: unknown) => {
        const message = (error as Error).message;
        notify(message, { type: 'error', messageArgs: { _: message } });
    };
};

/**
 * Query options for the record of a page (a Show page's `queryOptions`): when it can't be loaded (403, 404, …)
 * say why in the problem's words (react-admin would only say "not found") and go back to the list.
 */
export const usePageRecordOptions = (resource: string) => {
    const notifyError = useNotifyError();
    const redirect = useRedirect();
    return {
        onError: (error: unknown) => {
            notifyError(error);
            redirect('list', resource);
        },
    };
};

/**
 * A failed query's error as a page with inputs shows it: `byField(field)` the messages of a 400's errors on an
 * input's field, `other` the rest in one line — the other fields' messages, or the error's own message (403,
 * 503…) — or null.
 */
export const problemByInputs = (error: unknown, inputs: readonly string[]) => {
    const errors =
        error instanceof HttpError && error.status === 400 ? ((error.body?.problem as Problem)?.errors ?? []) : [];
    const join = (list: typeof errors) => list.map(({ message }) => message).join('；');
    const others = errors.filter(({ field }) => !inputs.includes(field));
    return {
        byField: (field: string) => join(errors.filter(each => each.field === field)) || undefined,
        other: others.length ? join(others) : error && !errors.length ? (error as Error).message : null,
    };
};
