import { useMutation } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { Button, type HttpError, useNotify, useRefresh } from 'react-admin';
import { useNotifyError } from '../errors';

/**
 * A button that runs one API action at once (认领): then the `done` message, or the problem's detail (409: someone
 * else was quicker), and a refresh of the page either way. Inside a list row it does not open the row.
 */
export const ActionButton = ({
    label,
    icon,
    run,
    done,
}: {
    label: string;
    icon: ReactElement;
    run: () => Promise<unknown>;
    done: string;
}) => {
    const notify = useNotify();
    const notifyError = useNotifyError();
    const refresh = useRefresh();
    const { mutate, isPending } = useMutation<unknown, HttpError>({
        mutationFn: run,
        onSuccess: () => notify(done, { type: 'success' }),
        onError: notifyError,
        onSettled: () => refresh(),
    });
    return (
        <Button
            label={label}
            disabled={isPending}
            onClick={event => {
                event.stopPropagation(); // not the row's click
                mutate();
            }}
        >
            {icon}
        </Button>
    );
};
