import {
    Box,
    Card,
    CardContent,
    CardHeader,
    Chip,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import {
    CreateButton,
    EditButton,
    List,
    Loading,
    RecordContextProvider,
    TopToolbar,
    useListContext,
    useResourceDefinition,
    useTranslate,
} from 'react-admin';
import type { CalendarYear } from '../types';
import { DeadlineProbe } from './DeadlineProbe';

/** 2026-02-15 → 02-15: the year is the card's. */
const monthDay = (date: string, year: number) => (date.startsWith(`${year}-`) ? date.slice(5) : date);

const HolidayTable = ({ year }: { year: CalendarYear }) => {
    const translate = useTranslate();
    if (year.holidays.length === 0) {
        return (
            <Typography variant="body2" color="text.secondary">
                {translate('onething.calendar.no_holidays')}
            </Typography>
        );
    }
    return (
        <Table size="small" aria-label={translate('onething.calendar.year_title', { year: year.year })}>
            <TableHead>
                <TableRow>
                    <TableCell>{translate('onething.calendar.holiday')}</TableCell>
                    <TableCell>{translate('onething.calendar.period')}</TableCell>
                    <TableCell>{translate('onething.calendar.worked')}</TableCell>
                </TableRow>
            </TableHead>
            <TableBody>
                {year.holidays.map(holiday => (
                    <TableRow key={`${holiday.name}-${holiday.from}`}>
                        <TableCell component="th" scope="row">
                            {holiday.name}
                        </TableCell>
                        <TableCell>
                            {holiday.from === holiday.to
                                ? monthDay(holiday.from, year.year)
                                : translate('onething.calendar.range', {
                                      from: monthDay(holiday.from, year.year),
                                      to: monthDay(holiday.to, year.year),
                                  })}
                        </TableCell>
                        <TableCell>
                            {holiday.worked.length
                                ? holiday.worked.map(day => monthDay(day, year.year)).join('、')
                                : '—'}
                        </TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
};

/** One year: where the arrangement comes from, who loaded it, and its holidays. */
const YearCard = ({ year, editable }: { year: CalendarYear; editable: boolean }) => {
    const translate = useTranslate();
    const titleId = `calendar-${year.year}`;
    const updated =
        year.updatedAt &&
        translate('onething.calendar.updated', {
            by: year.updatedBy ?? '—',
            at: new Date(year.updatedAt).toLocaleString('zh-CN'),
        });
    return (
        <RecordContextProvider value={year}>
            <Card component="article" aria-labelledby={titleId}>
                <CardHeader
                    title={
                        <Stack direction="row" spacing={1} alignItems="center">
                            <Typography variant="h6" component="h2" id={titleId}>
                                {translate('onething.calendar.year_title', { year: year.year })}
                            </Typography>
                            <Chip
                                size="small"
                                variant={year.origin === 'database' ? 'filled' : 'outlined'}
                                color={year.origin === 'database' ? 'primary' : 'default'}
                                label={translate(`onething.calendar.origin.${year.origin}`)}
                            />
                        </Stack>
                    }
                    subheader={
                        <>
                            <Typography variant="body2" component="span" display="block">
                                {year.source}
                            </Typography>
                            <Typography variant="caption" component="span" display="block">
                                {translate('onething.calendar.counts', { off: year.offDays, worked: year.workedDays })}
                                {updated && `；${updated}`}
                            </Typography>
                        </>
                    }
                    action={editable && <EditButton />}
                />
                <CardContent sx={{ pt: 0 }}>
                    <HolidayTable year={year} />
                </CardContent>
            </Card>
        </RecordContextProvider>
    );
};

const Years = () => {
    const { data, isPending } = useListContext<CalendarYear>();
    const { hasEdit } = useResourceDefinition();
    if (isPending) return <Loading />;
    if (!data) return null; // the error is notified
    const newestFirst = [...data].sort((a, b) => b.year - a.year);
    return (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(420px, 1fr))' }}>
            {newestFirst.map(year => (
                <YearCard key={year.year} year={year} editable={!!hasEdit} />
            ))}
        </Box>
    );
};

const Actions = () => {
    const { hasCreate } = useResourceDefinition();
    const translate = useTranslate();
    return (
        <TopToolbar>
            {hasCreate ? (
                <CreateButton label="onething.calendar.add_year" />
            ) : (
                <Typography variant="body2" color="text.secondary">
                    {translate('onething.calendar.readonly')}
                </Typography>
            )}
        </TopToolbar>
    );
};

/**
 * 工作日历: the holiday arrangement of each loaded year (built in or uploaded by an administrator), which
 * every working-day deadline is counted with; administrators edit a year or add the next one. Below, 期限试算.
 */
export const CalendarList = () => (
    <>
        <List pagination={false} perPage={100} actions={<Actions />} exporter={false} component="div" empty={false}>
            <Years />
        </List>
        <DeadlineProbe />
    </>
);
