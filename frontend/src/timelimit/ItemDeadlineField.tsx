import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { CaseItem } from '../types';
import { DeadlineText } from './DeadlineField';
import { DeadlineStops } from './DeadlineStops';

/**
 * An item's deadline in the case's 办理进度: the due date with what is left, the limit and the working days
 * used, and the periods stopped for a 补正; before the item starts, that it waits for the earlier items.
 */
export const ItemDeadlineField = (_: { label?: string }) => {
    const item = useRecordContext<CaseItem>();
    const translate = useTranslate();
    const deadline = item?.deadline;
    if (!deadline) {
        return (
            <Typography variant="body2" color="text.secondary">
                {item?.status === 'WAITING' ? translate('onething.deadline.not_started') : '—'}
            </Typography>
        );
    }
    return (
        <Box sx={{ minWidth: 200 }}>
            <DeadlineText deadline={deadline} />
            <Typography variant="caption" color="text.secondary" display="block">
                {translate('onething.deadline.usage', { limit: deadline.limitDays, elapsed: deadline.elapsedDays })}
            </Typography>
            <DeadlineStops stops={deadline.stops} />
        </Box>
    );
};
