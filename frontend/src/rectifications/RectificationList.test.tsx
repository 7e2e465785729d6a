import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResourceContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { fakeFetch, ratingView, rectificationView } from '../test/fixtures';
import { authProviderWith, renderWithAdmin } from '../test/render';
import { RectificationList } from './RectificationList';

const ratings = [
    ratingView({
        id: 'r1',
        rectification: rectificationView({
            status: 'RECTIFYING',
            step: { code: 'rectify', name: '整改', dueDate: '2026-11-24', light: 'RED' },
        }),
    }),
    ratingView({
        id: 'r2',
        caseNumber: 'YJS-20261120-0002',
        itemCode: null,
        itemName: null,
        channel: 'CASE',
        level: 1,
        reason: 'ATTITUDE',
    }),
];

const renderList = (roles: string[]) => {
    const { fetch, requests } = fakeFetch({ 'GET /api/rectifications': { body: { items: ratings, total: 2 } } });
    vi.stubGlobal('fetch', fetch);
    renderWithAdmin(
        <ResourceContextProvider value="rectifications">
            <Routes>
                <Route path="/rectifications" element={<RectificationList />} />
                <Route path="/rectifications/:id/show" element={<p>整改页</p>} />
            </Routes>
        </ResourceContextProvider>,
        {
            dataProvider: createDataProvider(async () => 'token', '/api'),
            authProvider: authProviderWith(roles),
            path: '/rectifications',
        },
    );
    const queries = () =>
        requests
            .filter(request => new URL(request.url, 'http://localhost').pathname === '/api/rectifications')
            .map(request => Object.fromEntries(new URL(request.url, 'http://localhost').searchParams));
    return { queries };
};

describe('差评整改', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('lists the ratings waiting for the user from /api/rectifications, with their step, deadline and light', async () => {
        const user = userEvent.setup();
        const { queries } = renderList(['officer']);

        const table = await screen.findByRole('table');
        expect(queries()[0]).toEqual({ page: '0', size: '10' });
        expect(
            within(table)
                .getAllByRole('columnheader')
                .map(header => header.textContent),
        ).toEqual(['办件编号', '事项', '部门', '评价', '原因', '当前环节', '期限', '评价时间']);
        const [rectifying, verifying] = within(table).getAllByRole('row').slice(1);
        expect(rectifying).toHaveTextContent('YJS-20261120-0001');
        expect(rectifying).toHaveTextContent('出生登记（户口）');
        expect(rectifying).toHaveTextContent('公安户政');
        expect(rectifying).toHaveTextContent('不满意差评');
        expect(rectifying).toHaveTextContent('办理时限');
        expect(rectifying).toHaveTextContent('整改整改中');
        expect(rectifying).toHaveTextContent('超期2026-11-24');
        expect(verifying).toHaveTextContent('整个办件');
        expect(verifying).toHaveTextContent('非常不满意差评');
        expect(verifying).toHaveTextContent('服务态度');
        expect(verifying).toHaveTextContent('核实待核实');
        expect(verifying).toHaveTextContent('正常2026-11-27');
        // only managers may see every open rectification
        expect(screen.queryByRole('group', { name: '显示范围' })).not.toBeInTheDocument();

        await user.click(within(rectifying).getByText('出生登记（户口）'));
        expect(await screen.findByText('整改页')).toBeInTheDocument();
    });

    it('lets a manager list every open rectification (all=true), and back', async () => {
        const user = userEvent.setup();
        const { queries } = renderList(['manager']);
        const scope = await screen.findByRole('group', { name: '显示范围' });
        await screen.findByRole('table');
        expect(within(scope).getByRole('button', { name: '待我处理' })).toHaveAttribute('aria-pressed', 'true');

        await user.click(within(scope).getByRole('button', { name: '全部' }));
        await waitFor(() => expect(queries().at(-1)).toEqual({ all: 'true', page: '0', size: '10' }));
        expect(within(scope).getByRole('button', { name: '全部' })).toHaveAttribute('aria-pressed', 'true');

        await user.click(within(scope).getByRole('button', { name: '待我处理' }));
        await waitFor(() => expect(queries().at(-1)).toEqual({ page: '0', size: '10' }));
    });
});
