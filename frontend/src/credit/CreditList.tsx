import { Typography } from '@mui/material';
import { Datagrid, FunctionField, List, SelectInput, TextField, useRecordContext, useTranslate } from 'react-admin';
import type { CreditGrade, EnterpriseCredit } from '../types';
import { CREDIT_GRADES, CreditGradeField, GradeRule } from './CreditGrade';
import { CreditEventsPanel } from './CreditEvents';

/** A grade to filter by: 「A 级」 with its rule. */
const GradeOption = () => {
    const choice = useRecordContext<{ id: CreditGrade }>();
    const translate = useTranslate();
    if (!choice) return null;
    return <>{`${translate('onething.credit.grade', { grade: choice.id })}：${translate(`onething.credit.rule.${choice.id}`)}`}</>;
};

const filters = [
    <SelectInput
        key="grade"
        source="grade"
        label="resources.credit.fields.grade"
        choices={CREDIT_GRADES.map(grade => ({ id: grade }))}
        optionText={<GradeOption />}
        emptyText="onething.credit.all_grades"
        alwaysOn
    />,
];

const EventCount = ({ count }: { count: number }) => {
    const translate = useTranslate();
    return <>{translate('onething.credit.event_count', { count })}</>;
};

const Empty = () => {
    const translate = useTranslate();
    return (
        <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
            {translate('onething.credit.empty')}
        </Typography>
    );
};

/**
 * 企业信用 (managers and officers, read only): the enterprises with their grade over the last two years, lowest
 * first, filtered by grade; a row opens its events. The rule of the grades stands above.
 */
export const CreditList = () => (
    <List exporter={false} filters={filters} empty={false} title="onething.credit.list_title">
        <GradeRule />
        <Datagrid bulkActionButtons={false} rowClick="expand" expand={<CreditEventsPanel />} empty={<Empty />}>
            <TextField source="name" label="resources.credit.fields.name" sortable={false} />
            <TextField source="creditCode" label="resources.credit.fields.creditCode" sortable={false} emptyText="—" />
            <CreditGradeField label="resources.credit.fields.grade" />
            <FunctionField<EnterpriseCredit>
                label="resources.credit.fields.events"
                render={credit => <EventCount count={credit.events.length} />}
            />
        </Datagrid>
    </List>
);
