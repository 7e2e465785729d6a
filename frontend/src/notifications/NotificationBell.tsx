import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, IconButton, Tooltip } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useTranslate } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { useOneThingDataProvider } from '../dataProvider';

export const UNREAD_COUNT_KEY = ['notifications', 'unread-count'];

/** How often the bell asks for the unread count while the page is in front. */
export const UNREAD_POLL_MS = 60_000;

/**
 * The app bar's bell: how many notifications are unread, asked every minute and on every navigation;
 * a link to the notifications page.
 */
export const NotificationBell = () => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const { pathname } = useLocation();
    const { data: count = 0, refetch } = useQuery({
        queryKey: UNREAD_COUNT_KEY,
        queryFn: () => dataProvider.unreadNotificationCount(),
        refetchInterval: UNREAD_POLL_MS,
        retry: false,
    });
    // on navigation: not on the first render (the query's own first fetch), nor twice for one page
    const lastPathname = useRef(pathname);
    useEffect(() => {
        if (lastPathname.current === pathname) return;
        lastPathname.current = pathname;
        refetch();
    }, [pathname, refetch]);

    const label = count
        ? translate('onething.notification.bell_unread', { count })
        : translate('onething.notification.bell');
    return (
        <Tooltip title={label}>
            <IconButton component={Link} to="/notifications" color="inherit" aria-label={label}>
                <Badge badgeContent={count} color="error" max={99}>
                    <NotificationsIcon />
                </Badge>
            </IconButton>
        </Tooltip>
    );
};
