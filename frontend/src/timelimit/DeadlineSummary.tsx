import { Paper, Stack, Typography } from '@mui/material';
import { useId } from 'react';
import { useTranslate } from 'react-admin';
import type { DeadlineView } from '../types';
import { DeadlineLight } from './DeadlineLight';
import { DeadlineText } from './DeadlineField';
import { Fact } from '../cases/FactsRow';
import { DeadlineStops } from './DeadlineStops';

/**
 * A whole case's promised limit at a glance (办结时限, or another `title` such as 踏勘时限): the limit, the due date,
 * working days used and left, its light (or, once finished, whether it was on time) and the 补正 stops.
 */
export const DeadlineSummary = ({
    deadline,
    title = 'onething.deadline.case_deadline',
}: {
    deadline?: DeadlineView | null;
    title?: string;
}) => {
    const translate = useTranslate();
    const titleId = useId();
    if (!deadline) return null;
    const days = (count: number) => translate('onething.deadline.days', { days: count });
    const finished = deadline.light == null;
    return (
        <Paper variant="outlined" component="section" aria-labelledby={titleId} sx={{ mx: 2, mb: 1, px: 2, py: 1 }}>
            <Typography variant="subtitle2" component="h2" id={titleId}>
                {translate(title)}
            </Typography>
            <Stack direction="row" useFlexGap flexWrap="wrap" columnGap={4} rowGap={1} sx={{ mt: 0.5 }}>
                <Fact label="onething.deadline.limit">{days(deadline.limitDays)}</Fact>
                <Fact label="onething.deadline.due_date">
                    <DeadlineText deadline={deadline} />
                </Fact>
                <Fact label="onething.deadline.elapsed">{days(deadline.elapsedDays)}</Fact>
                {!finished && (
                    <Fact label="onething.deadline.remaining_days">
                        {deadline.remainingDays < 0
                            ? translate('onething.deadline.overdue_days', { days: -deadline.remainingDays })
                            : days(deadline.remainingDays)}
                    </Fact>
                )}
                <Fact label={finished ? 'onething.deadline.result' : 'onething.deadline.status'}>
                    {finished ? (
                        deadline.onTime == null ? (
                            '—'
                        ) : (
                            translate(
                                deadline.onTime ? 'onething.deadline.on_time_result' : 'onething.deadline.late_result',
                            )
                        )
                    ) : (
                        <DeadlineLight light={deadline.light} />
                    )}
                </Fact>
                {deadline.stops.length > 0 && (
                    <Fact label="onething.deadline.stops">
                        <DeadlineStops stops={deadline.stops} bare />
                    </Fact>
                )}
            </Stack>
        </Paper>
    );
};
