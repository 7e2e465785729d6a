import { Stack, Typography } from '@mui/material';
import {
    Datagrid,
    DateField,
    FunctionField,
    List,
    TextField,
    useListContext,
    usePermissions,
    useTranslate,
} from 'react-admin';
import { StepDeadline } from '../ratings/RatingDetail';
import { RatedItemField, RatingLevelField, RatingReasonField, RectificationStatusChip } from '../ratings/RatingChips';
import type { Permissions, Rating } from '../types';
import { FlagFilter } from '../layout/FlagFilter';

/** 待我处理 / 全部 (managers): every open rectification, not only those waiting for them. */
const ScopeFilter = () => (
    <FlagFilter
        flag="all"
        label="onething.rectification.scope"
        off="onething.rectification.scope_mine"
        on="onething.rectification.scope_all"
    />
);

const Empty = () => {
    const translate = useTranslate();
    const { filterValues } = useListContext();
    return (
        <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
            {translate(filterValues.all ? 'onething.rectification.empty_all' : 'onething.rectification.empty')}
        </Typography>
    );
};

/** The current step's name with the rectification's status (待核实, 整改中…). */
const StepField = (_: { label?: string }) => (
    <FunctionField<Rating>
        render={({ rectification }) =>
            rectification ? (
                <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
                    {rectification.step && (
                        <Typography variant="body2" component="span">
                            {rectification.step.name}
                        </Typography>
                    )}
                    <RectificationStatusChip status={rectification.status} />
                </Stack>
            ) : (
                '—'
            )
        }
    />
);

const StepDeadlineField = (_: { label?: string }) => (
    <FunctionField<Rating>
        render={({ rectification }) => (rectification?.step ? <StepDeadline step={rectification.step} /> : '—')}
    />
);

/**
 * 差评整改: the bad ratings whose current step the user acts on (a department's officers and lead: 核实, 整改;
 * managers: 排除审核, 申诉复核; managers may list all open ones), each with its step's deadline and light.
 */
export const RectificationList = () => {
    const { permissions } = usePermissions<Permissions>();
    const manager = !!permissions?.roles.includes('manager');
    return (
        <List exporter={false} actions={false} empty={false} title="onething.rectification.list_title">
            {manager && <ScopeFilter />}
            <Datagrid bulkActionButtons={false} rowClick="show" empty={<Empty />}>
                <TextField source="caseNumber" sortable={false} />
                <RatedItemField label="resources.rectifications.fields.itemName" />
                <TextField source="departmentName" sortable={false} />
                <RatingLevelField label="resources.rectifications.fields.level" />
                <RatingReasonField label="resources.rectifications.fields.reason" />
                <StepField label="resources.rectifications.fields.step" />
                <StepDeadlineField label="resources.rectifications.fields.dueDate" />
                <DateField source="ratedAt" showTime sortable={false} />
            </Datagrid>
        </List>
    );
};
