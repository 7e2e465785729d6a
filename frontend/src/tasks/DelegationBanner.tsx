import { Alert, AlertTitle } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { TaskDetail } from '../types';

/**
 * 委派: 「本任务由 X 委派给 Y 办理」 while the colleague works it; 「Y 已办毕交回，请确认」 with Y's opinion once given
 * back. The names come from the case's log (the task only knows the delegator's username).
 */
export const DelegationBanner = ({ task }: { task: TaskDetail }) => {
    const translate = useTranslate();
    if (!task.delegation) return null;
    const latest = (type: string) =>
        task.case.timeline
            .filter(entry => entry.type === type && entry.itemCode === task.itemCode)
            .sort((a, b) => a.at.localeCompare(b.at))
            .at(-1);
    if (task.delegation === 'PENDING') {
        return (
            <Alert severity="info" sx={{ mx: 2, mb: 1 }}>
                {translate('onething.task.delegated_banner', {
                    owner: latest('TASK_DELEGATED')?.actor ?? task.owner,
                    assignee: task.assigneeName ?? task.assignee,
                })}
            </Alert>
        );
    }
    const resolved = latest('TASK_RESOLVED');
    return (
        <Alert severity="warning" sx={{ mx: 2, mb: 1 }}>
            <AlertTitle>
                {translate('onething.task.resolved_banner', {
                    assignee: resolved?.actor ?? translate('onething.task.delegatee'),
                })}
            </AlertTitle>
            {resolved?.message}
        </Alert>
    );
};
