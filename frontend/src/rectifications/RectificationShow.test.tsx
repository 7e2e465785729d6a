import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Notification, ResourceContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { fakeFetch, ratingView, rectificationView } from '../test/fixtures';
import { authProviderWith, renderWithAdmin } from '../test/render';
import type { Rating, Rectification } from '../types';
import { RectificationShow } from './RectificationShow';

const at = (rectification: Partial<Rectification>) => ratingView({ rectification: rectificationView(rectification) });

const verifying = at({});
const rectifying = at({
    status: 'RECTIFYING',
    step: { code: 'rectify', name: '整改', dueDate: '2026-11-30', light: 'GREEN' },
});
const callback = at({ status: 'CALLBACK', step: { code: 'callback', name: '回访', dueDate: '2026-12-02', light: 'GREEN' } });
const exclusionReview = at({
    status: 'EXCLUSION_REVIEW',
    step: { code: 'reviewExclusion', name: '排除审核', dueDate: '2026-12-01', light: 'YELLOW' },
});
const appealReview = at({
    status: 'APPEAL_REVIEW',
    step: { code: 'reviewAppeal', name: '申诉复核', dueDate: '2026-12-03', light: 'RED' },
});
const closed = at({ status: 'CLOSED', step: null, appealableUntil: '2099-12-31', outcome: '已整改' });

const renderShow = (rating: Rating, roles: string[], routes: Parameters<typeof fakeFetch>[0] = {}) => {
    const { fetch, requests } = fakeFetch({ 'GET /api/ratings/r1': { body: rating }, ...routes });
    vi.stubGlobal('fetch', fetch);
    renderWithAdmin(
        <>
            <ResourceContextProvider value="rectifications">
                <Routes>
                    <Route path="/rectifications/:id/show" element={<RectificationShow />} />
                </Routes>
            </ResourceContextProvider>
            <Notification />
        </>,
        {
            dataProvider: createDataProvider(async () => 'token', '/api'),
            authProvider: authProviderWith(roles),
            path: '/rectifications/r1/show',
        },
    );
    const posts = () => requests.filter(request => request.method === 'POST');
    const loads = () => requests.filter(request => request.url === '/api/ratings/r1').length;
    return { posts, loads };
};

/** The heading of the form the page offers, or what it says the step waits for. */
const offered = async () => {
    await screen.findByText('YJS-20261120-0001');
    await waitFor(() =>
        expect(screen.queryByRole('heading', { name: /^办理：/ }) ?? screen.queryByText(/^等待/)).not.toBeNull(),
    );
    return (screen.queryByRole('heading', { name: /^办理：/ }) ?? screen.getByText(/^等待/)).textContent;
};

