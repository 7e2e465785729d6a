import PriorityHighIcon from '@mui/icons-material/PriorityHigh';
import { Stack, ToggleButton } from '@mui/material';
import {
    Datagrid,
    DateField,
    FunctionField,
    List,
    type RowClickFunction,
    TextField,
    useListContext,
    useTranslate,
} from 'react-admin';
import { useMe } from '../auth/useMe';
import { DeadlineField } from '../timelimit/DeadlineField';
import { escalatedRow } from '../timelimit/escalatedRow';
import { LightField } from '../timelimit/DeadlineLight';
import { LightFilter } from '../timelimit/LightFilter';
import type { Task } from '../types';
import { ClaimButton } from './ClaimButton';

/** 待办任务（公安户政）: the title names the officer's departments. */
const InboxTitle = () => {
    const translate = useTranslate();
    const { data: me } = useMe();
    const departments = me?.departments.map(department => department.name).join('、');
    return departments
        ? translate('onething.task.inbox_of', { departments })
        : translate('onething.menu.inbox');
};

/** The inbox's default order, most urgent first (the backend ranks: overdue, due soon, …). */
export const URGENCY_SORT = { field: 'urgency', order: 'ASC' } as const;

/** Back to the default order after sorting by a column. */
const UrgencySortButton = () => {
    const translate = useTranslate();
    const { sort, setSort } = useListContext();
    const selected = sort.field === URGENCY_SORT.field;
    return (
        <ToggleButton
            value="urgency"
            size="small"
            selected={selected}
            onChange={() => !selected && setSort(URGENCY_SORT)}
        >
            <PriorityHighIcon fontSize="small" sx={{ mr: 0.5 }} />
            {translate('onething.deadline.sort_urgency')}
        </ToggleButton>
    );
};

const InboxToolbar = () => (
    <Stack direction="row" spacing={2} alignItems="center" useFlexGap flexWrap="wrap" sx={{ p: 1 }}>
        <LightFilter />
        <UrgencySortButton />
    </Stack>
);

/**
 * An item's task opens its task page; a rectification step its rating's 差评整改 page; a site inspection's step
 * the inspection's page (the step has no task page).
 */
const openTask: RowClickFunction = (_id, _resource, record) =>
    record.ratingId
        ? `/rectifications/${encodeURIComponent(record.ratingId)}/show`
        : record.inspectionId
          ? `/inspections/${encodeURIComponent(record.inspectionId)}/show`
          : 'show';

/** A rectification or inspection step says what it belongs to: 差评整改 · 核实, 联合踏勘 · 确认踏勘时间. */
const StepName = ({ task }: { task: Task }) => {
    const translate = useTranslate();
    if (!task.ratingId && !task.inspectionId) return <>{task.name}</>;
    const what = translate(task.ratingId ? 'onething.menu.rectifications' : 'onething.menu.inspections');
    return <>{`${what} · ${task.name}`}</>;
};

/**
 * The department's inbox: open tasks, most urgent first, with each one's deadline and light; filter by light,
 * claim one, open it to decide.
 */
export const TaskList = () => (
    <List sort={URGENCY_SORT} exporter={false} actions={false} title={<InboxTitle />}>
        <InboxToolbar />
        <Datagrid bulkActionButtons={false} rowClick={openTask} rowSx={(task: Task) => escalatedRow(task.escalated)}>
            <FunctionField<Task> source="name" render={task => <StepName task={task} />} />
            <TextField source="caseNumber" sortable={false} />
            <TextField source="applicantName" sortable={false} />
            <TextField source="departmentName" sortable={false} />
            <LightField label="resources.tasks.fields.light" sortable={false} />
            <DeadlineField label="resources.tasks.fields.dueDate" sortBy="due" />
            <DateField source="created" showTime />
            <TextField source="assignee" sortable={false} emptyText="onething.task.unassigned" />
            <ClaimButton />
        </Datagrid>
    </List>
);
