import type { CalendarYearBody, Holiday } from '../types';

/** The body of PUT /api/calendar/{year} from the form's values (only what the API takes). */
export const toCalendarBody = (values: { source?: string; holidays?: Partial<Holiday>[] }): CalendarYearBody => ({
    source: values.source ?? '',
    holidays: (values.holidays ?? []).map(({ name = '', from = '', to = '', worked }) => ({
        name,
        from,
        to,
        worked: (worked ?? []).filter(Boolean),
    })),
});

/**
 * Names an input of the calendar form by its path, for the error summary: "holidays.1.worked.0" →
 * 「第 2 个节假日 · 第 1 个调休上班日」.
 */
export const calendarInputLabel =
    (translate: (key: string, options?: object) => string) =>
    (path: string): string => {
        const [top, index, field, workedIndex] = path.split('.');
        const fieldLabel = (name: string) => translate(`resources.calendar.fields.${name}`);
        if (top !== 'holidays' || index === undefined) return fieldLabel(top);
        const holiday = translate('onething.calendar.holiday_n', { n: Number(index) + 1 });
        if (!field) return holiday;
        if (field === 'worked' && workedIndex !== undefined) {
            return `${holiday} · ${translate('onething.calendar.worked_n', { n: Number(workedIndex) + 1 })}`;
        }
        return `${holiday} · ${fieldLabel(field)}`;
    };
