import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert, Box, Card, CardContent, Chip, LinearProgress, Stack, Typography } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Confirm, type HttpError, Loading, Title, useNotify, useTranslate } from 'react-admin';
import { Fact } from '../cases/FactsRow';
import { useOneThingDataProvider } from '../dataProvider';
import { useNotifyError } from '../errors';
import type { SearchIndexStatus, SearchRebuild } from '../types';

/** How often the page asks for the status while the index is rebuilt. */
export const REBUILD_POLL_MS = 1000;

const when = (at: string | null) => (at ? new Date(at).toLocaleString('zh-CN') : '—');

/** The last rebuild: its progress while it runs, then 完成 or 失败 with the error. */
const RebuildProgress = ({ rebuild }: { rebuild: SearchRebuild }) => {
    const translate = useTranslate();
    const { running, done, total, finishedAt, error } = rebuild;
    if (running) {
        return (
            <Box sx={{ mt: 2 }}>
                <LinearProgress
                    variant="determinate"
                    value={total ? Math.min(100, (done / total) * 100) : 0}
                    aria-label={translate('onething.search_index.progress')}
                />
                <Typography variant="body2" sx={{ mt: 1 }}>
                    {translate('onething.search_index.running', { done, total })}
                </Typography>
            </Box>
        );
    }
    return error ? (
        <Alert severity="error" sx={{ mt: 2 }}>
            {translate('onething.search_index.failed', { error })}
        </Alert>
    ) : (
        <Alert severity="success" sx={{ mt: 2 }}>
            {translate('onething.search_index.done', { done, at: when(finishedAt) })}
        </Alert>
    );
};

/** Whether the index keeps up: 正常 or 异常, the changes waiting, when it last indexed, its last error. */
const IndexState = ({ status }: { status: SearchIndexStatus }) => {
    const translate = useTranslate();
    return (
        <Stack direction="row" useFlexGap flexWrap="wrap" columnGap={4} rowGap={2}>
            <Fact label="onething.search_index.healthy">
                <Chip
                    size="small"
                    color={status.healthy ? 'success' : 'error'}
                    label={translate(status.healthy ? 'onething.search_index.ok' : 'onething.search_index.failing')}
                />
            </Fact>
            <Fact label="onething.search_index.pending">{status.pending}</Fact>
            <Fact label="onething.search_index.indexed_at">{when(status.indexedAt)}</Fact>
            <Fact label="onething.search_index.last_error">
                {status.lastError
                    ? translate('onething.search_index.failing_since', {
                          error: status.lastError,
                          at: when(status.failingSince),
                      })
                    : translate('onething.search_index.none')}
            </Fact>
        </Stack>
    );
};

/**
 * 搜索索引 (administrators): whether the index keeps up with the database, and 重建索引 — after a confirmation —
 * with its progress, asked every second until it is done. A rebuild started elsewhere shows here too.
 */
export const SearchIndexPage = () => {
    const translate = useTranslate();
    const notify = useNotify();
    const notifyError = useNotifyError();
    const dataProvider = useOneThingDataProvider();
    const [confirming, setConfirming] = useState(false);
    const { data: status, error, refetch } = useQuery<SearchIndexStatus, HttpError>({
        queryKey: ['search', 'status'],
        queryFn: () => dataProvider.searchIndexStatus(),
        refetchInterval: query => (query.state.data?.rebuild.running ? REBUILD_POLL_MS : false),
        retry: false,
    });
    const { mutate, isPending } = useMutation<SearchRebuild, HttpError>({
        mutationFn: () => dataProvider.rebuildSearchIndex(),
        onSuccess: () => notify('onething.search_index.started', { type: 'info' }),
        // 409: a rebuild runs already; its progress shows either way
        onError: notifyError,
        onSettled: () => refetch(),
    });

    return (
        <Box sx={{ mt: 2 }}>
            <Title title="onething.search_index.title" />
            {error ? (
                <Alert severity="error">{translate('onething.search_index.load_error', { message: error.message })}</Alert>
            ) : !status ? (
                <Loading />
            ) : (
                <Card>
                    <CardContent>
                        <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
                            {translate('onething.search_index.state')}
                        </Typography>
                        <IndexState status={status} />
                        <Button
                            label="onething.search_index.rebuild"
                            variant="outlined"
                            disabled={isPending || status.rebuild.running}
                            onClick={() => setConfirming(true)}
                            sx={{ mt: 3 }}
                        >
                            <RefreshIcon />
                        </Button>
                        {status.rebuild.startedAt && <RebuildProgress rebuild={status.rebuild} />}
                    </CardContent>
                </Card>
            )}
            <Confirm
                isOpen={confirming}
                title="onething.search_index.confirm_title"
                content="onething.search_index.confirm_content"
                onConfirm={() => {
                    setConfirming(false);
                    mutate();
                }}
                onClose={() => setConfirming(false)}
            />
        </Box>
    );
};
