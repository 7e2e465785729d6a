import { type Theme, useMediaQuery } from '@mui/material';
import type { ReactNode } from 'react';
import { AppBar, Layout, LoadingIndicator, UserMenu, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { NotificationBell } from '../notifications/NotificationBell';
import { hasPlatformRole } from '../auth/roles';
import { AppBarSearch } from '../search/AppBarSearch';
import type { Permissions } from '../types';
import { ElderModeSwitch } from './ElderModeSwitch';

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
            <ElderModeSwitch account />
            <LoadingIndicator />
        </>
    );
};

/**
 * The user menu named after what it shows, so speech input and screen readers agree: the user's name where the
 * button shows it, 个人 where it is an icon (on a phone, as react-admin's UserMenu does).
 */
const OneThingUserMenu = () => {
    const translate = useTranslate();
    const { identity } = useGetIdentity();
    const showsName = useMediaQuery<Theme>(theme => theme.breakpoints.up('sm')) && identity?.fullName;
    return (
        <UserMenu label={showsName ? translate('onething.user_menu', { name: identity.fullName }) : 'ra.auth.user_menu'} />
    );
};

const OneThingAppBar = () => <AppBar toolbar={<Toolbar />} userMenu={<OneThingUserMenu />} />;

/** react-admin's layout, with the search box, the notifications bell and the 长者版 switch in the app bar. */
export const AppLayout = ({ children }: { children: ReactNode }) => <Layout appBar={OneThingAppBar}>{children}</Layout>;
