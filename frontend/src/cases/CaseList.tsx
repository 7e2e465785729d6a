import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import { Datagrid, DateField, FunctionField, List, SimpleList, TextField, useTranslate } from 'react-admin';
import { useListPerPage, useSimpleLayout } from '../layout/elderMode';
import { DeadlineLight } from '../timelimit/DeadlineLight';
import { DeadlineText } from '../timelimit/DeadlineField';
import type { CaseSummary } from '../types';
import { StatusField } from './StatusField';

const Progress = ({ done, total }: { done: number; total: number }) => {
    const translate = useTranslate();
    const text = translate('onething.case.items_done', { done, total });
    return (
        <Box sx={{ minWidth: 140 }}>
            <LinearProgress variant="determinate" value={total ? (done / total) * 100 : 0} aria-label={text} />
            <Typography variant="caption">{text}</Typography>
        </Box>
    );
};

const Due = ({ record }: { record: CaseSummary }) => (
    <Stack direction="row" spacing={1} alignItems="center">
        <DeadlineLight light={record.light} />
        <DeadlineText deadline={record} />
    </Stack>
);

/** One card per case (on a phone and in 长者版): what, which, how far, by when. */
const CaseCards = () => {
    const translate = useTranslate();
    return (
        <SimpleList<CaseSummary>
            linkType="show"
            primaryText={record => record.bundleName}
            secondaryText={record => (
                <>
                    {record.number} · {translate(`onething.status.case.${record.status}`)} ·{' '}
                    {translate('onething.case.items_done', { done: record.itemsDone, total: record.itemsTotal })}
                </>
            )}
            tertiaryText={record => <Due record={record} />}
        />
    );
};

const CaseTable = () => (
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
            render={record => <Due record={record} />}
        />
        <DateField source="submittedAt" showTime />
        <DateField source="completedAt" showTime emptyText="—" />
    </Datagrid>
);

/**
 * The cases the user may see: a citizen's own, an officer's department's, all for a manager. A table on a wide
 * screen, cards on a phone and in 长者版.
 */
export const CaseList = () => {
    const simple = useSimpleLayout();
    return (
        <List sort={{ field: 'submittedAt', order: 'DESC' }} exporter={false} perPage={useListPerPage()}>
            {simple ? <CaseCards /> : <CaseTable />}
        </List>
    );
};
