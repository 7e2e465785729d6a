import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResourceContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { fakeFetch, pushView, supervisionOfficer } from '../test/fixtures';
import { renderWithAdmin } from '../test/render';
import type { Me, SupervisionPush } from '../types';
import { SupervisionList } from './SupervisionList';

const pending = pushView();
const escalated = pushView({
    id: 'p2',
    licenceNumber: 'ZJ-WJ-2026-000002',
    licenceName: '公共场所卫生许可证',
    holderName: '绿源餐饮',
    light: 'RED',
    remainingDays: -1,
    claimDue: '2026-12-01',
    escalatedAt: '2026-12-02T01:00:00Z',
});
const mine = pushView({
    id: 'p3',
    licenceNumber: 'ZJ-WJ-2026-000003',
    status: 'CLAIMED',
    light: null,
    remainingDays: null,
    claimedBy: '赵科长',
    claimedAt: '2026-11-30T02:00:00Z',
    claimedByMe: true,
});
const others = pushView({
    id: 'p4',
    licenceNumber: 'ZJ-WJ-2026-000004',
    status: 'CLAIMED',
    light: null,
    remainingDays: null,
    claimedBy: '孙科员',
    claimedAt: '2026-11-30T03:00:00Z',
});
const done = pushView({
    id: 'p5',
    licenceNumber: 'ZJ-WJ-2026-000005',
    status: 'DONE',
    light: null,
    remainingDays: null,
    claimedBy: '赵科长',
    claimedAt: '2026-11-29T02:00:00Z',
    result: 'FAIL',
    comment: '无证从事放射诊疗',
    reportedAt: '2026-12-01T02:00:00Z',
});

const renderQueue = (
    items: SupervisionPush[],
    { me = supervisionOfficer(), routes = {} }: { me?: Me; routes?: Parameters<typeof fakeFetch>[0] } = {},
) => {
    const { fetch, requests } = fakeFetch({
        'GET /api/supervision/queue': { body: { items, total: items.length } },
        'GET /api/me': { body: me },
        ...routes,
    });
    vi.stubGlobal('fetch', fetch);
    renderWithAdmin(
        <ResourceContextProvider value="supervision">
            <Routes>
                <Route path="/supervision" element={<SupervisionList />} />
                <Route path="/licences/:id/show" element={<p>证照页</p>} />
            </Routes>
        </ResourceContextProvider>,
        { dataProvider: createDataProvider(async () => 'token', '/api'), path: '/supervision' },
    );
    const queries = () =>
        requests
            .filter(request => request.url.startsWith('/api/supervision/queue'))
            .map(request => Object.fromEntries(new URL(request.url, 'http://localhost').searchParams));
    const posts = () => requests.filter(request => request.method === 'POST');
    return { queries, posts };
};

const rowOf = async (number: string) => (await screen.findByRole('link', { name: number })).closest('tr')!;

