import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Notification, ResourceContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { birthBundle, fakeFetch, inboxTask } from '../test/fixtures';
import { renderWithAdmin } from '../test/render';
import type { CaseDetail, Countersign, Task, TaskActionName, TimelineEntry } from '../types';
import { TaskShow } from './TaskShow';

const birthCase = (timeline: TimelineEntry[] = []): CaseDetail => ({
    id: 'c1',
    number: 'YJS-20261120-0001',
    bundleCode: 'birth',
    bundleName: '出生一件事',
    applicantName: '张*',
    status: 'IN_PROGRESS',
    submittedAt: '2026-11-20T08:00:00+08:00',
    completedAt: null,
    deadline: null,
    form: { applicantName: '张三', householdAddress: '北京市东城区东华门街道 1 号' },
    materials: [],
    items: [],
    timeline,
});

const colleagues = [
    { username: 'officer-police', name: '警官', department: 'police', departmentName: '公安户政' },
    { username: 'officer2-police', name: '王警官', department: 'police', departmentName: '公安户政' },
];

/** officer-police on the page of task t1 (出生登记（户口）), allowed `actions`. */
const renderTask = ({
    actions,
    task = inboxTask({ assignee: 'officer-police', assigneeName: '警官' }),
    timeline,
    countersigns = [],
    routes = {},
}: {
    actions: TaskActionName[];
    task?: Task;
    timeline?: TimelineEntry[];
    countersigns?: Countersign[];
    routes?: Parameters<typeof fakeFetch>[0];
}) => {
    const { fetch, requests } = fakeFetch({
        'GET /api/tasks/t1': { body: { task, caseFile: birthCase(timeline), actions, countersigns } },
        'GET /api/bundles/birth': { body: birthBundle },
        'GET /api/me': {
            body: {
                id: 'u',
                username: 'officer-police',
                name: '警官',
                roles: ['officer'],
                departments: [{ code: 'police', name: '公安户政' }],
            },
        },
        'GET /api/tasks/t1/colleagues': { body: colleagues },
        'GET /api/departments': {
            body: [
                { code: 'police', name: '公安户政' },
                { code: 'health', name: '卫生健康委' },
            ],
        },
        ...routes,
    });
    vi.stubGlobal('fetch', fetch);
    renderWithAdmin(
        <ResourceContextProvider value="tasks">
            <Routes>
                <Route path="/tasks/:id/show" element={<TaskShow />} />
                <Route path="/tasks" element={<p>待办任务列表</p>} />
            </Routes>
            <Notification />
        </ResourceContextProvider>,
        { dataProvider: createDataProvider(async () => 'token', '/api'), path: '/tasks/t1/show' },
    );
    return {
        posts: () => requests.filter(request => request.method === 'POST'),
        deletes: () => requests.filter(request => request.method === 'DELETE').map(request => request.url),
        taskLoads: () => requests.filter(request => request.url === '/api/tasks/t1').length,
    };
};

const toolbar = () => screen.findByRole('toolbar', { name: '办理操作' });

