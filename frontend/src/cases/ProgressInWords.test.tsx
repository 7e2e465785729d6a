import { screen, within } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { deadlineView } from '../test/fixtures';
import { renderWithAdmin } from '../test/render';
import type { CaseDetail, CaseItem, ItemStatus } from '../types';
import { ProgressInWords } from './ProgressInWords';

const item = (code: string, name: string, status: ItemStatus, departmentName = '公安户政'): CaseItem => ({
    code,
    name,
    department: 'dept',
    departmentName,
    status,
    comment: null,
    startedAt: null,
    decidedAt: null,
    decidedBy: null,
    supplement: null,
    deadline: status === 'IN_PROGRESS' ? deadlineView({ dueDate: '2026-12-08', remainingDays: 2 }) : null,
});

const renderProgress = (items: CaseItem[], status: CaseDetail['status'] = 'IN_PROGRESS') =>
    renderWithAdmin(
        <RecordContextProvider value={{ id: 'c1', status, items } as CaseDetail}>
            <ProgressInWords />
        </RecordContextProvider>,
    );

describe('办到哪一步了', () => {
    it('says what is done, who has what now and by when, what waits, and that nothing is asked of the applicant', () => {
        renderProgress([
            item('birthCertificate', '出生医学证明', 'APPROVED', '助产机构'),
            item('household', '出生登记（户口）', 'IN_PROGRESS'),
            item('socialSecurityCard', '社会保障卡', 'WAITING'),
        ]);
        const region = screen.getByRole('region', { name: '办到哪一步了' });
        expect(region).toHaveTextContent('目前无需您操作');
        expect(region).toHaveTextContent('「出生登记（户口）」由公安户政办理，期限：2026-12-08（剩余 2 个工作日）');
        expect(region).toHaveTextContent('1 / 3 项：出生医学证明');
        expect(region).toHaveTextContent('「社会保障卡」在前置事项办结后开始办理');
    });

    it('puts a 补正 first, as what the applicant must do', () => {
        renderProgress([item('household', '出生登记（户口）', 'SUPPLEMENT'), item('vaccination', '预防接种证', 'IN_PROGRESS')]);
        const yours = within(screen.getByRole('region', { name: '办到哪一步了' })).getByText(/请补正/);
        expect(yours).toHaveTextContent('请补正「出生登记（户口）」的材料');
        expect(screen.getByText('还没有办结的事项')).toBeTruthy();
    });

    it('asks for a rating once everything is done', () => {
        renderProgress([item('household', '出生登记（户口）', 'APPROVED')], 'COMPLETED');
        expect(screen.getByRole('region', { name: '办到哪一步了' })).toHaveTextContent('全部事项已办结。欢迎对本次服务评价。');
    });

    it("waits for the case's own record: the list's row it starts from has no items", () => {
        renderWithAdmin(
            <RecordContextProvider value={{ id: 'c1', status: 'IN_PROGRESS' }}>
                <ProgressInWords />
            </RecordContextProvider>,
        );
        expect(screen.queryByRole('region')).toBeNull();
    });
});
