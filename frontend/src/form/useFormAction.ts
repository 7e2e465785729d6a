import { useState } from 'react';
import { type HttpError, useNotify, useRefresh, useTranslate } from 'react-admin';

/**
 * An API action as a react-admin `<Form onSubmit>`: run it with the form's values, then a success message
 * (`done`) and a refresh of the page — unless `leaves`: the action took the record from the user (签署, 退回, 转办),
 * `onDone` goes elsewhere, and the record is not to be fetched again. A refusal (409: not at that step any more, 403) is kept in `problem` for
 * the form to show; a validation problem's errors go next to each input (`fieldErrors` may move them first, e.g.
 * the errors of a list's entries onto the input that holds the list).
 */
export const useFormAction = <Values>(
    run: (values: Values) => Promise<unknown>,
    done: string,
    {
        onDone,
        leaves = false,
        fieldErrors = errors => errors,
    }: {
        onDone?: () => void;
        leaves?: boolean;
        fieldErrors?: (errors: Record<string, unknown>) => Record<string, unknown>;
    } = {}
) => {
    const notify = useNotify();
    const refresh = useRefresh();
    const translate = useTranslate();
    const [problem, setProblem] = useState<string | null>(null);
    const submit = async (values: Values) => {
        setProblem(null);
        try {
            await run(values);
        } catch (error) {
            const { message, body } = error as HttpError;
            setProblem(translate(message, { _: message }));
            return body?.errors ? fieldErrors(body.errors) : undefined;
        }
        notify(done, { type: 'success' });
        onDone?.();
        if (!leaves) refresh();
    };
    return { submit, problem };
};
