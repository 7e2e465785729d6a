import type { Light } from '../types';

/** What a deadline cell needs: a case's or an item's DeadlineView, or an inbox / monitor row. */
export interface DeadlineLike {
    dueDate?: string | null;
    remainingDays?: number | null;
    light?: Light | null;
    provisional?: boolean;
    /** an inbox or monitor row: 超期督办 */
    escalated?: boolean;
    /** a DeadlineView: when it was escalated */
    escalatedAt?: string | null;
    onTime?: boolean | null;
}

export interface DeadlineMessage {
    key: string;
    args: { date?: string; days?: number };
}

/**
 * The words for a deadline (keys of onething.deadline): the due date with the working days left (today, or
 * how long overdue); while stopped for a 补正 what is left of the limit; once finished whether it was on time.
 * Null without a due date.
 */
export const deadlineMessage = ({ dueDate, remainingDays, light, onTime }: DeadlineLike): DeadlineMessage | null => {
    const known = typeof remainingDays === 'number';
    const days = known ? Math.abs(remainingDays) : undefined;
    if (light === 'PAUSED') {
        const key = !known ? 'paused' : remainingDays < 0 ? 'paused_overdue' : 'paused_remaining';
        return { key: `onething.deadline.${key}`, args: { days } };
    }
    if (!dueDate) return null;
    const date = dueDate;
    if (light == null) {
        // not running: finished (on time or not), or nothing more known
        const key = onTime === true ? 'on_time' : onTime === false ? 'late' : 'date';
        return { key: `onething.deadline.${key}`, args: { date } };
    }
    if (!known) return { key: 'onething.deadline.date', args: { date } };
    const key = remainingDays > 0 ? 'remaining' : remainingDays === 0 ? 'due_today' : 'overdue';
    return { key: `onething.deadline.${key}`, args: { date, days } };
};

export const isEscalated = ({ escalated, escalatedAt }: DeadlineLike) => !!escalated || !!escalatedAt;
