import ClearIcon from '@mui/icons-material/Clear';
import PriorityHighIcon from '@mui/icons-material/PriorityHigh';
import { Chip, Stack, ToggleButton, Typography } from '@mui/material';
import { useState } from 'react';
import {
    Button,
    Datagrid,
    DateField,
    FunctionField,
    List,
    type RowClickFunction,
    TextField,
    TopToolbar,
    useListContext,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { useMe } from '../auth/useMe';
import { useOneThingDataProvider } from '../dataProvider';
import { EmptyList } from '../layout/ListParts';
import { DeadlineField } from '../timelimit/DeadlineField';
import { escalatedRow } from '../timelimit/escalatedRow';
import { LightField } from '../timelimit/DeadlineLight';
import { LightFilter } from '../timelimit/LightFilter';
import type { InboxView, Task } from '../types';
import { BulkActions } from './BulkActions';
import { type BulkOutcome, BulkResultDialog } from './BulkResultDialog';
import { ClaimButton } from './ClaimButton';
import { DEFAULT_VIEW, filtersOf, URGENCY_SORT, viewOf } from './inbox';
import { inboxFilters } from './inboxFilters';
import { InboxTabs } from './InboxTabs';
import { SavedViewsMenu, SaveViewButton } from './SavedViews';
import { WithdrawButton } from './WithdrawButton';

/** 待办任务（公安户政）: the title names the officer's departments. */
const InboxTitle = () => {
    const translate = useTranslate();
    const { data: me } = useMe();
    const departments = me?.departments.map(department => department.name).join('、');
    return departments
        ? translate('onething.task.inbox_of', { departments })
        : translate('onething.menu.inbox');
};

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

/** 清除筛选: every filter off, the tab kept. */
const ClearFiltersButton = () => {
    const { filterValues, setFilters } = useListContext();
    if (Object.keys(filtersOf(filterValues)).length === 0) return null;
    return (
        <Button label="onething.inbox.filter.clear" onClick={() => setFilters({ view: viewOf(filterValues) }, {})}>
            <ClearIcon />
        </Button>
    );
};

const InboxActions = () => (
    <TopToolbar>
        <ClearFiltersButton />
        <SavedViewsMenu />
        <SaveViewButton />
    </TopToolbar>
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

const caseOf = (task: Task) => `/cases/${encodeURIComponent(task.caseId)}/show`;

/** A rectification or inspection step says what it belongs to: 差评整改 · 核实, 联合踏勘 · 确认踏勘时间. */
const StepName = ({ task }: { task: Task }) => {
    const translate = useTranslate();
    if (!task.ratingId && !task.inspectionId) return <>{task.name}</>;
    const what = translate(task.ratingId ? 'onething.menu.rectifications' : 'onething.menu.inspections');
    return <>{`${what} · ${task.name}`}</>;
};

/**
 * Who works the task, and whether it is delegated (委派中) or given back to the delegator (已交回待确认), or waits for
 * its signers (签署中).
 */
const AssigneeField = (_: { label?: string }) => {
    const task = useRecordContext<Task>();
    const translate = useTranslate();
    if (!task) return null;
    return (
        <Stack direction="row" spacing={1} alignItems="center" component="span">
            <span>{task.assigneeName ?? task.assignee ?? translate('onething.task.unassigned')}</span>
            {task.delegation && (
                <Chip
                    size="small"
                    variant="outlined"
                    color={task.delegation === 'PENDING' ? 'info' : 'warning'}
                    label={translate(`onething.task.delegation.${task.delegation}`)}
                />
            )}
            {task.countersign === 'OPEN' && (
                <Chip size="small" variant="outlined" color="info" label={translate('onething.countersign.status.OPEN')} />
            )}
        </Stack>
    );
};

// the steps of a rating or an inspection are worked on their own pages, a signer's task is signed on its own
const workedHere = (task: Task) => !task.ratingId && !task.inspectionId && !task.sign;

/** 我的待办, 待认领, 本部门全部: open tasks, most urgent first, with lights and deadlines, worked one by one or in bulk. */
const OpenTasks = ({ view }: { view: InboxView }) => {
    const { onUnselectItems } = useListContext();
    const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
    return (
        <>
            <Stack direction="row" spacing={2} alignItems="center" useFlexGap flexWrap="wrap" sx={{ p: 1 }}>
                <LightFilter />
                <UrgencySortButton />
            </Stack>
            <Datagrid
                bulkActionButtons={<BulkActions view={view} onOutcome={setOutcome} />}
                isRowSelectable={workedHere}
                rowClick={openTask}
                rowSx={(task: Task) => escalatedRow(task.escalated)}
                empty={<EmptyList text={`onething.inbox.empty.${view}`} />}
            >
                <FunctionField<Task> source="name" render={task => <StepName task={task} />} />
                <TextField source="caseNumber" sortable={false} />
                <TextField source="bundleName" sortable={false} />
                <TextField source="applicantName" sortable={false} />
                <TextField source="departmentName" sortable={false} />
                <LightField label="resources.tasks.fields.light" sortable={false} />
                <DeadlineField label="resources.tasks.fields.dueDate" sortBy="due" />
                <DateField source="created" showTime />
                <AssigneeField label="resources.tasks.fields.assigneeName" />
                <ClaimButton />
            </Datagrid>
            {outcome && (
                <BulkResultDialog
                    outcome={outcome}
                    onClose={() => {
                        setOutcome(null);
                        onUnselectItems();
                    }}
                />
            )}
        </>
    );
};

const UNREAD = { '& .MuiTableCell-body': { fontWeight: 'bold' } };

/** 抄送我的: the copies sent to the user, newest first, the unread ones in bold; a row opens the case, read only. */
const Copies = () => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const openCopy: RowClickFunction = async (_id, _resource, task) => {
        // reading it is what matters: a failed mark only leaves it bold
        if (task.cc && !task.cc.read) await dataProvider.markCopyRead(task.cc.id).catch(() => undefined);
        return caseOf(task as Task);
    };
    return (
        <Datagrid
            bulkActionButtons={false}
            rowClick={openCopy}
            rowSx={(task: Task) => (task.cc?.read ? {} : UNREAD)}
            empty={<EmptyList text="onething.inbox.empty.cc" />}
        >
            <TextField source="name" sortable={false} />
            <TextField source="caseNumber" sortable={false} />
            <TextField source="cc.from" sortable={false} />
            <TextField source="cc.note" sortable={false} emptyText="—" />
            <DateField source="cc.at" showTime sortable={false} />
            <FunctionField<Task>
                source="cc.read"
                sortable={false}
                render={task => (
                    <Typography variant="body2" component="span" sx={{ fontWeight: 'inherit' }}>
                        {translate(task.cc?.read ? 'onething.inbox.cc_read' : 'onething.inbox.cc_unread')}
                    </Typography>
                )}
            />
        </Datagrid>
    );
};

/** 我已办结: the steps the user completed, newest first; a row opens the case; 撤回 while the next step is unclaimed. */
const Done = () => (
    <Datagrid
        bulkActionButtons={false}
        rowClick={(_id, _resource, task) => caseOf(task as Task)}
        empty={<EmptyList text="onething.inbox.empty.done" />}
    >
        <TextField source="name" sortable={false} />
        <TextField source="caseNumber" sortable={false} />
        <TextField source="bundleName" sortable={false} />
        <TextField source="applicantName" sortable={false} />
        <TextField source="departmentName" sortable={false} />
        <DateField source="completedAt" showTime sortable={false} />
        <WithdrawButton />
    </Datagrid>
);

/** The tab's own list: each tab shows different columns (as the tabs of Posters Galore's orders do). */
const InboxRows = () => {
    const { filterValues } = useListContext();
    const view = viewOf(filterValues);
    if (view === 'cc') return <Copies />;
    if (view === 'done') return <Done />;
    return <OpenTasks view={view} />;
};

/**
 * The department's inbox in tabs — 我的待办, 待认领, 本部门全部 (leads), 抄送我的, 我已办结 — each with its count;
 * filters by bundle, item, status, light, deadline, applicant and arrival; saved views (常用视图). Open tasks are
 * claimed, assigned and approved in bulk, or opened to be worked one by one.
 */
export const TaskList = () => (
    <List
        sort={URGENCY_SORT}
        filterDefaultValues={{ view: DEFAULT_VIEW }}
        filters={inboxFilters}
        actions={<InboxActions />}
        exporter={false}
        empty={false}
        title={<InboxTitle />}
    >
        <InboxTabs />
        <InboxRows />
    </List>
);
