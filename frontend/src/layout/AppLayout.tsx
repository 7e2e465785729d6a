import type { ReactNode } from 'react';
import { AppBar, Layout, LoadingIndicator, usePermissions } from 'react-admin';
import { NotificationBell } from '../notifications/NotificationBell';
import { hasPlatformRole } from '../auth/roles';
import { AppBarSearch } from '../search/AppBarSearch';
import type { Permissions } from '../types';

const Toolbar = () => {
    const { permissions } = usePermissions<Permissions>();
    return (
        <>
            {permissions && hasPlatformRole(permissions) && (
                <>
                    <AppBarSearch />
                    <NotificationBell />
                </>
            )}
            <LoadingIndicator />
        </>
    );
};

const OneThingAppBar = () => <AppBar toolbar={<Toolbar />} />;

/** react-admin's layout, with the search box and the notifications bell in the app bar. */
export const AppLayout = ({ children }: { children: ReactNode }) => <Layout appBar={OneThingAppBar}>{children}</Layout>;
