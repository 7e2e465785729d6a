import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RecordContextProvider } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { bookedAppointment, fakeFetch } from '../test/fixtures';
import { authProviderWith, renderWithAdmin } from '../test/render';
import type { AppointmentSlot, Visit } from '../types';
import { CaseVisits } from './CaseVisits';
import { dayLabel } from './visitDay';

const visit = (overrides: Partial<Visit> = {}): Visit => ({
    itemCode: 'birthCertificate',
    itemName: '出生医学证明',
    purpose: '领取纸质《出生医学证明》',
    departmentName: '助产机构',
    place: '市第一人民医院门诊楼一楼 出生医学证明办理处',
    bookable: true,
    note: null,
    appointment: null,
    ...overrides,
});

const slot = (day: string, halfDay: 'AM' | 'PM', remaining: number): AppointmentSlot => ({
    day,
    halfDay,
    time: halfDay === 'AM' ? '上午 09:00–12:00' : '下午 13:30–17:00',
    capacity: 8,
    remaining,
});

const booked = bookedAppointment();

const renderVisits = (routes: Parameters<typeof fakeFetch>[0], roles = ['citizen']) => {
    const fake = fakeFetch(routes);
    vi.stubGlobal('fetch', fake.fetch);
    renderWithAdmin(
        <RecordContextProvider value={{ id: 'c1' }}>
            <CaseVisits />
        </RecordContextProvider>,
        { dataProvider: createDataProvider(async () => 'token', '/api'), authProvider: authProviderWith(roles) },
    );
    return fake;
};

describe('预约到场 on the case page', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('books a half-day with places left; a full one cannot be picked', async () => {
        const user = userEvent.setup();
        const routes = {
            'GET /api/cases/c1/visits': {
                body: [visit(), visit({ itemCode: 'socialSecurityCard', purpose: '领取社会保障卡', bookable: false,
                    note: '事项办结后即可预约' })],
            },
            'GET /api/cases/c1/visits/birthCertificate/slots': {
                body: [slot('2026-12-09', 'AM', 0), slot('2026-12-09', 'PM', 5)],
            },
            'POST /api/cases/c1/appointments': { status: 201, body: booked },
        };
        const { requests } = renderVisits(routes);

        const section = await screen.findByRole('region', { name: '预约到场' });
        expect(within(section).getByText('事项办结后即可预约')).toBeInTheDocument();
        await user.click(within(section).getByRole('button', { name: '预约' }));

        const dialog = await screen.findByRole('dialog', { name: '预约：领取纸质《出生医学证明》' });
        expect(await within(dialog).findByRole('radio', { name: /12月9日（周三） 上午 09:00–12:00（余 0 个）/ }))
            .toBeDisabled();
        routes['GET /api/cases/c1/visits'] = { body: [visit({ appointment: booked })] };
        await user.click(within(dialog).getByRole('radio', { name: /下午 13:30–17:00（余 5 个）/ }));
        await user.click(within(dialog).getByRole('button', { name: '预约' }));

        expect(requests.find(r => r.method === 'POST')?.body).toEqual({
            itemCode: 'birthCertificate',
            day: '2026-12-09',
            halfDay: 'PM',
        });
        expect(await screen.findByText('已预约：12月9日（周三） 下午 13:30–17:00，1 号窗口，排队号 3')).toBeInTheDocument();
        expect(screen.getByRole('button', { name: '改约' })).toBeInTheDocument();
        expect(screen.getByRole('button', { name: '取消预约' })).toBeInTheDocument();
    });

    it('keeps the dialog open with the reason when the half-day filled up meanwhile', async () => {
        const user = userEvent.setup();
        renderVisits({
            'GET /api/cases/c1/visits': { body: [visit()] },
            'GET /api/cases/c1/visits/birthCertificate/slots': { body: [slot('2026-12-10', 'AM', 1)] },
            'POST /api/cases/c1/appointments': {
                status: 409,
                body: { title: '冲突', status: 409, detail: '12月10日（周四）上午已约满，请选择其他时段' },
            },
        });
        await user.click(await screen.findByRole('button', { name: '预约' }));
        const dialog = await screen.findByRole('dialog');
        await user.click(await within(dialog).findByRole('radio', { name: /12月10日（周四）/ }));
        await user.click(within(dialog).getByRole('button', { name: '预约' }));
        expect(await within(dialog).findByText('12月10日（周四）上午已约满，请选择其他时段')).toBeInTheDocument();
    });

    it('shows the booking to the staff without the applicant’s buttons', async () => {
        renderVisits({ 'GET /api/cases/c1/visits': { body: [visit({ appointment: { ...booked, changeable: false } })] } },
            ['officer']);
        expect(await screen.findByText(/排队号 3/)).toBeInTheDocument();
        expect(screen.getByText('已过改约和取消的截止时间，如不能到场请联系窗口')).toBeInTheDocument();
        expect(screen.queryByRole('button')).not.toBeInTheDocument();
    });

    it('writes days as the reception’s notices do', () => {
        expect(dayLabel('2026-12-13')).toBe('12月13日（周日）');
        expect(dayLabel('2027-01-04')).toBe('1月4日（周一）');
    });
});
