import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResourceContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { drawView, fakeFetch } from '../test/fixtures';
import { renderWithAdmin } from '../test/render';
import { DrawCreate } from './DrawCreate';
import { DrawList } from './DrawList';
import { DrawShow } from './DrawShow';

const DEPARTMENTS = [
    { code: 'health', name: '卫生健康委' },
    { code: 'hsupervision', name: '卫生健康监督所' },
];

const renderAt = (path: string, routes: Parameters<typeof fakeFetch>[0]) => {
    const { fetch, requests } = fakeFetch({ 'GET /api/departments': { body: DEPARTMENTS }, ...routes });
    vi.stubGlobal('fetch', fetch);
    renderWithAdmin(
        <ResourceContextProvider value="draws">
            <Routes>
                <Route path="/draws" element={<DrawList />} />
                <Route path="/draws/create" element={<DrawCreate />} />
                <Route path="/draws/:id/show" element={<DrawShow />} />
            </Routes>
        </ResourceContextProvider>,
        { dataProvider: createDataProvider(async () => 'token', '/api'), path },
    );
    const posts = () => requests.filter(request => request.method === 'POST');
    return { requests, posts };
};

describe('双随机抽查', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('draws with the count, seed and department given, then shows the drawn enterprises with grades', async () => {
        const user = userEvent.setup();
        const draw = drawView({ department: 'hsupervision', departmentName: '卫生健康监督所' });
        const { posts } = renderAt('/draws/create', {
            'POST /api/supervision/draws': { status: 201, body: draw },
            'GET /api/supervision/draws/d1': { body: draw },
        });
        const count = await screen.findByRole('spinbutton', { name: '抽取数量' });
        await user.clear(count);
        await user.type(count, '2');
        await user.type(screen.getByRole('spinbutton', { name: '随机种子（选填）' }), '42');
        await user.click(screen.getByRole('combobox', { name: '监管部门（选填）' }));
        await user.click(await screen.findByRole('option', { name: '卫生健康监督所' }));
        await user.click(screen.getByRole('button', { name: '抽取' }));
        await waitFor(() => expect(posts()).toHaveLength(1));
        expect(posts()[0].url).toBe('/api/supervision/draws');
        expect(posts()[0].body).toEqual({ count: 2, seed: 42, department: 'hsupervision' });
        const drawn = await screen.findByRole('table', { name: '抽中企业' });
        const rows = within(drawn).getAllByRole('row').slice(1);
        expect(rows.map(row => row.textContent)).toEqual(['1恒达诊所—D 级', '2绿源餐饮91330106MA2KYYYY2UC 级']);
    });

    it('leaves the seed and the department to the server when not given', async () => {
        const user = userEvent.setup();
        const { posts } = renderAt('/draws/create', {
            'POST /api/supervision/draws': { status: 201, body: drawView() },
            'GET /api/supervision/draws/d1': { body: drawView() },
        });
        await user.click(await screen.findByRole('button', { name: '抽取' }));
        await waitFor(() => expect(posts()).toHaveLength(1));
        expect(posts()[0].body).toEqual({ count: 1, seed: null, department: null });
    });

    it('shows the server’s field errors next to the inputs', async () => {
        const user = userEvent.setup();
        renderAt('/draws/create', {
            'POST /api/supervision/draws': {
                status: 400,
                body: {
                    status: 400,
                    title: '请求有误 / Bad request',
                    detail: '请修改后再提交 / Invalid request',
                    errors: [{ field: 'count', rule: 'max', message: '抽取数量不能超过可抽取的企业数（3 家持有有效证照）' }],
                },
            },
        });
        const count = await screen.findByRole('spinbutton', { name: '抽取数量' });
        await user.clear(count);
        await user.type(count, '9');
        await user.click(screen.getByRole('button', { name: '抽取' }));
        expect(await screen.findByText('抽取数量不能超过可抽取的企业数（3 家持有有效证照）')).toBeInTheDocument();
    });

    it('checks the count and seed before sending', async () => {
        const user = userEvent.setup();
        const { posts } = renderAt('/draws/create', {});
        const count = await screen.findByRole('spinbutton', { name: '抽取数量' });
        await user.clear(count);
        await user.type(count, '0');
        await user.type(screen.getByRole('spinbutton', { name: '随机种子（选填）' }), '1.5');
        await user.click(screen.getByRole('button', { name: '抽取' }));
        expect(await screen.findByText('不能小于 1')).toBeInTheDocument();
        expect(screen.getByText('随机种子应为整数')).toBeInTheDocument();
        expect(posts()).toHaveLength(0);
    });

    it('lists the earlier draws and opens one', async () => {
        const user = userEvent.setup();
        renderAt('/draws', {
            'GET /api/supervision/draws': {
                body: { items: [drawView(), drawView({ id: 'd0', departmentName: '卫生健康监督所', count: 1, drawn: [] })], total: 2 },
            },
            'GET /api/supervision/draws/d1': { body: drawView() },
        });
        const table = await screen.findByRole('table');
        const [latest, earlier] = within(table).getAllByRole('row').slice(1);
        expect(latest).toHaveTextContent('钱处长');
        expect(latest).toHaveTextContent('全部部门');
        expect(latest).toHaveTextContent('恒达诊所、绿源餐饮');
        expect(earlier).toHaveTextContent('卫生健康监督所');
        expect(screen.getByRole('link', { name: '新建抽查' })).toHaveAttribute('href', '/draws/create');
        await user.click(within(latest).getByText('钱处长'));
        expect(await screen.findByRole('table', { name: '抽中企业' })).toBeInTheDocument();
    });

    it('shows the seed, the population and the weights of each grade', async () => {
        renderAt('/draws/d1/show', { 'GET /api/supervision/draws/d1': { body: drawView({ seed: 9007199254740991 }) } });
        expect(await screen.findByText('9007199254740991')).toBeInTheDocument();
        expect(screen.getByText('3 家企业')).toBeInTheDocument();
        const weights = screen.getByRole('table', { name: '各等级权重' });
        expect(within(weights).getAllByRole('row').slice(1).map(row => row.textContent)).toEqual([
            'D 级811',
            'C 级411',
            'A 级110',
        ]);
        const population = screen.getByRole('table', { name: '抽取范围' });
        expect(within(population).getAllByRole('row')).toHaveLength(4);
    });

    it('says 复核一致 when the replay matches', async () => {
        const user = userEvent.setup();
        const { requests } = renderAt('/draws/d1/show', {
            'GET /api/supervision/draws/d1': { body: drawView() },
            'GET /api/supervision/draws/d1/replay': {
                body: { id: 'd1', matches: true, drawn: ['h-hengda', 'h-lvyuan'], replayed: ['h-hengda', 'h-lvyuan'] },
            },
        });
        await user.click(await screen.findByRole('button', { name: '复核' }));
        const verdict = await screen.findByRole('status');
        expect(verdict).toHaveTextContent('复核一致');
        expect(requests.at(-1)?.url).toBe('/api/supervision/draws/d1/replay');
    });

    it('says clearly when the replay does not match, with both results', async () => {
        const user = userEvent.setup();
        renderAt('/draws/d1/show', {
            'GET /api/supervision/draws/d1': { body: drawView() },
            'GET /api/supervision/draws/d1/replay': {
                body: { id: 'd1', matches: false, drawn: ['h-hengda', 'h-lvyuan'], replayed: ['h-hengda', 'h-kangning'] },
            },
        });
        await user.click(await screen.findByRole('button', { name: '复核' }));
        const verdict = await screen.findByRole('status');
        expect(verdict).toHaveTextContent('复核不一致');
        expect(verdict).not.toHaveTextContent('复核一致');
        expect(verdict).toHaveTextContent('记录的结果：恒达诊所、绿源餐饮');
        expect(verdict).toHaveTextContent('重新抽取：恒达诊所、康宁口腔门诊部');
    });
});
