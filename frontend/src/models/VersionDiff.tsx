import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import { Alert, Box, Grid, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, type HttpError, useTranslate } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import { useNotifyError } from '../errors';
import type { ModelDiff, ModelElement, ModelVersion } from '../types';
import { defaultPair, type Pair, VersionPair } from './VersionPair';

const elementText = ({ id, kind, name }: ModelElement) => `${name ? `${name}（${id}）` : id} · ${kind}`;

/** One of 新增 / 删除 / 修改: the elements, with each change line for a changed one. */
const DiffList = ({ title, elements }: { title: string; elements: (ModelElement & { changes?: string[] })[] }) => {
    const translate = useTranslate();
    return (
        <Box component="section" aria-label={title}>
            <Typography variant="subtitle1" component="h3">
                {title}（{elements.length}）
            </Typography>
            {elements.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                    {translate('onething.model.diff.none')}
                </Typography>
            ) : (
                <List dense disablePadding>
                    {elements.map(element => (
                        <ListItem key={element.id} disableGutters sx={{ display: 'block' }}>
                            <ListItemText primary={elementText(element)} />
                            {element.changes && (
                                <Box component="ul" sx={{ m: 0, pl: 3, typography: 'body2', color: 'text.secondary' }}>
                                    {element.changes.map(change => (
                                        <li key={change}>{change}</li>
                                    ))}
                                </Box>
                            )}
                        </ListItem>
                    ))}
                </List>
            )}
        </Box>
    );
};

/** A diff as three lists side by side: 新增, 删除, 修改. */
export const DiffView = ({ diff }: { diff: ModelDiff }) => {
    const translate = useTranslate();
    if (diff.added.length + diff.removed.length + diff.changed.length === 0) {
        return <Alert severity="info">{translate('onething.model.diff.same')}</Alert>;
    }
    return (
        <Grid container spacing={2}>
            <Grid size={{ xs: 12, md: 4 }}>
                <DiffList title={translate('onething.model.diff.added')} elements={diff.added} />
            </Grid>
            <Grid size={{ xs: 12, md: 4 }}>
                <DiffList title={translate('onething.model.diff.removed')} elements={diff.removed} />
            </Grid>
            <Grid size={{ xs: 12, md: 4 }}>
                <DiffList title={translate('onething.model.diff.changed')} elements={diff.changed} />
            </Grid>
        </Grid>
    );
};

/** 版本对比: pick two versions of the process, 对比 shows what changed from the first to the second. */
export const VersionDiff = ({ modelKey, versions }: { modelKey: string; versions: ModelVersion[] }) => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const notifyError = useNotifyError();
    const [pair, setPair] = useState<Pair>(() => defaultPair(versions));
    const { mutate, data, isPending, reset } = useMutation<ModelDiff, HttpError, Pair>({
        mutationFn: ({ from, to }) => dataProvider.modelDiff(modelKey, from, to),
        onError: notifyError,
    });
    return (
        <Box sx={{ px: 2 }}>
            <VersionPair
                versions={versions}
                value={pair}
                onChange={next => {
                    setPair(next);
                    reset();
                }}
            >
                <Button
                    label="onething.model.diff.button"
                    variant="outlined"
                    disabled={isPending || pair.from === pair.to}
                    onClick={() => mutate(pair)}
                >
                    <CompareArrowsIcon />
                </Button>
            </VersionPair>
            {pair.from === pair.to && (
                <Typography variant="body2" color="text.secondary">
                    {translate('onething.model.diff.pick')}
                </Typography>
            )}
            {data && <DiffView diff={data} />}
        </Box>
    );
};