describe('the task page', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('offers what the server allows now, the decision only when the user may complete the task', async () => {
        renderTask({ actions: ['unclaim', 'transfer', 'delegate', 'return', 'cc', 'complete'] });
        const actions = await toolbar();

        expect(within(actions).getAllByRole('button').map(button => button.textContent)).toEqual([
            '放弃认领',
            '转办',
            '委派',
            '退回',
            '抄送',
        ]);
        expect(screen.getByRole('button', { name: '通过' })).toBeInTheDocument();
        expect(screen.getByRole('button', { name: '不予办理' })).toBeInTheDocument();
    });

    it('offers 认领 on an unclaimed task, and 分配 to a lead', async () => {
        renderTask({ actions: ['claim', 'assign', 'transfer', 'cc', 'complete'], task: inboxTask() });
        const actions = await toolbar();

        expect(within(actions).getAllByRole('button').map(button => button.textContent)).toEqual([
            '认领',
            '分配',
            '转办',
            '抄送',
        ]);
    });

    it('tells the colleague who delegated the task, and offers 委派办毕交回 without the decision', async () => {
        renderTask({
            actions: ['resolve', 'cc'],
            task: inboxTask({
                assignee: 'officer-police',
                assigneeName: '警官',
                owner: 'lead-police',
                delegation: 'PENDING',
            }),
            timeline: [
                {
                    at: '2026-11-21T09:00:00+08:00',
                    type: 'TASK_DELEGATED',
                    itemCode: 'household',
                    actor: '李科长',
                    message: '李科长 委派 警官 办理',
                },
            ],
        });
        const actions = await toolbar();

        expect(screen.getByText('本任务由 李科长 委派给 警官 办理')).toBeInTheDocument();
        expect(within(actions).getAllByRole('button').map(button => button.textContent)).toEqual(['委派办毕交回', '抄送']);
        expect(screen.queryByRole('button', { name: '通过' })).not.toBeInTheDocument();
    });

    it('asks the delegator to confirm once the colleague gave the task back, with the colleague’s opinion', async () => {
        renderTask({
            actions: ['unclaim', 'transfer', 'delegate', 'cc', 'complete'],
            task: inboxTask({ assignee: 'officer-police', owner: 'officer-police', delegation: 'RESOLVED' }),
            timeline: [
                {
                    at: '2026-11-22T09:00:00+08:00',
                    type: 'TASK_RESOLVED',
                    itemCode: 'household',
                    actor: '王警官',
                    message: '王警官 办毕交回。意见：户籍地址核实无误',
                },
            ],
        });
        await toolbar();

        expect(screen.getByText('王警官 已办毕交回，请确认')).toBeInTheDocument();
        expect(screen.getByText('王警官 办毕交回。意见：户籍地址核实无误')).toBeInTheDocument();
        expect(screen.getByRole('button', { name: '通过' })).toBeInTheDocument();
    });

    it('refuses 转办 without a department or person and without a reason, then transfers to another department', async () => {
        const user = userEvent.setup();
        const { posts } = renderTask({
            actions: ['transfer', 'complete'],
            routes: { 'POST /api/tasks/t1/transfer': { body: inboxTask({ department: 'health' }) } },
        });
        await user.click(within(await toolbar()).getByRole('button', { name: '转办' }));
        const dialog = await screen.findByRole('dialog', { name: '转办：出生登记（户口）' });

        await user.click(within(dialog).getByRole('button', { name: '确认' }));

        expect(await within(dialog).findByText('请选择转办到的部门或人员')).toBeInTheDocument();
        expect(within(dialog).getByText('请填写转办理由')).toBeInTheDocument();
        expect(posts()).toEqual([]);

        await user.click(within(dialog).getByRole('combobox', { name: '转办到部门' }));
        await user.click(await screen.findByRole('option', { name: '卫生健康委' }));
        // a person of another department is that department's to choose
        expect(within(dialog).getByRole('combobox', { name: '转办给' })).toHaveAttribute('aria-disabled', 'true');
        await user.type(within(dialog).getByRole('textbox', { name: '转办理由' }), '新生儿户籍地不在本辖区');
        await user.click(within(dialog).getByRole('button', { name: '确认' }));

        expect(await screen.findByText('待办任务列表')).toBeInTheDocument();
        expect(await screen.findByText('已转办')).toBeInTheDocument();
        expect(posts().map(({ url, body }) => [url, body])).toEqual([
            ['/api/tasks/t1/transfer', { department: 'health', reason: '新生儿户籍地不在本辖区' }],
        ]);
    });

    it('transfers to a colleague of the department', async () => {
        const user = userEvent.setup();
        const { posts } = renderTask({
            actions: ['transfer'],
            routes: { 'POST /api/tasks/t1/transfer': { body: inboxTask({ assignee: 'officer2-police' }) } },
        });
        await user.click(within(await toolbar()).getByRole('button', { name: '转办' }));
        const dialog = await screen.findByRole('dialog', { name: '转办：出生登记（户口）' });

        await user.click(within(dialog).getByRole('combobox', { name: '转办给' }));
        // not to oneself
        expect(screen.queryByRole('option', { name: '警官' })).not.toBeInTheDocument();
        await user.click(await screen.findByRole('option', { name: '王警官' }));
        await user.type(within(dialog).getByRole('textbox', { name: '转办理由' }), '王警官负责该片区');
        await user.click(within(dialog).getByRole('button', { name: '确认' }));

        await waitFor(() =>
            expect(posts().map(({ body }) => body)).toEqual([{ assignee: 'officer2-police', reason: '王警官负责该片区' }]),
        );
    });

    it('says the task moved on when someone was quicker (409), closes the dialog and shows the task anew', async () => {
        const user = userEvent.setup();
        const { taskLoads } = renderTask({
            actions: ['delegate', 'complete'],
            routes: {
                'POST /api/tasks/t1/delegate': {
                    status: 409,
                    body: { title: 'Conflict', status: 409, detail: '出生登记（户口）已由 officer2-police 认领，不能由您办理' },
                },
            },
        });
        await user.click(within(await toolbar()).getByRole('button', { name: '委派' }));
        const dialog = await screen.findByRole('dialog', { name: '委派：出生登记（户口）' });
        await user.click(within(dialog).getByRole('combobox', { name: '委派给' }));
        await user.click(await screen.findByRole('option', { name: '王警官' }));
        const loads = taskLoads();
        await user.click(within(dialog).getByRole('button', { name: '确认' }));

        expect(
            await screen.findByText('任务已有变化：出生登记（户口）已由 officer2-police 认领，不能由您办理。页面已刷新'),
        ).toBeInTheDocument();
        await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
        await waitFor(() => expect(taskLoads()).toBeGreaterThan(loads));
    });

    it('shows a refusal in the dialog, which stays open', async () => {
        const user = userEvent.setup();
        renderTask({
            actions: ['cc'],
            routes: {
                'POST /api/tasks/t1/cc': {
                    status: 403,
                    body: { title: 'Forbidden', status: 403, detail: '该任务属于卫生健康委，您无权办理' },
                },
            },
        });
        await user.click(within(await toolbar()).getByRole('button', { name: '抄送' }));
        const dialog = await screen.findByRole('dialog', { name: '抄送：出生登记（户口）' });

        await user.click(within(dialog).getByRole('button', { name: '确认' }));
        expect(await within(dialog).findByText('请至少选择一位抄送对象')).toBeInTheDocument();

        await user.click(within(dialog).getByRole('checkbox', { name: '王警官' }));
        await user.click(within(dialog).getByRole('button', { name: '确认' }));

        expect(await within(dialog).findByText('该任务属于卫生健康委，您无权办理')).toBeInTheDocument();
    });

    describe('加签 / 会签', () => {
        const officers = [
            ...colleagues,
            { username: 'officer-health', name: '李医生', department: 'health', departmentName: '卫生健康委' },
        ];
        const majority: Countersign = {
            id: 7,
            mode: 'PARALLEL',
            rule: 'MAJORITY',
            status: 'OPEN',
            requestedBy: 'officer-police',
            requestedByName: '警官',
            requestedAt: '2026-11-23T10:00:00+08:00',
            note: '户籍迁入需卫健委核实',
            pendingDecision: null,
            signers: [
                {
                    username: 'officer2-police',
                    name: '王警官',
                    position: 1,
                    state: 'AGREED',
                    opinion: '同意',
                    signedAt: '2026-11-23T11:00:00+08:00',
                },
                { username: 'officer-health', name: '李医生', position: 2, state: 'ACTIVE', opinion: null, signedAt: null },
            ],
        };

        it('shows each signer with what they said, and 减签 of one who has not signed yet, after asking', async () => {
            const user = userEvent.setup();
            const { deletes } = renderTask({
                actions: ['removeSigner', 'cc'],
                countersigns: [majority],
                routes: { 'DELETE /api/tasks/t1/countersigns/7/signers/officer-health': { status: 204 } },
            });
            const card = await screen.findByRole('region', { name: '会签（过半数同意）' });

            expect(within(card).getByText('签署中')).toBeInTheDocument();
            expect(within(card).getByText('户籍迁入需卫健委核实')).toBeInTheDocument();
            const [, signed, unsigned] = within(card).getAllByRole('row');
            expect(within(signed).getByText('王警官')).toBeInTheDocument();
            expect(within(signed).getByText('同意', { selector: 'td' })).toBeInTheDocument();
            expect(within(signed).queryByRole('button', { name: '减签：王警官' })).not.toBeInTheDocument();
            expect(within(unsigned).getByText('待签署')).toBeInTheDocument();
            // the bar has no decision while the signers have not decided
            expect(screen.queryByRole('button', { name: '通过' })).not.toBeInTheDocument();

            await user.click(within(unsigned).getByRole('button', { name: '减签：李医生' }));
            const confirm = await screen.findByRole('dialog', { name: '减签：李医生' });
            expect(deletes()).toEqual([]);
            await user.click(within(confirm).getByRole('button', { name: '确认' }));

            expect(await screen.findByText('已减签')).toBeInTheDocument();
            expect(deletes()).toEqual(['/api/tasks/t1/countersigns/7/signers/officer-health']);
        });

        it('asks the rule only for 会签, and signers of any department in their order', async () => {
            const user = userEvent.setup();
            const { posts } = renderTask({
                actions: ['countersign', 'cc', 'complete'],
                routes: {
                    'GET /api/officers': { body: officers },
                    'POST /api/tasks/t1/countersign': { body: inboxTask({ countersign: 'OPEN' }) },
                },
            });
            await user.click(within(await toolbar()).getByRole('button', { name: '加签 / 会签' }));
            const dialog = await screen.findByRole('dialog', { name: '加签 / 会签：出生登记（户口）' });
            expect(within(dialog).queryByRole('radio', { name: '过半数同意' })).not.toBeInTheDocument();

            await user.click(within(dialog).getByRole('radio', { name: /^会签：/ }));
            await user.click(within(dialog).getByRole('button', { name: '确认' }));
            expect(await within(dialog).findByText('请选择会签规则')).toBeInTheDocument();
            expect(within(dialog).getByText('请选择 1 到 10 位加签人')).toBeInTheDocument();
            expect(posts()).toEqual([]);

            await user.click(within(dialog).getByRole('radio', { name: '过半数同意' }));
            const signers = within(dialog).getByRole('combobox', { name: '加签人' });
            await user.click(signers);
            // not oneself
            expect(screen.queryByRole('option', { name: '警官（公安户政）' })).not.toBeInTheDocument();
            await user.click(await screen.findByRole('option', { name: '李医生（卫生健康委）' }));
            await user.click(signers);
            await user.click(await screen.findByRole('option', { name: '王警官（公安户政）' }));
            await user.click(within(dialog).getByRole('button', { name: '确认' }));

            await waitFor(() =>
                expect(posts().map(({ url, body }) => [url, body])).toEqual([
                    [
                        '/api/tasks/t1/countersign',
                        { mode: 'PARALLEL', rule: 'MAJORITY', signers: ['officer-health', 'officer2-police'] },
                    ],
                ]),
            );
            expect(await screen.findByText('已发起，已通知加签人')).toBeInTheDocument();
        });

        it('lets a signer agree, or disagree with the reason, on their own task', async () => {
            const user = userEvent.setup();
            const { posts } = renderTask({
                actions: ['sign'],
                task: inboxTask({
                    name: '会签：出生登记（户口）',
                    assignee: 'officer-police',
                    sign: {
                        countersignId: 7,
                        hostTaskId: 't0',
                        mode: 'PARALLEL',
                        rule: 'MAJORITY',
                        requestedByName: '李科长',
                    },
                }),
                countersigns: [majority],
                routes: { 'POST /api/tasks/t1/sign': { status: 204 } },
            });
            const actions = await toolbar();
            expect(screen.getByText('李科长 请您签署意见：会签（过半数同意）')).toBeInTheDocument();
            expect(within(actions).getAllByRole('button').map(button => button.textContent)).toEqual(['签署意见']);

            await user.click(within(actions).getByRole('button', { name: '签署意见' }));
            const dialog = await screen.findByRole('dialog', { name: '签署意见：会签：出生登记（户口）' });
            await user.click(within(dialog).getByRole('radio', { name: '不同意' }));
            await user.click(within(dialog).getByRole('button', { name: '确认' }));
            expect(await within(dialog).findByText('不同意时请填写理由')).toBeInTheDocument();
            expect(posts()).toEqual([]);

            await user.type(within(dialog).getByRole('textbox', { name: '意见' }), '新生儿母亲户籍信息有误');
            await user.click(within(dialog).getByRole('button', { name: '确认' }));

            expect(await screen.findByText('待办任务列表')).toBeInTheDocument();
            expect(posts().map(({ url, body }) => [url, body])).toEqual([
                ['/api/tasks/t1/sign', { agree: false, opinion: '新生儿母亲户籍信息有误' }],
            ]);
        });
    });
});
