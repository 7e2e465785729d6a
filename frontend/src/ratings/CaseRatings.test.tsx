import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Notification, ResourceContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CaseShow } from '../cases/CaseShow';
import { createDataProvider } from '../dataProvider';
import { birthBundle, deadlineView, fakeFetch, ratingView } from '../test/fixtures';
import { authProviderWith, renderWithAdmin } from '../test/render';
import type { CaseDetail, CaseItem, Rating } from '../types';

const item = (overrides: Partial<CaseItem>): CaseItem => ({
    code: 'birthCertificate',
    name: '出生医学证明',
    department: 'hospital',
    departmentName: '助产机构',
    status: 'APPROVED',
    comment: null,
    startedAt: '2026-11-20T08:00:00+08:00',
    decidedAt: '2026-11-20T09:00:00+08:00',
    decidedBy: '王医生',
    supplement: null,
    deadline: deadlineView({ light: null, onTime: true }),
    ...overrides,
});

const caseDetail = (overrides: Partial<CaseDetail>): CaseDetail => ({
    id: 'c1',
    number: 'YJS-20261120-0001',
    bundleCode: 'birth',
    bundleName: '出生一件事',
    applicantName: '张三',
    status: 'IN_PROGRESS',
    submittedAt: '2026-11-20T08:00:00+08:00',
    completedAt: null,
    deadline: null,
    form: {},
    materials: [],
    items: [],
    timeline: [],
    ...overrides,
});

const renderCase = (detail: CaseDetail, ratings: Rating[], roles = ['citizen'], departments?: string[]) => {
    const routes: Parameters<typeof fakeFetch>[0] = {
        'GET /api/cases/c1': { body: detail },
        'GET /api/cases/c1/ratings': { body: ratings },
        'GET /api/bundles/birth': { body: birthBundle },
        'POST /api/cases/c1/ratings': { status: 201, body: ratingView() },
    };
    const { fetch, requests } = fakeFetch(routes);
    vi.stubGlobal('fetch', fetch);
    renderWithAdmin(
        <>
            <ResourceContextProvider value="cases">
                <Routes>
                    <Route path="/cases/:id/show/*" element={<CaseShow />} />
                    <Route path="/ratings/:id/show" element={<p>评价页</p>} />
                    <Route path="/rectifications/:id/show" element={<p>整改页</p>} />
                </Routes>
            </ResourceContextProvider>
            <Notification />
        </>,
        {
            dataProvider: createDataProvider(async () => 'token', '/api'),
            authProvider: authProviderWith(roles, departments),
            path: '/cases/c1/show',
        },
    );
    /** What the server answers from now on to GET /api/cases/c1/ratings. */
    const rated = (now: Rating[]) => {
        routes['GET /api/cases/c1/ratings'] = { body: now };
    };
    return { requests, rated };
};

const rowOf = async (name: string) => {
    const table = await screen.findByRole('table');
    return within(table).getByRole('row', { name: new RegExp(name) });
};

