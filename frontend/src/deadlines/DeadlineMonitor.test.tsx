import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResourceContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { fakeFetch } from '../test/fixtures';
import { renderWithAdmin } from '../test/render';
import type { DeadlineItem, DeadlineOverview } from '../types';
import { DeadlineMonitor } from './DeadlineMonitor';

const overview: DeadlineOverview = {
    departments: [
        { department: 'police', departmentName: '公安户政', open: 3, green: 1, yellow: 1, red: 1, paused: 0 },
        { department: 'hospital', departmentName: '助产机构', open: 2, green: 1, yellow: 0, red: 0, paused: 1 },
    ],
    total: { open: 5, green: 2, yellow: 1, red: 1, paused: 1 },
};

const overdue: Omit<DeadlineItem, 'id'> = {
    caseId: 'c1',
    caseNumber: 'YJS-20261120-0001',
    bundleCode: 'birth',
    bundleName: '出生一件事',
    itemCode: 'household',
    itemName: '出生登记（户口）',
    department: 'police',
    departmentName: '公安户政',
    dueDate: '2026-11-24',
    provisional: false,
    light: 'RED',
    remainingDays: -1,
    escalated: true,
};

describe('时限监控', () => {
    afterEach(() => vi.unstubAllGlobals());

    it("counts each department's open items by light, and lists a department's overdue items with links to their cases", async () => {
        const { fetch, requests } = fakeFetch({
            'GET /api/deadlines/overview': { body: overview },
            'GET /api/deadlines/items': { body: { items: [overdue], total: 1 } },
        });
        vi.stubGlobal('fetch', fetch);
        const user = userEvent.setup();
        renderWithAdmin(
            <ResourceContextProvider value="deadlines">
                <Routes>
                    <Route path="/deadlines" element={<DeadlineMonitor />} />
                    <Route path="/cases/:id/show" element={<p>办件页</p>} />
                </Routes>
            </ResourceContextProvider>,
            { dataProvider: createDataProvider(async () => 'token', '/api'), path: '/deadlines' },
        );
        const itemQueries = () =>
            requests
                .filter(request => request.url.startsWith('/api/deadlines/items'))
                .map(request => Object.fromEntries(new URL(request.url, 'http://localhost').searchParams));

        const table = await screen.findByRole('table', { name: '各部门在办事项' });
        const police = within(table).getByRole('row', { name: /公安户政/ });
        expect(
            within(police)
                .getAllByRole('cell')
                .map(cell => cell.textContent),
        ).toEqual(['3', '1', '1', '1', '0']);
        // by default: every department's overdue items
        await waitFor(() => expect(itemQueries()[0]).toEqual({ light: 'RED', page: '0', size: '25' }));
        expect(screen.getByRole('heading', { name: '全部部门：超期事项' })).toBeInTheDocument();

        await user.click(within(police).getByRole('button', { name: '查看公安户政预警的 1 个事项' }));
        await waitFor(() =>
            expect(itemQueries().at(-1)).toEqual({ light: 'YELLOW', department: 'police', page: '0', size: '25' }),
        );
        expect(screen.getByRole('heading', { name: '公安户政：预警事项' })).toBeInTheDocument();

        await user.click(within(police).getByRole('button', { name: '查看公安户政超期的 1 个事项' }));
        await waitFor(() =>
            expect(itemQueries().at(-1)).toEqual({ light: 'RED', department: 'police', page: '0', size: '25' }),
        );
        const item = await screen.findByRole('row', { name: /出生登记（户口）/ });
        expect(item).toHaveTextContent('2026-11-24（已超期 1 个工作日）');
        expect(item).toHaveTextContent('已督办');
        // nothing to list behind a zero
        expect(
            within(within(table).getByRole('row', { name: /助产机构/ })).queryByRole('button'),
        ).not.toBeInTheDocument();

        await user.click(within(item).getByRole('link', { name: 'YJS-20261120-0001' }));
        expect(await screen.findByText('办件页')).toBeInTheDocument();
    });
});
