import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ResourceContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { creditView, fakeFetch } from '../test/fixtures';
import { renderWithAdmin } from '../test/render';
import { CreditList } from './CreditList';
import { MyCredit } from './MyCredit';

const render = (element: React.ReactNode, routes: Parameters<typeof fakeFetch>[0]) => {
    const { fetch, requests } = fakeFetch(routes);
    vi.stubGlobal('fetch', fetch);
    renderWithAdmin(
        <ResourceContextProvider value="credit">
            <Routes>
                <Route path="/credit" element={element} />
            </Routes>
        </ResourceContextProvider>,
        { dataProvider: createDataProvider(async () => 'token', '/api'), path: '/credit' },
    );
    const queries = () =>
        requests
            .filter(request => request.url.startsWith('/api/enterprises/credit'))
            .map(request => Object.fromEntries(new URL(request.url, 'http://localhost').searchParams));
    return { queries, requests };
};

const enterprises = [
    creditView({
        id: 'h-hengda',
        holderId: 'h-hengda',
        name: '恒达诊所',
        creditCode: null,
        grade: 'D',
        events: [
            {
                kind: 'INSPECTION',
                result: 'FAIL',
                falseCommitment: true,
                summary: '现场无放射防护设施',
                caseId: 'c9',
                licenceNumber: null,
                recordedBy: '系统',
                occurredAt: '2026-12-03T02:00:00Z',
            },
            {
                kind: 'LICENCE_REVOKED',
                result: null,
                falseCommitment: false,
                summary: '承诺不实，撤销许可',
                caseId: 'c9',
                licenceNumber: 'ZJ-WJ-2026-000009',
                recordedBy: '系统',
                occurredAt: '2026-12-04T02:00:00Z',
            },
        ],
    }),
    creditView({ id: 'h-lvyuan', holderId: 'h-lvyuan', name: '绿源餐饮', grade: 'C', events: [] }),
    creditView(),
    creditView({ id: 'h-a', holderId: 'h-a', name: '明远科技', grade: 'A', events: [] }),
];

const gradeChip = (row: HTMLElement) => row.querySelector('[data-grade]')!;

describe('企业信用', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('lists the enterprises with their grade chips (A green, B blue, C orange, D red) and the rule', async () => {
        const { queries } = render(<CreditList />, {
            'GET /api/enterprises/credit': { body: { items: enterprises, total: 4 } },
        });
        const table = await screen.findByRole('table');
        expect(queries()[0]).toEqual({ page: '0', size: '10' });
        const rows = within(table).getAllByRole('row').slice(1);
        const colours = rows.map(row => [
            gradeChip(row).textContent,
            [...gradeChip(row).classList].find(name => /MuiChip-color(Success|Info|Warning|Error)/.test(name)),
        ]);
        expect(colours).toEqual([
            ['D 级', 'MuiChip-colorError'],
            ['C 级', 'MuiChip-colorWarning'],
            ['B 级', 'MuiChip-colorInfo'],
            ['A 级', 'MuiChip-colorSuccess'],
        ]);
        expect(rows[0]).toHaveTextContent('恒达诊所');
        expect(rows[0]).toHaveTextContent('2 条');
        const rule = screen.getByRole('note');
        expect(rule).toHaveTextContent('信用等级评定规则（按近两年的信用记录）');
        expect(rule).toHaveTextContent('D 级承诺不实或许可被撤销');
        expect(rule).toHaveTextContent('C 级有核查或监管不合格');
        expect(rule).toHaveTextContent('B 级有限期整改');
        expect(rule).toHaveTextContent('A 级其他');
    });

    it('filters by grade', async () => {
        const user = userEvent.setup();
        const { queries } = render(<CreditList />, {
            'GET /api/enterprises/credit': { body: { items: enterprises, total: 4 } },
        });
        await screen.findByRole('table');
        await user.click(screen.getByRole('combobox', { name: '信用等级' }));
        await user.click(await screen.findByRole('option', { name: 'D 级：承诺不实或许可被撤销' }));
        await waitFor(() => expect(queries().at(-1)).toEqual({ grade: 'D', page: '0', size: '10' }));
    });

    it('expands a row into its events: what, result, 承诺不实, findings, the licence or case', async () => {
        const user = userEvent.setup();
        render(<CreditList />, { 'GET /api/enterprises/credit': { body: { items: enterprises, total: 4 } } });
        await user.click(await screen.findByText('恒达诊所'));
        const events = await screen.findByRole('table', { name: '信用记录' });
        const [failed, revoked] = within(events).getAllByRole('row').slice(1);
        expect(failed).toHaveTextContent('现场核查');
        expect(failed).toHaveTextContent('不合格');
        expect(failed).toHaveTextContent('承诺不实');
        expect(failed).toHaveTextContent('现场无放射防护设施');
        expect(within(failed).getByRole('link', { name: '查看办件' })).toHaveAttribute('href', '/cases/c9/show');
        expect(revoked).toHaveTextContent('许可撤销');
        expect(within(revoked).getByRole('link', { name: 'ZJ-WJ-2026-000009' })).toHaveAttribute(
            'href',
            '/licences/ZJ-WJ-2026-000009/show',
        );
    });
});

describe('本企业信用', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('shows the enterprise its own grade and events', async () => {
        const { requests } = render(<MyCredit />, { 'GET /api/enterprises/me/credit': { body: creditView() } });
        expect(await screen.findByText('康宁口腔门诊部')).toBeInTheDocument();
        expect(requests.map(request => request.url)).toEqual(['/api/enterprises/me/credit']);
        const chip = document.querySelector('[data-grade]')!;
        expect(chip).toHaveTextContent('B 级');
        expect(screen.getByText('91330106MA2KXXXX1T')).toBeInTheDocument();
        expect(screen.getByRole('note')).toHaveTextContent('B 级有限期整改');
        const events = screen.getByRole('table', { name: '信用记录' });
        expect(events).toHaveTextContent('事中事后监管');
        expect(events).toHaveTextContent('限期整改');
        expect(events).toHaveTextContent('消毒记录不全，限期 10 日整改');
    });

    it('says so when there is nothing against it', async () => {
        render(<MyCredit />, { 'GET /api/enterprises/me/credit': { body: creditView({ grade: 'A', events: [] }) } });
        expect(await screen.findByText('暂无信用记录')).toBeInTheDocument();
        expect(document.querySelector('[data-grade]')).toHaveTextContent('A 级');
    });

    it('says why it cannot be shown', async () => {
        render(<MyCredit />, {
            'GET /api/enterprises/me/credit': {
                status: 403,
                body: { status: 403, title: '禁止 / Forbidden', detail: '仅企业账号可查看本企业信用' },
            },
        });
        expect(await screen.findByText('无法加载本企业信用：仅企业账号可查看本企业信用')).toBeInTheDocument();
    });
});
