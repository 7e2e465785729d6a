import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { AdminContext, type AuthProvider, type DataProvider } from 'react-admin';
import { MemoryRouter } from 'react-router-dom';
import { i18nProvider } from '../i18n/i18nProvider';

/** A logged-in user with these realm roles (and these departments: Keycloak groups). */
export const authProviderWith = (roles: string[], departments?: string[]): AuthProvider => ({
    login: async () => undefined,
    logout: async () => undefined,
    checkAuth: async () => undefined,
    checkError: async () => undefined,
    getPermissions: async () => ({ roles, ...(departments && { departments }) }),
});

/** Renders `ui` in react-admin's contexts with the Chinese messages, at `path`. */
export const renderWithAdmin = (
    ui: ReactNode,
    {
        dataProvider,
        authProvider,
        path = '/',
    }: { dataProvider?: DataProvider; authProvider?: AuthProvider; path?: string } = {},
) =>
    render(
        <MemoryRouter initialEntries={[path]}>
            <AdminContext dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider}>
                {ui}
            </AdminContext>
        </MemoryRouter>,
    );
