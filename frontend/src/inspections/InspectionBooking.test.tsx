import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RecordContextProvider, ResourceContextProvider } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { fakeFetch, inspectionDetailBody, inspectionRecord, inspectionSummary } from '../test/fixtures';
import { authProviderWith, renderWithAdmin } from '../test/render';
import type { AppointmentSlot, InspectionBooking } from '../types';
import { CaseInspections } from './CaseInspections';

const slot = (day: string, halfDay: 'AM' | 'PM', remaining: number): AppointmentSlot => ({
    day,
    halfDay,
    time: halfDay === 'AM' ? '上午 09:00–12:00' : '下午 13:30–17:00',
    capacity: 1,
    remaining,
});

const openBooking: InspectionBooking = {
    open: true,
    day: null,
    halfDay: null,
    time: null,
    changeable: false,
    changeUntil: null,
    place: '上海市徐汇区漕溪北路 88 号',
};

const bookedBooking: InspectionBooking = {
    ...openBooking,
    open: false,
    day: '2026-12-09',
    halfDay: 'PM',
    time: '下午 13:30–17:00',
    changeable: true,
    changeUntil: '2026-12-08T10:00:00Z',
};

const scheduling = inspectionSummary({ status: 'SCHEDULING', statusName: '拟定踏勘时间', visitAt: null, visitPlace: null,
    openSteps: [], booking: openBooking });
const fixed = inspectionSummary({ status: 'FIXED', statusName: '待踏勘', visitAt: '2026-12-09T05:30:00Z',
    visitPlace: '上海市徐汇区漕溪北路 88 号', openSteps: [], booking: bookedBooking });

const renderInspections = (routes: Parameters<typeof fakeFetch>[0], roles = ['enterprise']) => {
    const fake = fakeFetch(routes);
    vi.stubGlobal('fetch', fake.fetch);
    renderWithAdmin(
        <ResourceContextProvider value="cases">
            <RecordContextProvider value={{ id: 'c7' }}>
                <CaseInspections />
            </RecordContextProvider>
        </ResourceContextProvider>,
        { dataProvider: createDataProvider(async () => 'token', '/api'), authProvider: authProviderWith(roles) },
    );
    return fake;
};

describe('踏勘预约 on the case page', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('books a half-day every department has free, at the form’s address unless changed', async () => {
        const user = userEvent.setup();
        const routes = {
            'GET /api/cases/c7/inspections': { body: [scheduling] },
            'GET /api/inspections/i1/slots': { body: [slot('2026-12-09', 'AM', 0), slot('2026-12-09', 'PM', 1)] },
            'PUT /api/inspections/i1/booking': { body: inspectionDetailBody(inspectionRecord(fixed)) },
        };
        const { requests } = renderInspections(routes);

        const invitation = await screen.findByText(/联合现场踏勘可以自助预约：生态环境局、卫生健康委公布了踏勘组/);
        expect(invitation).toHaveTextContent('您不预约时，由卫生健康委拟定时间后通知您。');
        await user.click(screen.getByRole('button', { name: '预约踏勘' }));

        const dialog = await screen.findByRole('dialog', { name: '预约联合现场踏勘' });
        expect(within(dialog).getByRole('textbox', { name: /踏勘地点/ })).toHaveValue('上海市徐汇区漕溪北路 88 号');
        expect(await within(dialog).findByRole('radio', { name: /上午 09:00–12:00（余 0 个）/ })).toBeDisabled();
        await user.click(within(dialog).getByRole('radio', { name: /下午 13:30–17:00（余 1 个）/ }));
        routes['GET /api/cases/c7/inspections'] = { body: [fixed] };
        await user.click(within(dialog).getByRole('button', { name: '预约踏勘' }));

        expect(requests.find(r => r.method === 'PUT')?.body).toEqual({
            day: '2026-12-09',
            halfDay: 'PM',
            place: '上海市徐汇区漕溪北路 88 号',
        });
        expect(await screen.findByText('联合现场踏勘已预约：12月9日（周三） 下午 13:30–17:00，地点：上海市徐汇区漕溪北路 88 号'))
            .toBeInTheDocument();
        expect(screen.getByText(/12月8日 18:00 前可改约/)).toBeInTheDocument();
        expect(screen.getByRole('button', { name: '改约' })).toBeInTheDocument();
    });

    it('moves the booking; the booked half-day itself cannot be picked, and a refusal stays in the dialog', async () => {
        const user = userEvent.setup();
        const { requests } = renderInspections({
            'GET /api/cases/c7/inspections': { body: [fixed] },
            'GET /api/inspections/i1/slots': { body: [slot('2026-12-09', 'PM', 0), slot('2026-12-10', 'AM', 1)] },
            'PUT /api/inspections/i1/booking': {
                status: 409,
                body: { title: '冲突', status: 409, detail: '12月10日（周四）上午生态环境局的踏勘组已约满，请选择其他时段' },
            },
        });
        await user.click(await screen.findByRole('button', { name: '改约' }));
        const dialog = await screen.findByRole('dialog', { name: '改约联合现场踏勘' });
        expect(await within(dialog).findByRole('radio', { name: /12月9日（周三） 下午/ })).toBeDisabled();
        await user.click(within(dialog).getByRole('radio', { name: /12月10日（周四） 上午/ }));
        await user.click(within(dialog).getByRole('button', { name: '改约' }));
        expect(await within(dialog).findByText('12月10日（周四）上午生态环境局的踏勘组已约满，请选择其他时段'))
            .toBeInTheDocument();
        expect(requests.find(r => r.method === 'PUT')?.body).toMatchObject({ day: '2026-12-10', halfDay: 'AM' });
    });

    it('cancels the booking once confirmed, and is invited to book again', async () => {
        const user = userEvent.setup();
        const routes = {
            'GET /api/cases/c7/inspections': { body: [fixed] },
            'DELETE /api/inspections/i1/booking': { body: inspectionDetailBody(inspectionRecord(scheduling)) },
        };
        const { requests } = renderInspections(routes);
        await user.click(await screen.findByRole('button', { name: '取消预约' }));
        const confirm = await screen.findByRole('dialog', { name: '取消预约' });
        expect(confirm).toHaveTextContent('确定取消 12月9日（周三） 下午 13:30–17:00 的预约吗？');
        routes['GET /api/cases/c7/inspections'] = { body: [scheduling] };
        await user.click(within(confirm).getByRole('button', { name: '确认' }));

        expect(await screen.findByRole('button', { name: '预约踏勘' })).toBeInTheDocument();
        expect(requests.filter(r => r.method === 'DELETE').map(r => r.url)).toEqual(['/api/inspections/i1/booking']);
    });

    it('offers nothing to book to the staff, nor where the lead fixes the time', async () => {
        renderInspections({ 'GET /api/cases/c7/inspections': { body: [scheduling] } }, ['officer']);
        expect(await screen.findByText('联合现场踏勘')).toBeInTheDocument();
        expect(screen.queryByRole('button', { name: '预约踏勘' })).not.toBeInTheDocument();
    });

    it('offers nothing where some department publishes no teams', async () => {
        renderInspections({ 'GET /api/cases/c7/inspections': { body: [{ ...scheduling, booking: null }] } });
        expect(await screen.findByText('联合现场踏勘')).toBeInTheDocument();
        expect(screen.queryByRole('button', { name: '预约踏勘' })).not.toBeInTheDocument();
    });
});
