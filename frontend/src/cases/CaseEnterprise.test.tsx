import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResourceContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { fakeFetch, hygieneBundle, inspectionSummary, licenceView } from '../test/fixtures';
import { authProviderWith, renderWithAdmin } from '../test/render';
import type { CaseDetail } from '../types';
import { CaseShow } from './CaseShow';

const hygieneCase: CaseDetail = {
    id: 'c7',
    number: 'YJS-20261118-0007',
    bundleCode: 'public-venue-hygiene',
    bundleName: '公共场所卫生许可（告知承诺）',
    applicantName: '康宁口腔医院有限公司',
    status: 'COMPLETED',
    submittedAt: '2026-11-18T08:00:00+08:00',
    completedAt: '2026-11-18T08:00:01+08:00',
    deadline: null,
    form: { enterpriseName: '康宁口腔医院有限公司', venueName: '康宁沐浴中心', commitment: 'true' },
    materials: [],
    items: [],
    timeline: [],
};

const renderCase = (roles: string[]) => {
    const { fetch } = fakeFetch({
        'GET /api/cases/c7': { body: hygieneCase },
        'GET /api/cases/c7/ratings': { body: [] },
        'GET /api/cases/c7/visits': { body: [] },
        'GET /api/bundles/public-venue-hygiene': { body: hygieneBundle },
        'GET /api/cases/c7/inspections': {
            body: [
                inspectionSummary({
                    name: '事后核查',
                    status: 'RECTIFYING',
                    lead: { code: 'hsupervision', name: '卫生健康监督所' },
                    departments: [{ code: 'hsupervision', name: '卫生健康监督所' }],
                    openSteps: [],
                }),
            ],
        },
        'GET /api/licences': {
            body: {
                items: [
                    licenceView({ number: 'ZJ-WJ-2026-000009', licenceName: '公共场所卫生许可证', replaces: [] }),
                    // another case's licence of the same holder
                    licenceView({ caseId: 'c1' }),
                ],
                total: 2,
            },
        },
    });
    vi.stubGlobal('fetch', fetch);
    renderWithAdmin(
        <ResourceContextProvider value="cases">
            <Routes>
                <Route path="/cases/:id/show/*" element={<CaseShow />} />
                <Route path="/inspections/:id/show" element={<p>踏勘页</p>} />
                <Route path="/licences/:id/show" element={<p>证照页</p>} />
            </Routes>
        </ResourceContextProvider>,
        {
            dataProvider: createDataProvider(async () => 'token', '/api'),
            authProvider: authProviderWith(roles),
            path: '/cases/c7/show',
        },
    );
};

describe('an enterprise case page', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('shows the case’s inspections, the one waiting for a rectification, and opens it', async () => {
        const user = userEvent.setup();
        renderCase(['enterprise']);
        const section = await screen.findByRole('region', { name: '联合踏勘' });
        expect(within(section).getByRole('alert')).toHaveTextContent('事后核查发现需要整改的问题');
        const [row] = within(within(section).getByRole('table')).getAllByRole('row').slice(1);
        expect(row).toHaveTextContent('事后核查');
        expect(row).toHaveTextContent('卫生健康监督所（牵头部门）');
        expect(row).toHaveTextContent('企业整改中');

        await user.click(within(row).getByText('事后核查'));
        expect(await screen.findByText('踏勘页')).toBeInTheDocument();
    });

    it('lists only the licences issued on this case', async () => {
        const user = userEvent.setup();
        renderCase(['enterprise']);
        const section = await screen.findByRole('region', { name: '电子证照' });
        const rows = within(within(section).getByRole('table')).getAllByRole('row').slice(1);
        expect(rows).toHaveLength(1);
        expect(rows[0]).toHaveTextContent('ZJ-WJ-2026-000009');
        expect(rows[0]).toHaveTextContent('公共场所卫生许可证');
        expect(rows[0]).toHaveTextContent('有效');

        await user.click(within(rows[0]).getByText('ZJ-WJ-2026-000009'));
        expect(await screen.findByText('证照页')).toBeInTheDocument();
    });

    it('shows the signed commitment in words, and staff no rectification alert', async () => {
        const user = userEvent.setup();
        renderCase(['officer']);
        const section = await screen.findByRole('region', { name: '联合踏勘' });
        expect(within(section).queryByRole('alert')).not.toBeInTheDocument();

        await user.click(screen.getByRole('tab', { name: '申请信息' }));
        expect(await screen.findByText('已签署承诺')).toBeInTheDocument();
        expect(screen.queryByText('true')).not.toBeInTheDocument();
    });
});
