import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResourceDefinitionContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { fakeFetch, searchAnswer, searchResult } from '../test/fixtures';
import { renderWithAdmin } from '../test/render';
import { AppBarSearch } from './AppBarSearch';
import { SearchPage } from './SearchPage';

/** The pages an officer has: what the results may link to. */
const OFFICER_PAGES = ['cases', 'tasks', 'rectifications', 'licences'];

const CASE = searchResult();
const TASK = searchResult({
    type: 'task',
    typeLabel: '待办',
    id: 't1',
    title: '出生医学证明 · YJS-20261120-0001',
    summary: '出生一件事 · 待认领',
    highlights: ['<em>出生</em>医学证明 · YJS-20261120-0001', '<em>出生</em>一件事 · 待认领'],
    status: 'OPEN',
    departmentNames: ['助产机构'],
});
const RATING = searchResult({
    type: 'rating',
    typeLabel: '评价',
    id: 'r1',
    title: '差评 · 出生一件事 YJS-20261120-0001',
    summary: '不满意（服务态度） · 助产机构',
    highlights: [],
    status: 'VERIFYING',
    departmentNames: ['助产机构'],
});
const LICENCE = searchResult({
    type: 'licence',
    typeLabel: '证照',
    id: 'ZJ-WJ-2026-000001',
    title: '医疗机构执业许可证',
    summary: '康宁口腔门诊部 · ZJ-WJ-2026-000001 · 有效期至 2031-11-19',
    highlights: [],
    status: 'VALID',
});

const PROBLEM_503 = {
    status: 503,
    body: {
        status: 503,
        title: '暂时不可用 / Unavailable',
        detail: '搜索服务暂时不可用，其他功能不受影响；恢复后索引会自动补齐',
    },
};

/** The app bar's box and the routes, at `path`, answering GET /api/search with `answer`; the searches' parameters. */
const renderSearch = (
    path: string,
    answer: { status?: number; body?: unknown },
    pages: string[] = OFFICER_PAGES,
) => {
    const { fetch, requests } = fakeFetch({ 'GET /api/search': answer });
    vi.stubGlobal('fetch', fetch);
    renderWithAdmin(
        <ResourceDefinitionContextProvider
            definitions={Object.fromEntries(pages.map(name => [name, { name, hasShow: true }]))}
        >
            <AppBarSearch />
            <Routes>
                <Route path="/search" element={<SearchPage />} />
                <Route path="*" element={<p>其他页面</p>} />
            </Routes>
        </ResourceDefinitionContextProvider>,
        { dataProvider: createDataProvider(async () => 'token', '/api'), path },
    );
    const searches = () =>
        requests.filter(({ url }) => url.startsWith('/api/search')).map(({ url }) => new URL(url, 'http://app').searchParams);
    const lastSearch = () => searches().at(-1)!;
    return { searches, lastSearch };
};

describe('the app bar search box', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('opens the results page with the words typed, on Enter', async () => {
        const { lastSearch } = renderSearch('/cases', { body: searchAnswer([CASE]) });
        await userEvent.type(screen.getByRole('searchbox', { name: '搜索' }), '  出生 证明{Enter}');

        await screen.findByRole('heading', { name: '办件（1）' });
        expect(lastSearch().get('q')).toBe('出生 证明');
        expect(lastSearch().get('page')).toBe('0');
        expect(lastSearch().get('size')).toBe('20');
        // both boxes show what was searched
        expect(screen.getByRole('searchbox', { name: '搜索' })).toHaveValue('出生 证明');
        expect(screen.getByRole('searchbox', { name: '搜索内容' })).toHaveValue('出生 证明');
    });

    it('searches with its button too', async () => {
        const { lastSearch } = renderSearch('/tasks', { body: searchAnswer([CASE]) });
        await userEvent.type(screen.getByRole('searchbox', { name: '搜索' }), '张三');
        await userEvent.click(within(screen.getByRole('search', { name: '搜索' })).getByRole('button', { name: '搜索' }));

        await screen.findByRole('heading', { name: '办件（1）' });
        expect(lastSearch().get('q')).toBe('张三');
    });
});

