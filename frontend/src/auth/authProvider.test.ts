import { User } from 'oidc-client-ts';
import { describe, expect, it, vi } from 'vitest';
import { createAuthProvider, type OidcClient } from './authProvider';

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: object) => `${base64url({ alg: 'RS256', typ: 'JWT' })}.${base64url(claims)}.signature`;

const user = ({
    profile = {},
    accessClaims = {},
    expiresIn = 300,
}: {
    profile?: Record<string, unknown>;
    accessClaims?: Record<string, unknown>;
    expiresIn?: number;
}) =>
    new User({
        access_token: jwt(accessClaims),
        id_token: 'id-token',
        token_type: 'Bearer',
        profile: { sub: 'u-1', iss: 'http://localhost:8180/realms/onething', aud: 'onething-web', exp: 0, iat: 0, ...profile },
        expires_at: Math.floor(Date.now() / 1000) + expiresIn,
    });

const oidc = (current: User | null) => {
    const client = {
        getUser: vi.fn(async () => current),
        removeUser: vi.fn(async () => undefined),
        signinRedirect: vi.fn(async () => undefined),
        signinRedirectCallback: vi.fn(async () => current as User),
        signoutRedirect: vi.fn(async () => undefined),
    };
    return { client, provider: createAuthProvider(client as unknown as OidcClient) };
};

describe('authProvider', () => {
    it('maps realm roles and groups of the access token to roles and departments', async () => {
        const { provider } = oidc(
            user({ accessClaims: { realm_access: { roles: ['officer', 'offline_access'] }, groups: ['police'] } })
        );

        expect(await provider.getPermissions!({})).toEqual({ roles: ['officer', 'offline_access'], departments: ['police'] });
    });

    it('leaves departments out when the token has no groups claim', async () => {
        const { provider } = oidc(user({ accessClaims: { realm_access: { roles: ['citizen'] } } }));

        const permissions = await provider.getPermissions!({});

        expect(permissions).toEqual({ roles: ['citizen'] });
        expect(permissions).not.toHaveProperty('departments');
    });

    it('has no roles without a valid login', async () => {
        expect(await oidc(null).provider.getPermissions!({})).toEqual({ roles: [] });
    });

    it('names the user by the name claim, else preferred_username', async () => {
        const named = oidc(user({ profile: { name: '张三', preferred_username: 'citizen1' } })).provider;
        const unnamed = oidc(user({ profile: { preferred_username: 'officer-police' } })).provider;

        expect(await named.getIdentity!()).toEqual({ id: 'u-1', fullName: '张三' });
        expect(await unnamed.getIdentity!()).toEqual({ id: 'u-1', fullName: 'officer-police' });
    });

    it('redirects to Keycloak to log in, carrying where to come back to', async () => {
        const { client, provider } = oidc(null);

        await provider.login({ returnTo: '/cases/7/show' });

        expect(client.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: '/cases/7/show' } });
    });

    it('completes the login on /auth-callback and goes back where the user was', async () => {
        const current = user({});
        Object.assign(current, { state: { returnTo: '/tasks' } });
        const { client, provider } = oidc(current);

        expect(await provider.handleCallback!()).toEqual({ redirectTo: '/tasks' });
        expect(client.signinRedirectCallback).toHaveBeenCalled();
    });

    it('accepts a valid login and forgets an expired one', async () => {
        await expect(oidc(user({})).provider.checkAuth({})).resolves.toBeUndefined();

        const expired = oidc(user({ expiresIn: -10 }));
        await expect(expired.provider.checkAuth({})).rejects.toEqual({ message: 'onething.auth.session_expired' });
        expect(expired.client.removeUser).toHaveBeenCalled();

        await expect(oidc(null).provider.checkAuth({})).rejects.toEqual({ message: false });
    });

    it('asks to log in again on 401 but stays logged in on 403', async () => {
        const { client, provider } = oidc(user({}));

        await expect(provider.checkError({ status: 401 })).rejects.toMatchObject({ redirectTo: '/login' });
        expect(client.removeUser).toHaveBeenCalled();

        await expect(provider.checkError({ status: 403 })).resolves.toBeUndefined();
    });

    it('ends the Keycloak session on logout, and only when logged in', async () => {
        const loggedIn = oidc(user({}));
        expect(await loggedIn.provider.logout({})).toBe(false);
        expect(loggedIn.client.signoutRedirect).toHaveBeenCalled();

        const loggedOut = oidc(null);
        expect(await loggedOut.provider.logout({})).toBeUndefined();
        expect(loggedOut.client.signoutRedirect).not.toHaveBeenCalled();
    });
});
