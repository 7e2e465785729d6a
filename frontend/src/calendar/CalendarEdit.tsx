import { Create, Edit, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { usePageRecordOptions } from '../errors';
import type { CalendarYear } from '../types';
import { toCalendarBody } from './calendarForm';
import { CalendarForm } from './CalendarForm';

const EditTitle = () => {
    const record = useRecordContext<CalendarYear>();
    const translate = useTranslate();
    return record ? translate('onething.calendar.edit_title', { year: record.year }) : null;
};

const useSaved = () => {
    const notify = useNotify();
    const redirect = useRedirect();
    return () => {
        notify('onething.calendar.saved', { type: 'success' });
        redirect('list', 'calendar');
    };
};

/** 编辑 2026 年工作日历 (admin): PUT /api/calendar/2026; waits for the server (its errors go to the form). */
export const CalendarEdit = () => (
    <Edit
        title={<EditTitle />}
        mutationMode="pessimistic"
        mutationOptions={{ onSuccess: useSaved() }}
        transform={toCalendarBody}
        queryOptions={usePageRecordOptions('calendar')}
        actions={false}
    >
        <CalendarForm />
    </Edit>
);

type NewYear = Parameters<typeof toCalendarBody>[0] & { year: number };

/** 新增年度工作日历 (admin): the arrangement of a year not loaded yet, e.g. when the State Council publishes it. */
export const CalendarCreate = () => (
    <Create
        title="onething.calendar.create_title"
        mutationOptions={{ onSuccess: useSaved() }}
        transform={(values: NewYear) => ({ year: Number(values.year), ...toCalendarBody(values) })}
        record={{ holidays: [] }}
    >
        <CalendarForm isNew />
    </Create>
);
