import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResourceContextProvider } from 'react-admin';
import { createDataProvider } from '../dataProvider';
import { fakeFetch } from '../test/fixtures';
import { authProviderWith, renderWithAdmin } from '../test/render';
import type { DayListEntry } from '../types';
import { DayList } from './DayList';

const entry: DayListEntry = {
    id: 7,
    caseNumber: 'BIRTH-20261209-ABC123',
    applicantName: '张*',
    appointment: {
        id: 7,
        caseId: 'c1',
        itemCode: 'birthCertificate',
        purpose: '领取纸质《出生医学证明》',
        departmentName: '助产机构',
        place: '市第一人民医院门诊楼一楼',
        day: '2026-12-09',
        halfDay: 'AM',
        time: '上午 09:00–12:00',
        queueNumber: 3,
        window: 1,
        status: 'BOOKED',
        changeable: true,
        changeUntil: '2026-12-08T18:00:00+08:00',
        bookedAt: '2026-12-07T10:00:00+08:00',
    },
};

describe('到场名单', () => {
    afterEach(() => vi.unstubAllGlobals());

    it("lists the day's visitors in queue order, names masked, each leading to its case", async () => {
        const { fetch, requests } = fakeFetch({ 'GET /api/appointments': { body: [entry] } });
        vi.stubGlobal('fetch', fetch);
        renderWithAdmin(
            <Routes>
                <Route
                    path="/appointments"
                    element={
                        <ResourceContextProvider value="appointments">
                            <DayList />
                        </ResourceContextProvider>
                    }
                />
                <Route path="/cases/:id/show" element={<p>办件页</p>} />
            </Routes>,
            {
                dataProvider: createDataProvider(async () => 'token', '/api'),
                authProvider: authProviderWith(['officer'], ['hospital']),
                path: '/appointments',
            },
        );
        const row = (await screen.findByText('BIRTH-20261209-ABC123')).closest('tr')!;
        expect(within(row).getByText('上午 09:00–12:00')).toBeInTheDocument();
        expect(within(row).getByText('3 号 · 1 号窗口')).toBeInTheDocument();
        expect(within(row).getByText('张*')).toBeInTheDocument();
        expect(requests[0].url).toMatch(/^\/api\/appointments\?day=\d{4}-\d{2}-\d{2}$/);

        await userEvent.click(row);
        expect(await screen.findByText('办件页')).toBeInTheDocument();
    });
});
