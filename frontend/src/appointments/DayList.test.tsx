import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ResourceContextProvider } from 'react-admin';
import { createDataProvider } from '../dataProvider';
import { bookedAppointment, fakeFetch } from '../test/fixtures';
import { authProviderWith, renderWithAdmin } from '../test/render';
import type { DayListEntry } from '../types';
import { DayList } from './DayList';

const entry: DayListEntry = {
    id: 7,
    caseNumber: 'BIRTH-20261209-ABC123',
    applicantName: '张*',
    appointment: bookedAppointment({ id: 7, halfDay: 'AM', time: '上午 09:00–12:00' }),
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
        expect(screen.queryByRole('button', { name: '添加筛选条件' })).not.toBeInTheDocument();

        await userEvent.click(row);
        expect(await screen.findByText('办件页')).toBeInTheDocument();
    });
});
