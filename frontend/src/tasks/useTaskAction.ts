import { type HttpError, useNotify, useRefresh } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import { useFormAction } from '../form/useFormAction';
import type { Task, TaskActionBodies } from '../types';

/**
 * An action on a task from its dialog, as a react-admin `<Form onSubmit>` (see useFormAction): done → its message,
 * then `onDone` (elsewhere; the task is not fetched again) or the dialog closed and the page refreshed; refused → the problem's detail in the dialog, a 400's errors next to each input.
 * A 409 means the task moved on meanwhile (claimed, decided or returned by someone else): the user is told so, the
 * dialog closes and the page is refreshed to show the task as it is now.
 */
export const useTaskAction = <A extends keyof TaskActionBodies>(
    task: Task,
    action: A,
    { onClose, onDone }: { onClose: () => void; onDone?: () => void }
) => {
    const dataProvider = useOneThingDataProvider();
    const notify = useNotify();
    const refresh = useRefresh();
    return useFormAction(
        async (body: TaskActionBodies[A]) => {
            try {
                return await dataProvider.taskAction(task.id, action, body);
            } catch (error) {
                const { status, message } = error as HttpError;
                if (status === 409) {
                    notify('onething.task.moved_on', { type: 'warning', messageArgs: { detail: message } });
                    onClose();
                    refresh();
                }
                throw error;
            }
        },
        `onething.task.action.${action}.done`,
        // an action with its own way on takes the task from the user: back to the inbox, nothing fetched again
        { onDone: onDone ?? onClose, leaves: onDone !== undefined }
    );
};
