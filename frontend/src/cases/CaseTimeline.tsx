import { ArrayField, Datagrid, DateField, FunctionField, TextField, useRecordContext } from 'react-admin';
import type { CaseDetail, TimelineEntry } from '../types';

/** What happened to the case, in order. */
export const CaseTimeline = () => {
    const record = useRecordContext<CaseDetail>();
    const itemNames = Object.fromEntries((record?.items ?? []).map(item => [item.code, item.name]));
    return (
        <ArrayField source="timeline">
            <Datagrid bulkActionButtons={false} rowClick={false}>
                <DateField source="at" label="onething.case.at" showTime />
                <FunctionField<TimelineEntry>
                    label="onething.case.item"
                    render={entry => (entry.itemCode ? (itemNames[entry.itemCode] ?? entry.itemCode) : '—')}
                />
                <TextField source="message" label="onething.case.message" />
                <TextField source="actor" label="onething.case.actor" emptyText="—" />
            </Datagrid>
        </ArrayField>
    );
};
