import { useTheme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { useTranslate } from 'react-admin';
import type { RatingDay, RatingGroup } from '../types';
import { percent } from './analysis';

/** The charts' own texts (MUI X has no Chinese locale): the overlays when loading or empty. */
const useLocaleText = () => {
    const translate = useTranslate();
    return { noData: translate('onething.analysis.no_data'), loading: translate('ra.page.loading') };
};

const asPercent = (rate: number | null) => (rate == null ? null : Math.round(rate * 1000) / 10);

/**
 * 好评率 of each group as horizontal bars (one row per group, the names on the left); a click on a bar chooses
 * the group (`onSelect`, for groups that can be chosen). The numbers are in the table below the chart too.
 */
export const GroupBarChart = ({
    title,
    groups,
    onSelect,
}: {
    title: string;
    groups: RatingGroup[];
    onSelect?: (group: RatingGroup) => void;
}) => {
    const translate = useTranslate();
    const theme = useTheme();
    const localeText = useLocaleText();
    const longestName = Math.max(4, ...groups.map(group => group.name.length));
    return (
        <BarChart
            title={title}
            localeText={localeText}
            layout="horizontal"
            height={Math.max(160, 36 * groups.length + 70)}
            margin={{ left: 8, right: 24 }}
            dataset={groups.map(group => ({
                name: group.name,
                rate: asPercent(group.goodRate),
                count: group.count,
            }))}
            yAxis={[
                {
                    scaleType: 'band',
                    dataKey: 'name',
                    // names are Chinese: about one em each, at most ~14 of them before they are cut
                    width: Math.min(14, longestName) * 13 + 16,
                },
            ]}
            xAxis={[
                {
                    min: 0,
                    max: 100,
                    tickInterval: [0, 20, 40, 60, 80, 100],
                    label: translate('onething.analysis.good_rate_axis'),
                    valueFormatter: (value: number) => `${value}%`,
                },
            ]}
            series={[
                {
                    dataKey: 'rate',
                    label: translate('onething.analysis.good_rate'),
                    color: theme.palette.success.main,
                    valueFormatter: (_, { dataIndex }) =>
                        translate('onething.analysis.bar_tooltip', {
                            rate: percent(groups[dataIndex]?.goodRate),
                            count: groups[dataIndex]?.count ?? 0,
                        }),
                },
            ]}
            grid={{ vertical: true }}
            hideLegend
            onItemClick={(_, { dataIndex }) => {
                const group = groups[dataIndex];
                if (onSelect && group?.key != null) onSelect(group);
            }}
            sx={onSelect ? { '& .MuiBarElement-root': { cursor: 'pointer' } } : undefined}
        />
    );
};

/** 'YYYY-MM-DD' → 'MM-DD' for the axis; the tooltip shows the whole day. */
const shortDay = (day: string) => day.slice(5);

/** The daily count of ratings (bars' scale on the left) and the day's 好评率 (%, right). */
export const TrendLineChart = ({ title, trend }: { title: string; trend: RatingDay[] }) => {
    const translate = useTranslate();
    const theme = useTheme();
    const localeText = useLocaleText();
    const tickStep = Math.max(1, Math.ceil(trend.length / 12));
    return (
        <LineChart
            title={title}
            localeText={localeText}
            height={300}
            dataset={trend.map(day => ({ day: day.day, count: day.count, rate: asPercent(day.goodRate) }))}
            xAxis={[
                {
                    scaleType: 'point',
                    dataKey: 'day',
                    // about a dozen ticks, however long the period (a year has 366 points)
                    tickInterval: (_: string, index: number) => index % tickStep === 0,
                    valueFormatter: (day: string, context) =>
                        context.location === 'tick' ? shortDay(day) : day,
                },
            ]}
            yAxis={[
                { id: 'count', position: 'left', min: 0, label: translate('onething.analysis.count'), tickMinStep: 1 },
                {
                    id: 'rate',
                    position: 'right',
                    min: 0,
                    max: 100,
                    tickInterval: [0, 20, 40, 60, 80, 100],
                    label: translate('onething.analysis.good_rate_axis'),
                    valueFormatter: (value: number) => `${value}%`,
                },
            ]}
            series={[
                {
                    dataKey: 'count',
                    yAxisId: 'count',
                    label: translate('onething.analysis.count'),
                    color: theme.palette.primary.main,
                    curve: 'linear',
                    showMark: trend.length <= 31,
                },
                {
                    dataKey: 'rate',
                    yAxisId: 'rate',
                    label: translate('onething.analysis.good_rate'),
                    color: theme.palette.success.main,
                    curve: 'linear',
                    showMark: trend.length <= 31,
                    valueFormatter: (value: number | null) => (value == null ? '—' : `${value.toFixed(1)}%`),
                },
            ]}
            grid={{ horizontal: true }}
        />
    );
};
