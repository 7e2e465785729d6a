import { ArrayField, Datagrid, DateField, TextField } from 'react-admin';
import { StatusField } from './StatusField';

/** The case's items, one row each: department, status, dates and the decision's comment. */
export const CaseItems = () => (
    <ArrayField source="items">
        <Datagrid bulkActionButtons={false} rowClick={false}>
            <TextField source="name" label="onething.case.item" />
            <TextField source="departmentName" label="onething.case.department" />
            <StatusField kind="item" label="resources.cases.fields.status" />
            <DateField source="startedAt" label="onething.case.started_at" showTime emptyText="—" />
            <DateField source="decidedAt" label="onething.case.decided_at" showTime emptyText="—" />
            <TextField source="comment" label="onething.case.comment" emptyText="—" />
            <TextField source="decidedBy" label="onething.case.decided_by" emptyText="—" />
        </Datagrid>
    </ArrayField>
);
