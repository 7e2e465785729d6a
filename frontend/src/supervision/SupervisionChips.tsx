import { Chip, type ChipProps } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { PushStatus, SupervisionResult } from '../types';

const STATUS_COLORS: Record<PushStatus, ChipProps['color']> = {
    PENDING: 'warning',
    CLAIMED: 'info',
    DONE: 'success',
};

export const PUSH_STATUSES = Object.keys(STATUS_COLORS) as PushStatus[];

/** Where a push stands: 待认领, 监管中, 已反馈. */
export const PushStatusChip = ({ status }: { status: PushStatus }) => {
    const translate = useTranslate();
    return (
        <Chip size="small" color={STATUS_COLORS[status]} label={translate(`onething.supervision.status.${status}`)} />
    );
};

const RESULT_COLORS: Record<SupervisionResult, ChipProps['color']> = {
    PASS: 'success',
    CONDITIONS: 'warning',
    FAIL: 'error',
};

export const SUPERVISION_RESULTS = Object.keys(RESULT_COLORS) as SupervisionResult[];

export const isSupervisionResult = (value: unknown): value is SupervisionResult =>
    SUPERVISION_RESULTS.includes(value as SupervisionResult);

/** A supervision's (or a credit event's) result: 合格, 限期整改, 不合格. */
export const SupervisionResultChip = ({ result }: { result: SupervisionResult }) => {
    const translate = useTranslate();
    return (
        <Chip
            size="small"
            variant="outlined"
            color={RESULT_COLORS[result]}
            label={translate(`onething.supervision.result.${result}`)}
            data-result={result}
        />
    );
};
