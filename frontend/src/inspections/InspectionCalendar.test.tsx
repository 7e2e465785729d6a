import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResourceContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { fakeFetch, inspectionSummary } from '../test/fixtures';
import { authProviderWith, renderWithAdmin } from '../test/render';
import { calendarGrid } from './calendarGrid';
import { InspectionCalendar } from './InspectionCalendar';
import { InspectionList } from './InspectionList';

const visits = [
    // 09:30 Beijing time on the 25th
    inspectionSummary(),
    // 01:00 Beijing time on the 27th is still the 26th in UTC: it belongs to the 27th
    inspectionSummary({
        id: 'i2',
        enterprise: '西湖美容美发店',
        name: '事后核查',
        status: 'FIXED',
        visitAt: '2026-11-26T17:00:00Z',
        lead: { code: 'hsupervision', name: '卫生健康监督所' },
        departments: [{ code: 'hsupervision', name: '卫生健康监督所' }],
    }),
];

const renderAt = (path: string, items = visits) => {
    const { fetch, requests } = fakeFetch({ 'GET /api/inspections': { body: { items, total: items.length } } });
    vi.stubGlobal('fetch', fetch);
    renderWithAdmin(
        <ResourceContextProvider value="inspections">
            <Routes>
                <Route path="/inspections" element={<InspectionList />} />
                <Route path="/inspections/calendar" element={<InspectionCalendar />} />
                <Route path="/inspections/:id/show" element={<p>踏勘页</p>} />
            </Routes>
        </ResourceContextProvider>,
        { dataProvider: createDataProvider(async () => 'token', '/api'), authProvider: authProviderWith(['officer']), path },
    );
    const queries = () =>
        requests
            .filter(request => new URL(request.url, 'http://localhost').pathname === '/api/inspections')
            .map(request => Object.fromEntries(new URL(request.url, 'http://localhost').searchParams));
    return { queries };
};

describe('the grid of days', () => {
    it('shows whole weeks, Monday first, around the month', () => {
        const grid = calendarGrid('2026-11-10', 'month');
        expect(grid.days[0]).toBe('2026-10-26');
        expect(grid.days.at(-1)).toBe('2026-12-06');
        expect(grid.days).toHaveLength(42);
        expect(grid.inPeriod('2026-10-31')).toBe(false);
        expect(grid.inPeriod('2026-11-30')).toBe(true);
        expect(calendarGrid('2026-11-25', 'week').days).toEqual([
            '2026-11-23',
            '2026-11-24',
            '2026-11-25',
            '2026-11-26',
            '2026-11-27',
            '2026-11-28',
            '2026-11-29',
        ]);
    });
});

describe('踏勘日历', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('asks for the visits of the weeks shown (Beijing days) and puts each visit on its day', async () => {
        const user = userEvent.setup();
        const { queries } = renderAt('/inspections/calendar?date=2026-11-10');

        const calendar = await screen.findByRole('table', { name: '2026 年 11 月' });
        await waitFor(() =>
            expect(queries()[0]).toEqual({
                from: '2026-10-25T16:00:00Z',
                to: '2026-12-06T16:00:00Z',
                page: '0',
                size: '200',
            }),
        );
        const day25 = await within(calendar).findByRole('cell', { name: '11月25日' });
        const visit = within(day25).getByRole('link');
        expect(visit).toHaveTextContent('09:30 康宁口腔医院有限公司联合现场踏勘');
        expect(within(calendar).getByRole('cell', { name: '11月27日' })).toHaveTextContent('01:00 西湖美容美发店事后核查');
        expect(within(calendar).getByRole('cell', { name: '11月26日' })).not.toHaveTextContent('西湖美容美发店');

        await user.click(visit);
        expect(await screen.findByText('踏勘页')).toBeInTheDocument();
    });

    it('goes to the next month, and shows a week', async () => {
        const user = userEvent.setup();
        const { queries } = renderAt('/inspections/calendar?date=2026-11-10');
        await screen.findByRole('table', { name: '2026 年 11 月' });

        await user.click(screen.getByRole('button', { name: '下个月' }));
        expect(await screen.findByRole('table', { name: '2026 年 12 月' })).toBeInTheDocument();
        await waitFor(() => expect(queries().at(-1)).toMatchObject({ from: '2026-11-29T16:00:00Z', to: '2027-01-03T16:00:00Z' }));

        // a month away is its first day: the week of 2026-11-01
        await user.click(screen.getByRole('button', { name: '上个月' }));
        await user.click(screen.getByRole('button', { name: '周' }));
        const week = await screen.findByRole('table', { name: '2026-10-26 至 2026-11-01' });
        expect(within(week).getAllByRole('cell')).toHaveLength(7);
        await waitFor(() => expect(queries().at(-1)).toMatchObject({ from: '2026-10-25T16:00:00Z', to: '2026-11-01T16:00:00Z' }));
        await user.click(screen.getByRole('button', { name: '下一周' }));
        expect(await screen.findByRole('table', { name: '2026-11-02 至 2026-11-08' })).toBeInTheDocument();
    });
});

describe('联合踏勘 list', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('lists the inspections with departments, status, visit, deadline and the open steps; filters by status', async () => {
        const user = userEvent.setup();
        const { queries } = renderAt('/inspections', [
            inspectionSummary({
                openSteps: [
                    { step: 'confirmVisit', stepName: '确认踏勘时间', department: 'ecology', departmentName: '生态环境局', taskId: 't-eco' },
                ],
            }),
        ]);
        const table = await screen.findByRole('table');
        expect(queries()[0]).toEqual({ page: '0', size: '10' });
        const [row] = within(table).getAllByRole('row').slice(1);
        expect(row).toHaveTextContent('YJS-20261118-0007');
        expect(row).toHaveTextContent('康宁口腔医院有限公司');
        expect(row).toHaveTextContent('卫生健康委（牵头部门）、生态环境局');
        expect(row).toHaveTextContent('2026-11-25 09:30');
        expect(row).toHaveTextContent('正常');
        expect(row).toHaveTextContent('2026-11-30（剩余 5 个工作日）');
        expect(row).toHaveTextContent('确认踏勘时间（生态环境局）');

        await user.click(screen.getByLabelText('状态'));
        await user.click(await screen.findByRole('option', { name: '企业整改中' }));
        await waitFor(() => expect(queries().at(-1)).toEqual({ status: 'RECTIFYING', page: '0', size: '10' }));

        await user.click(screen.getByRole('link', { name: '日历' }));
        expect(await screen.findByRole('button', { name: '下个月' })).toBeInTheDocument();
    });
});
