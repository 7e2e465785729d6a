import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResourceContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { fakeFetch, inboxTask } from '../test/fixtures';
import { renderWithAdmin } from '../test/render';
import { TaskList } from './TaskList';

const tasks = [
    inboxTask({
        id: 't1',
        caseNumber: 'YJS-1',
        light: 'RED',
        dueDate: '2026-11-24',
        remainingDays: -2,
        escalated: true,
    }),
    inboxTask({ id: 't2', caseNumber: 'YJS-2', light: 'YELLOW', dueDate: '2026-11-25', remainingDays: 0 }),
    inboxTask({
        id: 't3',
        caseNumber: 'YJS-3',
        light: 'GREEN',
        dueDate: '2027-01-05',
        remainingDays: 4,
        provisional: true,
    }),
];

const renderInbox = (items = tasks) => {
    const { fetch, requests } = fakeFetch({
        'GET /api/tasks': { body: { items, total: items.length } },
        'GET /api/me': {
            body: {
                id: 'u',
                username: 'officer-police',
                name: '警官',
                roles: ['officer'],
                departments: [{ code: 'police', name: '公安户政' }],
            },
        },
    });
    vi.stubGlobal('fetch', fetch);
    renderWithAdmin(
        <ResourceContextProvider value="tasks">
            <Routes>
                <Route path="/tasks" element={<TaskList />} />
                <Route path="/tasks/:id/show" element={<p>任务页</p>} />
                <Route path="/inspections/:id/show" element={<p>踏勘页</p>} />
            </Routes>
        </ResourceContextProvider>,
        { dataProvider: createDataProvider(async () => 'token', '/api'), path: '/tasks' },
    );
    /** The query of every GET /api/tasks so far. */
    const inboxQueries = () =>
        requests
            .filter(request => new URL(request.url, 'http://localhost').pathname === '/api/tasks')
            .map(request => Object.fromEntries(new URL(request.url, 'http://localhost').searchParams));
    return { inboxQueries };
};

describe('the inbox', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('asks for the most urgent tasks first, leaving the direction of urgency to the backend', async () => {
        const { inboxQueries } = renderInbox();

        await screen.findByText('YJS-1');

        expect(inboxQueries()[0]).toEqual({ page: '0', size: '10', sort: 'urgency' });
    });

    it('shows each task’s light and deadline, and marks the escalated ones', async () => {
        renderInbox();
        const table = await screen.findByRole('table');
        expect(within(table).getByRole('columnheader', { name: /状态灯/ })).toBeInTheDocument();
        expect(within(table).getByRole('columnheader', { name: /办理期限/ })).toBeInTheDocument();

        const [overdue, dueToday, provisional] = within(table).getAllByRole('row').slice(1);
        expect(overdue).toHaveTextContent('超期');
        expect(overdue).toHaveTextContent('2026-11-24（已超期 2 个工作日）');
        expect(overdue).toHaveTextContent('已督办');
        expect(dueToday).toHaveTextContent('预警');
        expect(dueToday).toHaveTextContent('2026-11-25（今日到期）');
        expect(dueToday).not.toHaveTextContent('已督办');
        expect(provisional).toHaveTextContent('正常');
        expect(provisional).toHaveTextContent('2027-01-05（剩余 4 个工作日）暂定');
    });

    it('filters by light: 超期, 预警, 正常, then 全部 again, from the first page', async () => {
        const user = userEvent.setup();
        const { inboxQueries } = renderInbox();
        await screen.findByText('YJS-1');
        const filter = screen.getByRole('group', { name: '按状态灯筛选' });
        expect(within(filter).getByRole('button', { name: '全部' })).toHaveAttribute('aria-pressed', 'true');

        for (const [label, light] of [
            ['超期', 'RED'],
            ['预警', 'YELLOW'],
            ['正常', 'GREEN'],
        ]) {
            await user.click(within(filter).getByRole('button', { name: label }));
            await waitFor(() =>
                expect(inboxQueries().at(-1)).toEqual({ light, page: '0', size: '10', sort: 'urgency' }),
            );
            expect(within(filter).getByRole('button', { name: label })).toHaveAttribute('aria-pressed', 'true');
        }

        await user.click(within(filter).getByRole('button', { name: '全部' }));
        await waitFor(() => expect(inboxQueries().at(-1)).toEqual({ page: '0', size: '10', sort: 'urgency' }));
    });

    it('sorts by due date from the 办理期限 column, and back to most urgent first', async () => {
        const user = userEvent.setup();
        const { inboxQueries } = renderInbox();
        await screen.findByText('YJS-1');

        await user.click(screen.getByRole('button', { name: /办理期限/ }));
        await waitFor(() => expect(inboxQueries().at(-1)).toMatchObject({ sort: 'due', order: 'asc' }));

        await user.click(screen.getByRole('button', { name: /最紧急优先/ }));
        await waitFor(() => expect(inboxQueries().at(-1)).toEqual({ page: '0', size: '10', sort: 'urgency' }));
    });

    it('shows a rectification step as such, without 认领 (it is worked on the rating’s page)', async () => {
        renderInbox([
            inboxTask({ id: 't9', name: '核实', itemCode: 'verify', caseNumber: 'YJS-9', ratingId: 'r9' }),
        ]);
        const table = await screen.findByRole('table');
        const row = within(table).getAllByRole('row')[1];
        expect(row).toHaveTextContent('差评整改 · 核实');
        expect(within(row).queryByRole('button', { name: '认领' })).not.toBeInTheDocument();
    });

    it('shows a site inspection’s step as such, without 认领, and opens the inspection’s page', async () => {
        const user = userEvent.setup();
        renderInbox([
            inboxTask({
                id: 't8',
                name: '确认踏勘时间',
                itemCode: 'siteInspection',
                caseNumber: 'YJS-8',
                bundleName: '职业健康一件事（放射诊疗）',
                department: 'ecology',
                departmentName: '生态环境局',
                inspectionId: 'i1',
            }),
        ]);
        const table = await screen.findByRole('table');
        const row = within(table).getAllByRole('row')[1];
        expect(row).toHaveTextContent('联合踏勘 · 确认踏勘时间');
        expect(within(row).queryByRole('button', { name: '认领' })).not.toBeInTheDocument();

        await user.click(within(row).getByText('YJS-8'));
        expect(await screen.findByText('踏勘页')).toBeInTheDocument();
        expect(screen.queryByText('任务页')).not.toBeInTheDocument();
    });
});