describe('the results page', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('groups the results by type in the order of the type facet, each with its count, linked to their pages', async () => {
        const answer = searchAnswer([CASE, TASK, RATING, LICENCE], { total: 14 });
        answer.facets.type = [
            { value: 'task', label: '待办', count: 6 },
            { value: 'case', label: '办件', count: 5 },
            { value: 'rating', label: '评价', count: 2 },
            { value: 'licence', label: '证照', count: 1 },
        ];
        renderSearch('/search?q=出生', { body: answer });

        await screen.findByText('共 14 条结果');
        expect(screen.getAllByRole('heading', { level: 2 }).map(heading => heading.textContent)).toEqual([
            '待办（6）',
            '办件（5）',
            '评价（2）',
            '证照（1）',
        ]);
        const link = (section: string, name: string) =>
            within(screen.getByRole('region', { name: section })).getByRole('link', { name });
        expect(link('办件（5）', '出生一件事 YJS-20261120-0001')).toHaveAttribute('href', '/cases/c1/show');
        expect(link('待办（6）', '出生医学证明 · YJS-20261120-0001')).toHaveAttribute('href', '/tasks/t1/show');
        // a bad rating: its rectification, for staff
        expect(link('评价（2）', '差评 · 出生一件事 YJS-20261120-0001')).toHaveAttribute(
            'href',
            '/rectifications/r1/show',
        );
        expect(link('证照（1）', '医疗机构执业许可证')).toHaveAttribute('href', '/licences/ZJ-WJ-2026-000001/show');

        const caseResult = screen.getByRole('region', { name: '办件（5）' });
        expect(within(caseResult).getByText('办理中')).toBeInTheDocument();
        expect(within(caseResult).getByText('申请人 张* · 5 个事项')).toBeInTheDocument();
        expect(
            within(caseResult).getByText(
                `一件事：出生一件事 · 部门：助产机构、公安户政 · ${new Date(CASE.at!).toLocaleDateString('zh-CN')}`,
            ),
        ).toBeInTheDocument();
        expect(within(screen.getByRole('region', { name: '待办（6）' })).getByText('待认领')).toBeInTheDocument();
        expect(within(screen.getByRole('region', { name: '评价（2）' })).getByText('待核实')).toBeInTheDocument();
        expect(within(screen.getByRole('region', { name: '证照（1）' })).getByText('有效')).toBeInTheDocument();
    });

    it('leaves a result without a page of the user unlinked, and sends a manager from a task to its case', async () => {
        renderSearch('/search?q=出生', { body: searchAnswer([TASK, LICENCE]) }, ['cases']);

        await screen.findByRole('heading', { name: '待办（1）' });
        expect(screen.getByRole('link', { name: '出生医学证明 · YJS-20261120-0001' })).toHaveAttribute(
            'href',
            '/cases/c1/show',
        );
        expect(screen.getByRole('heading', { name: '医疗机构执业许可证' })).toBeInTheDocument();
        expect(screen.queryByRole('link', { name: '医疗机构执业许可证' })).not.toBeInTheDocument();
    });

    it('marks the highlighted words and shows everything else as text, never as HTML', async () => {
        const hostile = searchResult({
            summary: '备注 <img src=x onerror=alert(1)> 出生',
            highlights: [
                '<em>出生</em>一件事 YJS-20261120-0001',
                '备注 <img src=x onerror=alert(1)> <em>出生</em>',
                '分娩记录 <b>加粗</b> <em>出生</em>医学证明',
            ],
        });
        renderSearch('/search?q=出生', { body: searchAnswer([hostile]) });

        const section = await screen.findByRole('region', { name: '办件（1）' });
        expect(section.querySelector('img, b')).toBeNull();
        expect(within(section).getByText('<img src=x onerror=alert(1)>', { exact: false })).toBeInTheDocument();
        expect(within(section).getByText('<b>加粗</b>', { exact: false })).toBeInTheDocument();
        // the title and the summary once each, highlighted; the other fragment beside them
        expect([...section.querySelectorAll('mark')].map(mark => mark.textContent)).toEqual(['出生', '出生', '出生']);
        expect(within(section).getByRole('link').querySelector('mark')).toHaveTextContent('出生');
        expect(section.textContent?.split('YJS-20261120-0001')).toHaveLength(2);
    });

    it('filters by a facet value on a click, shows it as a chip, and takes it off on a second click', async () => {
        const answer = searchAnswer([CASE, TASK]);
        answer.facets.department = [
            { value: 'hospital', label: '助产机构', count: 2 },
            { value: 'police', label: '公安户政', count: 1 },
        ];
        answer.facets.status = [
            { value: 'IN_PROGRESS', label: 'IN_PROGRESS', count: 1 },
            { value: 'OPEN', label: 'OPEN', count: 1 },
        ];
        answer.facets.bundle = [{ value: 'birth', label: '出生一件事', count: 2 }];
        const { lastSearch } = renderSearch('/search?q=出生&page=2', { body: answer });

        const department = await screen.findByRole('button', { name: '助产机构（2 条）' });
        expect(department).toHaveAttribute('aria-pressed', 'false');
        // statuses in words
        expect(screen.getByRole('button', { name: '办理中（1 条）' })).toBeInTheDocument();
        expect(screen.getByRole('button', { name: '待认领（1 条）' })).toBeInTheDocument();
        expect(screen.getByRole('list', { name: '一件事' })).toHaveTextContent('出生一件事2');

        await userEvent.click(department);
        await waitFor(() => expect(lastSearch().get('department')).toBe('hospital'));
        expect(lastSearch().get('q')).toBe('出生');
        // a new filter starts at the first page
        expect(lastSearch().get('page')).toBe('0');
        expect(await screen.findByRole('button', { name: '移除筛选条件：部门：助产机构' })).toBeInTheDocument();
        expect(screen.getByRole('button', { name: '助产机构（2 条）' })).toHaveAttribute('aria-pressed', 'true');

        await userEvent.click(screen.getByRole('button', { name: '办理中（1 条）' }));
        await waitFor(() => expect(lastSearch().get('status')).toBe('IN_PROGRESS'));
        expect(lastSearch().get('department')).toBe('hospital');

        await userEvent.click(screen.getByRole('button', { name: '助产机构（2 条）' }));
        await waitFor(() => expect(lastSearch().has('department')).toBe(false));
        expect(lastSearch().get('status')).toBe('IN_PROGRESS');

        await userEvent.click(screen.getByRole('button', { name: '移除筛选条件：状态：办理中' }));
        await waitFor(() => expect(lastSearch().has('status')).toBe(false));
        expect(screen.queryByRole('group', { name: '已选筛选条件' })).not.toBeInTheDocument();
    });

    it('asks for a period and pages through the results', async () => {
        vi.stubGlobal('scrollTo', vi.fn()); // to the top of the next page (jsdom has no scrolling)
        const { lastSearch } = renderSearch('/search?q=出生', {
            body: searchAnswer([CASE], { total: 45 }),
        });

        await userEvent.click(await screen.findByRole('button', { name: '下一页' }));
        await waitFor(() => expect(lastSearch().get('page')).toBe('1'));
        expect(await screen.findByRole('button', { name: '第 2 页' })).toHaveAttribute('aria-current', 'page');

        const from = screen.getByLabelText('开始日期');
        await userEvent.type(from, '2026-11-01');
        await waitFor(() => expect(lastSearch().get('from')).toBe('2026-11-01'));
        expect(lastSearch().get('page')).toBe('0');
        expect(screen.getByRole('button', { name: '移除筛选条件：自 2026-11-01' })).toBeInTheDocument();
    });

    it('says what is wrong with the dates by the dates', async () => {
        renderSearch('/search?q=出生&from=2026-12-01&to=2026-11-01', {
            status: 400,
            body: {
                status: 400,
                title: '请求有误 / Bad request',
                detail: '请修改后再提交 / Invalid request',
                errors: [{ field: 'to', rule: 'range', message: '结束日期不能早于开始日期' }],
            },
        });

        expect(await screen.findByText('结束日期不能早于开始日期')).toBeInTheDocument();
        expect(screen.getByLabelText('结束日期')).toHaveAttribute('aria-invalid', 'true');
        expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    });

    it('shows the detail of a 503 while the search is away', async () => {
        renderSearch('/search?q=出生', PROBLEM_503);

        expect(await screen.findByRole('alert')).toHaveTextContent(
            '搜索服务暂时不可用，其他功能不受影响；恢复后索引会自动补齐',
        );
        // the box still works
        expect(screen.getByRole('searchbox', { name: '搜索内容' })).toHaveValue('出生');
    });

    it('warns when the index may lag behind', async () => {
        renderSearch('/search?q=出生', { body: searchAnswer([CASE], { degraded: true }) });

        expect(await screen.findByRole('alert')).toHaveTextContent('搜索结果可能不是最新的，索引正在补齐');
        expect(screen.getByRole('heading', { name: '办件（1）' })).toBeInTheDocument();
    });

    it('says so when nothing is found', async () => {
        renderSearch('/search?q=不存在的内容', { body: searchAnswer([]) });

        expect(await screen.findByText('没有找到相关结果')).toBeInTheDocument();
        expect(screen.queryByRole('heading', { level: 2 })).not.toBeInTheDocument();
    });
});
