import { screen, within } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { ElderModeProvider } from '../layout/elderMode';
import { deadlineView, fakeFetch } from '../test/fixtures';
import { renderWithAdmin } from '../test/render';
import type { CaseDetail, CaseItem } from '../types';
import { CaseItems } from './CaseItems';

const items: CaseItem[] = [
    {
        code: 'birthCertificate',
        name: '出生医学证明',
        department: 'hospital',
        departmentName: '助产机构',
        status: 'APPROVED',
        comment: '同意',
        startedAt: '2026-12-04T09:00:00+08:00',
        decidedAt: '2026-12-04T10:00:00+08:00',
        decidedBy: '王医生',
        supplement: null,
        deadline: deadlineView({ onTime: true, light: null }),
    },
    {
        code: 'household',
        name: '出生登记（户口）',
        department: 'police',
        departmentName: '公安户政',
        status: 'IN_PROGRESS',
        comment: null,
        startedAt: '2026-12-04T10:00:00+08:00',
        decidedAt: null,
        decidedBy: null,
        supplement: null,
        deadline: deadlineView({ dueDate: '2026-12-08', remainingDays: 2 }),
    },
];

describe("the case's items in 长者版", () => {
    afterEach(() => {
        vi.unstubAllGlobals();
        localStorage.clear();
    });

    it('shows one card per item, with its department, status, deadline, decision and the rating button', async () => {
        localStorage.setItem('onething.elderMode', 'true');
        vi.stubGlobal('fetch', fakeFetch({ 'GET /api/cases/c1/ratings': { body: [] } }).fetch);
        renderWithAdmin(
            <ElderModeProvider>
                <RecordContextProvider value={{ id: 'c1', status: 'IN_PROGRESS', items } as CaseDetail}>
                    <CaseItems ratings="applicant" />
                </RecordContextProvider>
            </ElderModeProvider>,
            { dataProvider: createDataProvider(async () => 'token', '/api') },
        );
        expect(screen.queryByRole('table')).toBeNull();
        const decided = screen.getByRole('article', { name: '出生医学证明' });
        expect(decided).toHaveTextContent('助产机构');
        expect(decided).toHaveTextContent('已办结（通过）');
        expect(decided).toHaveTextContent('办理意见：同意');
        expect(await within(decided).findByRole('button', { name: /评价/ })).toBeTruthy();
        const working = screen.getByRole('article', { name: '出生登记（户口）' });
        expect(working).toHaveTextContent('2026-12-08（剩余 2 个工作日）');
        expect(within(working).queryByRole('button', { name: /评价/ })).toBeNull();
    });
});
