import type { HttpError } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { useNotifyError } from '../errors';

/**
 * A react-admin `<Form onSubmit>` that runs an API action. A validation problem's field errors are
 * returned, so the form shows each one next to its input; other errors go to `onError`
 * (by default a notification with the problem's detail).
 */
export const useSubmitHandler = <Values extends FieldValues>(
    action: (values: Values) => Promise<unknown>,
    onSuccess: () => void,
    onError?: (error: HttpError) => void
) => {
    const notifyError = useNotifyError();
    return async (values: FieldValues) => {
        try {
            await action(values as Values);
            onSuccess();
        } catch (error) {
            const httpError = error as HttpError;
            if (httpError.body?.errors) return httpError.body.errors;
            (onError ?? notifyError)(httpError);
        }
    };
};
