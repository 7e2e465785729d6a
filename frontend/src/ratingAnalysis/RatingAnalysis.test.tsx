import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResourceContextProvider } from 'react-admin';
import { Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { renderWithAdmin } from '../test/render';
import type { RatingDashboard, RatingLine, RectificationStats } from '../types';
import { RatingAnalysis } from './RatingAnalysis';

const trend = [
    { day: '2026-10-26', count: 2, goodRate: 1, average: 5 },
    { day: '2026-10-27', count: 0, goodRate: null, average: null },
];

const byDepartment: RatingDashboard = {
    from: '2026-10-26',
    to: '2026-11-24',
    by: 'department',
    total: { count: 40, good: 35, bad: 3, goodRate: 0.875, average: 4.3 },
    groups: [
        { key: 'hospital', name: '助产机构', count: 25, good: 22, bad: 2, goodRate: 0.88, average: 4.4 },
        { key: 'police', name: '公安户政', count: 15, good: 13, bad: 1, goodRate: 0.8667, average: 4.1333 },
    ],
    trend,
};

const hospitalOfficers: RatingDashboard = {
    ...byDepartment,
    by: 'officer',
    total: { count: 25, good: 22, bad: 2, goodRate: 0.88, average: 4.4 },
    groups: [
        { key: '王医生', name: '王医生', count: 20, good: 18, bad: 2, goodRate: 0.9, average: 4.5 },
        { key: null, name: '未关联经办人（整件评价）', count: 5, good: 4, bad: 0, goodRate: 0.8, average: 4 },
    ],
};

const doctorWang: RatingDashboard = {
    ...hospitalOfficers,
    total: { count: 20, good: 18, bad: 2, goodRate: 0.9, average: 4.5 },
    groups: [hospitalOfficers.groups[0]],
};

const badLine: RatingLine = {
    id: 'r7',
    caseId: 'c7',
    caseNumber: 'YJS-20261120-0007',
    bundleCode: 'birth',
    bundleName: '出生一件事',
    itemCode: 'birthCertificate',
    itemName: '出生医学证明',
    channel: 'ITEM',
    channelName: '一事一评',
    department: 'hospital',
    departmentName: '助产机构',
    officer: '王医生',
    level: 2,
    levelName: '不满意',
    bad: true,
    reason: 'ATTITUDE',
    reasonName: '服务态度',
    comment: '态度冷淡',
    ratedAt: '2026-11-21T09:30:00+08:00',
    rectificationStatus: 'VERIFYING',
};

const goodLine: RatingLine = {
    ...badLine,
    id: 'r8',
    caseId: 'c8',
    caseNumber: 'YJS-20261120-0008',
    level: 5,
    levelName: '非常满意',
    bad: false,
    reason: null,
    reasonName: null,
    comment: null,
    rectificationStatus: null,
};

const rectificationStats: RectificationStats = {
    from: '2026-10-26',
    to: '2026-11-24',
    departments: [
        {
            department: 'hospital',
            departmentName: '助产机构',
            open: 1,
            closed: 2,
            excluded: 0,
            overdue: 1,
            onTimeRate: 0.5,
            medianHoursToClose: 30,
        },
        {
            department: 'police',
            departmentName: '公安户政',
            open: 0,
            closed: 1,
            excluded: 1,
            overdue: 0,
            onTimeRate: 1,
            medianHoursToClose: 5.5,
        },
    ],
    total: {
        department: null,
        departmentName: '合计',
        open: 1,
        closed: 3,
        excluded: 1,
        overdue: 1,
        onTimeRate: 0.6667,
        medianHoursToClose: 20,
    },
};

/** The API of 好差评分析, answering by the query; `dashboardError`: the dashboard's answer instead. */
const api = ({ dashboardError }: { dashboardError?: { status: number; body: unknown } } = {}) => {
    const requests: URL[] = [];
    const reply = (status: number, body: unknown) =>
        new Response(JSON.stringify(body), {
            status,
            headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
        });
    const fetch = async (input: string) => {
        const url = new URL(input, 'http://localhost');
        requests.push(url);
        const query = url.searchParams;
        switch (url.pathname) {
            case '/api/ratings/dashboard':
                if (dashboardError) return reply(dashboardError.status, dashboardError.body);
                return reply(
                    200,
                    query.get('officer') ? doctorWang : query.get('by') === 'officer' ? hospitalOfficers : byDepartment,
                );
            case '/api/ratings':
                return reply(
                    200,
                    query.get('bad') === 'true'
                        ? { items: [badLine], total: 1 }
                        : { items: [badLine, goodLine], total: 2 },
                );
            case '/api/ratings/rectification-stats':
                return reply(200, rectificationStats);
            default:
                return new Response(null, { status: 404 });
        }
    };
    /** The parameters of each request to `path`, in order. */
    const queries = (path: string) =>
        requests.filter(url => url.pathname === path).map(url => Object.fromEntries(url.searchParams));
    return { fetch, queries };
};

const Address = () => {
    const location = useLocation();
    return <output aria-label="address">{decodeURIComponent(location.pathname + location.search)}</output>;
};

const renderPage = (fetch: (input: string) => Promise<Response>, path = '/rating-analysis') => {
    vi.stubGlobal('fetch', fetch);
    return renderWithAdmin(
        <ResourceContextProvider value="rating-analysis">
            <Routes>
                <Route
                    path="/rating-analysis"
                    element={
                        <>
                            <RatingAnalysis />
                            <Address />
                        </>
                    }
                />
                <Route path="/cases/:id/show" element={<p>办件页</p>} />
                <Route path="/rectifications/:id/show" element={<p>差评整改页</p>} />
            </Routes>
        </ResourceContextProvider>,
        { dataProvider: createDataProvider(async () => 'token', '/api'), path },
    );
};

const DASHBOARD = '/api/ratings/dashboard';

const figure = (name: string) => screen.getByRole('group', { name });

const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map(cell => cell.textContent);

describe('好差评分析', () => {
    beforeEach(() => {
        // only the clock: user-event keeps its real timers
        vi.useFakeTimers({ toFake: ['Date'] });
        vi.setSystemTime(new Date('2026-11-24T10:00:00+08:00'));
    });
    afterEach(() => {
        vi.useRealTimers();
        vi.unstubAllGlobals();
    });

    it('shows the last 30 days by department: summary, table behind the chart, trend and 差评整改', async () => {
        const { fetch, queries } = api();
        renderPage(fetch);

        const groups = await screen.findByRole('table', { name: '好评率（按部门）' });
        // the server's default period: nothing asked but the grouping
        expect(queries(DASHBOARD)).toEqual([{ by: 'department' }]);
        expect(figure('评价数')).toHaveTextContent('40');
        expect(figure('好评率')).toHaveTextContent('87.5%');
        expect(figure('平均分')).toHaveTextContent('4.30');
        expect(figure('差评数')).toHaveTextContent('3');
        // the period the server used, and 近30天 chosen
        expect(screen.getByLabelText('开始日期')).toHaveValue('2026-10-26');
        expect(screen.getByLabelText('结束日期')).toHaveValue('2026-11-24');
        expect(screen.getByRole('button', { name: '近30天' })).toHaveAttribute('aria-pressed', 'true');
        expect(screen.getByRole('button', { name: '按部门' })).toHaveAttribute('aria-pressed', 'true');

        expect(within(groups).getAllByRole('columnheader').map(cell => cell.textContent)).toEqual([
            '部门',
            '评价数',
            '好评数',
            '差评数',
            '好评率',
            '平均分',
        ]);
        expect(cells(within(groups).getByRole('row', { name: /公安户政/ }))).toEqual([
            '15',
            '13',
            '1',
            '86.7%',
            '4.13',
        ]);
        expect(screen.getByRole('navigation', { name: '钻取路径' })).toHaveTextContent('全部部门');
        // the charts are titled too
        expect(screen.getByRole('heading', { name: '每日评价趋势' })).toBeInTheDocument();

        const rectification = await screen.findByRole('table', { name: '各部门差评整改情况' });
        expect(cells(within(rectification).getByRole('row', { name: /助产机构/ }))).toEqual([
            '1',
            '2',
            '0',
            '1',
            '50.0%',
            '1.3 天',
        ]);
        expect(cells(within(rectification).getByRole('row', { name: /公安户政/ }))).toEqual([
            '0',
            '1',
            '1',
            '0',
            '100.0%',
            '5.5 小时',
        ]);
        expect(cells(within(rectification).getByRole('row', { name: /合计/ }))).toEqual([
            '1',
            '3',
            '1',
            '1',
            '66.7%',
            '20.0 小时',
        ]);
    });

    it('asks for the period and the dimension chosen, and keeps them in the address', async () => {
        const { fetch, queries } = api();
        const user = userEvent.setup();
        renderPage(fetch);
        await screen.findByRole('table', { name: '好评率（按部门）' });

        await user.click(screen.getByRole('button', { name: '近7天' }));
        await waitFor(() =>
            expect(queries(DASHBOARD).at(-1)).toEqual({ from: '2026-11-18', to: '2026-11-24', by: 'department' }),
        );
        expect(screen.getByRole('button', { name: '近7天' })).toHaveAttribute('aria-pressed', 'true');
        await waitFor(() =>
            expect(queries('/api/ratings/rectification-stats').at(-1)).toEqual({
                from: '2026-11-18',
                to: '2026-11-24',
            }),
        );

        await user.click(screen.getByRole('button', { name: '按事项' }));
        await waitFor(() =>
            expect(queries(DASHBOARD).at(-1)).toEqual({ from: '2026-11-18', to: '2026-11-24', by: 'item' }),
        );
        expect(screen.getByRole('status', { name: 'address' })).toHaveTextContent(
            '/rating-analysis?from=2026-11-18&to=2026-11-24&by=item',
        );

        await user.click(screen.getByRole('button', { name: '近一年' }));
        await waitFor(() =>
            expect(queries(DASHBOARD).at(-1)).toEqual({ from: '2025-11-25', to: '2026-11-24', by: 'item' }),
        );

        fireEvent.change(screen.getByLabelText('开始日期'), { target: { value: '2026-11-01' } });
        await waitFor(() =>
            expect(queries(DASHBOARD).at(-1)).toEqual({ from: '2026-11-01', to: '2026-11-24', by: 'item' }),
        );
        // no quick choice is that period
        expect(screen.getByRole('button', { name: '近30天' })).toHaveAttribute('aria-pressed', 'false');
        expect(screen.getByRole('button', { name: '近一年' })).toHaveAttribute('aria-pressed', 'false');
    });

    it('drills from a department to its officers, from an officer to the ratings, with breadcrumbs back', async () => {
        const { fetch, queries } = api();
        const user = userEvent.setup();
        renderPage(fetch, '/rating-analysis?from=2026-11-01&to=2026-11-24');
        const departments = await screen.findByRole('table', { name: '好评率（按部门）' });

        await user.click(within(departments).getByRole('button', { name: '查看助产机构的办事人员' }));
        await waitFor(() =>
            expect(queries(DASHBOARD).at(-1)).toEqual({
                from: '2026-11-01',
                to: '2026-11-24',
                by: 'officer',
                department: 'hospital',
            }),
        );
        const officers = await screen.findByRole('table', { name: '好评率（按办事人员）' });
        const path = screen.getByRole('navigation', { name: '钻取路径' });
        expect(path).toHaveTextContent('全部部门›助产机构');
        expect(figure('评价数')).toHaveTextContent('25');
        // ratings of a whole case name no officer: nothing to open
        expect(
            within(within(officers).getByRole('row', { name: /未关联经办人/ })).queryByRole('button'),
        ).not.toBeInTheDocument();

        await user.click(within(officers).getByRole('button', { name: '查看王医生的评价' }));
        await waitFor(() =>
            expect(queries(DASHBOARD).at(-1)).toEqual({
                from: '2026-11-01',
                to: '2026-11-24',
                by: 'officer',
                department: 'hospital',
                officer: '王医生',
            }),
        );
        expect(await screen.findByRole('heading', { name: '王医生的评价' })).toBeInTheDocument();
        expect(path).toHaveTextContent('全部部门›助产机构›王医生');
        expect(figure('评价数')).toHaveTextContent('20');
        await waitFor(() =>
            expect(queries('/api/ratings').at(-1)).toEqual({
                from: '2026-11-01',
                to: '2026-11-24',
                department: 'hospital',
                officer: '王医生',
                page: '0',
                size: '20',
            }),
        );
        const bad = await screen.findByRole('row', { name: /YJS-20261120-0007/ });
        expect(bad).toHaveTextContent('不满意');
        expect(bad).toHaveTextContent('服务态度');
        expect(
            within(screen.getByRole('row', { name: /YJS-20261120-0008/ })).queryByRole('link', { name: /差评整改/ }),
        ).not.toBeInTheDocument();

        await user.click(screen.getByRole('switch', { name: '仅看差评' }));
        await waitFor(() =>
            expect(queries('/api/ratings').at(-1)).toEqual({
                from: '2026-11-01',
                to: '2026-11-24',
                department: 'hospital',
                officer: '王医生',
                bad: 'true',
                page: '0',
                size: '20',
            }),
        );
        expect(screen.getByRole('status', { name: 'address' })).toHaveTextContent(
            '/rating-analysis?from=2026-11-01&to=2026-11-24&by=officer&department=hospital&officer=王医生&bad=true',
        );
        await waitFor(() => expect(screen.queryByRole('row', { name: /YJS-20261120-0008/ })).not.toBeInTheDocument());

        // back to the department's officers, then to every department
        await user.click(within(path).getByRole('button', { name: '助产机构' }));
        await waitFor(() =>
            expect(queries(DASHBOARD).at(-1)).toEqual({
                from: '2026-11-01',
                to: '2026-11-24',
                by: 'officer',
                department: 'hospital',
            }),
        );
        await user.click(within(path).getByRole('button', { name: '全部部门' }));
        expect(await screen.findByRole('table', { name: '好评率（按部门）' })).toBeInTheDocument();
        expect(screen.getByRole('status', { name: 'address' })).toHaveTextContent(
            '/rating-analysis?from=2026-11-01&to=2026-11-24&by=department',
        );
    });

    it("opens a rating's case and a bad rating's rectification", async () => {
        const { fetch } = api();
        const user = userEvent.setup();
        renderPage(fetch, '/rating-analysis?by=officer&department=hospital&officer=王医生');
        const bad = await screen.findByRole('row', { name: /YJS-20261120-0007/ });
        await user.click(within(bad).getByRole('link', { name: '办件 YJS-20261120-0007 的差评整改：待核实' }));
        expect(await screen.findByText('差评整改页')).toBeInTheDocument();
    });

    it('names the groups chosen when opened from an address (after a reload)', async () => {
        const { fetch, queries } = api();
        renderPage(fetch, '/rating-analysis?by=officer&department=hospital&officer=王医生');
        const path = await screen.findByRole('navigation', { name: '钻取路径' });
        await waitFor(() => expect(path).toHaveTextContent('全部部门›助产机构›王医生'));
        // the department's name comes from the level it was chosen at
        expect(queries(DASHBOARD)).toContainEqual({ by: 'department' });
    });

    it('shows a wrong period next to the dates', async () => {
        const { fetch } = api({
            dashboardError: {
                status: 400,
                body: {
                    title: '请求参数有误',
                    status: 400,
                    errors: [{ field: 'to', rule: 'range', message: '结束日期不能早于开始日期' }],
                },
            },
        });
        renderPage(fetch, '/rating-analysis?from=2026-11-24&to=2026-11-01');
        const to = screen.getByLabelText('结束日期');
        await waitFor(() => expect(to).toHaveAccessibleDescription('结束日期不能早于开始日期'));
        expect(to).toHaveAttribute('aria-invalid', 'true');
        expect(screen.getByLabelText('开始日期')).toHaveValue('2026-11-24');
        expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    });
});
