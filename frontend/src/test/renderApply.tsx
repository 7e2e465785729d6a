import { render } from '@testing-library/react';
import { AdminContext } from 'react-admin';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { vi } from 'vitest';
import { BundleApply } from '../bundles/BundleApply';
import { createDataProvider } from '../dataProvider';
import { i18nProvider } from '../i18n/i18nProvider';
import type { BundleDetail, Draft, Prefill } from '../types';
import { fakeFetch } from './fixtures';

/**
 * The 申请 page of `bundle` with its pre-filled values and `draft` (none by default); POST /api/cases answers
 * `createResponse`; a draft is saved at 10:30; uploads succeed at once with the id "m-<file name>" and a digest
 * of the content. Stubs the global fetch (vi.unstubAllGlobals after each test).
 */
export const renderApply = (
    bundle: BundleDetail,
    prefill: Prefill,
    createResponse: { status: number; body: unknown } = { status: 201, body: { id: 'c1' } },
    draft: Draft = { form: {}, materials: {}, savedAt: null },
) => {
    const { fetch, requests } = fakeFetch({
        [`GET /api/bundles/${bundle.code}`]: { body: bundle },
        [`GET /api/bundles/${bundle.code}/prefill`]: { body: prefill },
        [`GET /api/bundles/${bundle.code}/draft`]: { body: draft },
        [`PUT /api/bundles/${bundle.code}/draft`]: { body: { ...draft, savedAt: '2026-12-06T10:30:00+08:00' } },
        [`DELETE /api/bundles/${bundle.code}/draft`]: { status: 204 },
        'POST /api/cases': createResponse,
    });
    vi.stubGlobal('fetch', fetch);
    const dataProvider = createDataProvider(async () => 'token', '/api');
    dataProvider.uploadMaterial = vi.fn(async (file: File, onProgress?: (fraction: number) => void) => {
        onProgress?.(1);
        // the same bytes, the same digest: as the server's SHA-256
        const sha256 = `sha-${await file.text()}`;
        return { id: `m-${file.name}`, filename: file.name, contentType: file.type, size: file.size, sha256 };
    });
    render(
        <MemoryRouter initialEntries={[`/bundles/${bundle.code}/apply`]}>
            <AdminContext dataProvider={dataProvider} i18nProvider={i18nProvider}>
                <Routes>
                    <Route path="/bundles/:id/apply" element={<BundleApply />} />
                    <Route path="/cases/:id/show" element={<p>办件页</p>} />
                </Routes>
            </AdminContext>
        </MemoryRouter>,
    );
    const posts = () => requests.filter(request => request.method === 'POST');
    return { requests, posts, dataProvider };
};
