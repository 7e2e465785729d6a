/** Settings from Vite's env (VITE_*), with the defaults of a local development setup. */
export const config = {
    keycloakUrl: import.meta.env.VITE_KEYCLOAK_URL ?? 'http://localhost:8180',
    realm: import.meta.env.VITE_KEYCLOAK_REALM ?? 'onething',
    clientId: import.meta.env.VITE_KEYCLOAK_CLIENT_ID ?? 'onething-web',
    apiUrl: '/api',
};
