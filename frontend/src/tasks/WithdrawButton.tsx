import UndoIcon from '@mui/icons-material/Undo';
import { Box } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Confirm, type HttpError, useNotify, useRecordContext, useRedirect, useRefresh } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import { useNotifyError } from '../errors';
import type { Task } from '../types';

/**
 * 撤回 on a row of 我已办结, while the step after it is not claimed yet: after asking, the step opens again, assigned to
 * the user, and its page is shown. Refused (someone claimed the next step meanwhile): the reason, and the list again.
 */
export const WithdrawButton = (_: { label?: string }) => {
    const task = useRecordContext<Task>();
    const dataProvider = useOneThingDataProvider();
    const notify = useNotify();
    const notifyError = useNotifyError();
    const redirect = useRedirect();
    const refresh = useRefresh();
    const [confirming, setConfirming] = useState(false);
    const { mutate, isPending } = useMutation<Task | undefined, HttpError>({
        mutationFn: () => dataProvider.taskAction(task!.id, 'withdraw', {}),
        onSuccess: reopened => {
            notify('onething.task.action.withdraw.done', { type: 'success' });
            redirect(`/tasks/${encodeURIComponent(reopened!.id)}/show`);
        },
        onError: error => {
            notifyError(error);
            refresh();
        },
    });
    if (!task?.withdrawable) return null;
    return (
        // the dialog's clicks stay out of the row
        <Box component="span" onClick={event => event.stopPropagation()}>
            <Button
                label="onething.task.action.withdraw.label"
                disabled={isPending}
                onClick={() => setConfirming(true)}
            >
                <UndoIcon />
            </Button>
            <Confirm
                isOpen={confirming}
                title="onething.task.action.withdraw.title"
                titleTranslateOptions={{ name: task.name }}
                content="onething.task.action.withdraw.content"
                contentTranslateOptions={{ name: task.name }}
                onConfirm={() => {
                    setConfirming(false);
                    mutate();
                }}
                onClose={() => setConfirming(false)}
            />
        </Box>
    );
};
