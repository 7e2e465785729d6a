import ChevronLeftIcon from '@mui/icons-material/ChevronLeft';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import {
    Alert,
    Box,
    Button,
    Card,
    IconButton,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    ToggleButton,
    ToggleButtonGroup,
    Tooltip,
    Typography,
} from '@mui/material';
import { Link, Loading, Title, useGetList, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import type { InspectionStatus, InspectionSummary } from '../types';
import { beijingDay, beijingDayStart, beijingLocal } from './inspection';
import { addDays, calendarGrid, type CalendarView, stepAnchor, weeksOf } from './calendarGrid';
import { InspectionViewSwitch } from './InspectionViewSwitch';

// the backend's largest page: a month of visits fits in one
const PAGE = { page: 1, perPage: 200 };

// the bar on the left of a visit says its status (the words are in the link's title)
const STATUS_BAR: Record<InspectionStatus, string> = {
    SCHEDULING: 'grey.400',
    CONFIRMING: 'info.main',
    FIXED: 'primary.main',
    RECTIFYING: 'warning.main',
    RECHECK: 'info.main',
    PASSED: 'success.main',
    FAILED: 'error.main',
};

const today = () => beijingDay(new Date().toISOString());

/** One visit in its day: the time, the enterprise and the inspection, linked to its page. */
const Visit = ({ inspection }: { inspection: InspectionSummary }) => {
    const translate = useTranslate();
    const time = beijingLocal(inspection.visitAt!).slice(11);
    return (
        <Tooltip
            title={`${inspection.name} · ${translate(`onething.inspection.status.${inspection.status}`)}${
                inspection.visitPlace ? ` · ${inspection.visitPlace}` : ''
            }`}
        >
            <Link
                to={`/inspections/${encodeURIComponent(inspection.id)}/show`}
                underline="none"
                sx={{
                    display: 'block',
                    mt: 0.5,
                    px: 0.5,
                    borderLeft: 3,
                    borderColor: STATUS_BAR[inspection.status],
                    bgcolor: 'action.hover',
                    borderRadius: 0.5,
                    typography: 'caption',
                    color: 'text.primary',
                    lineHeight: 1.4,
                    overflowWrap: 'anywhere',
                }}
            >
                <b>{time}</b> {inspection.enterprise}
                <Box component="span" sx={{ display: 'block', color: 'text.secondary' }}>
                    {inspection.name}
                </Box>
            </Link>
        </Tooltip>
    );
};

/**
 * 踏勘日历: the visits of a month (or a week) on a grid of days, Monday first, in Beijing time; previous / next
 * and back to the current period; the period is in the address (?view=week&date=2026-11-25) to share it.
 */
export const InspectionCalendar = () => {
    const translate = useTranslate();
    const [params, setParams] = useSearchParams();
    const view: CalendarView = params.get('view') === 'week' ? 'week' : 'month';
    const anchor = /^\d{4}-\d{2}-\d{2}$/.test(params.get('date') ?? '') ? params.get('date')! : today();
    const grid = calendarGrid(anchor, view);
    const { data, isPending, error } = useGetList<InspectionSummary>('inspections', {
        // visits in [first day, the day after the last) of the grid, Beijing days
        filter: { from: beijingDayStart(grid.days[0]), to: beijingDayStart(addDays(grid.days.at(-1)!, 1)) },
        pagination: PAGE,
    });
    const byDay = new Map<string, InspectionSummary[]>();
    for (const inspection of data ?? []) {
        if (!inspection.visitAt) continue;
        const day = beijingDay(inspection.visitAt);
        byDay.set(day, [...(byDay.get(day) ?? []), inspection].sort((a, b) => a.visitAt!.localeCompare(b.visitAt!)));
    }
    const go = (changes: { view?: CalendarView; date?: string }) =>
        setParams({ view: changes.view ?? view, date: changes.date ?? anchor });
    const period =
        view === 'month'
            ? translate('onething.inspection.calendar.month_title', {
                  year: grid.first.slice(0, 4),
                  month: Number(grid.first.slice(5, 7)),
              })
            : translate('onething.inspection.calendar.week_title', { from: grid.first, to: grid.last });
    const weekdays = translate('onething.inspection.calendar.weekdays').split(',');
    const current = today();
    const dayName = (day: string) =>
        translate('onething.inspection.calendar.day', { month: Number(day.slice(5, 7)), day: Number(day.slice(8)) });

    return (
        <Box sx={{ mt: 1 }}>
            <Title title="onething.inspection.calendar.title" />
            <Stack direction="row" spacing={2} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mb: 1 }}>
                <InspectionViewSwitch current="calendar" />
                <ToggleButtonGroup
                    size="small"
                    exclusive
                    value={view}
                    onChange={(_, value: CalendarView | null) => value && go({ view: value })}
                    aria-label={translate('onething.inspection.calendar.range')}
                >
                    <ToggleButton value="month">{translate('onething.inspection.calendar.month')}</ToggleButton>
                    <ToggleButton value="week">{translate('onething.inspection.calendar.week')}</ToggleButton>
                </ToggleButtonGroup>
                <Stack direction="row" alignItems="center">
                    <IconButton
                        aria-label={translate(`onething.inspection.calendar.previous_${view}`)}
                        onClick={() => go({ date: stepAnchor(anchor, view, -1) })}
                    >
                        <ChevronLeftIcon />
                    </IconButton>
                    <Typography variant="h6" component="h2" aria-live="polite" sx={{ minWidth: 140, textAlign: 'center' }}>
                        {period}
                    </Typography>
                    <IconButton
                        aria-label={translate(`onething.inspection.calendar.next_${view}`)}
                        onClick={() => go({ date: stepAnchor(anchor, view, 1) })}
                    >
                        <ChevronRightIcon />
                    </IconButton>
                </Stack>
                <Button size="small" variant="outlined" onClick={() => go({ date: current })}>
                    {translate(view === 'month' ? 'onething.inspection.calendar.today' : 'onething.inspection.calendar.this_week')}
                </Button>
            </Stack>
            {error && <Alert severity="error">{(error as Error).message}</Alert>}
            {isPending ? (
                <Loading />
            ) : (
                <Card variant="outlined">
                    {byDay.size === 0 && (
                        <Typography variant="body2" color="text.secondary" sx={{ p: 1 }}>
                            {translate('onething.inspection.calendar.empty')}
                        </Typography>
                    )}
                    <Table size="small" aria-label={period} sx={{ tableLayout: 'fixed' }}>
                        <TableHead>
                            <TableRow>
                                {weekdays.map(name => (
                                    <TableCell key={name} align="center">
                                        {name}
                                    </TableCell>
                                ))}
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {weeksOf(grid.days).map(week => (
                                <TableRow key={week[0]}>
                                    {week.map(day => {
                                        const visits = byDay.get(day) ?? [];
                                        return (
                                            <TableCell
                                                key={day}
                                                aria-label={dayName(day)}
                                                sx={{
                                                    verticalAlign: 'top',
                                                    height: view === 'week' ? 240 : 110,
                                                    p: 0.5,
                                                    borderRight: 1,
                                                    borderColor: 'divider',
                                                    bgcolor: grid.inPeriod(day) ? undefined : 'action.hover',
                                                }}
                                            >
                                                <Typography
                                                    variant="caption"
                                                    component="div"
                                                    color={grid.inPeriod(day) ? 'text.primary' : 'text.disabled'}
                                                    sx={day === current ? { fontWeight: 'bold', color: 'primary.main' } : undefined}
                                                >
                                                    {Number(day.slice(8))}
                                                </Typography>
                                                {visits.map(inspection => (
                                                    <Visit key={inspection.id} inspection={inspection} />
                                                ))}
                                            </TableCell>
                                        );
                                    })}
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                </Card>
            )}
        </Box>
    );
};
