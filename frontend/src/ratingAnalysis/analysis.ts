import type { RatingDimension, RatingStatsQuery } from '../types';

/** The dimensions of 好差评分析, in the order of its toggle. */
export const DIMENSIONS: RatingDimension[] = ['department', 'bundle', 'item', 'officer', 'channel'];

const isDimension = (value: string | null): value is RatingDimension =>
    DIMENSIONS.includes(value as RatingDimension);

/**
 * Where a click on a group leads: a department to its officers, a 一件事 to its items, an item to the officers
 * who decided it, a channel to the departments; an officer to their ratings (no further grouping).
 */
export const NEXT: Record<RatingDimension, RatingDimension | null> = {
    department: 'officer',
    bundle: 'item',
    item: 'officer',
    channel: 'department',
    officer: null,
};

/** A filter of the drill-down: a group chosen at some level (department=hospital, officer=王医生…). */
export interface Crumb {
    dimension: RatingDimension;
    key: string;
}

/**
 * What the page shows, as kept in the address: the period (absent: the server's default, the last 30 days),
 * the grouping, the filters in the order they were chosen (the breadcrumbs), and 仅看差评 for the ratings list.
 */
export interface AnalysisState {
    from?: string;
    to?: string;
    by: RatingDimension;
    crumbs: Crumb[];
    bad: boolean;
}

export const stateOf = (params: URLSearchParams): AnalysisState => {
    const crumbs: Crumb[] = [];
    // URLSearchParams keeps the order of its parameters: the order in which the groups were chosen
    for (const [name, value] of params) {
        if (isDimension(name) && value && !crumbs.some(crumb => crumb.dimension === name)) {
            crumbs.push({ dimension: name, key: value });
        }
    }
    const by = params.get('by');
    return {
        from: params.get('from') || undefined,
        to: params.get('to') || undefined,
        by: isDimension(by) ? by : 'department',
        crumbs,
        bad: params.get('bad') === 'true',
    };
};

/** The address of a state: from, to, by, then the filters in their order, then bad. */
export const paramsOf = ({ from, to, by, crumbs, bad }: AnalysisState) => {
    const params = new URLSearchParams();
    if (from) params.set('from', from);
    if (to) params.set('to', to);
    params.set('by', by);
    for (const { dimension, key } of crumbs) params.set(dimension, key);
    if (bad) params.set('bad', 'true');
    return params;
};

/** The filters of a drill-down as the API takes them. */
export const filtersOf = (crumbs: Crumb[]): Omit<RatingStatsQuery, 'from' | 'to' | 'by'> =>
    Object.fromEntries(crumbs.map(({ dimension, key }) => [dimension, key]));

/** The state after choosing a group of the table or the chart: filter by it and group by the next dimension. */
export const drillInto = (state: AnalysisState, dimension: RatingDimension, key: string): AnalysisState => ({
    ...state,
    by: NEXT[dimension] ?? dimension,
    crumbs: [...state.crumbs.filter(crumb => crumb.dimension !== dimension), { dimension, key }],
    bad: false,
});

/** The state after going back to a breadcrumb (index -1: the top, every group). */
export const backTo = (state: AnalysisState, index: number): AnalysisState => {
    if (index < 0) {
        return { ...state, by: state.crumbs[0]?.dimension ?? state.by, crumbs: [], bad: false };
    }
    const crumb = state.crumbs[index];
    return {
        ...state,
        by: NEXT[crumb.dimension] ?? crumb.dimension,
        crumbs: state.crumbs.slice(0, index + 1),
        bad: false,
    };
};

// ---- periods: days in Beijing time, as the backend counts them ----

/** Today in Beijing, YYYY-MM-DD. */
export const beijingToday = (now = new Date()) => {
    const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-US', {
            timeZone: 'Asia/Shanghai',
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
        })
            .formatToParts(now)
            .map(part => [part.type, part.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day}`;
};

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const asDay = (date: Date) => date.toISOString().slice(0, 10);

export const addDays = (day: string, days: number) => {
    const date = asDate(day);
    date.setUTCDate(date.getUTCDate() + days);
    return asDay(date);
};

export type QuickPeriod = 'week' | 'month' | 'year';

export const QUICK_PERIODS: QuickPeriod[] = ['week', 'month', 'year'];

/** 近7天, 近30天, 近一年: up to today, both ends included. */
export const quickPeriod = (choice: QuickPeriod, today: string) => {
    if (choice === 'year') {
        const date = asDate(today);
        date.setUTCFullYear(date.getUTCFullYear() - 1);
        return { from: addDays(asDay(date), 1), to: today };
    }
    return { from: addDays(today, choice === 'week' ? -6 : -29), to: today };
};

/** Which quick choice a period is, if any. */
export const quickPeriodOf = (from: string | undefined, to: string | undefined, today: string) =>
    QUICK_PERIODS.find(choice => {
        const period = quickPeriod(choice, today);
        return period.from === from && period.to === to;
    });

// ---- figures ----

/** Table cells on one line: on a narrow screen the table scrolls sideways. */
export const NO_WRAP = { '& th, & td': { whiteSpace: 'nowrap' } };

/** 0.875 → "87.5%"; null → "—". */
export const percent = (rate: number | null | undefined) =>
    rate == null ? '—' : `${(rate * 100).toFixed(1)}%`;

/** The average level to two decimals; null → "—". */
export const averageText = (average: number | null | undefined) => (average == null ? '—' : average.toFixed(2));