describe('rating a case (好差评)', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('lets the applicant rate each decided item, not the others, nor the case before it is completed', async () => {
        const { requests } = renderCase(
            caseDetail({
                items: [
                    item({}),
                    item({
                        code: 'household',
                        name: '出生登记（户口）',
                        department: 'police',
                        departmentName: '公安户政',
                        status: 'IN_PROGRESS',
                        decidedAt: null,
                        decidedBy: null,
                        deadline: deadlineView(),
                    }),
                ],
            }),
            [],
        );

        const decided = await rowOf('出生医学证明');
        expect(await within(decided).findByRole('button', { name: '评价出生医学证明' })).toBeInTheDocument();
        const open = await rowOf('出生登记（户口）');
        expect(within(open).queryByRole('button', { name: /评价/ })).not.toBeInTheDocument();
        expect(screen.queryByRole('region', { name: '评价本次办件' })).not.toBeInTheDocument();
        expect(requests.some(request => request.url === '/api/cases/c1/ratings')).toBe(true);
    });

    it('shows the given rating with 修改评价 while it may be changed, and a link to its page', async () => {
        const user = userEvent.setup();
        renderCase(
            caseDetail({
                status: 'COMPLETED',
                completedAt: '2026-11-21T08:00:00+08:00',
                items: [
                    item({}),
                    item({ code: 'household', name: '出生登记（户口）', status: 'REJECTED', comment: '户籍不在本市' }),
                ],
            }),
            [
                ratingView({ id: 'r1', itemCode: 'birthCertificate', itemName: '出生医学证明', level: 4, bad: false, reason: null, rectification: null }),
                ratingView({
                    id: 'r2',
                    itemCode: 'household',
                    level: 1,
                    changeableUntil: '2020-01-01T00:00:00Z',
                }),
            ],
        );

        const good = await rowOf('出生医学证明');
        await waitFor(() => expect(good).toHaveTextContent('满意'));
        expect(good).not.toHaveTextContent('差评');
        expect(within(good).getByRole('button', { name: '修改对出生医学证明的评价' })).toBeInTheDocument();
        expect(within(good).getByText(/前可修改/)).toBeInTheDocument();

        const bad = await rowOf('出生登记（户口）');
        expect(bad).toHaveTextContent('非常不满意');
        expect(bad).toHaveTextContent('差评');
        expect(bad).toHaveTextContent('待核实');
        // the 24 hours are over
        expect(within(bad).queryByRole('button', { name: /修改/ })).not.toBeInTheDocument();

        // the whole case, completed and not rated yet
        const block = screen.getByRole('region', { name: '评价本次办件' });
        expect(within(block).getByRole('button', { name: '评价出生一件事' })).toBeInTheDocument();

        await user.click(within(bad).getByRole('link', { name: '查看对出生登记（户口）的评价' }));
        expect(await screen.findByText('评价页')).toBeInTheDocument();
    });

    it('rates the whole case once completed, then shows that rating', async () => {
        const user = userEvent.setup();
        const detail = caseDetail({ status: 'COMPLETED', completedAt: '2026-11-21T08:00:00+08:00', items: [item({})] });
        const { requests, rated } = renderCase(detail, []);

        const block = await screen.findByRole('region', { name: '评价本次办件' });
        await user.click(await within(block).findByRole('button', { name: '评价出生一件事' }));
        const dialog = screen.getByRole('dialog', { name: '评价：出生一件事' });
        await user.click(within(dialog).getByRole('radio', { name: '非常满意' }));
        const caseRating = ratingView({
            id: 'r9',
            itemCode: null,
            itemName: null,
            channel: 'CASE',
            level: 5,
            bad: false,
            reason: null,
            comment: null,
            rectification: null,
        });
        rated([caseRating]);
        await user.click(within(dialog).getByRole('button', { name: '提交评价' }));

        await waitFor(() =>
            expect(requests.find(request => request.method === 'POST')?.body).toEqual({
                itemCode: null,
                level: 5,
                reason: null,
                comment: null,
            }),
        );
        expect(await screen.findByText('感谢您的评价')).toBeInTheDocument();
        // the ratings are asked again: the block shows the rating
        const rating = await screen.findByRole('region', { name: '您对本次办件的评价' });
        expect(rating).toHaveTextContent('非常满意');
        expect(within(rating).getByRole('button', { name: '修改对出生一件事的评价' })).toBeInTheDocument();
        expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });

    it('shows officers the ratings, without rating, and leads them to 差评整改', async () => {
        const user = userEvent.setup();
        renderCase(
            caseDetail({ status: 'COMPLETED', items: [item({ code: 'household', name: '出生登记（户口）' })] }),
            [ratingView()],
            ['officer'],
        );

        const row = await rowOf('出生登记（户口）');
        await waitFor(() => expect(row).toHaveTextContent('不满意'));
        expect(within(row).queryByRole('button', { name: /评价/ })).not.toBeInTheDocument();
        expect(screen.queryByRole('region', { name: /评价本次办件/ })).not.toBeInTheDocument();

        await user.click(within(row).getByRole('link', { name: '查看对出生登记（户口）的评价' }));
        expect(await screen.findByText('整改页')).toBeInTheDocument();
    });
});

/** A decided item of the hospital, a decided one and an open one of the police. */
const threeItems = () =>
    caseDetail({
        items: [
            item({}),
            item({ code: 'household', name: '出生登记（户口）', department: 'police', departmentName: '公安户政' }),
            item({
                code: 'insurance',
                name: '参保登记',
                department: 'police',
                departmentName: '公安户政',
                status: 'IN_PROGRESS',
                decidedAt: null,
                decidedBy: null,
                deadline: deadlineView(),
            }),
        ],
    });

const supervisorRating = (overrides: Partial<Rating> = {}) =>
    ratingView({
        id: 's1',
        channel: 'SUPERVISOR',
        level: 1,
        bad: true,
        reason: 'ATTITUDE',
        comment: '窗口态度生硬',
        rectification: null,
        mine: true,
        ...overrides,
    });

