import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { fakeFetch } from '../test/fixtures';
import { renderWithAdmin } from '../test/render';
import type { LicenceStatus } from '../types';
import { LicenceVerify } from './LicenceVerify';

const MESSAGES: Record<LicenceStatus, string> = {
    VALID: '该证照真实有效，有效期至 2031-11-27',
    REVOKED: '该证照已于 2026-12-01 撤销，不再有效',
    EXPIRED: '该证照已于 2025-11-27 到期，不再有效',
};

const renderVerify = (answer: { status?: number; body?: unknown }) => {
    const { fetch, requests } = fakeFetch({ 'GET /api/licences/ZJ-WJ-2026-000001/verify': answer });
    vi.stubGlobal('fetch', fetch);
    // a visitor who scans the QR code is not signed in (and a stale token must not be sent either)
    const getToken = vi.fn(async () => 'stale-token');
    renderWithAdmin(
        <Routes>
            <Route path="/verify/:number" element={<LicenceVerify />} />
        </Routes>,
        { dataProvider: createDataProvider(getToken, '/api'), path: '/verify/ZJ-WJ-2026-000001' },
    );
    return { requests, getToken };
};

describe('电子证照核验 (public)', () => {
    afterEach(() => vi.unstubAllGlobals());

    it.each([
        ['VALID', '有效'],
        ['REVOKED', '已撤销'],
        ['EXPIRED', '已过期'],
    ] as const)('shows a %s licence as %s, with the message, without a token', async (status, word) => {
        const { requests, getToken } = renderVerify({
            body: {
                number: 'ZJ-WJ-2026-000001',
                licenceName: '医疗机构执业许可证（多证合一）',
                departmentName: '卫生健康委',
                status,
                validFrom: '2026-11-28',
                validUntil: '2031-11-27',
                message: MESSAGES[status],
            },
        });
        const verdict = await screen.findByRole('status');
        expect(verdict).toHaveAttribute('data-status', status);
        expect(verdict).toHaveTextContent(word);
        expect(verdict).toHaveTextContent(MESSAGES[status]);
        expect(screen.getByText('医疗机构执业许可证（多证合一）')).toBeInTheDocument();
        expect(screen.getByText('卫生健康委')).toBeInTheDocument();
        expect(screen.getByText('2026-11-28 至 2031-11-27')).toBeInTheDocument();
        expect(requests[0].headers.has('Authorization')).toBe(false);
        expect(getToken).not.toHaveBeenCalled();
    });

    it('says so when the number is unknown (404)', async () => {
        renderVerify({ status: 404, body: { status: 404, title: '未找到', detail: '没有这个证照：ZJ-WJ-2026-000001' } });
        expect(await screen.findByText('未查到该证照编号')).toBeInTheDocument();
        expect(screen.getByText('请核对证照编号：ZJ-WJ-2026-000001')).toBeInTheDocument();
        expect(screen.queryByText('有效')).not.toBeInTheDocument();
    });

    it('says the check failed on another error', async () => {
        renderVerify({ status: 503 });
        expect(await screen.findByText('暂时无法核验，请稍后再试')).toBeInTheDocument();
    });
});
