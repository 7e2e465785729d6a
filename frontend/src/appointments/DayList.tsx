import { Typography } from '@mui/material';
import {
    Datagrid,
    DateInput,
    FunctionField,
    List,
    type RaRecord,
    TextField,
    useListContext,
    useTranslate,
} from 'react-admin';
import type { DayListEntry } from '../types';

/** Today in the user's time zone, as the date input takes it. */
const today = () => {
    const now = new Date();
    return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};

const filters = [<DateInput key="day" source="day" label="onething.day_list.day" alwaysOn />];

const Empty = () => {
    const translate = useTranslate();
    const { filterValues } = useListContext();
    return (
        <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
            {translate('onething.day_list.empty', { day: filterValues.day ?? today() })}
        </Typography>
    );
};

const toCase = (_: unknown, __: string, record: RaRecord) =>
    `/cases/${encodeURIComponent((record as DayListEntry).appointment.caseId)}/show`;

/**
 * 到场名单: who comes to the receptions of the officer's departments on a day (today unless another is picked), in
 * the order of the queue, each leading to the case; the applicant's name masked.
 */
export const DayList = () => (
    <List
        filters={filters}
        filterDefaultValues={{ day: today() }}
        // the day is the only filter and always shown: no 「添加筛选条件」
        actions={false}
        pagination={false}
        exporter={false}
        empty={false}
    >
        <Datagrid bulkActionButtons={false} rowClick={toCase} empty={<Empty />}>
            <TextField source="appointment.time" label="onething.day_list.time" sortable={false} />
            <FunctionField<DayListEntry>
                label="onething.day_list.queue"
                render={entry => `${entry.appointment.queueNumber} 号 · ${entry.appointment.window} 号窗口`}
            />
            <TextField source="appointment.purpose" label="onething.day_list.purpose" sortable={false} />
            <TextField source="caseNumber" label="resources.cases.fields.number" sortable={false} />
            <TextField source="applicantName" label="resources.cases.fields.applicantName" sortable={false} />
            <TextField source="appointment.departmentName" label="onething.case.department" sortable={false} />
        </Datagrid>
    </List>
);
