import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Notification } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { fakeFetch } from '../test/fixtures';
import { renderWithAdmin } from '../test/render';
import type { SearchIndexStatus, SearchRebuild } from '../types';
import { SearchIndexPage } from './SearchIndexPage';

const IDLE: SearchRebuild = {
    running: false,
    index: null,
    done: 0,
    total: 0,
    startedAt: null,
    finishedAt: null,
    error: null,
};

const status = (rebuild: Partial<SearchRebuild> = {}, overrides: Partial<SearchIndexStatus> = {}): SearchIndexStatus => ({
    healthy: true,
    pending: 0,
    lastId: 1200,
    indexedAt: '2026-11-20T10:00:00+08:00',
    failingSince: null,
    lastError: null,
    rebuild: { ...IDLE, ...rebuild },
    ...overrides,
});

describe('搜索索引', () => {
    afterEach(() => vi.unstubAllGlobals());

    const renderPage = (routes: Parameters<typeof fakeFetch>[0]) => {
        const { fetch, requests } = fakeFetch(routes);
        vi.stubGlobal('fetch', fetch);
        renderWithAdmin(
            <>
                <SearchIndexPage />
                <Notification />
            </>,
            { dataProvider: createDataProvider(async () => 'token', '/api') },
        );
        return { requests };
    };

    it('shows whether the index keeps up: 正常, the changes waiting, when it last indexed, no error', async () => {
        renderPage({ 'GET /api/search/status': { body: status({}, { pending: 3 }) } });

        expect(await screen.findByText('正常')).toBeInTheDocument();
        expect(screen.getByText('待索引条数').nextSibling).toHaveTextContent('3');
        expect(screen.getByText('最后索引时间').nextSibling).toHaveTextContent(
            new Date('2026-11-20T10:00:00+08:00').toLocaleString('zh-CN'),
        );
        expect(screen.getByText('最近错误').nextSibling).toHaveTextContent('无');
        expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    });

    it('says when the index fails, and since when', async () => {
        renderPage({
            'GET /api/search/status': {
                body: status(
                    {},
                    {
                        healthy: false,
                        pending: 42,
                        failingSince: '2026-11-20T09:00:00+08:00',
                        lastError: 'Connection refused',
                    },
                ),
            },
        });

        expect(await screen.findByText('异常')).toBeInTheDocument();
        expect(screen.getByText('最近错误').nextSibling).toHaveTextContent(
            `Connection refused（自 ${new Date('2026-11-20T09:00:00+08:00').toLocaleString('zh-CN')} 起）`,
        );
    });

    it('rebuilds the index after a confirmation, following its progress until it is done', async () => {
        const routes: Parameters<typeof fakeFetch>[0] = {
            'GET /api/search/status': { body: status() },
            'POST /api/search/reindex': {
                status: 202,
                body: { ...IDLE, running: true, total: 4, startedAt: '2026-11-20T10:05:00+08:00' },
            },
        };
        const { requests } = renderPage(routes);

        await userEvent.click(await screen.findByRole('button', { name: '重建索引' }));
        const dialog = await screen.findByRole('dialog', { name: '重建搜索索引' });
        routes['GET /api/search/status'] = {
            body: status({ running: true, index: 'onething-2', done: 2, total: 4, startedAt: '2026-11-20T10:05:00+08:00' }),
        };
        await userEvent.click(within(dialog).getByRole('button', { name: '确认' }));

        const progress = await screen.findByRole('progressbar', { name: '重建进度' });
        expect(progress).toHaveAttribute('aria-valuenow', '50');
        expect(screen.getByText('正在重建：2 / 4')).toBeInTheDocument();
        expect(screen.getByRole('button', { name: '重建索引' })).toBeDisabled();
        expect(requests.filter(({ method }) => method === 'POST').map(({ url }) => url)).toEqual([
            '/api/search/reindex',
        ]);

        routes['GET /api/search/status'] = {
            body: status({
                running: false,
                index: 'onething-2',
                done: 4,
                total: 4,
                startedAt: '2026-11-20T10:05:00+08:00',
                finishedAt: '2026-11-20T10:05:03+08:00',
            }),
        };
        expect(await screen.findByText(/^完成：已索引 4 条/, {}, { timeout: 3000 })).toBeInTheDocument();
        expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
        expect(screen.getByRole('button', { name: '重建索引' })).toBeEnabled();
    });

    it('says why a rebuild failed', async () => {
        renderPage({
            'GET /api/search/status': {
                body: status({
                    index: 'onething-2',
                    done: 1,
                    total: 4,
                    startedAt: '2026-11-20T10:05:00+08:00',
                    finishedAt: '2026-11-20T10:05:01+08:00',
                    error: 'java.io.IOException: indexing case:c1 failed',
                }),
            },
        });

        expect(await screen.findByText('失败：java.io.IOException: indexing case:c1 failed')).toBeInTheDocument();
    });

    it('notifies a refused rebuild (one runs already)', async () => {
        renderPage({
            'GET /api/search/status': { body: status() },
            'POST /api/search/reindex': {
                status: 409,
                body: { status: 409, title: '冲突 / Conflict', detail: '索引正在重建中（已完成 1 / 4），请等待完成' },
            },
        });

        await userEvent.click(await screen.findByRole('button', { name: '重建索引' }));
        await userEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确认' }));

        expect(await screen.findByText('索引正在重建中（已完成 1 / 4），请等待完成')).toBeInTheDocument();
        await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
        expect(screen.getByRole('button', { name: '重建索引' })).toBeEnabled();
    });
});
