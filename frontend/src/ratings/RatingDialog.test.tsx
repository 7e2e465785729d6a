import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Notification } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { fakeFetch, ratingView } from '../test/fixtures';
import { renderWithAdmin } from '../test/render';
import type { Rating } from '../types';
import { RatingDialog } from './RatingDialog';

const renderDialog = (
    answer: { status?: number; body?: unknown } = { status: 201, body: ratingView() },
    { itemCode = 'household' as string | null, rating }: { itemCode?: string | null; rating?: Rating } = {},
) => {
    const { fetch, requests } = fakeFetch({ 'POST /api/cases/c1/ratings': answer });
    vi.stubGlobal('fetch', fetch);
    const onClose = vi.fn();
    renderWithAdmin(
        <>
            <RatingDialog
                caseId="c1"
                itemCode={itemCode}
                name={itemCode ? '出生登记（户口）' : '出生一件事'}
                rating={rating}
                onClose={onClose}
            />
            <Notification />
        </>,
        { dataProvider: createDataProvider(async () => 'token', '/api') },
    );
    const posts = () => requests.filter(request => request.method === 'POST');
    return { dialog: screen.getByRole('dialog'), posts, onClose };
};

describe('the rating dialog', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('offers the five levels by their Chinese names, and no reason for a good one', async () => {
        const user = userEvent.setup();
        const { dialog, posts, onClose } = renderDialog();
        expect(dialog).toHaveAccessibleName('评价：出生登记（户口）');
        const levels = within(dialog).getByRole('group', { name: /满意度/ });
        expect(within(levels).getAllByRole('radio').map(radio => radio.closest('label')?.textContent)).toEqual([
            '非常满意',
            '满意',
            '基本满意',
            '不满意',
            '非常不满意',
        ]);
        expect(within(dialog).queryByRole('group', { name: /差评原因/ })).not.toBeInTheDocument();

        await user.click(within(dialog).getByRole('radio', { name: '满意' }));
        expect(within(dialog).queryByRole('group', { name: /差评原因/ })).not.toBeInTheDocument();
        await user.click(within(dialog).getByRole('button', { name: '提交评价' }));

        await waitFor(() => expect(posts()).toHaveLength(1));
        expect(posts()[0].body).toEqual({ itemCode: 'household', level: 4, reason: null, comment: null });
        expect(await screen.findByText('感谢您的评价')).toBeInTheDocument();
        expect(onClose).toHaveBeenCalled();
    });

    it('asks for a level first', async () => {
        const user = userEvent.setup();
        const { dialog, posts } = renderDialog();

        await user.click(within(dialog).getByRole('button', { name: '提交评价' }));

        expect(await within(dialog).findByText('请选择满意度')).toBeInTheDocument();
        expect(posts()).toHaveLength(0);
    });

    it.each([
        ['不满意', 2],
        ['非常不满意', 1],
    ])('requires a reason for %s (差评) and sends it with the comment', async (name, level) => {
        const user = userEvent.setup();
        const { dialog, posts } = renderDialog();

        await user.click(within(dialog).getByRole('radio', { name }));
        const reasons = within(dialog).getByRole('group', { name: /差评原因/ });
        expect(within(reasons).getAllByRole('radio').map(radio => radio.closest('label')?.textContent)).toEqual([
            '服务态度',
            '办理时限',
            '材料要求',
            '办事流程',
            '办理结果',
            '其他',
        ]);
        await user.click(within(dialog).getByRole('button', { name: '提交评价' }));

        expect(await within(dialog).findByText('请选择差评原因')).toBeInTheDocument();
        expect(posts()).toHaveLength(0);

        await user.click(within(reasons).getByRole('radio', { name: '办理时限' }));
        await user.type(within(dialog).getByRole('textbox', { name: /评价内容/ }), '  超过承诺时限三天  ');
        await user.click(within(dialog).getByRole('button', { name: '提交评价' }));

        await waitFor(() => expect(posts()).toHaveLength(1));
        expect(posts()[0].url).toBe('/api/cases/c1/ratings');
        expect(posts()[0].body).toEqual({ itemCode: 'household', level, reason: 'TIME_LIMIT', comment: '超过承诺时限三天' });
    });

    it('drops the reason when the level is changed to a good one', async () => {
        const user = userEvent.setup();
        const { dialog, posts } = renderDialog({ status: 201, body: ratingView() }, { itemCode: null });
        expect(dialog).toHaveAccessibleName('评价：出生一件事');

        await user.click(within(dialog).getByRole('radio', { name: '非常不满意' }));
        await user.click(within(dialog).getByRole('radio', { name: '材料要求' }));
        await user.click(within(dialog).getByRole('radio', { name: '基本满意' }));
        expect(within(dialog).queryByRole('group', { name: /差评原因/ })).not.toBeInTheDocument();
        await user.click(within(dialog).getByRole('button', { name: '提交评价' }));

        await waitFor(() => expect(posts()).toHaveLength(1));
        expect(posts()[0].body).toEqual({ itemCode: null, level: 3, reason: null, comment: null });
    });

    it('refuses a comment of more than 500 characters', async () => {
        const user = userEvent.setup();
        const { dialog, posts } = renderDialog();

        await user.click(within(dialog).getByRole('radio', { name: '满意' }));
        await user.click(within(dialog).getByRole('textbox', { name: /评价内容/ }));
        await user.paste('很'.repeat(501));
        await user.click(within(dialog).getByRole('button', { name: '提交评价' }));

        expect(await within(dialog).findByText('不能超过 500 个字符')).toBeInTheDocument();
        expect(posts()).toHaveLength(0);
    });

    it('changes an earlier rating, starting from it', async () => {
        const user = userEvent.setup();
        const { dialog, posts } = renderDialog(
            { status: 200, body: ratingView({ level: 1 }) },
            { rating: ratingView() },
        );
        expect(dialog).toHaveAccessibleName('修改评价：出生登记（户口）');
        expect(within(dialog).getByRole('radio', { name: '不满意' })).toBeChecked();
        expect(within(dialog).getByRole('radio', { name: '办理时限' })).toBeChecked();
        expect(within(dialog).getByRole('textbox', { name: /评价内容/ })).toHaveValue('等了很久');

        await user.click(within(dialog).getByRole('radio', { name: '非常不满意' }));
        await user.click(within(dialog).getByRole('button', { name: '提交评价' }));

        await waitFor(() => expect(posts()).toHaveLength(1));
        expect(posts()[0].body).toEqual({ itemCode: 'household', level: 1, reason: 'TIME_LIMIT', comment: '等了很久' });
        expect(await screen.findByText('评价已修改')).toBeInTheDocument();
    });

    it("shows why the server refuses (409), and stays open", async () => {
        const user = userEvent.setup();
        const { dialog, onClose } = renderDialog({
            status: 409,
            body: {
                status: 409,
                title: '无法评价 / Cannot rate',
                detail: '评价已超过 24 小时，不能再修改 / The 24 hours for changing a rating are over',
            },
        });

        await user.click(within(dialog).getByRole('radio', { name: '满意' }));
        await user.click(within(dialog).getByRole('button', { name: '提交评价' }));

        expect(await within(dialog).findByRole('alert')).toHaveTextContent('评价已超过 24 小时，不能再修改');
        expect(onClose).not.toHaveBeenCalled();
    });

    it("puts the server's field errors next to their input", async () => {
        const user = userEvent.setup();
        const { dialog } = renderDialog({
            status: 400,
            body: {
                status: 400,
                title: '评价有误 / Invalid rating',
                detail: '评价有 1 处需要修改 / 1 problem(s) to fix',
                errors: [{ field: 'reason', rule: 'required', message: '差评需选择原因' }],
            },
        });

        await user.click(within(dialog).getByRole('radio', { name: '不满意' }));
        await user.click(within(dialog).getByRole('radio', { name: '其他' }));
        await user.click(within(dialog).getByRole('button', { name: '提交评价' }));

        expect(await within(dialog).findByText('差评需选择原因')).toBeInTheDocument();
        expect(within(dialog).getByRole('alert')).toHaveTextContent('评价有 1 处需要修改');
    });
});
