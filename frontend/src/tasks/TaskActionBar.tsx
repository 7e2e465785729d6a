import DrawIcon from '@mui/icons-material/Draw';
import ForwardToInboxIcon from '@mui/icons-material/ForwardToInbox';
import GroupsIcon from '@mui/icons-material/Groups';
import GroupAddIcon from '@mui/icons-material/GroupAdd';
import PersonRemoveIcon from '@mui/icons-material/PersonRemove';
import ReplyIcon from '@mui/icons-material/Reply';
import ShareIcon from '@mui/icons-material/Share';
import SupervisorAccountIcon from '@mui/icons-material/SupervisorAccount';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { Stack } from '@mui/material';
import { type ComponentType, type ReactElement, useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import { ActionButton } from '../form/ActionButton';
import type { TaskDetail } from '../types';
import { ClaimButton } from './ClaimButton';
import {
    AssignDialog,
    CcDialog,
    CountersignDialog,
    DelegateDialog,
    type DialogAction,
    ResolveDialog,
    ReturnDialog,
    SignDialog,
    type TaskDialogProps,
    TransferDialog,
} from './TaskActionDialogs';

/** Each action that asks first, in the order of the bar, with its icon and dialog. */
const DIALOGS: { action: DialogAction; icon: ReactElement; Dialog: ComponentType<TaskDialogProps> }[] = [
    { action: 'sign', icon: <DrawIcon />, Dialog: SignDialog },
    { action: 'resolve', icon: <TaskAltIcon />, Dialog: ResolveDialog },
    { action: 'assign', icon: <GroupAddIcon />, Dialog: AssignDialog },
    { action: 'transfer', icon: <ForwardToInboxIcon />, Dialog: TransferDialog },
    { action: 'delegate', icon: <SupervisorAccountIcon />, Dialog: DelegateDialog },
    { action: 'countersign', icon: <GroupsIcon />, Dialog: CountersignDialog },
    { action: 'return', icon: <ReplyIcon />, Dialog: ReturnDialog },
    { action: 'cc', icon: <ShareIcon />, Dialog: CcDialog },
];

/**
 * What the user may do with the task now, as the server says (`actions`): 认领 and 放弃认领 at once, the others
 * (签署意见, 分配, 转办, 委派, 委派办毕交回, 加签 / 会签, 退回, 抄送) in their dialog. The decision (通过 …) is the page's own section.
 */
export const TaskActionBar = ({ task }: { task: TaskDetail }) => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const [open, setOpen] = useState<DialogAction | null>(null);
    const OpenDialog = DIALOGS.find(({ action }) => action === open)?.Dialog;
    return (
        <Stack
            direction="row"
            spacing={1}
            useFlexGap
            flexWrap="wrap"
            role="toolbar"
            aria-label={translate('onething.task.actions')}
            sx={{ px: 2 }}
        >
            {task.actions.includes('claim') && <ClaimButton />}
            {task.actions.includes('unclaim') && (
                <ActionButton
                    label="onething.task.action.unclaim.label"
                    icon={<PersonRemoveIcon />}
                    run={() => dataProvider.taskAction(task.id, 'unclaim', {})}
                    done="onething.task.action.unclaim.done"
                />
            )}
            {DIALOGS.filter(({ action }) => task.actions.includes(action)).map(({ action, icon }) => (
                <Button key={action} label={`onething.task.action.${action}.label`} onClick={() => setOpen(action)}>
                    {icon}
                </Button>
            ))}
            {OpenDialog && <OpenDialog task={task} onClose={() => setOpen(null)} />}
        </Stack>
    );
};
