import { screen, within } from '@testing-library/react';
import { RecordContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { deadlineView } from '../test/fixtures';
import { renderWithAdmin } from '../test/render';
import { DeadlineLight } from './DeadlineLight';
import { DeadlineText } from './DeadlineField';
import { deadlineMessage, type DeadlineLike } from './deadlineText';
import { DeadlineSummary } from './DeadlineSummary';
import { ItemDeadlineField } from './ItemDeadlineField';

const textOf = (deadline: DeadlineLike) => {
    const { container, unmount } = renderWithAdmin(<DeadlineText deadline={deadline} />);
    const text = container.textContent;
    unmount();
    return text;
};

describe('the words of a deadline', () => {
    it('gives the due date with the working days left', () => {
        expect(textOf({ dueDate: '2026-11-25', remainingDays: 1, light: 'GREEN' })).toBe(
            '2026-11-25（剩余 1 个工作日）',
        );
        expect(textOf({ dueDate: '2026-11-25', remainingDays: 3, light: 'YELLOW' })).toBe(
            '2026-11-25（剩余 3 个工作日）',
        );
    });

    it('says 今日到期 when no working day is left', () => {
        expect(textOf({ dueDate: '2026-11-25', remainingDays: 0, light: 'YELLOW' })).toBe('2026-11-25（今日到期）');
    });

    it('says by how many working days it is overdue', () => {
        expect(textOf({ dueDate: '2026-11-25', remainingDays: -2, light: 'RED' })).toBe(
            '2026-11-25（已超期 2 个工作日）',
        );
    });

    it('marks a provisional due date 暂定, with why', () => {
        renderWithAdmin(
            <DeadlineText deadline={{ dueDate: '2027-01-06', remainingDays: 5, light: 'GREEN', provisional: true }} />,
        );
        expect(screen.getByText('2027-01-06（剩余 5 个工作日）')).toBeInTheDocument();
        const mark = screen.getByText('暂定').closest('.MuiChip-root') as HTMLElement;
        expect(mark).toHaveAccessibleDescription('该年度节假日安排尚未发布，期限按周末推算，仅供参考');
    });

    it('leaves 暂定 out when the holidays of the year are known', () => {
        renderWithAdmin(<DeadlineText deadline={{ dueDate: '2026-11-25', remainingDays: 1, light: 'GREEN' }} />);
        expect(screen.queryByText('暂定')).not.toBeInTheDocument();
    });

    it('while stopped for a 补正 says what is left of the limit, not a date that will move', () => {
        expect(textOf({ dueDate: '2026-11-25', remainingDays: 1, light: 'PAUSED' })).toBe(
            '暂停计时（补正中），剩余 1 个工作日',
        );
        expect(textOf({ dueDate: '2026-11-25', remainingDays: -1, light: 'PAUSED' })).toBe(
            '暂停计时（补正中），已超期 1 个工作日',
        );
        renderWithAdmin(<DeadlineLight light="PAUSED" />);
        expect(screen.getByText('已暂停（补正）')).toBeInTheDocument();
    });

    it('says 已督办 once escalated', () => {
        expect(textOf({ dueDate: '2026-11-25', remainingDays: -1, light: 'RED', escalated: true })).toBe(
            '2026-11-25（已超期 1 个工作日）已督办',
        );
        expect(
            textOf(deadlineView({ remainingDays: -1, light: 'RED', escalatedAt: '2026-11-26T00:00:01+08:00' })),
        ).toContain('已督办');
        expect(textOf({ dueDate: '2026-11-25', remainingDays: 1, light: 'GREEN', escalated: false })).not.toContain(
            '督办',
        );
    });

    it('once finished says whether it was decided in time', () => {
        expect(textOf(deadlineView({ light: null, onTime: true }))).toBe('2026-11-25（按期办结）');
        expect(textOf(deadlineView({ light: null, onTime: false, remainingDays: -2 }))).toBe('2026-11-25（超期办结）');
    });

    it('shows only the date when nothing else is known (a case row), and a dash without a date', () => {
        expect(textOf({ dueDate: '2026-11-25', light: 'GREEN', provisional: false })).toBe('2026-11-25');
        expect(textOf({ dueDate: null, light: null })).toBe('—');
        expect(deadlineMessage({ dueDate: null })).toBeNull();
    });
});

describe('the lights', () => {
    it('say their state in words, not in colour alone', () => {
        renderWithAdmin(
            <>
                <DeadlineLight light="GREEN" />
                <DeadlineLight light="YELLOW" />
                <DeadlineLight light="RED" />
                <DeadlineLight light={null} />
            </>,
        );
        expect(screen.getByText('正常')).toBeInTheDocument();
        expect(screen.getByText('预警')).toBeInTheDocument();
        expect(screen.getByText('超期')).toBeInTheDocument();
    });
});

describe("a case's deadline", () => {
    it('shows the limit, the due date, the days used and left, the light and the 补正 stops', () => {
        renderWithAdmin(
            <DeadlineSummary
                deadline={deadlineView({
                    limitDays: 5,
                    dueDate: '2026-11-27',
                    elapsedDays: 3,
                    remainingDays: 2,
                    light: 'YELLOW',
                    stops: [
                        { stoppedOn: '2026-11-23', resumedOn: '2026-11-26', workingDays: 0 },
                        { stoppedOn: '2026-11-27', resumedOn: null, workingDays: 0 },
                    ],
                })}
            />,
        );
        const section = screen.getByRole('region', { name: '办结时限' });
        expect(within(section).getByText('5 个工作日')).toBeInTheDocument();
        expect(within(section).getByText('2026-11-27（剩余 2 个工作日）')).toBeInTheDocument();
        expect(within(section).getByText('3 个工作日')).toBeInTheDocument();
        expect(within(section).getByText('2 个工作日')).toBeInTheDocument();
        expect(within(section).getByText('预警')).toBeInTheDocument();
        expect(within(section).getByText('补正暂停')).toBeInTheDocument();
        expect(within(section).getByText('2026-11-23 至 2026-11-26')).toBeInTheDocument();
        expect(within(section).getByText('2026-11-27 起（暂停中）')).toBeInTheDocument();
    });

    it('once finished says whether it was on time instead of a light', () => {
        renderWithAdmin(<DeadlineSummary deadline={deadlineView({ light: null, onTime: false, remainingDays: -1 })} />);
        const section = screen.getByRole('region', { name: '办结时限' });
        expect(within(section).getByText('超期办结')).toBeInTheDocument();
        expect(within(section).queryByText('剩余')).not.toBeInTheDocument();
    });
});

describe("an item's deadline", () => {
    const renderItem = (item: object) =>
        renderWithAdmin(
            <RecordContextProvider value={item}>
                <ItemDeadlineField />
            </RecordContextProvider>,
        );

    it('shows what is left, the limit and the days used, and each 补正 stop', () => {
        const { container } = renderItem({
            status: 'SUPPLEMENT',
            deadline: deadlineView({
                limitDays: 3,
                elapsedDays: 2,
                remainingDays: 1,
                light: 'PAUSED',
                stops: [
                    { stoppedOn: '2026-11-18', resumedOn: '2026-11-19', workingDays: 0 },
                    { stoppedOn: '2026-11-23', resumedOn: null, workingDays: 0 },
                ],
            }),
        });
        expect(screen.getByText('暂停计时（补正中），剩余 1 个工作日')).toBeInTheDocument();
        expect(screen.getByText('时限 3 个工作日，已用 2 个')).toBeInTheDocument();
        expect([...container.querySelectorAll('li')].map(li => li.textContent)).toEqual([
            '补正暂停：2026-11-18 至 2026-11-19',
            '补正暂停：2026-11-23 起（暂停中）',
        ]);
    });

    it('says the clock has not started while the item waits for an earlier one', () => {
        renderItem({ status: 'WAITING', deadline: null });
        expect(screen.getByText('待前置事项办结后起算')).toBeInTheDocument();
    });
});
