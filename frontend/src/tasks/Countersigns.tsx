import PersonRemoveIcon from '@mui/icons-material/PersonRemove';
import {
    Alert,
    Box,
    Chip,
    Paper,
    Stack,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Confirm, type HttpError, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import { useNotifyError } from '../errors';
import type { Countersign, CountersignSigner, CountersignStatus, SignerState, TaskDetail } from '../types';

const STATUS_COLOR: Record<CountersignStatus, 'info' | 'success' | 'error' | 'default'> = {
    OPEN: 'info',
    PASSED: 'success',
    REJECTED: 'error',
    CANCELLED: 'default',
};

const STATE_COLOR: Record<SignerState, 'default' | 'info' | 'success' | 'error'> = {
    WAITING: 'default',
    ACTIVE: 'info',
    AGREED: 'success',
    DISAGREED: 'error',
    REMOVED: 'default',
    SKIPPED: 'default',
};

const at = (time: string) => new Date(time).toLocaleString('zh-CN');

/** 前加签 / 后加签 / 会签（过半数同意）: how the countersign goes. */
export const useCountersignKind = () => {
    const translate = useTranslate();
    return ({ mode, rule }: Pick<Countersign, 'mode' | 'rule'>) =>
        translate(`onething.countersign.mode.${mode}`) +
        (rule ? translate('onething.countersign.with_rule', { rule: translate(`onething.countersign.rule.${rule}`) }) : '');
};

/** A signer who has not started may still be left out (减签): their turn has not come, or (会签) not signed yet. */
const removable = (countersign: Countersign, signer: CountersignSigner) =>
    countersign.status === 'OPEN' &&
    (signer.state === 'WAITING' || (countersign.mode === 'PARALLEL' && signer.state === 'ACTIVE'));

/** 减签, after asking. */
const RemoveSignerButton = ({
    task,
    countersign,
    signer,
}: {
    task: TaskDetail;
    countersign: Countersign;
    signer: CountersignSigner;
}) => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const notify = useNotify();
    const notifyError = useNotifyError();
    const refresh = useRefresh();
    const [confirming, setConfirming] = useState(false);
    const { mutate, isPending } = useMutation<void, HttpError>({
        mutationFn: () => dataProvider.removeSigner(task.id, countersign.id, signer.username),
        onSuccess: () => notify('onething.countersign.removed', { type: 'success' }),
        onError: notifyError,
        onSettled: () => refresh(),
    });
    return (
        <>
            <Button
                label="onething.countersign.remove"
                aria-label={translate('onething.countersign.remove_title', { name: signer.name })}
                disabled={isPending}
                onClick={() => setConfirming(true)}
            >
                <PersonRemoveIcon />
            </Button>
            <Confirm
                isOpen={confirming}
                title="onething.countersign.remove_title"
                titleTranslateOptions={{ name: signer.name }}
                content="onething.countersign.remove_content"
                contentTranslateOptions={{ name: signer.name }}
                onConfirm={() => {
                    setConfirming(false);
                    mutate();
                }}
                onClose={() => setConfirming(false)}
            />
        </>
    );
};

const CountersignCard = ({ task, countersign }: { task: TaskDetail; countersign: Countersign }) => {
    const translate = useTranslate();
    const kindOf = useCountersignKind();
    const mayRemove = task.actions.includes('removeSigner');
    const title = kindOf(countersign);
    return (
        <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2 }}>
            <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
                <Typography variant="subtitle1" component="h3">
                    {title}
                </Typography>
                <Chip
                    size="small"
                    color={STATUS_COLOR[countersign.status]}
                    label={translate(`onething.countersign.status.${countersign.status}`)}
                />
                <Typography variant="body2" color="text.secondary">
                    {translate('onething.countersign.requested', {
                        name: countersign.requestedByName,
                        at: at(countersign.requestedAt),
                    })}
                </Typography>
            </Stack>
            {countersign.note && <Typography variant="body2">{countersign.note}</Typography>}
            {countersign.pendingDecision && countersign.status === 'OPEN' && (
                <Alert severity="info" sx={{ mt: 1 }}>
                    {translate('onething.countersign.pending', {
                        decision: translate(`onething.task.${countersign.pendingDecision}`),
                    })}
                </Alert>
            )}
            <Table size="small" sx={{ mt: 1 }}>
                <TableHead>
                    <TableRow>
                        {countersign.mode !== 'PARALLEL' && (
                            <TableCell>{translate('onething.countersign.column.position')}</TableCell>
                        )}
                        <TableCell>{translate('onething.countersign.column.name')}</TableCell>
                        <TableCell>{translate('onething.countersign.column.state')}</TableCell>
                        <TableCell>{translate('onething.countersign.column.opinion')}</TableCell>
                        <TableCell>{translate('onething.countersign.column.signedAt')}</TableCell>
                        {mayRemove && <TableCell />}
                    </TableRow>
                </TableHead>
                <TableBody>
                    {countersign.signers.map(signer => (
                        <TableRow key={signer.username}>
                            {countersign.mode !== 'PARALLEL' && <TableCell>{signer.position}</TableCell>}
                            <TableCell>{signer.name}</TableCell>
                            <TableCell>
                                <Chip
                                    size="small"
                                    variant="outlined"
                                    color={STATE_COLOR[signer.state]}
                                    label={translate(`onething.countersign.state.${signer.state}`)}
                                />
                            </TableCell>
                            <TableCell>{signer.opinion ?? '—'}</TableCell>
                            <TableCell>{signer.signedAt ? at(signer.signedAt) : '—'}</TableCell>
                            {mayRemove && (
                                <TableCell>
                                    {removable(countersign, signer) && (
                                        <RemoveSignerButton task={task} countersign={countersign} signer={signer} />
                                    )}
                                </TableCell>
                            )}
                        </TableRow>
                    ))}
                </TableBody>
            </Table>
        </Paper>
    );
};

/** The task's 加签 / 会签, newest first: who signs, in which order, what each said; 减签 where it still may be. */
export const Countersigns = ({ task }: { task: TaskDetail }) => {
    const translate = useTranslate();
    if (!task.countersigns?.length) return null;
    return (
        <Box component="section" sx={{ mt: 2, px: 2 }}>
            <Typography variant="h6" component="h2">
                {translate('onething.countersign.title')}
            </Typography>
            <Stack spacing={1} sx={{ mt: 1 }}>
                {task.countersigns.map(countersign => (
                    <CountersignCard key={countersign.id} task={task} countersign={countersign} />
                ))}
            </Stack>
        </Box>
    );
};

/** On a signer's own task: who asks them to sign, and how the countersign goes. */
export const SignBanner = ({ task }: { task: TaskDetail }) => {
    const translate = useTranslate();
    const kindOf = useCountersignKind();
    if (!task.sign) return null;
    return (
        <Alert severity="info" sx={{ mx: 2, mb: 1 }}>
            {translate('onething.countersign.sign_banner', { name: task.sign.requestedByName, kind: kindOf(task.sign) })}
        </Alert>
    );
};
