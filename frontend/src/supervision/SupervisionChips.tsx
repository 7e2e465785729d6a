import { type ChipProps } from '@mui/material';
import { CodeChip } from '../layout/CodeChip';
import type { PushStatus, SupervisionResult } from '../types';

const STATUS_COLORS: Record<PushStatus, ChipProps['color']> = {
    PENDING: 'warning',
    CLAIMED: 'info',
    DONE: 'success',
};

export const PUSH_STATUSES = Object.keys(STATUS_COLORS) as PushStatus[];

/** Where a push stands: 待认领, 监管中, 已反馈. */
export const PushStatusChip = ({ status }: { status: PushStatus }) => (
    <CodeChip code={status} colors={STATUS_COLORS} messages="onething.supervision.status" />
);

const RESULT_COLORS: Record<SupervisionResult, ChipProps['color']> = {
    PASS: 'success',
    CONDITIONS: 'warning',
    FAIL: 'error',
};

export const SUPERVISION_RESULTS = Object.keys(RESULT_COLORS) as SupervisionResult[];

export const isSupervisionResult = (value: unknown): value is SupervisionResult =>
    SUPERVISION_RESULTS.includes(value as SupervisionResult);

/** A supervision's (or a credit event's) result: 合格, 限期整改, 不合格. */
export const SupervisionResultChip = ({ result }: { result: SupervisionResult }) => (
    <CodeChip
        code={result}
        colors={RESULT_COLORS}
        messages="onething.supervision.result"
        variant="outlined"
        data-result={result}
    />
);
