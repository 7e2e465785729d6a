import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResourceContextProvider } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { fakeFetch } from '../test/fixtures';
import { renderWithAdmin } from '../test/render';
import { AuditList } from './AuditList';

const entry = {
    id: 7,
    at: '2026-12-06T02:30:00Z',
    userId: '5c1f',
    username: 'citizen2',
    roles: 'citizen',
    method: 'POST',
    path: '/api/cases',
    route: '/api/cases',
    status: 400,
    clientIp: '203.0.113.7',
    requestId: 'req-42',
};

describe('审计日志', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('lists who did what, with its answer, from where, and filters by user', async () => {
        const user = userEvent.setup();
        const { fetch, requests } = fakeFetch({ 'GET /api/audit': { body: { items: [entry], total: 1 } } });
        vi.stubGlobal('fetch', fetch);
        renderWithAdmin(
            <ResourceContextProvider value="audit">
                <AuditList />
            </ResourceContextProvider>,
            { dataProvider: createDataProvider(async () => 'token', '/api') },
        );
        const row = (await screen.findByText('citizen2')).closest('tr')!;
        expect(within(row).getByText('POST /api/cases')).toBeInTheDocument();
        expect(within(row).getByText('400')).toBeInTheDocument();
        expect(within(row).getByText('203.0.113.7')).toBeInTheDocument();
        expect(within(row).getByText('req-42')).toBeInTheDocument();

        await user.type(screen.getByRole('textbox', { name: /用户/ }), 'citizen2');
        await vi.waitFor(() => expect(requests.at(-1)?.url).toContain('user=citizen2'));
    });
});
