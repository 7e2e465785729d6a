import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResourceContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { fakeFetch, licenceView } from '../test/fixtures';
import { authProviderWith, renderWithAdmin } from '../test/render';
import type { Licence } from '../types';
import { LicenceList } from './LicenceList';
import { LicenceShow } from './LicenceShow';

const renderAt = (path: string, routes: Parameters<typeof fakeFetch>[0]) => {
    const { fetch, requests } = fakeFetch(routes);
    vi.stubGlobal('fetch', fetch);
    renderWithAdmin(
        <ResourceContextProvider value="licences">
            <Routes>
                <Route path="/licences" element={<LicenceList />} />
                <Route path="/licences/:id/show" element={<LicenceShow />} />
            </Routes>
        </ResourceContextProvider>,
        { dataProvider: createDataProvider(async () => 'token', '/api'), authProvider: authProviderWith(['enterprise']), path },
    );
    return { requests };
};

const showOf = (licence: Licence) =>
    renderAt(`/licences/${licence.number}/show`, {
        [`GET /api/licences/${licence.number}`]: { body: licence },
        [`GET /api/licences/${licence.number}/pdf`]: { body: '%PDF' },
    });

describe('电子证照', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('lists the licences newest first, with status, and opens one', async () => {
        const user = userEvent.setup();
        const { requests } = renderAt('/licences', {
            'GET /api/licences': {
                body: {
                    items: [
                        licenceView(),
                        licenceView({
                            number: 'ZJ-WJ-2026-000002',
                            licenceName: '公共场所卫生许可证',
                            replaces: [],
                            status: 'REVOKED',
                        }),
                    ],
                    total: 2,
                },
            },
            'GET /api/licences/ZJ-WJ-2026-000001': { body: licenceView() },
        });
        const table = await screen.findByRole('table');
        const query = Object.fromEntries(new URL(requests[0].url, 'http://localhost').searchParams);
        expect(query).toEqual({ page: '0', size: '10', sort: 'issuedAt', order: 'desc' });
        const [valid, revoked] = within(table).getAllByRole('row').slice(1);
        expect(valid).toHaveTextContent('医疗机构执业许可证（多证合一）多证合一');
        expect(valid).toHaveTextContent('有效');
        expect(revoked).toHaveTextContent('已撤销');
        expect(revoked).not.toHaveTextContent('多证合一');

        await user.click(within(valid).getByText('ZJ-WJ-2026-000001'));
        expect(await screen.findByText('本证照替代：医疗机构执业许可证、放射诊疗许可证、辐射安全许可证')).toBeInTheDocument();
    });

    it('shows the holder, validity, what it replaces, the supervision, and links the case and the public page', async () => {
        showOf(
            licenceView({
                supervision: { result: 'PASS', comment: '首次监督检查未发现问题', by: '监督所赵科长', at: '2026-12-05T02:00:00Z' },
            }),
        );
        expect(await screen.findByText('康宁口腔门诊部')).toBeInTheDocument();
        expect(screen.getByText('91330106MA2KXXXX1T')).toBeInTheDocument();
        expect(screen.getByText('2026-11-28 至 2031-11-27')).toBeInTheDocument();
        expect(screen.getByText('卫生健康监督所')).toBeInTheDocument();
        expect(screen.getByText('有效')).toBeInTheDocument();
        const supervision = screen.getByRole('region', { name: '监管情况' });
        expect(supervision).toHaveTextContent('合格');
        expect(supervision).toHaveTextContent('首次监督检查未发现问题');
        expect(screen.getByRole('link', { name: '查看办件' })).toHaveAttribute('href', '/cases/c7/show');
        expect(screen.getByRole('link', { name: '公开核验页面' })).toHaveAttribute('href', '/verify/ZJ-WJ-2026-000001');
    });

    it('says when and why a licence was revoked', async () => {
        showOf(
            licenceView({
                status: 'REVOKED',
                revokedAt: '2026-12-01T02:00:00Z',
                revokedReason: '事后核查发现承诺不实',
                replaces: [],
            }),
        );
        expect(await screen.findByText('撤销原因：事后核查发现承诺不实')).toBeInTheDocument();
        expect(screen.getByText(/该证照已于 .* 撤销/)).toBeInTheDocument();
        expect(screen.getByText('已撤销')).toBeInTheDocument();
        expect(screen.getByText('尚无监管记录')).toBeInTheDocument();
    });

    it('downloads the PDF with the token', async () => {
        const user = userEvent.setup();
        const createObjectURL = vi.fn(() => 'blob:licence');
        vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
        const { requests } = showOf(licenceView());
        await user.click(await screen.findByRole('button', { name: '下载证照' }));

        await waitFor(() => expect(createObjectURL).toHaveBeenCalled());
        const pdf = requests.find(request => request.url === '/api/licences/ZJ-WJ-2026-000001/pdf');
        expect(pdf?.headers.get('Authorization')).toBe('Bearer token');
    });
});
