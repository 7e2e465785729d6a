import {
    Alert,
    Card,
    Table,
    TableBody,
    TableCell,
    TableContainer,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { HttpError, Loading, useTranslate } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import type { RectificationStatsRow } from '../types';
import { NO_WRAP, percent } from './analysis';

const COUNTS = ['open', 'closed', 'excluded', 'overdue'] as const;

/** The median time to 销号: in hours under a day, in days (one decimal) from then on; "—" when none closed. */
export const useDurationText = () => {
    const translate = useTranslate();
    return (hours: number | null) =>
        hours == null
            ? '—'
            : hours < 24
              ? translate('onething.analysis.rectification.hours', { hours: hours.toFixed(1) })
              : translate('onething.analysis.rectification.days', { days: (hours / 24).toFixed(1) });
};

const Row = ({ row, total }: { row: RectificationStatsRow; total?: boolean }) => {
    const translate = useTranslate();
    const duration = useDurationText();
    return (
        <TableRow sx={total ? { '& > *': { borderTop: 2, borderColor: 'divider', fontWeight: 'bold' } } : undefined}>
            <TableCell component="th" scope="row">
                {total ? translate('onething.analysis.rectification.total') : row.departmentName}
            </TableCell>
            {COUNTS.map(key => (
                <TableCell
                    key={key}
                    align="right"
                    sx={key === 'overdue' && row.overdue > 0 ? { color: 'error.main', fontWeight: 'bold' } : undefined}
                >
                    {row[key]}
                </TableCell>
            ))}
            <TableCell align="right">{percent(row.onTimeRate)}</TableCell>
            <TableCell align="right">{duration(row.medianHoursToClose)}</TableCell>
        </TableRow>
    );
};

/**
 * 差评整改 by department for the period's bad ratings, as they stand now: 在办, 已销号, 已排除, 超期 (late at some
 * step), 按期销号率, 销号中位时长, with the 合计 row. A 400 (a wrong period) is shown next to the dates, not here.
 */
export const RectificationStatsTable = ({ from, to }: { from?: string; to?: string }) => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const { data, error } = useQuery({
        queryKey: ['ratingRectificationStats', { from, to }],
        queryFn: () => dataProvider.rectificationStats({ from, to }),
        retry: false,
    });
    if (error) {
        return error instanceof HttpError && error.status === 400 ? null : (
            <Alert severity="error">{error.message}</Alert>
        );
    }
    if (!data) return <Loading />;
    return (
        <>
            <TableContainer component={Card}>
                <Table
                    size="small"
                    aria-label={translate('onething.analysis.rectification.table')}
                    sx={NO_WRAP}
                >
                    <TableHead>
                        <TableRow>
                            <TableCell>{translate('onething.analysis.rectification.department')}</TableCell>
                            {COUNTS.map(key => (
                                <TableCell key={key} align="right">
                                    {translate(`onething.analysis.rectification.${key}`)}
                                </TableCell>
                            ))}
                            <TableCell align="right">
                                {translate('onething.analysis.rectification.on_time_rate')}
                            </TableCell>
                            <TableCell align="right">
                                {translate('onething.analysis.rectification.median')}
                            </TableCell>
                        </TableRow>
                    </TableHead>
                    <TableBody>
                        {data.departments.map(row => (
                            <Row key={row.department ?? ''} row={row} />
                        ))}
                        <Row row={data.total} total />
                    </TableBody>
                </Table>
            </TableContainer>
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
                {translate('onething.analysis.rectification.hint')}
            </Typography>
        </>
    );
};
