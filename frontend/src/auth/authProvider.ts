import { jwtDecode } from 'jwt-decode';
import type { User, UserManager } from 'oidc-client-ts';
import type { AuthProvider } from 'react-admin';
import type { Permissions } from '../types';

export type OidcClient = Pick<
    UserManager,
    'getUser' | 'removeUser' | 'signinRedirect' | 'signinRedirectCallback' | 'signoutRedirect'
>;

interface KeycloakClaims {
    realm_access?: { roles?: string[] };
    groups?: string[];
}

/** Where to go back after Keycloak's login page, carried through the OIDC state. */
interface LoginState {
    returnTo?: string;
}

/** The roles and departments of a user: realm roles, and the Keycloak groups (one per department). */
export const permissionsOf = (user: User): Permissions => {
    // Keycloak puts realm roles (and here the groups) in the access token, not always in the ID token
    const claims: KeycloakClaims = {
        ...(user.profile as KeycloakClaims),
        ...jwtDecode<KeycloakClaims>(user.access_token),
    };
    return {
        roles: claims.realm_access?.roles ?? [],
        ...(claims.groups && { departments: claims.groups }),
    };
};

/**
 * react-admin's authProvider on top of an OIDC client (oidc-client-ts' UserManager):
 * login redirects to Keycloak, react-admin's /auth-callback route completes the code flow,
 * logout ends the Keycloak session. A 401 from the API forgets the tokens and asks to log in again;
 * a 403 stays logged in (the page shows the error).
 */
export const createAuthProvider = (oidc: OidcClient): AuthProvider => {
    const validUser = async () => {
        const user = await oidc.getUser();
        return user && !user.expired ? user : null;
    };

    return {
        login: ({ returnTo }: LoginState = {}) =>
            oidc.signinRedirect({ state: { returnTo } satisfies LoginState }),

        handleCallback: async () => {
            const user = await oidc.signinRedirectCallback();
            return { redirectTo: (user.state as LoginState | undefined)?.returnTo ?? '/' };
        },

        checkAuth: async () => {
            const user = await oidc.getUser();
            if (user && !user.expired) return;
            await oidc.removeUser();
            // a first visit just shows the login page; an expired session says so
            throw { message: user ? 'onething.auth.session_expired' : false };
        },

        checkError: async error => {
            if (error?.status === 401) {
                await oidc.removeUser();
                throw { message: 'onething.auth.session_expired', redirectTo: '/login' };
            }
        },

        logout: async () => {
            if (!(await oidc.getUser())) return;
            await oidc.signoutRedirect(); // leaves for Keycloak's end-session endpoint
            return false;
        },

        getIdentity: async () => {
            const user = await validUser();
            if (!user) throw new Error('ra.auth.auth_check_error');
            const { sub, name, preferred_username } = user.profile;
            return { id: sub, fullName: name ?? preferred_username };
        },

        getPermissions: async () => {
            const user = await validUser();
            return user ? permissionsOf(user) : { roles: [] };
        },
    };
};
