import { Admin, CustomRoutes } from 'react-admin';
import { BrowserRouter, Route } from 'react-router-dom';
import { createAuthProvider } from './auth/authProvider';
import { LoginPage } from './auth/LoginPage';
import { getAccessToken, userManager } from './auth/userManager';
import { config } from './config';
import { createDataProvider } from './dataProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { AppLayout } from './layout/AppLayout';
import { ElderModeProvider, useElderMode } from './layout/elderMode';
import { elderTheme, normalTheme } from './layout/themes';
import { LicenceVerify } from './licences/LicenceVerify';
import { resourcesFor } from './resources';
import type { Permissions } from './types';

const authProvider = createAuthProvider(userManager);
const dataProvider = createDataProvider(getAccessToken, config.apiUrl);

const OneThingAdmin = () => {
    const { elder } = useElderMode();
    return (
        <Admin
            title="onething.title"
            theme={elder ? elderTheme : normalTheme}
            authProvider={authProvider}
            dataProvider={dataProvider}
            i18nProvider={i18nProvider}
            loginPage={LoginPage}
            layout={AppLayout}
            requireAuth
            disableTelemetry
        >
            {/* the licence's QR code opens this page for anybody: no layout, no login (react-admin renders
                custom routes without layout whatever the auth status) */}
            <CustomRoutes noLayout>
                <Route path="/verify/:number" element={<LicenceVerify />} />
            </CustomRoutes>
            {(permissions: Permissions) => resourcesFor(permissions)}
        </Admin>
    );
};

// a browser router (not react-admin's default hash router): Keycloak redirects back to /auth-callback
export const App = () => (
    <BrowserRouter>
        <ElderModeProvider>
            <OneThingAdmin />
        </ElderModeProvider>
    </BrowserRouter>
);
