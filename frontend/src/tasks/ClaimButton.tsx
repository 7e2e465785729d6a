import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { useMutation } from '@tanstack/react-query';
import { Button, type HttpError, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import type { Task } from '../types';
import { useNotifyError } from '../errors';

/** 认领: takes an unassigned task; if someone else has it (409) the problem's detail is shown. */
export const ClaimButton = () => {
    const task = useRecordContext<Task>();
    const dataProvider = useOneThingDataProvider();
    const notify = useNotify();
    const notifyError = useNotifyError();
    const refresh = useRefresh();
    const { mutate, isPending } = useMutation<Task, HttpError>({
        mutationFn: () => dataProvider.claimTask(task!.id),
        onSuccess: () => notify('onething.task.claimed', { type: 'success' }),
        onError: notifyError,
        onSettled: () => refresh(),
    });
    // a rectification or inspection step is worked on its rating's or inspection's page, without claiming
    if (!task || task.assignee || task.ratingId || task.inspectionId) return null;
    return (
        <Button
            label="onething.task.claim"
            disabled={isPending}
            onClick={event => {
                event.stopPropagation(); // not the row's click
                mutate();
            }}
        >
            <AssignmentIndIcon />
        </Button>
    );
};
