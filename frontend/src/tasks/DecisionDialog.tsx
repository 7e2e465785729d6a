import CheckIcon from '@mui/icons-material/Check';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useId } from 'react';
import {
    CheckboxGroupInput,
    Form,
    required,
    SaveButton,
    TextInput,
    useNotify,
    useRedirect,
    useTranslate,
} from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import { useSubmitHandler } from '../form/useSubmitHandler';
import type { Decision, DecisionKind, Task } from '../types';
import { useNotifyError } from '../errors';

const reasonRequired = [required()];
const missingRequired = [
    (value?: string[]) => (value?.length ? undefined : 'onething.task.missing_required'),
];

export interface DecisionDialogProps {
    kind: DecisionKind;
    task: Task;
    /** what the applicant may be asked to correct: the item's fields and materials */
    missingChoices: { id: string; name: string }[];
    onClose: () => void;
}

/**
 * Confirms a decision on a task. 不予办理 needs the reason, 退回补正 at least one field or material to correct.
 * Done, or taken by someone else in the meantime (409): back to the inbox.
 */
export const DecisionDialog = ({ kind, task, missingChoices, onClose }: DecisionDialogProps) => {
    const translate = useTranslate();
    const notify = useNotify();
    const notifyError = useNotifyError();
    const redirect = useRedirect();
    const dataProvider = useOneThingDataProvider();
    const titleId = useId();

    const submit = useSubmitHandler(
        ({ comment, missing }: Omit<Decision, 'decision'>) =>
            dataProvider.completeTask(task.id, {
                decision: kind,
                comment,
                missing: kind === 'return' ? missing : [],
            }),
        () => {
            notify('onething.task.done', { type: 'success' });
            redirect('list', 'tasks');
        },
        error => {
            notifyError(error);
            if (error.status === 409) redirect('list', 'tasks');
        }
    );

    return (
        <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={titleId}>
            <Form onSubmit={submit} record={{ comment: '', missing: [] }}>
                <DialogTitle id={titleId}>{translate(`onething.task.${kind}_title`, { name: task.name })}</DialogTitle>
                <DialogContent>
                    {kind === 'return' && (
                        <CheckboxGroupInput
                            source="missing"
                            label="onething.task.missing"
                            choices={missingChoices}
                            row={false}
                            validate={missingRequired}
                        />
                    )}
                    <TextInput
                        source="comment"
                        label={kind === 'reject' ? 'onething.task.reason' : 'onething.task.comment'}
                        validate={kind === 'reject' ? reasonRequired : undefined}
                        multiline
                        minRows={3}
                        fullWidth
                    />
                </DialogContent>
                <DialogActions>
                    <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
                    <SaveButton label="ra.action.confirm" icon={<CheckIcon />} alwaysEnable />
                </DialogActions>
            </Form>
        </Dialog>
    );
};
