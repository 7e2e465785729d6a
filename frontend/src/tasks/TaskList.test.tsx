import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Notification, ResourceContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { fakeFetch, inboxTask } from '../test/fixtures';
import { renderWithAdmin } from '../test/render';
import type { InboxCounts, InboxView, Task, TaskSavedView } from '../types';
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

const COUNTS: InboxCounts = { mine: 2, unclaimed: 5, department: null, cc: 1, done: 7 };

const savedView = (overrides: Partial<TaskSavedView> = {}): TaskSavedView => ({
    id: 1,
    name: '急件',
    view: 'unclaimed',
    filters: { bundle: null, item: null, status: null, light: 'RED', dueFrom: null, applicant: null },
    sort: 'due',
    order: 'ASC',
    shared: true,
    department: 'police',
    ownerName: '李科长',
    editable: false,
    count: 3,
    ...overrides,
});

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });

/**
 * The inbox of officer-police (a lead with `lead`): GET /api/tasks answers the tasks of the tab asked for
 * (`byView`, else `items`), the counts COUNTS unless told.
 */
const renderInbox = ({
    items = tasks,
    byView = {},
    lead = false,
    counts = COUNTS,
    routes = {},
}: {
    items?: Task[];
    byView?: Partial<Record<InboxView, Task[]>>;
    lead?: boolean;
    counts?: InboxCounts;
    routes?: Parameters<typeof fakeFetch>[0];
} = {}) => {
    const { fetch: answer, requests } = fakeFetch({
        'GET /api/tasks/counts': { body: lead ? { ...counts, department: 9 } : counts },
        'GET /api/me': {
            body: {
                id: 'u',
                username: 'officer-police',
                name: '警官',
                roles: lead ? ['officer', 'lead'] : ['officer'],
                departments: [{ code: 'police', name: '公安户政' }],
            },
        },
        'GET /api/bundles': { body: [{ code: 'birth', name: '出生一件事' }] },
        'GET /api/task-views': { body: [] },
        ...routes,
    });
    const fetch = async (url: string, init?: RequestInit) => {
        const response = await answer(url, init); // recorded
        const { pathname, searchParams } = new URL(url, 'http://localhost');
        if (pathname !== '/api/tasks' || init?.method) return response;
        const list = byView[searchParams.get('view') as InboxView] ?? items;
        return json({ items: list, total: list.length });
    };
    vi.stubGlobal('fetch', fetch);
    renderWithAdmin(
        <ResourceContextProvider value="tasks">
            <Routes>
                <Route path="/tasks" element={<TaskList />} />
                <Route path="/tasks/:id/show" element={<p>任务页</p>} />
                <Route path="/cases/:id/show" element={<p>办件页</p>} />
                <Route path="/inspections/:id/show" element={<p>踏勘页</p>} />
            </Routes>
            <Notification />
        </ResourceContextProvider>,
        { dataProvider: createDataProvider(async () => 'token', '/api'), path: '/tasks' },
    );
    const queriesOf = (path: string) =>
        requests
            .filter(request => new URL(request.url, 'http://localhost').pathname === path)
            .map(request => Object.fromEntries(new URL(request.url, 'http://localhost').searchParams));
    /** The query of every GET /api/tasks so far. */
    const inboxQueries = () => queriesOf('/api/tasks');
    const countQueries = () => queriesOf('/api/tasks/counts');
    const posts = () => requests.filter(request => request.method !== 'GET');
    return { inboxQueries, countQueries, posts };
};

const rowsOf = async () => within(await screen.findByRole('table')).getAllByRole('row').slice(1);

