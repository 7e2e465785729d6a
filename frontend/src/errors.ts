import { useNotify, useRedirect } from 'react-admin';

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
