import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import { Box, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, type HttpError, useTranslate } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import { useNotifyError } from '../errors';
import type { ModelDiff, ModelVersion } from '../types';
import { DiffView } from './DiffView';
import { defaultPair, type Pair, VersionPair } from './VersionPair';

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
