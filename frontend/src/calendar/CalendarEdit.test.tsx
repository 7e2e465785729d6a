import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResourceContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { fakeFetch } from '../test/fixtures';
import { renderWithAdmin } from '../test/render';
import type { CalendarYear } from '../types';
import { CalendarCreate, CalendarEdit } from './CalendarEdit';

const year2027: CalendarYear = {
    id: 2027,
    year: 2027,
    source: '国务院办公厅关于2027年部分节假日安排的通知',
    origin: 'database',
    updatedBy: 'admin1',
    updatedAt: '2026-11-20T10:00:00+08:00',
    holidays: [
        { name: '元旦', from: '2027-01-01', to: '2027-01-03', worked: [] },
        { name: '春节', from: '2027-02-05', to: '2027-02-11', worked: ['2027-02-13'] },
    ],
    offDays: 10,
    workedDays: 1,
};

const renderCalendar = (path: string, routes: Parameters<typeof fakeFetch>[0]) => {
    const { fetch, requests } = fakeFetch(routes);
    vi.stubGlobal('fetch', fetch);
    renderWithAdmin(
        <ResourceContextProvider value="calendar">
            <Routes>
                <Route path="/calendar/create" element={<CalendarCreate />} />
                <Route path="/calendar/:id" element={<CalendarEdit />} />
                <Route path="/calendar" element={<p>工作日历列表</p>} />
            </Routes>
        </ResourceContextProvider>,
        { dataProvider: createDataProvider(async () => 'token', '/api'), path },
    );
    return requests;
};

describe('the working calendar form', () => {
    afterEach(() => vi.unstubAllGlobals());

    it("shows each of the server's errors next to its input, and all of them at the top", async () => {
        const requests = renderCalendar('/calendar/2027', {
            'GET /api/calendar/2027': { body: year2027 },
            'PUT /api/calendar/2027': {
                status: 400,
                body: {
                    status: 400,
                    title: '工作日历有误 / Invalid calendar',
                    detail: '工作日历有 2 处需要修改 / 2 problem(s) to fix',
                    errors: [
                        {
                            field: 'holidays[1].worked[0]',
                            rule: 'weekend',
                            message: '调休上班日应为周末',
                            messageEn: 'must be a weekend',
                        },
                        {
                            field: 'holidays[0].to',
                            rule: 'year',
                            message: '放假日期应在 2027 年内',
                            messageEn: 'must be in 2027',
                        },
                    ],
                },
            },
        });
        const user = userEvent.setup();
        const worked = await screen.findByDisplayValue('2027-02-13');

        await user.click(screen.getByRole('button', { name: '保存' }));

        await waitFor(() => expect(worked).toHaveAccessibleDescription('调休上班日应为周末'));
        expect(screen.getByDisplayValue('2027-01-03')).toHaveAccessibleDescription('放假日期应在 2027 年内');
        const summary = screen.getByRole('alert');
        expect(within(summary).getByText('工作日历有 2 处需要修改')).toBeInTheDocument();
        expect(
            within(summary)
                .getAllByRole('listitem')
                .map(item => item.textContent),
        ).toEqual([
            '第 1 个节假日 · 放假结束：放假日期应在 2027 年内',
            '第 2 个节假日 · 第 1 个调休上班日：调休上班日应为周末',
        ]);
        // only what the API takes
        expect(requests.find(request => request.method === 'PUT')?.body).toEqual({
            source: year2027.source,
            holidays: year2027.holidays,
        });
    });

    it('refuses a holiday that ends before it begins, without asking the server', async () => {
        const requests = renderCalendar('/calendar/2027', { 'GET /api/calendar/2027': { body: year2027 } });
        const user = userEvent.setup();
        const end = await screen.findByDisplayValue('2027-02-11');

        await user.clear(end);
        await user.type(end, '2027-02-01');
        await user.click(screen.getByRole('button', { name: '保存' }));

        await waitFor(() => expect(end).toHaveAccessibleDescription('结束日期不能早于开始日期'));
        expect(requests.filter(request => request.method === 'PUT')).toHaveLength(0);
    });

    it('stores a new year with PUT at the year, and refuses a year that already has a calendar', async () => {
        const requests = renderCalendar('/calendar/create', {
            'GET /api/calendar': { body: [{ ...year2027, year: 2026, id: 2026 }] },
            'PUT /api/calendar/2027': { body: year2027 },
        });
        const user = userEvent.setup();
        const yearInput = await screen.findByLabelText(/年度/);
        await waitFor(() => expect(requests.some(request => request.url === '/api/calendar')).toBe(true));

        await user.type(yearInput, '2026');
        await user.type(screen.getByLabelText(/发布依据/), '国办发明电〔2026〕1号');
        await user.click(screen.getByRole('button', { name: '保存' }));
        await waitFor(() => expect(yearInput).toHaveAccessibleDescription('该年度已有日历，请在列表中编辑'));

        await user.clear(yearInput);
        await user.type(yearInput, '2027');
        await user.click(screen.getByRole('button', { name: '保存' }));

        expect(await screen.findByText('工作日历列表')).toBeInTheDocument();
        expect(requests.find(request => request.method === 'PUT')).toMatchObject({
            url: '/api/calendar/2027',
            body: { source: '国办发明电〔2026〕1号', holidays: [] },
        });
    });
});
