import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link, ResourceContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { fakeFetch } from '../test/fixtures';
import { authProviderWith, renderWithAdmin } from '../test/render';
import type { AppNotification } from '../types';
import { NotificationBell } from './NotificationBell';
import { NotificationList } from './NotificationList';

const notification = (overrides: Partial<AppNotification>): AppNotification => ({
    id: 1,
    kind: 'WARNING',
    message: '出生登记（户口）将于 2026-11-25 到期',
    caseId: 'c1',
    caseNumber: 'YJS-1',
    itemCode: 'household',
    taskId: 't1',
    createdAt: '2026-11-24T09:00:00+08:00',
    readAt: null,
    ...overrides,
});

const countRequests = (requests: { url: string }[]) =>
    requests.filter(request => request.url === '/api/notifications/unread-count').length;

describe('the notification bell', () => {
    afterEach(() => {
        vi.useRealTimers();
        vi.unstubAllGlobals();
    });

    it('shows the unread count, asks again on navigation and every minute, and leads to the notifications', async () => {
        vi.useFakeTimers({ shouldAdvanceTime: true });
        const { fetch, requests } = fakeFetch({ 'GET /api/notifications/unread-count': { body: { count: 3 } } });
        vi.stubGlobal('fetch', fetch);
        renderWithAdmin(
            <>
                <NotificationBell />
                <Link to="/cases">办件</Link>
                <Routes>
                    <Route path="/notifications" element={<p>通知页</p>} />
                    <Route path="*" element={null} />
                </Routes>
            </>,
            { dataProvider: createDataProvider(async () => 'token', '/api') },
        );

        const bell = await screen.findByRole('link', { name: '消息通知：3 条未读' });
        expect(bell).toHaveTextContent('3');
        expect(countRequests(requests)).toBe(1);

        await userEvent.setup({ advanceTimers: vi.advanceTimersByTime }).click(screen.getByText('办件'));
        await waitFor(() => expect(countRequests(requests)).toBe(2));

        await act(() => vi.advanceTimersByTimeAsync(60_000));
        await waitFor(() => expect(countRequests(requests)).toBe(3));

        await userEvent.setup({ advanceTimers: vi.advanceTimersByTime }).click(bell);
        expect(await screen.findByText('通知页')).toBeInTheDocument();
    });
});

describe('the notifications page', () => {
    afterEach(() => vi.unstubAllGlobals());

    const renderList = (items: AppNotification[], roles = ['officer']) => {
        const { fetch, requests } = fakeFetch({
            'GET /api/notifications': { body: { items, total: items.length } },
            'POST /api/notifications/2/read': { status: 204 },
            'POST /api/notifications/read-all': { status: 204 },
        });
        vi.stubGlobal('fetch', fetch);
        const dataProvider = createDataProvider(async () => 'token', '/api');
        renderWithAdmin(
            <ResourceContextProvider value="notifications">
                <Routes>
                    <Route path="/notifications" element={<NotificationList />} />
                    <Route path="/tasks/:id/show" element={<p>任务页</p>} />
                    <Route path="/inspections/:id/show" element={<p>踏勘页</p>} />
                    <Route path="/cases/:id/show" element={<p>办件页</p>} />
                </Routes>
            </ResourceContextProvider>,
            { dataProvider, authProvider: authProviderWith(roles), path: '/notifications' },
        );
        return requests;
    };

    const items = [
        notification({ id: 1, message: '已读的预警', readAt: '2026-11-24T10:00:00+08:00' }),
        notification({ id: 2, kind: 'ESCALATION', message: '超期未办，已督办', taskId: null }),
    ];

    it('lists the unread first, with their kind', async () => {
        renderList(items);
        const rows = (await screen.findAllByRole('row')).slice(1);
        expect(rows.map(row => within(row).getAllByRole('cell')[0].textContent)).toEqual(['未读', '已读']);
        expect(rows[0]).toHaveTextContent('超期督办');
        expect(rows[0]).toHaveTextContent('超期未办，已督办');
        expect(rows[1]).toHaveTextContent('时限预警');
    });

    it('marks one read, or all', async () => {
        const user = userEvent.setup();
        const requests = renderList(items);
        await screen.findByText('超期未办，已督办');

        expect(screen.getAllByRole('button', { name: '标为已读' })).toHaveLength(1);
        await user.click(screen.getByRole('button', { name: '标为已读' }));
        await waitFor(() =>
            expect(
                requests.some(request => request.method === 'POST' && request.url === '/api/notifications/2/read'),
            ).toBe(true),
        );

        await user.click(screen.getByRole('button', { name: '全部标为已读' }));
        await waitFor(() => expect(requests.some(request => request.url === '/api/notifications/read-all')).toBe(true));
    });

    it('leads an officer to the task, or to the case when there is no task, marking the notification read', async () => {
        const user = userEvent.setup();
        const requests = renderList(items);
        const [unread, read] = (await screen.findAllByRole('row')).slice(1);
        expect(within(read).getByRole('link', { name: '办理' })).toHaveAttribute('href', '/tasks/t1/show');

        await user.click(within(unread).getByRole('link', { name: '查看办件' }));

        expect(await screen.findByText('办件页')).toBeInTheDocument();
        expect(requests.some(request => request.url === '/api/notifications/2/read')).toBe(true);
    });

    it('leads anybody but an officer to the case', async () => {
        renderList(items, ['manager']);
        const [, read] = (await screen.findAllByRole('row')).slice(1);
        expect(within(read).getByRole('link', { name: '查看办件' })).toHaveAttribute('href', '/cases/c1/show');
    });

    it("names a step of a bad rating's rectification 差评整改, leading to the case", async () => {
        renderList([
            notification({
                id: 3,
                kind: 'RECTIFICATION',
                message: '【差评待核实】办件 YJS-1 的「出生登记（户口）」收到差评（不满意），请在 1 个工作日内核实。',
                taskId: null,
            }),
        ]);
        const [row] = (await screen.findAllByRole('row')).slice(1);
        expect(row).toHaveTextContent('差评整改');
        expect(within(row).getByRole('link', { name: '查看办件' })).toHaveAttribute('href', '/cases/c1/show');
    });

    it('names a site inspection 联合踏勘 and a licence 电子证照; one naming its inspection leads there', async () => {
        renderList([
            notification({ id: 4, kind: 'INSPECTION', message: '联合现场踏勘定于 2026-11-25 09:30', taskId: null }),
            notification({ id: 5, kind: 'LICENCE', message: '已签发公共场所卫生许可证', taskId: null }),
            notification({ id: 6, kind: 'WARNING', message: '确认踏勘时间将于今日到期', taskId: 't6', inspectionId: 'i1' }),
        ]);
        const [inspection, licence, warning] = (await screen.findAllByRole('row')).slice(1);
        expect(inspection).toHaveTextContent('联合踏勘');
        expect(within(inspection).getByRole('link', { name: '查看办件' })).toHaveAttribute('href', '/cases/c1/show');
        expect(licence).toHaveTextContent('电子证照');
        // an inspection's step has no task page
        expect(within(warning).getByRole('link', { name: '查看踏勘' })).toHaveAttribute('href', '/inspections/i1/show');
    });

    it('asks only for the unread ones when told to', async () => {
        const user = userEvent.setup();
        const requests = renderList(items);
        await screen.findByText('超期未办，已督办');

        await user.click(screen.getByRole('button', { name: '未读' }));

        await waitFor(() => expect(requests.at(-1)?.url).toBe('/api/notifications?unread=true&page=0&size=10'));
    });
});
