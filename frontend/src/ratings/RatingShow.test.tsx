import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Notification, ResourceContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { fakeFetch, ratingView, rectificationView } from '../test/fixtures';
import { authProviderWith, renderWithAdmin } from '../test/render';
import type { Rating } from '../types';
import { RatingShow } from './RatingShow';
import { today } from './rating';

const renderRating = (rating: Rating, routes: Parameters<typeof fakeFetch>[0] = {}) => {
    const { fetch, requests } = fakeFetch({ 'GET /api/ratings/r1': { body: rating }, ...routes });
    vi.stubGlobal('fetch', fetch);
    renderWithAdmin(
        <>
            <ResourceContextProvider value="ratings">
                <Routes>
                    <Route path="/ratings/:id/show" element={<RatingShow />} />
                    <Route path="/cases/:id/show" element={<p>办件页</p>} />
                </Routes>
            </ResourceContextProvider>
            <Notification />
        </>,
        {
            dataProvider: createDataProvider(async () => 'token', '/api'),
            authProvider: authProviderWith(['citizen']),
            path: '/ratings/r1/show',
        },
    );
    const posts = () => requests.filter(request => request.method === 'POST');
    const loads = () => requests.filter(request => request.url === '/api/ratings/r1').length;
    return { posts, loads };
};

const closed = (appealableUntil: string) =>
    ratingView({
        rectification: rectificationView({
            status: 'CLOSED',
            step: null,
            appealableUntil,
            outcome: '已督促窗口按时限办理，并向申请人致歉',
        }),
    });