describe('监督查评 (a supervisor rates an item)', () => {
    afterEach(() => vi.unstubAllGlobals());

    const supervise = (name: string) => `对${name}作出监督评价`;

    it('shows another supervisor\'s rating read-only and still offers the user their own 监督评价', async () => {
        renderCase(threeItems(), [supervisorRating({ mine: false })], ['manager']);

        const household = await rowOf('出生登记（户口）');
        expect(await within(household).findByRole('button', { name: supervise('出生登记（户口）') })).toBeInTheDocument();
        expect(household).toHaveTextContent('监督查评');
        expect(within(household).queryByRole('button', { name: /修改/ })).not.toBeInTheDocument();
    });

    it('offers a manager 监督评价 on every decided item, next to the applicant\'s rating shown read-only', async () => {
        renderCase(threeItems(), [ratingView({ rectification: null })], ['manager']);

        const household = await rowOf('出生登记（户口）');
        expect(await within(household).findByRole('button', { name: supervise('出生登记（户口）') })).toHaveTextContent(
            '监督评价',
        );
        // the applicant's rating: shown, not changeable by the manager, no 监督查评 chip
        expect(household).toHaveTextContent('不满意');
        expect(household).not.toHaveTextContent('监督查评');
        expect(within(household).queryByRole('button', { name: /修改/ })).not.toBeInTheDocument();

        const birth = await rowOf('出生医学证明');
        expect(within(birth).getByRole('button', { name: supervise('出生医学证明') })).toBeInTheDocument();
        const open = await rowOf('参保登记');
        expect(within(open).queryByRole('button', { name: /监督评价/ })).not.toBeInTheDocument();
    });

    it('offers a lead 监督评价 on the items of their departments only', async () => {
        renderCase(threeItems(), [], ['officer', 'lead'], ['/police']);

        const household = await rowOf('出生登记（户口）');
        expect(await within(household).findByRole('button', { name: supervise('出生登记（户口）') })).toBeInTheDocument();
        const birth = await rowOf('出生医学证明');
        expect(within(birth).queryByRole('button', { name: /监督评价/ })).not.toBeInTheDocument();
    });

    it.each([
        ['an officer of the department', ['officer'], ['police']],
        ['an officer of another department', ['officer'], ['hospital']],
    ])('offers no 监督评价 to %s', async (_, roles, departments) => {
        renderCase(threeItems(), [ratingView({ rectification: null })], roles, departments);

        const household = await rowOf('出生登记（户口）');
        await waitFor(() => expect(household).toHaveTextContent('不满意'));
        expect(screen.queryByRole('button', { name: /监督评价/ })).not.toBeInTheDocument();
    });

    it('offers a lead of another department 监督评价 on their items, not on the police\'s', async () => {
        renderCase(threeItems(), [ratingView({ rectification: null })], ['officer', 'lead'], ['hospital']);

        const birth = await rowOf('出生医学证明');
        expect(await within(birth).findByRole('button', { name: supervise('出生医学证明') })).toBeInTheDocument();
        const household = await rowOf('出生登记（户口）');
        expect(household).toHaveTextContent('不满意');
        expect(within(household).queryByRole('button', { name: /监督评价/ })).not.toBeInTheDocument();
    });

    it('offers the applicant their own 评价, not 监督评价', async () => {
        renderCase(threeItems(), [], ['citizen']);

        const household = await rowOf('出生登记（户口）');
        expect(await within(household).findByRole('button', { name: '评价出生登记（户口）' })).toBeInTheDocument();
        expect(screen.queryByRole('button', { name: /监督评价/ })).not.toBeInTheDocument();
    });

    it('sends the supervisor\'s rating, then shows it with 监督查评 and 修改 while changeable', async () => {
        const user = userEvent.setup();
        const { requests, rated } = renderCase(threeItems(), [], ['manager']);

        const household = await rowOf('出生登记（户口）');
        await user.click(await within(household).findByRole('button', { name: supervise('出生登记（户口）') }));
        const dialog = screen.getByRole('dialog', { name: '监督评价：出生登记（户口）' });
        await user.click(within(dialog).getByRole('radio', { name: '非常不满意' }));
        await user.click(within(dialog).getByRole('radio', { name: '服务态度' }));
        await user.type(within(dialog).getByRole('textbox', { name: /评价内容/ }), '  窗口态度生硬 ');
        rated([supervisorRating()]);
        await user.click(within(dialog).getByRole('button', { name: '提交评价' }));

        await waitFor(() => expect(requests.filter(request => request.method === 'POST')).toHaveLength(1));
        const post = requests.find(request => request.method === 'POST')!;
        expect(post.url).toBe('/api/cases/c1/ratings');
        expect(post.body).toEqual({ itemCode: 'household', level: 1, reason: 'ATTITUDE', comment: '窗口态度生硬' });
        expect(await screen.findByText('监督评价已提交')).toBeInTheDocument();

        await waitFor(() => expect(household).toHaveTextContent('监督查评'));
        expect(household).toHaveTextContent('非常不满意');
        expect(within(household).queryByRole('button', { name: supervise('出生登记（户口）') })).not.toBeInTheDocument();
        await user.click(within(household).getByRole('button', { name: '修改对出生登记（户口）的监督评价' }));
        const change = screen.getByRole('dialog', { name: '修改监督评价：出生登记（户口）' });
        expect(within(change).getByRole('radio', { name: '非常不满意' })).toBeChecked();
    });

    it('shows officers a supervisor\'s rating with 监督查评, and no 修改 once the 24 hours are over', async () => {
        renderCase(threeItems(), [supervisorRating({ changeableUntil: '2020-01-01T00:00:00Z' })], ['officer', 'lead'], ['police']);

        const household = await rowOf('出生登记（户口）');
        await waitFor(() => expect(household).toHaveTextContent('监督查评'));
        expect(within(household).queryByRole('button', { name: /修改|监督评价/ })).not.toBeInTheDocument();
    });
});
