import { useQuery } from '@tanstack/react-query';
import { Datagrid, DateField, List, TextField, useTranslate } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import { ClaimButton } from './ClaimButton';

/** 待办任务（公安户政）: the title names the officer's departments. */
const InboxTitle = () => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const { data: me } = useQuery({ queryKey: ['me'], queryFn: () => dataProvider.me() });
    const departments = me?.departments.map(department => department.name).join('、');
    return departments
        ? translate('onething.task.inbox_of', { departments })
        : translate('onething.menu.inbox');
};

/** The department's inbox: open tasks, oldest first; claim one, open it to decide. */
export const TaskList = () => (
    <List sort={{ field: 'created', order: 'ASC' }} exporter={false} title={<InboxTitle />}>
        <Datagrid bulkActionButtons={false} rowClick="show">
            <TextField source="name" />
            <TextField source="caseNumber" sortable={false} />
            <TextField source="applicantName" sortable={false} />
            <TextField source="departmentName" sortable={false} />
            <DateField source="created" showTime />
            <DateField source="due" showTime emptyText="—" />
            <TextField source="assignee" sortable={false} emptyText="onething.task.unassigned" />
            <ClaimButton />
        </Datagrid>
    </List>
);
