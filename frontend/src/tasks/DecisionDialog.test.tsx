import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AdminContext, HttpError, Notification } from 'react-admin';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it, vi } from 'vitest';
import type { OneThingDataProvider } from '../dataProvider';
import { i18nProvider } from '../i18n/i18nProvider';
import { inboxTask } from '../test/fixtures';
import type { DecisionKind } from '../types';
import { DecisionDialog } from './DecisionDialog';

const task = inboxTask({
    id: 't1',
    caseId: 'c1',
    caseNumber: 'YJS-20250101-0001',
    created: '2025-01-01T08:00:00Z',
    assignee: 'officer-police',
    dueDate: '2025-01-03',
    remainingDays: 2,
});

const renderDialog = (kind: DecisionKind, completeTask = vi.fn(async () => undefined)) => {
    const dataProvider = { completeTask } as unknown as OneThingDataProvider;
    render(
        <MemoryRouter initialEntries={['/tasks/t1/show']}>
            <AdminContext dataProvider={dataProvider} i18nProvider={i18nProvider}>
                <Routes>
                    <Route
                        path="/tasks/t1/show"
                        element={
                            <DecisionDialog
                                kind={kind}
                                task={task}
                                missingChoices={[
                                    { id: 'householdAddress', name: '户籍登记地址' },
                                    { id: 'householdBook', name: '户口簿' },
                                ]}
                                onClose={vi.fn()}
                            />
                        }
                    />
                    <Route path="/tasks" element={<p>待办任务列表</p>} />
                </Routes>
                <Notification />
            </AdminContext>
        </MemoryRouter>
    );
    return { completeTask, dialog: screen.getByRole('dialog') };
};

describe('the decision dialog', () => {
    it('refuses 不予办理 without a reason', async () => {
        const user = userEvent.setup();
        const { completeTask, dialog } = renderDialog('reject');
        expect(dialog).toHaveAccessibleName('不予办理：出生登记（户口）');

        await user.click(within(dialog).getByRole('button', { name: '确认' }));

        expect(await within(dialog).findByText('必填')).toBeInTheDocument();
        expect(completeTask).not.toHaveBeenCalled();

        await user.type(within(dialog).getByLabelText(/不予办理的理由/), '父母户籍均不在本市');
        await user.click(within(dialog).getByRole('button', { name: '确认' }));

        await waitFor(() =>
            expect(completeTask).toHaveBeenCalledWith('t1', {
                decision: 'reject',
                comment: '父母户籍均不在本市',
                missing: [],
            })
        );
        expect(await screen.findByText('待办任务列表')).toBeInTheDocument();
    });

    it('refuses 退回补正 without anything to correct', async () => {
        const user = userEvent.setup();
        const { completeTask, dialog } = renderDialog('return');

        await user.click(within(dialog).getByRole('button', { name: '确认' }));

        expect(await within(dialog).findByText('请至少选择一项需要补正的内容')).toBeInTheDocument();
        expect(completeTask).not.toHaveBeenCalled();

        await user.click(within(dialog).getByRole('checkbox', { name: '户口簿' }));
        await user.click(within(dialog).getByRole('button', { name: '确认' }));

        await waitFor(() =>
            expect(completeTask).toHaveBeenCalledWith('t1', { decision: 'return', comment: '', missing: ['householdBook'] })
        );
    });

    it('approves without a comment', async () => {
        const user = userEvent.setup();
        const { completeTask, dialog } = renderDialog('approve');
        expect(within(dialog).queryByRole('checkbox')).not.toBeInTheDocument();

        await user.click(within(dialog).getByRole('button', { name: '确认' }));

        await waitFor(() => expect(completeTask).toHaveBeenCalledWith('t1', { decision: 'approve', comment: '', missing: [] }));
    });

    it('goes back to the inbox when someone else was first (409)', async () => {
        const user = userEvent.setup();
        const conflict = vi.fn(async () => {
            throw new HttpError('该任务已由其他人员办理', 409, {});
        });
        const { dialog } = renderDialog('approve', conflict);

        await user.click(within(dialog).getByRole('button', { name: '确认' }));

        expect(await screen.findByText('待办任务列表')).toBeInTheDocument();
        expect(await screen.findByText('该任务已由其他人员办理')).toBeInTheDocument();
    });
});
