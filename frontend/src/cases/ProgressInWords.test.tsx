import { screen, within } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { deadlineView, fakeFetch, inspectionSummary } from '../test/fixtures';
import { renderWithAdmin } from '../test/render';
import type { CaseDetail, CaseItem, InspectionSummary, ItemStatus } from '../types';
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

    describe('with the case’s site inspections', () => {
        afterEach(() => vi.unstubAllGlobals());

        const renderWithInspections = (inspections: InspectionSummary[]) => {
            vi.stubGlobal('fetch', fakeFetch({ 'GET /api/cases/c1/inspections': { body: inspections } }).fetch);
            renderWithAdmin(
                <RecordContextProvider
                    value={{ id: 'c1', status: 'IN_PROGRESS', items: [item('radiationSafety', '辐射安全许可证', 'APPROVED')] } as CaseDetail}
                >
                    <ProgressInWords />
                </RecordContextProvider>,
                { dataProvider: createDataProvider(async () => 'token', '/api') },
            );
            return screen.getByRole('region', { name: '办到哪一步了' });
        };

        it('offers to book the visit and says who inspects, how far and by when; finished inspections are left out', async () => {
            const region = renderWithInspections([
                inspectionSummary({
                    status: 'SCHEDULING',
                    statusName: '拟定踏勘时间',
                    booking: { open: true, day: null, halfDay: null, time: null, changeable: false, changeUntil: null,
                        place: '上海市徐汇区漕溪北路 88 号' },
                }),
                inspectionSummary({ id: 'i0', code: 'postCheck', name: '事后核查', status: 'PASSED', statusName: '踏勘通过' }),
            ]);
            expect(await within(region).findByText(/可以预约「联合现场踏勘」的时间/)).toBeInTheDocument();
            expect(region).not.toHaveTextContent('目前无需您操作');
            expect(region).not.toHaveTextContent('事后核查');
            expect(region).toHaveTextContent(
                '「联合现场踏勘」由卫生健康委牵头，生态环境局、卫生健康委参加，现在：拟定踏勘时间，期限：2026-11-30（剩余 5 个工作日）',
            );
        });

        it('asks for the rectification a visit set, with its deadline', async () => {
            const region = renderWithInspections([
                inspectionSummary({ status: 'RECTIFYING', statusName: '企业整改中', rectifyBy: '2026-12-10' }),
            ]);
            expect(await within(region).findByText('请按「联合现场踏勘」的整改要求整改，并在 2026-12-10 前在本页提交整改情况。'))
                .toBeInTheDocument();
        });
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
