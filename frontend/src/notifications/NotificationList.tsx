import DoneAllIcon from '@mui/icons-material/DoneAll';
import DoneIcon from '@mui/icons-material/Done';
import { Chip, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import type { MouseEvent, ReactNode } from 'react';
import {
    Button,
    Datagrid,
    DateField,
    FunctionField,
    type Identifier,
    Link,
    List,
    ListContextProvider,
    TextField,
    type RaRecord,
    SimpleList,
    TopToolbar,
    useListContext,
    useNotify,
    usePermissions,
    useRecordContext,
    useRefresh,
    useTranslate,
} from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import { useNotifyError } from '../errors';
import type { AppNotification, Permissions } from '../types';
import { useListPerPage, useSimpleLayout } from '../layout/elderMode';
import { FlagFilter } from '../layout/FlagFilter';

/**
 * Where a notification leads: to its site inspection when it names one; an officer to the task; anybody else (or
 * a task gone) to the case, whose page lists its inspections and licences too.
 */
export const notificationTarget = (notification: AppNotification, roles: string[]) =>
    notification.inspectionId
        ? `/inspections/${encodeURIComponent(notification.inspectionId)}/show`
        : notification.taskId && roles.includes('officer')
          ? `/tasks/${encodeURIComponent(notification.taskId)}/show`
          : `/cases/${encodeURIComponent(notification.caseId)}/show`;

const useMarkRead = () => {
    const dataProvider = useOneThingDataProvider();
    const refresh = useRefresh();
    const notifyError = useNotifyError();
    // refresh() invalidates every query: the list and the bell's count
    return useMutation({
        mutationFn: (notification: AppNotification) => dataProvider.markNotificationRead(notification.id),
        onSuccess: () => refresh(),
        onError: notifyError,
    });
};

const MarkAllReadButton = () => {
    const dataProvider = useOneThingDataProvider();
    const notify = useNotify();
    const notifyError = useNotifyError();
    const refresh = useRefresh();
    const { mutate, isPending } = useMutation({
        mutationFn: () => dataProvider.markAllNotificationsRead(),
        onSuccess: () => notify('onething.notification.all_marked', { type: 'success' }),
        onError: notifyError,
        onSettled: () => refresh(),
    });
    return (
        <Button label="onething.notification.mark_all_read" onClick={() => mutate()} disabled={isPending}>
            <DoneAllIcon />
        </Button>
    );
};

const MarkReadButton = () => {
    const notification = useRecordContext<AppNotification>();
    const { mutate, isPending } = useMarkRead();
    if (!notification || notification.readAt) return null;
    return (
        <Button
            label="onething.notification.mark_read"
            disabled={isPending}
            sx={{ whiteSpace: 'nowrap' }}
            onClick={event => {
                event.stopPropagation(); // not the row's click
                mutate(notification);
            }}
        >
            <DoneIcon />
        </Button>
    );
};

/** 办理 (the task), 查看踏勘 (the inspection) or 查看办件 (the case); following it marks the notification read. */
const OpenLink = ({ roles }: { roles: string[] }) => {
    const notification = useRecordContext<AppNotification>();
    const translate = useTranslate();
    const { mutate } = useMarkRead();
    if (!notification) return null;
    const label = notification.inspectionId
        ? 'onething.notification.open_inspection'
        : notification.taskId && roles.includes('officer')
          ? 'onething.notification.open_task'
          : 'onething.notification.open_case';
    return (
        <Link
            to={notificationTarget(notification, roles)}
            onClick={(event: MouseEvent) => {
                event.stopPropagation(); // not the row's click as well
                if (!notification.readAt) mutate(notification);
            }}
            sx={{ whiteSpace: 'nowrap' }}
        >
            {translate(label)}
        </Link>
    );
};

/** 全部 / 未读. */
const UnreadFilter = () => (
    <FlagFilter
        flag="unread"
        label="onething.notification.show"
        off="onething.notification.all"
        on="onething.notification.unread"
    />
);

/** The page's notifications, unread first (each group in the server's order). */
const UnreadFirst = ({ children }: { children: ReactNode }) => {
    const context = useListContext<AppNotification>();
    const data = context.data && [
        ...context.data.filter(notification => !notification.readAt),
        ...context.data.filter(notification => notification.readAt),
    ];
    return <ListContextProvider value={{ ...context, data } as typeof context}>{children}</ListContextProvider>;
};

const KIND_COLORS = {
    WARNING: 'warning',
    ESCALATION: 'error',
    INSPECTION: 'primary',
    RECTIFICATION: 'info',
    LICENCE: 'success',
    TASK: 'secondary',
    CASE: 'primary',
    APPOINTMENT: 'info',
} as const;

const KindChip = ({ notification }: { notification: AppNotification }) => {
    const translate = useTranslate();
    return (
        <Chip
            size="small"
            variant="outlined"
            color={KIND_COLORS[notification.kind]}
            label={translate(`onething.notification.kind.${notification.kind}`)}
        />
    );
};

const Unread = ({ children }: { children: ReactNode }) => {
    const notification = useRecordContext<AppNotification>();
    return (
        <Typography variant="body2" component="span" sx={{ fontWeight: notification?.readAt ? 'normal' : 'bold' }}>
            {children}
        </Typography>
    );
};

const Empty = () => {
    const translate = useTranslate();
    const { filterValues } = useListContext();
    return (
        <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
            {translate(filterValues.unread ? 'onething.notification.empty_unread' : 'onething.notification.empty')}
        </Typography>
    );
};

/**
 * 消息通知: deadline warnings and escalations, unread first; open one (it is marked read) to go to its task
 * or case, mark one or all read.
 */
export const NotificationList = () => {
    const translate = useTranslate();
    const { permissions } = usePermissions<Permissions>();
    const roles = permissions?.roles ?? [];
    const { mutate: markRead } = useMarkRead();
    const simple = useSimpleLayout();
    const open = (_: Identifier, __: string, record: RaRecord) => {
        const notification = record as AppNotification;
        if (!notification.readAt) markRead(notification);
        return notificationTarget(notification, roles);
    };
    return (
        <List
            exporter={false}
            perPage={useListPerPage()}
            actions={
                <TopToolbar>
                    <MarkAllReadButton />
                </TopToolbar>
            }
            empty={false}
        >
            <UnreadFilter />
            <UnreadFirst>
                {simple ? (
                    <SimpleList<AppNotification>
                        rowClick={open}
                        empty={<Empty />}
                        primaryText={notification => <Unread>{notification.message}</Unread>}
                        secondaryText={notification => (
                            <>
                                {translate(
                                    notification.readAt ? 'onething.notification.read' : 'onething.notification.unread',
                                )}
                                {' · '}
                                {translate(`onething.notification.kind.${notification.kind}`)}
                                {' · '}
                                {new Date(notification.createdAt).toLocaleString('zh-CN')}
                            </>
                        )}
                    />
                ) : (
                    <Datagrid bulkActionButtons={false} rowClick={open} empty={<Empty />}>
                        <FunctionField<AppNotification>
                            source="readAt"
                            sortable={false}
                            render={notification =>
                                notification.readAt ? (
                                    <Typography variant="body2" color="text.secondary">
                                        {translate('onething.notification.read')}
                                    </Typography>
                                ) : (
                                    <Chip size="small" color="primary" label={translate('onething.notification.unread')} />
                                )
                            }
                        />
                        <FunctionField<AppNotification>
                            source="kind"
                            sortable={false}
                            render={notification => <KindChip notification={notification} />}
                        />
                        <FunctionField<AppNotification>
                            source="message"
                            sortable={false}
                            render={notification => <Unread>{notification.message}</Unread>}
                        />
                        <TextField source="caseNumber" sortable={false} />
                        <DateField source="createdAt" showTime sortable={false} />
                        <OpenLink roles={roles} />
                        <MarkReadButton />
                    </Datagrid>
                )}
            </UnreadFirst>
        </List>
    );
};
