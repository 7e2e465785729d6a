import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Notification } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { fakeFetch } from '../test/fixtures';
import { authProviderWith, renderWithAdmin } from '../test/render';
import { ElderModeProvider, useElderMode } from './elderMode';
import { ElderModeSwitch } from './ElderModeSwitch';

const DEVICE_KEY = 'onething.elderMode';

const Mode = () => <p>{useElderMode().elder ? '当前：长者版' : '当前：常规版'}</p>;

const renderSwitch = (routes: Parameters<typeof fakeFetch>[0], account = true) => {
    const { fetch, requests } = fakeFetch(routes);
    vi.stubGlobal('fetch', fetch);
    renderWithAdmin(
        <ElderModeProvider>
            <ElderModeSwitch account={account} />
            <Mode />
            <Notification />
        </ElderModeProvider>,
        {
            dataProvider: createDataProvider(async () => 'token', '/api'),
            authProvider: authProviderWith(['citizen']),
        },
    );
    return requests;
};

const puts = (requests: { method: string; url: string; body?: unknown }[]) =>
    requests.filter(r => r.method === 'PUT' && r.url === '/api/me/preferences').map(r => r.body);

describe('the 长者版 switch', () => {
    afterEach(() => {
        vi.unstubAllGlobals();
        localStorage.clear();
    });

    it("takes the account's choice on a new device and saves each toggle with the account", async () => {
        const requests = renderSwitch({
            'GET /api/me/preferences': { body: { elderMode: true } },
            'PUT /api/me/preferences': { body: { elderMode: false } },
        });
        const button = await screen.findByRole('button', { name: '长者版', pressed: true });
        expect(screen.getByText('当前：长者版')).toBeTruthy();
        expect(localStorage.getItem(DEVICE_KEY)).toBe('true');

        await userEvent.click(button);
        expect(screen.getByRole('button', { name: '长者版', pressed: false })).toBeTruthy();
        await waitFor(() => expect(puts(requests)).toEqual([{ elderMode: false }]));
        expect(localStorage.getItem(DEVICE_KEY)).toBe('false');
    });

    it('adopts the choice made on this device before signing in when the account has none', async () => {
        localStorage.setItem(DEVICE_KEY, 'true');
        const requests = renderSwitch({
            'GET /api/me/preferences': { body: { elderMode: null } },
            'PUT /api/me/preferences': { body: { elderMode: true } },
        });
        await waitFor(() => expect(puts(requests)).toEqual([{ elderMode: true }]));
        expect(screen.getByRole('button', { name: '长者版', pressed: true })).toBeTruthy();
    });

    it('goes back and says so when the choice cannot be saved', async () => {
        renderSwitch({
            'GET /api/me/preferences': { body: { elderMode: false } },
            'PUT /api/me/preferences': { status: 503, body: { title: '暂时不可用', status: 503 } },
        });
        await userEvent.click(await screen.findByRole('button', { name: '长者版', pressed: false }));
        expect(await screen.findByText('长者版设置未能保存，请稍后再试')).toBeTruthy();
        expect(screen.getByRole('button', { name: '长者版', pressed: false })).toBeTruthy();
        expect(screen.getByText('当前：常规版')).toBeTruthy();
    });

    it('on the login page remembers the choice on the device only', async () => {
        const requests = renderSwitch({}, false);
        await userEvent.click(screen.getByRole('button', { name: '长者版', pressed: false }));
        expect(screen.getByText('当前：长者版')).toBeTruthy();
        expect(localStorage.getItem(DEVICE_KEY)).toBe('true');
        expect(requests).toEqual([]);
    });
});
