import { type ChipProps, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { CodeChip } from '../layout/CodeChip';
import type { FindingResult, InspectionStatus, InspectionSummary } from '../types';
import { visitTime } from './inspection';

const STATUS_COLORS: Record<InspectionStatus, ChipProps['color']> = {
    SCHEDULING: 'default',
    CONFIRMING: 'info',
    FIXED: 'primary',
    RECTIFYING: 'warning',
    RECHECK: 'info',
    PASSED: 'success',
    FAILED: 'error',
};

export const INSPECTION_STATUSES = Object.keys(STATUS_COLORS) as InspectionStatus[];

/** Where an inspection stands: 拟定踏勘时间, 确认踏勘时间, 待现场踏勘, 企业整改中, 待复查, 踏勘通过, 踏勘不通过. */
export const InspectionStatusChip = ({ status }: { status: InspectionStatus }) => (
    <CodeChip code={status} colors={STATUS_COLORS} messages="onething.inspection.status" />
);

const RESULT_COLORS: Record<FindingResult, ChipProps['color']> = {
    PASS: 'success',
    CONDITIONS: 'warning',
    FAIL: 'error',
};

/** A conclusion: 通过, 有条件通过, 不通过. */
export const FindingResultChip = ({ result }: { result: FindingResult }) => (
    <CodeChip code={result} colors={RESULT_COLORS} messages="onething.inspection.result" variant="outlined" />
);

/** The status of the inspection in context, as a Datagrid / Show field. */
export const InspectionStatusField = (_: { label?: string }) => {
    const inspection = useRecordContext<InspectionSummary>();
    return inspection ? <InspectionStatusChip status={inspection.status} /> : null;
};

/** The departments taking part, the lead first and marked 牵头. */
export const DepartmentsField = (_: { label?: string }) => {
    const inspection = useRecordContext<InspectionSummary>();
    const translate = useTranslate();
    if (!inspection) return null;
    const others = inspection.departments.filter(department => department.code !== inspection.lead.code);
    return (
        <Typography variant="body2" component="span">
            {`${inspection.lead.name}（${translate('onething.inspection.lead')}）`}
            {others.map(department => `、${department.name}`).join('')}
        </Typography>
    );
};

/** When and where the visit is, or 待拟定. */
export const VisitField = (_: { label?: string }) => {
    const inspection = useRecordContext<InspectionSummary>();
    const translate = useTranslate();
    if (!inspection) return null;
    if (!inspection.visitAt) {
        return (
            <Typography variant="body2" component="span" color="text.secondary">
                {translate('onething.inspection.not_scheduled')}
            </Typography>
        );
    }
    return (
        <Stack component="span">
            <Typography variant="body2" component="span" sx={{ whiteSpace: 'nowrap' }}>
                {visitTime(inspection.visitAt)}
            </Typography>
            {inspection.visitPlace && (
                <Typography variant="caption" component="span" color="text.secondary">
                    {inspection.visitPlace}
                </Typography>
            )}
        </Stack>
    );
};

/** The steps open now: 确认踏勘时间（生态环境局）; the combined result once finished. */
export const OpenStepsField = (_: { label?: string }) => {
    const inspection = useRecordContext<InspectionSummary>();
    const translate = useTranslate();
    if (!inspection) return null;
    if (inspection.openSteps.length === 0) {
        return inspection.result ? <FindingResultChip result={inspection.result} /> : <>—</>;
    }
    return (
        <Stack component="span">
            {inspection.openSteps.map(step => (
                <Typography
                    key={`${step.step}-${step.department}`}
                    variant="body2"
                    component="span"
                    // the user's own step stands out
                    sx={step.taskId ? { fontWeight: 'bold' } : undefined}
                >
                    {translate('onething.inspection.step_of', { step: step.stepName, department: step.departmentName })}
                </Typography>
            ))}
        </Stack>
    );
};