describe("the applicant's rating page", () => {
    afterEach(() => vi.unstubAllGlobals());

    it('shows the rating, where its rectification stands in plain words, the current step with its deadline, and each step so far', async () => {
        const user = userEvent.setup();
        renderRating(
            ratingView({
                rectification: rectificationView({
                    status: 'RECTIFYING',
                    step: { code: 'rectify', name: '整改', dueDate: '2026-11-30', light: 'YELLOW' },
                }),
            }),
        );

        expect(await screen.findByText('出生登记（户口）')).toBeInTheDocument();
        expect(screen.getByText('不满意')).toBeInTheDocument();
        expect(screen.getByText('差评')).toBeInTheDocument();
        expect(screen.getByText('办理时限')).toBeInTheDocument();
        expect(screen.getByText('等了很久')).toBeInTheDocument();
        // who decided the item: for officers and managers only
        expect(screen.queryByText('李警官')).not.toBeInTheDocument();

        const rectification = screen.getByRole('region', { name: '差评整改' });
        expect(within(rectification).getByText('整改中')).toBeInTheDocument();
        expect(within(rectification).getByText('问题已核实，部门正在整改。')).toBeInTheDocument();
        expect(within(rectification).getByText('整改')).toBeInTheDocument();
        expect(within(rectification).getByText('预警')).toBeInTheDocument();
        expect(within(rectification).getByText('2026-11-30')).toBeInTheDocument();

        const timeline = screen.getByRole('region', { name: '整改记录' });
        const rows = within(timeline).getAllByRole('row').slice(1);
        expect(rows).toHaveLength(2);
        expect(rows[0]).toHaveTextContent('申请人作出差评：办理时限');
        expect(rows[1]).toHaveTextContent('已转公安户政核实');

        // neither 回访 nor 申诉 yet
        expect(screen.queryByRole('region', { name: /回访/ })).not.toBeInTheDocument();
        expect(screen.queryByRole('button', { name: '申诉' })).not.toBeInTheDocument();

        await user.click(screen.getByRole('link', { name: 'YJS-20261120-0001' }));
        expect(await screen.findByText('办件页')).toBeInTheDocument();
    });

    it('asks the applicant at 回访 whether the problem is solved, with an optional new level', async () => {
        const user = userEvent.setup();
        const rating = ratingView({
            rectification: rectificationView({
                status: 'CALLBACK',
                step: { code: 'callback', name: '回访', dueDate: '2026-12-02', light: 'GREEN' },
            }),
        });
        const { posts, loads } = renderRating(rating, {
            'POST /api/ratings/r1/callback': { body: closed('2099-12-31') },
        });

        const form = await screen.findByRole('region', { name: '回访：整改结果' });
        expect(within(form).getByRole('radio', { name: '保持原评价' })).toBeChecked();
        await user.click(within(form).getByRole('button', { name: '提交回访' }));
        expect(await within(form).findByText('必填')).toBeInTheDocument();
        expect(posts()).toHaveLength(0);

        await user.click(within(form).getByRole('radio', { name: '已解决' }));
        await user.click(within(form).getByRole('radio', { name: '满意' }));
        await user.type(within(form).getByRole('textbox', { name: /意见/ }), '已经办好了');
        await user.click(within(form).getByRole('button', { name: '提交回访' }));

        await waitFor(() => expect(posts()).toHaveLength(1));
        expect(posts()[0].url).toBe('/api/ratings/r1/callback');
        expect(posts()[0].body).toEqual({ solved: true, level: 4, comment: '已经办好了' });
        expect(await screen.findByText('回访意见已提交')).toBeInTheDocument();
        await waitFor(() => expect(loads()).toBeGreaterThan(1));
    });

    it('sends a 回访 without a new level or comment', async () => {
        const user = userEvent.setup();
        const { posts } = renderRating(
            ratingView({ rectification: rectificationView({ status: 'CALLBACK', step: null }) }),
            { 'POST /api/ratings/r1/callback': { body: ratingView() } },
        );

        const form = await screen.findByRole('region', { name: '回访：整改结果' });
        await user.click(within(form).getByRole('radio', { name: '未解决' }));
        await user.click(within(form).getByRole('button', { name: '提交回访' }));

        await waitFor(() => expect(posts()).toHaveLength(1));
        expect(posts()[0].body).toEqual({ solved: false, level: null, comment: null });
    });

    it('lets the applicant appeal a closed rectification until appealableUntil, with a reason', async () => {
        const user = userEvent.setup();
        const { posts } = renderRating(closed(today()), {
            'POST /api/ratings/r1/appeal': { body: ratingView() },
        });

        expect(await screen.findByText('整改已完成，本次差评处理已办结。')).toBeInTheDocument();
        expect(screen.getByText('已督促窗口按时限办理，并向申请人致歉')).toBeInTheDocument();
        expect(screen.getByText(`如对处理结果有异议，可在 ${today()}（含）前申诉`)).toBeInTheDocument();

        await user.click(screen.getByRole('button', { name: '申诉' }));
        const dialog = screen.getByRole('dialog', { name: '申诉：YJS-20261120-0001' });
        await user.click(within(dialog).getByRole('button', { name: '提交申诉' }));
        expect(await within(dialog).findByText('必填')).toBeInTheDocument();
        expect(posts()).toHaveLength(0);

        await user.type(within(dialog).getByRole('textbox', { name: /申诉理由/ }), '窗口并未致歉');
        await user.click(within(dialog).getByRole('button', { name: '提交申诉' }));

        await waitFor(() => expect(posts()).toHaveLength(1));
        expect(posts()[0].url).toBe('/api/ratings/r1/appeal');
        expect(posts()[0].body).toEqual({ reason: '窗口并未致歉' });
        expect(await screen.findByText('申诉已提交，评价管理部门将进行复核')).toBeInTheDocument();
        await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    });

    it('shows why an appeal is refused (409)', async () => {
        const user = userEvent.setup();
        renderRating(ratingView({ rectification: rectificationView({ status: 'EXCLUDED', step: null, appealableUntil: '2099-12-31' }) }), {
            'POST /api/ratings/r1/appeal': {
                status: 409,
                body: { status: 409, title: '不能申诉 / Conflict', detail: '申诉期限已过 / The time for an appeal is over' },
            },
        });

        await user.click(await screen.findByRole('button', { name: '申诉' }));
        const dialog = screen.getByRole('dialog');
        await user.type(within(dialog).getByRole('textbox', { name: /申诉理由/ }), '不服');
        await user.click(within(dialog).getByRole('button', { name: '提交申诉' }));

        expect(await within(dialog).findByRole('alert')).toHaveTextContent('申诉期限已过');
    });

    it('offers no appeal once appealableUntil has passed', async () => {
        renderRating(closed('2020-01-01'));

        expect(await screen.findByText('整改已完成，本次差评处理已办结。')).toBeInTheDocument();
        expect(screen.queryByRole('button', { name: '申诉' })).not.toBeInTheDocument();
        expect(screen.queryByText(/前申诉/)).not.toBeInTheDocument();
    });

    it('shows a good rating without a rectification', async () => {
        renderRating(ratingView({ level: 5, bad: false, reason: null, comment: null, rectification: null }));

        expect(await screen.findByText('非常满意')).toBeInTheDocument();
        expect(screen.queryByText('差评')).not.toBeInTheDocument();
        expect(screen.queryByRole('region', { name: '差评整改' })).not.toBeInTheDocument();
    });
});
