import {
    Button,
    Chip,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    List,
    ListItem,
    ListItemText,
} from '@mui/material';
import { useId } from 'react';
import { useTranslate } from 'react-admin';
import type { BulkAction, BulkResult } from '../types';

export interface BulkOutcome {
    action: BulkAction;
    results: BulkResult[];
    /** each task's 办件编号 · 事项, by id, as the list showed it before the action */
    labels: Record<string, string>;
}

/**
 * What became of each task of a bulk action: the failed ones first, each with the server's reason, then the ones
 * that went through.
 */
export const BulkResultDialog = ({ outcome, onClose }: { outcome: BulkOutcome; onClose: () => void }) => {
    const translate = useTranslate();
    const titleId = useId();
    const { action, results, labels } = outcome;
    const failed = results.filter(result => !result.ok);
    const ordered = [...failed, ...results.filter(result => result.ok)];
    return (
        <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={titleId}>
            <DialogTitle id={titleId}>{translate(`onething.task.bulk.result_title.${action}`)}</DialogTitle>
            <DialogContent>
                {translate('onething.task.bulk.summary', { ok: results.length - failed.length, failed: failed.length })}
                <List dense>
                    {ordered.map(result => (
                        <ListItem key={result.taskId} divider>
                            <ListItemText
                                primary={labels[result.taskId] ?? result.taskId}
                                secondary={result.ok ? null : result.detail}
                                slotProps={{ secondary: { color: 'error' } }}
                            />
                            <Chip
                                size="small"
                                color={result.ok ? 'success' : 'error'}
                                label={translate(result.ok ? 'onething.task.bulk.ok' : 'onething.task.bulk.failed')}
                            />
                        </ListItem>
                    ))}
                </List>
            </DialogContent>
            <DialogActions>
                <Button onClick={onClose}>{translate('ra.action.close')}</Button>
            </DialogActions>
        </Dialog>
    );
};
