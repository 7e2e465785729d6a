/** Plain days ("YYYY-MM-DD") for the calendar of visits: weeks run Monday to Sunday, as in China. */

const MS_PER_DAY = 24 * 60 * 60 * 1000;

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

export const addDays = (day: string, days: number) => toDay(new Date(toDate(day).getTime() + days * MS_PER_DAY));

/** 0 for Monday … 6 for Sunday. */
export const weekdayOf = (day: string) => (toDate(day).getUTCDay() + 6) % 7;

export const addMonths = (day: string, months: number) => {
    const date = toDate(day);
    return toDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1)));
};

const range = (first: string, last: string) => {
    const days: string[] = [];
    for (let day = first; day <= last; day = addDays(day, 1)) days.push(day);
    return days;
};

export type CalendarView = 'month' | 'week';

export interface CalendarGrid {
    /** every day shown, whole weeks */
    days: string[];
    /** the days outside the month (a month view's leading and trailing days) are shown greyed */
    inPeriod: (day: string) => boolean;
    first: string;
    last: string;
}

/** The whole weeks that show the month of `anchor`, or the week of `anchor`. */
export const calendarGrid = (anchor: string, view: CalendarView): CalendarGrid => {
    if (view === 'week') {
        const first = addDays(anchor, -weekdayOf(anchor));
        const last = addDays(first, 6);
        return { days: range(first, last), inPeriod: () => true, first, last };
    }
    const first = `${anchor.slice(0, 7)}-01`;
    const last = addDays(addMonths(first, 1), -1);
    const days = range(addDays(first, -weekdayOf(first)), addDays(last, 6 - weekdayOf(last)));
    return { days, inPeriod: day => day.slice(0, 7) === first.slice(0, 7), first, last };
};

/** Where the previous / next button leads: a month or a week away. */
export const stepAnchor = (anchor: string, view: CalendarView, steps: number) =>
    view === 'week' ? addDays(anchor, 7 * steps) : addMonths(anchor, steps);

/** The weeks of a grid, 7 days each. */
export const weeksOf = (days: string[]) =>
    Array.from({ length: days.length / 7 }, (_, week) => days.slice(week * 7, week * 7 + 7));
