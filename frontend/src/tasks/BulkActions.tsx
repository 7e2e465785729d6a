import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import GroupAddIcon from '@mui/icons-material/GroupAdd';
import { Box, Tooltip, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
    Button,
    type HttpError,
    type Identifier,
    required,
    SelectInput,
    TextInput,
    useListContext,
    useRefresh,
    useTranslate,
} from 'react-admin';
import { useMe } from '../auth/useMe';
import { useOneThingDataProvider } from '../dataProvider';
import { useNotifyError } from '../errors';
import { ActionDialog } from '../form/ActionDialog';
import { useFormAction } from '../form/useFormAction';
import type { BulkRequest, InboxView, Task } from '../types';
import type { BulkOutcome } from './BulkResultDialog';
import { useColleagues } from './inbox';

const colleagueRequired = [required('onething.task.validation.colleague_required')];

/** 办件编号 · 事项 of a task. */
const useLabelOf = () => {
    const translate = useTranslate();
    return (task: Task) => translate('onething.task.bulk.task', { number: task.caseNumber, name: task.name });
};

/** The names of some tasks, one a line. */
const TaskNames = ({ tasks }: { tasks: Task[] }) => {
    const labelOf = useLabelOf();
    return (
        <Box component="ul" sx={{ mt: 0.5, mb: 2, pl: 3 }}>
            {tasks.map(task => (
                <li key={task.id}>{labelOf(task)}</li>
            ))}
        </Box>
    );
};

/** 批量分配 (leads): one colleague for all, chosen among the officers of the first task's department. */
const BulkAssignDialog = ({
    ids,
    run,
    onClose,
}: {
    ids: Identifier[];
    run: (request: Omit<BulkRequest, 'taskIds'>) => Promise<void>;
    onClose: () => void;
}) => {
    const translate = useTranslate();
    const { data: colleagues = [] } = useColleagues(ids[0]);
    const { submit, problem } = useFormAction(
        ({ assignee }: { assignee: string }) => run({ action: 'assign', assignee }),
        'onething.task.bulk.done',
        { onDone: onClose }
    );
    return (
        <ActionDialog
            title={translate('onething.task.bulk.assign_title', { smart_count: ids.length })}
            onClose={onClose}
            onSubmit={submit}
            problem={problem}
            record={{ assignee: '' }}
            submitLabel="ra.action.confirm"
        >
            <SelectInput
                source="assignee"
                label="onething.task.input.assignee"
                choices={colleagues}
                optionValue="username"
                validate={colleagueRequired}
                fullWidth
            />
        </ActionDialog>
    );
};

/**
 * 批量通过 with one comment: only the steps whose model allows it; the others are named and left out. A selected task
 * of another page (not known here) is sent as it is: the server refuses it if it must be reviewed one by one.
 */
const BulkApproveDialog = ({
    ids,
    run,
    onClose,
}: {
    ids: Identifier[];
    run: (request: Omit<BulkRequest, 'taskIds'>, taskIds: Identifier[]) => Promise<void>;
    onClose: () => void;
}) => {
    const translate = useTranslate();
    const { data = [] } = useListContext<Task>();
    const excluded = data.filter(task => ids.includes(task.id) && !task.bulkApprove);
    const included = ids.filter(id => !excluded.some(task => task.id === id));
    const { submit, problem } = useFormAction(
        ({ comment }: { comment: string }) => run({ action: 'approve', comment: comment.trim() }, included),
        'onething.task.bulk.done',
        { onDone: onClose }
    );
    return (
        <ActionDialog
            title={translate('onething.task.bulk.approve_title', { smart_count: included.length })}
            onClose={onClose}
            onSubmit={submit}
            problem={problem}
            record={{ comment: '' }}
            submitLabel="ra.action.confirm"
        >
            <Typography variant="body2">
                {translate('onething.task.bulk.approve_included', { smart_count: included.length })}
            </Typography>
            <TaskNames tasks={data.filter(task => included.includes(task.id))} />
            {excluded.length > 0 && (
                <>
                    <Typography variant="body2" color="warning.main">
                        {translate('onething.task.bulk.approve_excluded', { smart_count: excluded.length })}
                    </Typography>
                    <TaskNames tasks={excluded} />
                </>
            )}
            <TextInput source="comment" label="onething.task.comment" multiline minRows={2} fullWidth />
        </ActionDialog>
    );
};

/**
 * The bulk actions of the open tabs: 批量认领 (待认领, 本部门全部), 批量分配 (leads), 批量通过. Each task goes on its
 * own: `onOutcome` then gets every task with 成功 or why it failed, and the list is refreshed. The result is shown by
 * the list, not here: this toolbar goes away with the selection once the tasks that went through leave the tab.
 */
export const BulkActions = ({ view, onOutcome }: { view: InboxView; onOutcome: (outcome: BulkOutcome) => void }) => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const notifyError = useNotifyError();
    const refresh = useRefresh();
    const labelOf = useLabelOf();
    const { selectedIds, data = [] } = useListContext<Task>();
    const { data: me } = useMe();
    const [dialog, setDialog] = useState<'assign' | 'approve' | null>(null);

    const run = async (request: Omit<BulkRequest, 'taskIds'>, taskIds: Identifier[] = selectedIds) => {
        // named as the list shows them now: the ones that went through leave it
        const labels = Object.fromEntries(data.map(task => [task.id, labelOf(task)]));
        const results = await dataProvider.bulkTasks({ ...request, taskIds: taskIds.map(String) });
        onOutcome({ action: request.action, results, labels });
    };
    const claim = useMutation<void, HttpError>({
        mutationFn: () => run({ action: 'claim' }),
        onError: notifyError,
        onSettled: () => refresh(),
    });
    const approvable = selectedIds.some(id => data.find(task => task.id === id)?.bulkApprove ?? true);

    return (
        <>
            {view !== 'mine' && (
                <Button label="onething.task.bulk.claim" disabled={claim.isPending} onClick={() => claim.mutate()}>
                    <AssignmentIndIcon />
                </Button>
            )}
            {me?.roles.includes('lead') && (
                <Button label="onething.task.bulk.assign" onClick={() => setDialog('assign')}>
                    <GroupAddIcon />
                </Button>
            )}
            <Tooltip title={approvable ? '' : translate('onething.task.bulk.approve_none')}>
                {/* a disabled button shows no tooltip itself */}
                <span>
                    <Button
                        label="onething.task.bulk.approve"
                        disabled={!approvable}
                        onClick={() => setDialog('approve')}
                    >
                        <DoneAllIcon />
                    </Button>
                </span>
            </Tooltip>
            {dialog === 'assign' && <BulkAssignDialog ids={selectedIds} run={run} onClose={() => setDialog(null)} />}
            {dialog === 'approve' && (
                <BulkApproveDialog ids={selectedIds} run={run} onClose={() => setDialog(null)} />
            )}
        </>
    );
};
