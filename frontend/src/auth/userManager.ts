import { UserManager } from 'oidc-client-ts';
import { config } from '../config';

/**
 * OIDC client of the Keycloak realm: authorization code flow with PKCE (S256, oidc-client-ts' default),
 * tokens kept in sessionStorage and renewed with the refresh token before they expire.
 */
export const userManager = new UserManager({
    authority: `${config.keycloakUrl}/realms/${config.realm}`,
    client_id: config.clientId,
    redirect_uri: `${window.location.origin}/auth-callback`,
    post_logout_redirect_uri: `${window.location.origin}/`,
    scope: 'openid profile',
    automaticSilentRenew: true,
});

export const getAccessToken = async () => (await userManager.getUser())?.access_token;
