import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import { Datagrid, DateField, FunctionField, List, TextField, useTranslate } from 'react-admin';
import { DeadlineLight } from '../timelimit/DeadlineLight';
import { DeadlineText } from '../timelimit/DeadlineField';
import type { CaseSummary } from '../types';
import { StatusField } from './StatusField';

const Progress = ({ done, total }: { done: number; total: number }) => {
    const translate = useTranslate();
    return (
        <Box sx={{ minWidth: 140 }}>
            <LinearProgress variant="determinate" value={total ? (done / total) * 100 : 0} />
            <Typography variant="caption">{translate('onething.case.items_done', { done, total })}</Typography>
        </Box>
    );
};

/** The cases the user may see: a citizen's own, an officer's department's, all for a manager. */
export const CaseList = () => (
    <List sort={{ field: 'submittedAt', order: 'DESC' }} exporter={false}>
        <Datagrid bulkActionButtons={false} rowClick="show">
            <TextField source="number" />
            <TextField source="bundleName" sortable={false} />
            <TextField source="applicantName" sortable={false} />
            <StatusField kind="case" label="resources.cases.fields.status" />
            <FunctionField<CaseSummary>
                label="resources.cases.fields.progress"
                render={record => <Progress done={record.itemsDone} total={record.itemsTotal} />}
            />
            <FunctionField<CaseSummary>
                label="resources.cases.fields.dueDate"
                render={record => (
                    <Stack direction="row" spacing={1} alignItems="center">
                        <DeadlineLight light={record.light} />
                        <DeadlineText deadline={record} />
                    </Stack>
                )}
            />
            <DateField source="submittedAt" showTime />
            <DateField source="completedAt" showTime emptyText="—" />
        </Datagrid>
    </List>
);