describe('a rectification, for officers, leads and managers', () => {
    afterEach(() => vi.unstubAllGlobals());

    it.each([
        ['VERIFYING', ['officer', 'lead'], '办理：核实', verifying],
        ['VERIFYING', ['officer'], '等待部门负责人核实。', verifying],
        ['VERIFYING', ['manager'], '等待部门负责人核实。', verifying],
        ['RECTIFYING', ['officer'], '办理：整改', rectifying],
        ['RECTIFYING', ['officer', 'lead'], '办理：整改', rectifying],
        ['RECTIFYING', ['lead'], '等待部门整改。', rectifying],
        ['RECTIFYING', ['manager'], '等待部门整改。', rectifying],
        ['CALLBACK', ['officer'], '等待申请人回访。', callback],
        ['EXCLUSION_REVIEW', ['manager'], '办理：排除审核', exclusionReview],
        ['EXCLUSION_REVIEW', ['officer', 'lead'], '等待评价管理部门审核排除申请。', exclusionReview],
        ['APPEAL_REVIEW', ['manager'], '办理：申诉复核', appealReview],
        ['APPEAL_REVIEW', ['officer'], '等待评价管理部门复核申诉。', appealReview],
    ] as const)('%s, for %j: %s', async (_, roles, expected, rating) => {
        renderShow(rating, [...roles]);
        expect(await offered()).toBe(expected);
    });

    it('offers no form once closed', async () => {
        renderShow(closed, ['officer', 'lead', 'manager']);
        expect(await screen.findByText('已整改')).toBeInTheDocument();
        expect(screen.getByText('已办结')).toBeInTheDocument();
        expect(screen.queryByRole('heading', { name: /^办理：/ })).not.toBeInTheDocument();
        expect(screen.queryByText(/^等待/)).not.toBeInTheDocument();
    });

    it('shows the rating, who decided the item, the step with its deadline and light, and the timeline', async () => {
        renderShow(exclusionReview, ['manager']);
        expect(await screen.findByText('李警官')).toBeInTheDocument();
        const rectification = screen.getByRole('region', { name: '差评整改' });
        expect(within(rectification).getByText('排除审核中')).toBeInTheDocument();
        expect(within(rectification).getByText('排除审核')).toBeInTheDocument();
        expect(within(rectification).getByText('预警')).toBeInTheDocument();
        expect(within(rectification).getByText('2026-12-01')).toBeInTheDocument();
        // the applicant's wording is for the applicant
        expect(within(rectification).queryByText(/正在由评价管理部门审核/)).not.toBeInTheDocument();
        expect(within(screen.getByRole('region', { name: '整改记录' })).getAllByRole('row')).toHaveLength(3);
    });

    it('核实: the lead sends the verdict and finding, then sees the success and the page again', async () => {
        const user = userEvent.setup();
        const { posts, loads } = renderShow(verifying, ['officer', 'lead'], {
            'POST /api/ratings/r1/verify': { body: exclusionReview },
        });
        const form = await screen.findByRole('region', { name: '办理：核实' });
        // not the applicant's comment
        expect(within(form).getByRole('textbox', { name: /核实情况/ })).toHaveValue('');

        await user.click(within(form).getByRole('button', { name: '提交核实结果' }));
        expect(await within(form).findAllByText('必填')).toHaveLength(2);
        expect(posts()).toHaveLength(0);

        await user.click(within(form).getByRole('radio', { name: '属误评或恶意差评，申请排除' }));
        await user.type(within(form).getByRole('textbox', { name: /核实情况/ }), '申请人材料不全，已一次性告知');
        await user.click(within(form).getByRole('button', { name: '提交核实结果' }));

        await waitFor(() => expect(posts()).toHaveLength(1));
        expect(posts()[0].url).toBe('/api/ratings/r1/verify');
        expect(posts()[0].body).toEqual({ verdict: 'exclude', finding: '申请人材料不全，已一次性告知' });
        expect(await screen.findByText('核实结果已提交')).toBeInTheDocument();
        await waitFor(() => expect(loads()).toBeGreaterThan(1));
    });

    it('整改: the officer sends the plan and the result', async () => {
        const user = userEvent.setup();
        const { posts } = renderShow(rectifying, ['officer'], { 'POST /api/ratings/r1/rectify': { body: callback } });
        const form = await screen.findByRole('region', { name: '办理：整改' });

        await user.type(within(form).getByRole('textbox', { name: /整改方案/ }), '窗口增加人手');
        await user.click(within(form).getByRole('button', { name: '提交整改结果' }));
        expect(await within(form).findByText('必填')).toBeInTheDocument();
        expect(posts()).toHaveLength(0);

        await user.type(within(form).getByRole('textbox', { name: /整改结果/ }), '已于当日办结');
        await user.click(within(form).getByRole('button', { name: '提交整改结果' }));

        await waitFor(() => expect(posts()).toHaveLength(1));
        expect(posts()[0].url).toBe('/api/ratings/r1/rectify');
        expect(posts()[0].body).toEqual({ plan: '窗口增加人手', result: '已于当日办结' });
        expect(await screen.findByText('整改结果已提交，等待申请人回访')).toBeInTheDocument();
    });

    it.each([
        ['同意排除', { approve: true, comment: '意见一' }],
        ['不同意排除', { approve: false, comment: '意见一' }],
    ])('排除审核: the manager sends %s with the comment', async (decision, body) => {
        const user = userEvent.setup();
        const { posts } = renderShow(exclusionReview, ['manager'], {
            'POST /api/ratings/r1/exclusion-review': { body: closed },
        });
        const form = await screen.findByRole('region', { name: '办理：排除审核' });

        await user.click(within(form).getByRole('radio', { name: decision }));
        await user.type(within(form).getByRole('textbox', { name: /意见/ }), '意见一');
        await user.click(within(form).getByRole('button', { name: '提交审核意见' }));

        await waitFor(() => expect(posts()).toHaveLength(1));
        expect(posts()[0].url).toBe('/api/ratings/r1/exclusion-review');
        expect(posts()[0].body).toEqual(body);
        expect(await screen.findByText('审核意见已提交')).toBeInTheDocument();
    });

    it.each([
        ['维持申诉', { uphold: true, comment: '申诉理由成立' }],
        ['驳回', { uphold: false, comment: '申诉理由成立' }],
    ])('申诉复核: the manager sends %s with the comment', async (decision, body) => {
        const user = userEvent.setup();
        const { posts } = renderShow(appealReview, ['manager'], { 'POST /api/ratings/r1/appeal-review': { body: closed } });
        const form = await screen.findByRole('region', { name: '办理：申诉复核' });

        await user.click(within(form).getByRole('button', { name: '提交复核意见' }));
        expect(await within(form).findAllByText('必填')).toHaveLength(2);

        await user.click(within(form).getByRole('radio', { name: decision }));
        await user.type(within(form).getByRole('textbox', { name: /意见/ }), '申诉理由成立');
        await user.click(within(form).getByRole('button', { name: '提交复核意见' }));

        await waitFor(() => expect(posts()).toHaveLength(1));
        expect(posts()[0].url).toBe('/api/ratings/r1/appeal-review');
        expect(posts()[0].body).toEqual(body);
        expect(await screen.findByText('复核意见已提交')).toBeInTheDocument();
    });

    it('shows why the server refuses a step (409: no longer at that step)', async () => {
        const user = userEvent.setup();
        renderShow(rectifying, ['officer'], {
            'POST /api/ratings/r1/rectify': {
                status: 409,
                body: { status: 409, title: '冲突 / Conflict', detail: '该差评已不在整改环节 / Not at the rectify step' },
            },
        });
        const form = await screen.findByRole('region', { name: '办理：整改' });
        await user.type(within(form).getByRole('textbox', { name: /整改方案/ }), '方案');
        await user.type(within(form).getByRole('textbox', { name: /整改结果/ }), '结果');
        await user.click(within(form).getByRole('button', { name: '提交整改结果' }));

        expect(await within(form).findByRole('alert')).toHaveTextContent('该差评已不在整改环节');
    });
});
