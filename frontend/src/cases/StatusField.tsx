import { Chip, type ChipProps } from '@mui/material';
import { FunctionField, type FunctionFieldProps, useTranslate } from 'react-admin';
import type { CaseStatus, ItemStatus } from '../types';

const COLORS: Record<CaseStatus | ItemStatus, ChipProps['color']> = {
    WAITING: 'default',
    IN_PROGRESS: 'info',
    SUPPLEMENT: 'warning',
    APPROVED: 'success',
    REJECTED: 'error',
    SKIPPED: 'default',
    COMPLETED: 'success',
};

/** The status of a case or of one of its items, as a coloured chip with its Chinese label. */
export const StatusField = ({
    kind,
    ...props
}: { kind: 'case' | 'item' } & Omit<FunctionFieldProps, 'render' | 'source'>) => {
    const translate = useTranslate();
    return (
        <FunctionField<{ status: CaseStatus | ItemStatus }>
            source="status"
            {...props}
            render={({ status }) => (
                <Chip size="small" color={COLORS[status]} label={translate(`onething.status.${kind}.${status}`)} />
            )}
        />
    );
};