describe('the inbox', () => {
    afterEach(() => {
        vi.unstubAllGlobals();
        localStorage.clear(); // react-admin keeps the list's tab, filters and order there
    });

    it('opens on 我的待办, the most urgent first, leaving the direction of urgency to the backend', async () => {
        const { inboxQueries } = renderInbox();

        await screen.findByText('YJS-1');

        expect(inboxQueries()[0]).toEqual({ view: 'mine', page: '0', size: '10', sort: 'urgency' });
    });

    it('shows each tab with its count, 本部门全部 only to a lead, and lists the tab chosen', async () => {
        const user = userEvent.setup();
        const { inboxQueries } = renderInbox();
        const tabs = await screen.findByRole('tablist', { name: '待办分类' });

        await within(tabs).findByRole('tab', { name: '我的待办（2）' });
        expect(within(tabs).getAllByRole('tab').map(tab => tab.getAttribute('aria-label'))).toEqual([
            '我的待办（2）',
            '待认领（5）',
            '抄送我的（1）',
            '我已办结（7）',
        ]);
        expect(within(tabs).getByRole('tab', { name: '我的待办（2）' })).toHaveAttribute('aria-selected', 'true');

        await user.click(within(tabs).getByRole('tab', { name: '待认领（5）' }));

        await waitFor(() => expect(inboxQueries().at(-1)).toMatchObject({ view: 'unclaimed', page: '0' }));
        expect(within(tabs).getByRole('tab', { name: '待认领（5）' })).toHaveAttribute('aria-selected', 'true');
    });

    it('tells a tab of more than 1000 tasks as 1000+, as the server stops counting there', async () => {
        renderInbox({ counts: { ...COUNTS, unclaimed: 1001 } });
        const tabs = await screen.findByRole('tablist', { name: '待办分类' });

        expect(await within(tabs).findByRole('tab', { name: '待认领（1000+）' })).toBeInTheDocument();
    });

    it('gives a lead the tab 本部门全部', async () => {
        renderInbox({ lead: true });
        const tabs = await screen.findByRole('tablist', { name: '待办分类' });

        expect(await within(tabs).findByRole('tab', { name: '本部门全部（9）' })).toBeInTheDocument();
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

    it('shows who works a task and whether it is delegated', async () => {
        renderInbox({
            items: [
                inboxTask({
                    id: 't1',
                    caseNumber: 'YJS-1',
                    assignee: 'officer2-police',
                    assigneeName: '王警官',
                    owner: 'officer-police',
                    delegation: 'PENDING',
                }),
                inboxTask({ id: 't2', caseNumber: 'YJS-2' }),
            ],
        });
        const [delegated, unclaimed] = await rowsOf();

        expect(delegated).toHaveTextContent('王警官委派中');
        expect(unclaimed).toHaveTextContent('未认领');
    });

    it('filters by light: 超期, 预警, 正常, then 全部 again, from the first page, and counts the tabs alike', async () => {
        const user = userEvent.setup();
        const { inboxQueries, countQueries } = renderInbox();
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
                expect(inboxQueries().at(-1)).toEqual({ view: 'mine', light, page: '0', size: '10', sort: 'urgency' }),
            );
            await waitFor(() => expect(countQueries().at(-1)).toEqual({ light }));
            expect(within(filter).getByRole('button', { name: label })).toHaveAttribute('aria-pressed', 'true');
        }

        await user.click(within(filter).getByRole('button', { name: '全部' }));
        await waitFor(() =>
            expect(inboxQueries().at(-1)).toEqual({ view: 'mine', page: '0', size: '10', sort: 'urgency' }),
        );
    });

    it('sorts by due date from the 办理期限 column, and back to most urgent first', async () => {
        const user = userEvent.setup();
        const { inboxQueries } = renderInbox();
        await screen.findByText('YJS-1');

        await user.click(screen.getByRole('button', { name: /办理期限/ }));
        await waitFor(() => expect(inboxQueries().at(-1)).toMatchObject({ sort: 'due', order: 'asc' }));

        await user.click(screen.getByRole('button', { name: /最紧急优先/ }));
        await waitFor(() =>
            expect(inboxQueries().at(-1)).toEqual({ view: 'mine', page: '0', size: '10', sort: 'urgency' }),
        );
    });

    it('shows a rectification step as such, without 认领 (it is worked on the rating’s page)', async () => {
        renderInbox({
            items: [inboxTask({ id: 't9', name: '核实', itemCode: 'verify', caseNumber: 'YJS-9', ratingId: 'r9' })],
        });
        const [row] = await rowsOf();
        expect(row).toHaveTextContent('差评整改 · 核实');
        expect(within(row).queryByRole('button', { name: '认领' })).not.toBeInTheDocument();
        expect(within(row).getByRole('checkbox')).toBeDisabled();
    });

    it('shows a site inspection’s step as such, without 认领, and opens the inspection’s page', async () => {
        const user = userEvent.setup();
        renderInbox({
            items: [
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
            ],
        });
        const [row] = await rowsOf();
        expect(row).toHaveTextContent('联合踏勘 · 确认踏勘时间');
        expect(within(row).queryByRole('button', { name: '认领' })).not.toBeInTheDocument();

        await user.click(within(row).getByText('YJS-8'));
        expect(await screen.findByText('踏勘页')).toBeInTheDocument();
        expect(screen.queryByText('任务页')).not.toBeInTheDocument();
    });

    it('approves in bulk with one comment, leaves out a step to be reviewed alone, names the failed task and why', async () => {
        const user = userEvent.setup();
        const refused = '出生登记（户口）已由 officer2-police 认领，不能由您办理';
        const { inboxQueries, posts } = renderInbox({
            items: [
                inboxTask({ id: 't1', caseNumber: 'YJS-1', bulkApprove: true }),
                inboxTask({ id: 't2', caseNumber: 'YJS-2', bulkApprove: true }),
                inboxTask({ id: 't3', caseNumber: 'YJS-3', name: '出生医学证明', bulkApprove: false }),
            ],
            routes: {
                'POST /api/tasks/bulk': {
                    body: {
                        results: [
                            { taskId: 't1', ok: true, status: 200 },
                            { taskId: 't2', ok: false, status: 409, detail: refused },
                        ],
                    },
                },
            },
        });
        for (const row of await rowsOf()) await user.click(within(row).getByRole('checkbox'));
        expect(screen.queryByRole('button', { name: '批量分配' })).not.toBeInTheDocument(); // leads only
        expect(screen.queryByRole('button', { name: '批量认领' })).not.toBeInTheDocument(); // 我的待办 are claimed

        await user.click(screen.getByRole('button', { name: '批量通过' }));
        const dialog = await screen.findByRole('dialog', { name: '批量通过 2 件任务' });
        expect(dialog).toHaveTextContent('YJS-1 · 出生登记（户口）');
        expect(dialog).toHaveTextContent('以下 1 件须逐件审核，不包含在本次批量通过中：YJS-3 · 出生医学证明');
        await user.type(within(dialog).getByRole('textbox', { name: '办理意见' }), '材料齐全');
        const listed = inboxQueries().length;
        await user.click(within(dialog).getByRole('button', { name: '确认' }));

        const result = await screen.findByRole('dialog', { name: '批量通过结果' });
        expect(posts()[0].body).toEqual({ action: 'approve', taskIds: ['t1', 't2'], comment: '材料齐全' });
        expect(result).toHaveTextContent('成功 1 件，失败 1 件');
        const [failed, done] = within(result).getAllByRole('listitem');
        expect(failed).toHaveTextContent(`YJS-2 · 出生登记（户口）${refused}失败`);
        expect(done).toHaveTextContent('YJS-1 · 出生登记（户口）成功');
        await waitFor(() => expect(inboxQueries().length).toBeGreaterThan(listed)); // the list again

        await user.click(within(result).getByRole('button', { name: '关闭' }));
        await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
        for (const row of await rowsOf()) expect(within(row).getByRole('checkbox')).not.toBeChecked();
    });

    it('lets a lead claim and assign in bulk, to a colleague of the first task', async () => {
        const user = userEvent.setup();
        const { posts } = renderInbox({
            lead: true,
            routes: {
                'GET /api/tasks/t1/colleagues': {
                    body: [{ username: 'officer2-police', name: '王警官', department: 'police', departmentName: '公安户政' }],
                },
                'POST /api/tasks/bulk': {
                    body: {
                        results: [
                            { taskId: 't1', ok: true, status: 200 },
                            { taskId: 't2', ok: true, status: 200 },
                        ],
                    },
                },
            },
        });
        const [first, second] = await rowsOf();
        await user.click(within(first).getByRole('checkbox'));
        await user.click(within(second).getByRole('checkbox'));

        await user.click(screen.getByRole('button', { name: '批量分配' }));
        const dialog = await screen.findByRole('dialog', { name: '批量分配 2 件任务' });
        await user.click(within(dialog).getByRole('button', { name: '确认' }));
        expect(await within(dialog).findByText('请选择同事')).toBeInTheDocument();
        await user.click(within(dialog).getByRole('combobox', { name: '分配给' }));
        await user.click(await screen.findByRole('option', { name: '王警官' }));
        await user.click(within(dialog).getByRole('button', { name: '确认' }));

        await screen.findByRole('dialog', { name: '批量分配结果' });
        expect(posts()[0].body).toEqual({ action: 'assign', taskIds: ['t1', 't2'], assignee: 'officer2-police' });
    });

    it('lists the copies sent to the user, unread in bold, and opens the case read only, marking it read', async () => {
        const user = userEvent.setup();
        const copy = inboxTask({
            id: 't5',
            caseId: 'c5',
            caseNumber: 'YJS-5',
            cc: { id: 42, from: '王警官', note: '请协助核实户籍', at: '2026-11-23T10:00:00+08:00', read: false },
        });
        const { posts } = renderInbox({
            byView: { cc: [copy] },
            routes: { 'POST /api/tasks/cc/42/read': { status: 204 } },
        });
        await user.click(await screen.findByRole('tab', { name: '抄送我的（1）' }));

        // the tab's own list comes with another request
        const row = (await screen.findByText('请协助核实户籍', undefined, { timeout: 5000 })).closest('tr')!;
        expect(row).toHaveTextContent('YJS-5王警官请协助核实户籍');
        expect(row).toHaveTextContent('未读');
        expect(getComputedStyle(within(row).getByText('YJS-5').closest('td')!).fontWeight).toBe('700');

        await user.click(within(row).getByText('YJS-5'));

        expect(await screen.findByText('办件页')).toBeInTheDocument();
        expect(posts().map(request => request.url)).toEqual(['/api/tasks/cc/42/read']);
    });

    it('withdraws a completed step after asking, and opens the step opened again', async () => {
        const user = userEvent.setup();
        const { posts } = renderInbox({
            byView: {
                done: [
                    inboxTask({ id: 'h1', caseNumber: 'YJS-6', completedAt: '2026-11-23T10:00:00+08:00', withdrawable: true }),
                    inboxTask({ id: 'h2', caseNumber: 'YJS-7', completedAt: '2026-11-22T10:00:00+08:00', withdrawable: false }),
                ],
            },
            routes: { 'POST /api/tasks/h1/withdraw': { body: inboxTask({ id: 't9', assignee: 'officer-police' }) } },
        });
        await user.click(await screen.findByRole('tab', { name: '我已办结（7）' }));
        await screen.findByText('YJS-6', undefined, { timeout: 5000 });
        const [withdrawable, claimedNext] = await rowsOf();
        expect(within(claimedNext).queryByRole('button', { name: '撤回' })).not.toBeInTheDocument();

        await user.click(within(withdrawable).getByRole('button', { name: '撤回' }));
        const dialog = await screen.findByRole('dialog', { name: '撤回：出生登记（户口）' });
        await user.click(within(dialog).getByRole('button', { name: '确认' }));

        expect(await screen.findByText('任务页')).toBeInTheDocument();
        expect(posts().map(request => request.url)).toEqual(['/api/tasks/h1/withdraw']);
        expect(await screen.findByText('已撤回，请重新办理')).toBeInTheDocument();
    });

    it('applies a saved view (its tab, filters and order), and deletes only one’s own', async () => {
        const user = userEvent.setup();
        const { inboxQueries } = renderInbox({
            routes: {
                'GET /api/task-views': {
                    body: [
                        savedView(),
                        savedView({
                            id: 2,
                            name: '我的超期',
                            view: 'mine',
                            shared: false,
                            editable: true,
                            sort: null,
                            order: null,
                            count: 1,
                        }),
                    ],
                },
            },
        });
        await screen.findByText('YJS-1');
        await user.click(screen.getByRole('button', { name: '常用视图' }));
        const menu = await screen.findByRole('menu');
        await within(menu).findByText('我的超期');
        const [shared, own] = within(menu).getAllByRole('menuitem');
        expect(shared).toHaveTextContent('急件李科长 共享3 件');
        expect(within(shared).queryByRole('button', { name: /删除视图/ })).not.toBeInTheDocument();
        expect(within(own).getByRole('button', { name: '删除视图：我的超期' })).toBeInTheDocument();

        await user.click(shared);

        await waitFor(() =>
            expect(inboxQueries().at(-1)).toEqual({
                view: 'unclaimed',
                light: 'RED',
                page: '0',
                size: '10',
                sort: 'due',
                order: 'asc',
            }),
        );
        expect(screen.getByRole('tab', { name: /^待认领/ })).toHaveAttribute('aria-selected', 'true');
    });

    it('saves the tab, filters and order as a view, with a name, shared with the department by a lead', async () => {
        const user = userEvent.setup();
        const { posts } = renderInbox({
            lead: true,
            routes: { 'POST /api/task-views': { status: 201, body: savedView({ id: 3, name: '超期件' }) } },
        });
        await screen.findByText('YJS-1');
        await user.click(within(screen.getByRole('group', { name: '按状态灯筛选' })).getByRole('button', { name: '超期' }));
        await user.click(screen.getByRole('button', { name: '保存视图' }));
        const dialog = await screen.findByRole('dialog', { name: '保存当前视图' });

        await user.click(within(dialog).getByRole('button', { name: '保存' }));
        expect(await within(dialog).findByText('请填写视图名称')).toBeInTheDocument();

        await user.type(within(dialog).getByRole('textbox', { name: '视图名称' }), '超期件');
        await user.click(within(dialog).getByRole('switch', { name: '共享给本部门' }));
        await user.click(within(dialog).getByRole('button', { name: '保存' }));

        expect(await screen.findByText('视图已保存')).toBeInTheDocument();
        expect(posts()[0].body).toEqual({
            name: '超期件',
            view: 'mine',
            filters: { light: 'RED' },
            sort: 'urgency',
            shared: true,
        });
    });
});