describe('审管联动', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('lists the pushes, most urgent claim first, with the light, 已督办, and a link to each licence', async () => {
        const { queries } = renderQueue([escalated, pending, mine]);
        const late = await rowOf('ZJ-WJ-2026-000002');
        expect(queries()[0]).toEqual({ page: '0', size: '10', sort: 'claimDue', order: 'asc' });
        expect(late).toHaveTextContent('超期');
        expect(late).toHaveTextContent('2026-12-01（已超期 1 个工作日）');
        expect(late).toHaveTextContent('已督办');
        expect(late).toHaveTextContent('待认领');
        const green = await rowOf('ZJ-WJ-2026-000001');
        expect(green).toHaveTextContent('2026-12-04（剩余 2 个工作日）');
        expect(green).not.toHaveTextContent('已督办');
        expect(within(green).getByRole('link', { name: 'ZJ-WJ-2026-000001' })).toHaveAttribute(
            'href',
            '/licences/ZJ-WJ-2026-000001/show',
        );
        expect(await rowOf('ZJ-WJ-2026-000003')).toHaveTextContent(/监管中赵科长 于 .* 认领/);
    });

    it('offers 认领 only on unclaimed rows, and claims', async () => {
        const user = userEvent.setup();
        const { posts, queries } = renderQueue([pending, escalated, mine, others, done], {
            routes: { 'POST /api/supervision/pushes/p1/claim': { body: { ...pending, status: 'CLAIMED' } } },
        });
        const first = await rowOf('ZJ-WJ-2026-000001');
        await waitFor(() => expect(screen.getAllByRole('button', { name: '认领' })).toHaveLength(2));
        expect(within(await rowOf('ZJ-WJ-2026-000002')).getByRole('button', { name: '认领' })).toBeInTheDocument();
        for (const claimed of ['ZJ-WJ-2026-000003', 'ZJ-WJ-2026-000004', 'ZJ-WJ-2026-000005']) {
            expect(within(await rowOf(claimed)).queryByRole('button', { name: '认领' })).not.toBeInTheDocument();
        }
        const before = queries().length;
        await user.click(within(first).getByRole('button', { name: '认领' }));
        await waitFor(() => expect(posts()).toHaveLength(1));
        expect(posts()[0].url).toBe('/api/supervision/pushes/p1/claim');
        // the queue is read again
        await waitFor(() => expect(queries().length).toBeGreaterThan(before));
    });

    it('lets a manager watch without claiming or reporting', async () => {
        renderQueue([pending, mine], { me: supervisionOfficer({ name: '钱处长', roles: ['manager'], departments: [] }) });
        await rowOf('ZJ-WJ-2026-000003');
        await new Promise(resolve => setTimeout(resolve, 50));
        expect(screen.queryByRole('button', { name: '认领' })).not.toBeInTheDocument();
        expect(screen.queryByRole('button', { name: '报告结果' })).not.toBeInTheDocument();
    });

    it('filters by status', async () => {
        const user = userEvent.setup();
        const { queries } = renderQueue([pending]);
        await rowOf('ZJ-WJ-2026-000001');
        await user.click(screen.getByRole('combobox', { name: '状态' }));
        await user.click(await screen.findByRole('option', { name: '监管中' }));
        await waitFor(() => expect(queries().at(-1)).toMatchObject({ status: 'CLAIMED' }));
    });

    it('shows the result reported, with its comment', async () => {
        renderQueue([done]);
        const row = await rowOf('ZJ-WJ-2026-000005');
        expect(row).toHaveTextContent('已反馈');
        expect(row).toHaveTextContent('不合格');
        expect(row).toHaveTextContent('无证从事放射诊疗');
    });

    describe('报告结果', () => {
        const openReport = async (routes: Parameters<typeof fakeFetch>[0] = {}) => {
            const user = userEvent.setup();
            const rendered = renderQueue([mine, others], { routes });
            const row = await rowOf('ZJ-WJ-2026-000003');
            await user.click(await within(row).findByRole('button', { name: '报告结果' }));
            const dialog = await screen.findByRole('dialog', { name: '报告监管结果：医疗机构执业许可证（多证合一）' });
            return { user, dialog, ...rendered };
        };

        it('is offered only on the rows the user claimed', async () => {
            renderQueue([mine, others]);
            const row = await rowOf('ZJ-WJ-2026-000003');
            expect(await within(row).findByRole('button', { name: '报告结果' })).toBeInTheDocument();
            expect(within(await rowOf('ZJ-WJ-2026-000004')).queryByRole('button', { name: '报告结果' })).toBeNull();
        });

        it('requires a comment for 限期整改 and 不合格', async () => {
            const { user, dialog, posts } = await openReport();
            await user.click(within(dialog).getByRole('radio', { name: '限期整改' }));
            await user.click(within(dialog).getByRole('button', { name: '提交监管结果' }));
            expect(await within(dialog).findByText('限期整改或不合格须写明发现的问题')).toBeInTheDocument();
            await user.click(within(dialog).getByRole('radio', { name: '不合格' }));
            await user.click(within(dialog).getByRole('button', { name: '提交监管结果' }));
            expect(within(dialog).getByText('限期整改或不合格须写明发现的问题')).toBeInTheDocument();
            expect(posts()).toHaveLength(0);
        });

        it('posts 合格 without a comment and closes', async () => {
            const { user, dialog, posts } = await openReport({
                'POST /api/supervision/pushes/p3/result': { body: { ...mine, status: 'DONE', result: 'PASS' } },
            });
            await user.click(within(dialog).getByRole('radio', { name: '合格' }));
            await user.click(within(dialog).getByRole('button', { name: '提交监管结果' }));
            await waitFor(() => expect(posts()).toHaveLength(1));
            expect(posts()[0].url).toBe('/api/supervision/pushes/p3/result');
            expect(posts()[0].body).toEqual({ result: 'PASS', comment: null });
            await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
        });

        it('posts 限期整改 with its comment, and shows the server’s field errors next to the input', async () => {
            const { user, dialog, posts } = await openReport({
                'POST /api/supervision/pushes/p3/result': {
                    status: 400,
                    body: {
                        status: 400,
                        title: '请求有误 / Bad request',
                        detail: '请修改后再提交 / Invalid request',
                        errors: [{ field: 'comment', rule: 'maxLength', message: '意见不能超过 1000 字' }],
                    },
                },
            });
            await user.click(within(dialog).getByRole('radio', { name: '限期整改' }));
            await user.type(within(dialog).getByRole('textbox', { name: '监管意见' }), '  消毒记录不全  ');
            await user.click(within(dialog).getByRole('button', { name: '提交监管结果' }));
            expect(await within(dialog).findByText('意见不能超过 1000 字')).toBeInTheDocument();
            expect(posts()[0].body).toEqual({ result: 'CONDITIONS', comment: '消毒记录不全' });
            expect(within(dialog).getByRole('alert')).toHaveTextContent('请修改后再提交');
        });

        it('shows why the server refuses (403: claimed by someone else)', async () => {
            const { user, dialog } = await openReport({
                'POST /api/supervision/pushes/p3/result': {
                    status: 403,
                    body: { status: 403, title: '禁止 / Forbidden', detail: '该推送由 孙科员 认领，只有认领人可以报告结果' },
                },
            });
            await user.click(within(dialog).getByRole('radio', { name: '合格' }));
            await user.click(within(dialog).getByRole('button', { name: '提交监管结果' }));
            expect(await within(dialog).findByRole('alert')).toHaveTextContent('该推送由 孙科员 认领，只有认领人可以报告结果');
            expect(screen.getByRole('dialog')).toBeInTheDocument();
        });
    });
});
