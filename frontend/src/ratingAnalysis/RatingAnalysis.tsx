import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
    Accordion,
    AccordionDetails,
    AccordionSummary,
    Alert,
    Box,
    Breadcrumbs,
    Card,
    CardContent,
    Link as MuiLink,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableContainer,
    TableHead,
    TableRow,
    TextField,
    ToggleButton,
    ToggleButtonGroup,
    Typography,
} from '@mui/material';
import { useQueries, useQuery } from '@tanstack/react-query';
import { type ReactNode, useId } from 'react';
import { Loading, Title, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { type OneThingDataProvider, useOneThingDataProvider } from '../dataProvider';
import { problemByInputs } from '../errors';
import type { RatingDashboard, RatingDay, RatingDimension, RatingGroup, RatingStatsQuery } from '../types';
import {
    type AnalysisState,
    averageText,
    backTo,
    beijingToday,
    DIMENSIONS,
    drillInto,
    filtersOf,
    NEXT,
    NO_WRAP,
    paramsOf,
    percent,
    QUICK_PERIODS,
    type QuickPeriod,
    quickPeriod,
    quickPeriodOf,
    stateOf,
} from './analysis';
import { RatingLines } from './RatingLines';
import { GroupBarChart, TrendLineChart } from './RatingCharts';
import { RectificationStatsTable } from './RectificationStatsTable';

const dashboardQuery = (dataProvider: OneThingDataProvider, query: RatingStatsQuery) => ({
    queryKey: ['ratingDashboard', query],
    queryFn: () => dataProvider.ratingDashboard(query),
    retry: false,
});

/** A titled part of the page: a region named by its heading. */
const Part = ({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) => {
    const titleId = useId();
    return (
        <Box component="section" aria-labelledby={titleId} sx={{ mt: 3 }}>
            <Stack direction="row" alignItems="center" justifyContent="space-between" sx={{ mb: 1 }}>
                <Typography variant="h6" component="h2" id={titleId}>
                    {title}
                </Typography>
                {action}
            </Stack>
            {children}
        </Box>
    );
};

/** The period (两个日期, with 近7天 / 近30天 / 近一年) and the grouping; a wrong period's message under the dates. */
const Controls = ({
    state,
    dashboard,
    messageOf,
    onChange,
}: {
    state: AnalysisState;
    dashboard?: RatingDashboard;
    messageOf: (field: string) => string | undefined;
    onChange: (state: AnalysisState) => void;
}) => {
    const translate = useTranslate();
    // without dates in the address the server's default period (the last 30 days) is shown
    const from = state.from ?? dashboard?.from ?? '';
    const to = state.to ?? dashboard?.to ?? '';
    const today = beijingToday();
    const quick = state.from || state.to ? quickPeriodOf(state.from, state.to, today) : 'month';
    return (
        <Card sx={{ p: 2 }}>
            <Stack direction="row" useFlexGap flexWrap="wrap" columnGap={2} rowGap={2} alignItems="flex-start">
                {(['from', 'to'] as const).map(field => (
                    <TextField
                        key={field}
                        type="date"
                        size="small"
                        label={translate(`onething.analysis.${field}`)}
                        value={field === 'from' ? from : to}
                        onChange={event => onChange({ ...state, [field]: event.target.value || undefined })}
                        error={!!messageOf(field)}
                        helperText={messageOf(field)}
                        slotProps={{ inputLabel: { shrink: true } }}
                        sx={{ width: 180 }}
                    />
                ))}
                <ToggleButtonGroup
                    size="small"
                    exclusive
                    value={quick ?? null}
                    onChange={(_, choice: QuickPeriod | null) =>
                        choice && onChange({ ...state, ...quickPeriod(choice, today) })
                    }
                    aria-label={translate('onething.analysis.quick_label')}
                >
                    {QUICK_PERIODS.map(choice => (
                        <ToggleButton key={choice} value={choice}>
                            {translate(`onething.analysis.quick.${choice}`)}
                        </ToggleButton>
                    ))}
                </ToggleButtonGroup>
                <ToggleButtonGroup
                    size="small"
                    exclusive
                    value={state.by}
                    onChange={(_, by: RatingDimension | null) => by && onChange({ ...state, by })}
                    aria-label={translate('onething.analysis.dimension')}
                >
                    {DIMENSIONS.map(dimension => (
                        <ToggleButton key={dimension} value={dimension}>
                            {translate(`onething.analysis.by.${dimension}`)}
                        </ToggleButton>
                    ))}
                </ToggleButtonGroup>
            </Stack>
        </Card>
    );
};

/**
 * The names of the groups chosen so far, from the level each was chosen at (usually still cached: the user came
 * from there); an officer is known by name.
 */
const useCrumbNames = (state: AnalysisState, dataProvider: OneThingDataProvider) => {
    const { from, to, crumbs } = state;
    const results = useQueries({
        queries: crumbs.map((crumb, index) => ({
            ...dashboardQuery(dataProvider, {
                from,
                to,
                by: crumb.dimension,
                ...filtersOf(crumbs.slice(0, index)),
            }),
            enabled: crumb.dimension !== 'officer',
            staleTime: 5 * 60_000,
        })),
    });
    return crumbs.map(
        (crumb, index) => results[index]?.data?.groups.find(group => group.key === crumb.key)?.name ?? crumb.key,
    );
};

/** 全部部门 › 助产机构 › 王医生: each but the last goes back to its level. */
const DrillPath = ({
    state,
    names,
    onChange,
}: {
    state: AnalysisState;
    names: string[];
    onChange: (state: AnalysisState) => void;
}) => {
    const translate = useTranslate();
    const top = translate(`onething.analysis.all.${state.crumbs[0]?.dimension ?? state.by}`);
    const step = (label: string, index: number) =>
        index === state.crumbs.length - 1 ? (
            <Typography key={index} color="text.primary" aria-current="page">
                {label}
            </Typography>
        ) : (
            <MuiLink key={index} component="button" underline="hover" onClick={() => onChange(backTo(state, index))}>
                {label}
            </MuiLink>
        );
    return (
        <Breadcrumbs separator="›" aria-label={translate('onething.analysis.breadcrumbs')} sx={{ mt: 2 }}>
            {step(top, -1)}
            {state.crumbs.map((_, index) => step(names[index], index))}
        </Breadcrumbs>
    );
};

const Figure = ({ label, value, color }: { label: string; value: string; color?: string }) => {
    const labelId = useId();
    return (
        <Card role="group" aria-labelledby={labelId} sx={{ flex: '1 1 160px' }}>
            <CardContent>
                <Typography variant="body2" color="text.secondary" id={labelId}>
                    {label}
                </Typography>
                <Typography variant="h4" component="p" sx={{ color }}>
                    {value}
                </Typography>
            </CardContent>
        </Card>
    );
};

/** 评价数, 好评率, 平均分, 差评数 of everything the page shows. */
const Summary = ({ total }: { total: RatingDashboard['total'] }) => {
    const translate = useTranslate();
    return (
        <Stack direction="row" useFlexGap flexWrap="wrap" gap={2} sx={{ mt: 2 }}>
            <Figure label={translate('onething.analysis.count')} value={String(total.count)} />
            <Figure
                label={translate('onething.analysis.good_rate')}
                value={percent(total.goodRate)}
                color="success.main"
            />
            <Figure label={translate('onething.analysis.average')} value={averageText(total.average)} />
            <Figure
                label={translate('onething.analysis.bad')}
                value={String(total.bad)}
                color={total.bad ? 'error.main' : undefined}
            />
        </Stack>
    );
};

/** Each group's figures; a group's name (or row) leads to the next level of the drill-down. */
const GroupTable = ({
    title,
    dashboard,
    onSelect,
}: {
    title: string;
    dashboard: RatingDashboard;
    onSelect: (group: RatingGroup) => void;
}) => {
    const translate = useTranslate();
    const next = NEXT[dashboard.by];
    const selectable = (group: RatingGroup) => group.key != null;
    const drillLabel = (group: RatingGroup) =>
        next
            ? translate('onething.analysis.drill', {
                  name: group.name,
                  next: translate(`onething.analysis.dimension_name.${next}`),
              })
            : translate('onething.analysis.drill_ratings', { name: group.name });
    return (
        <TableContainer component={Card} sx={{ mt: 1 }}>
            <Table size="small" aria-label={title} sx={NO_WRAP}>
                <TableHead>
                    <TableRow>
                        <TableCell>{translate(`onething.analysis.dimension_name.${dashboard.by}`)}</TableCell>
                        <TableCell align="right">{translate('onething.analysis.count')}</TableCell>
                        <TableCell align="right">{translate('onething.analysis.good')}</TableCell>
                        <TableCell align="right">{translate('onething.analysis.bad')}</TableCell>
                        <TableCell align="right">{translate('onething.analysis.good_rate')}</TableCell>
                        <TableCell align="right">{translate('onething.analysis.average')}</TableCell>
                    </TableRow>
                </TableHead>
                <TableBody>
                    {dashboard.groups.length === 0 && (
                        <TableRow>
                            <TableCell colSpan={6}>
                                <Typography variant="body2" color="text.secondary">
                                    {translate('onething.analysis.empty')}
                                </Typography>
                            </TableCell>
                        </TableRow>
                    )}
                    {dashboard.groups.map(group => (
                        <TableRow
                            key={group.key ?? ''}
                            hover={selectable(group)}
                            onClick={selectable(group) ? () => onSelect(group) : undefined}
                            sx={selectable(group) ? { cursor: 'pointer' } : undefined}
                        >
                            <TableCell component="th" scope="row">
                                {selectable(group) ? (
                                    <MuiLink
                                        component="button"
                                        underline="hover"
                                        aria-label={drillLabel(group)}
                                        onClick={event => {
                                            event.stopPropagation();
                                            onSelect(group);
                                        }}
                                        sx={{ textAlign: 'left' }}
                                    >
                                        {group.name}
                                    </MuiLink>
                                ) : (
                                    group.name
                                )}
                            </TableCell>
                            <TableCell align="right">{group.count}</TableCell>
                            <TableCell align="right">{group.good}</TableCell>
                            <TableCell align="right" sx={group.bad ? { color: 'error.main' } : undefined}>
                                {group.bad}
                            </TableCell>
                            <TableCell align="right">{percent(group.goodRate)}</TableCell>
                            <TableCell align="right">{averageText(group.average)}</TableCell>
                        </TableRow>
                    ))}
                </TableBody>
            </Table>
        </TableContainer>
    );
};

/** Every day's figures, folded away under the trend chart (up to a year of rows). */
const TrendTable = ({ title, trend }: { title: string; trend: RatingDay[] }) => {
    const translate = useTranslate();
    return (
        <Accordion disableGutters slotProps={{ transition: { unmountOnExit: true } }} sx={{ mt: 1 }}>
            <AccordionSummary expandIcon={<ExpandMoreIcon />}>
                <Typography variant="body2">
                    {translate('onething.analysis.trend_table_toggle', { days: trend.length })}
                </Typography>
            </AccordionSummary>
            <AccordionDetails sx={{ p: 0 }}>
                <TableContainer sx={{ maxHeight: 400 }}>
                    <Table size="small" stickyHeader aria-label={title} sx={NO_WRAP}>
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('onething.analysis.day')}</TableCell>
                                <TableCell align="right">{translate('onething.analysis.count')}</TableCell>
                                <TableCell align="right">{translate('onething.analysis.good_rate')}</TableCell>
                                <TableCell align="right">{translate('onething.analysis.average')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {trend.map(day => (
                                <TableRow key={day.day}>
                                    <TableCell component="th" scope="row">
                                        {day.day}
                                    </TableCell>
                                    <TableCell align="right">{day.count}</TableCell>
                                    <TableCell align="right">{percent(day.goodRate)}</TableCell>
                                    <TableCell align="right">{averageText(day.average)}</TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                </TableContainer>
            </AccordionDetails>
        </Accordion>
    );
};

/**
 * 好差评分析 (managers): the ratings of a period (近30天 unless chosen) — 评价数, 好评率, 平均分, 差评数 — grouped
 * by department, 一件事, item, officer or channel, as a bar chart and a table, with the daily trend; a
 * department leads to its officers, an officer to their ratings (each to its case and, if bad, its
 * rectification); 差评整改 by department below. Everything chosen stays in the address
 * (?from=…&to=…&by=officer&department=hospital&officer=王医生&bad=true).
 */
export const RatingAnalysis = () => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const [params, setParams] = useSearchParams();
    const state = stateOf(params);
    const update = (next: AnalysisState) => setParams(paramsOf(next));
    const { from, to, by, crumbs } = state;
    const filters = filtersOf(crumbs);
    const { data: dashboard, error } = useQuery(dashboardQuery(dataProvider, { from, to, by, ...filters }));
    const names = useCrumbNames(state, dataProvider);
    const drill = (shown: RatingDashboard, group: RatingGroup) => {
        if (group.key != null) update(drillInto(state, shown.by, group.key));
    };

    // a wrong period is said next to the dates; any other problem above the figures
    const problem = problemByInputs(error, ['from', 'to']);
    const errorMessage = problem.other;
    const officer = crumbs.find(crumb => crumb.dimension === 'officer');
    const officerName = officer ? names[crumbs.indexOf(officer)] : undefined;
    const dimensionName = translate(`onething.analysis.dimension_name.${dashboard?.by ?? by}`);
    const groupTitle = translate('onething.analysis.groups_title', { dimension: dimensionName });
    const trendTitle = translate('onething.analysis.trend_title');

    return (
        <Box sx={{ mt: 2, mb: 4 }}>
            <Title title="onething.analysis.title" />
            <Controls state={state} dashboard={dashboard} messageOf={problem.byField} onChange={update} />
            <DrillPath state={state} names={names} onChange={update} />
            {errorMessage ? (
                <Alert severity="error" sx={{ mt: 2 }}>
                    {errorMessage}
                </Alert>
            ) : error ? null : !dashboard ? (
                <Loading />
            ) : (
                <>
                    <Summary total={dashboard.total} />
                    {officer && by === 'officer' ? (
                        <Part title={translate('onething.analysis.ratings.title', { name: officerName })}>
                            <RatingLines
                                filter={{ from, to, ...filters }}
                                bad={state.bad}
                                onBadChange={bad => update({ ...state, bad })}
                            />
                        </Part>
                    ) : (
                        <Part title={groupTitle}>
                            <Card sx={{ p: 1 }}>
                                <GroupBarChart
                                    title={groupTitle}
                                    groups={dashboard.groups}
                                    onSelect={group => drill(dashboard, group)}
                                />
                            </Card>
                            <GroupTable
                                title={groupTitle}
                                dashboard={dashboard}
                                onSelect={group => drill(dashboard, group)}
                            />
                        </Part>
                    )}
                    <Part title={trendTitle}>
                        <Card sx={{ p: 1 }}>
                            <TrendLineChart title={trendTitle} trend={dashboard.trend} />
                        </Card>
                        <TrendTable title={trendTitle} trend={dashboard.trend} />
                    </Part>
                </>
            )}
            <Part title={translate('onething.analysis.rectification.title')}>
                <RectificationStatsTable from={from} to={to} />
            </Part>
        </Box>
    );
};

export default RatingAnalysis;
