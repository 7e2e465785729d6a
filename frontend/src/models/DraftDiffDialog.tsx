import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Loading, useTranslate } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import { DiffView } from './DiffView';
import { useModelVersions } from './ModelShow';
import { VersionSelect } from './VersionPair';

/**
 * 与已部署版本对比: what the model being edited (`xml`, not deployed) changes from a deployed version — at first
 * the one the editor is based on, another one on choice — shown as 版本对比 shows two versions.
 */
export const DraftDiffDialog = ({
    modelKey,
    version,
    xml,
    onClose,
}: {
    modelKey: string;
    version: number;
    xml: string;
    onClose: () => void;
}) => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const titleId = useId();
    const { data: versions } = useModelVersions(modelKey);
    const [from, setFrom] = useState(version);
    const { data, error } = useQuery({
        queryKey: ['models', modelKey, 'draftDiff', from, xml],
        queryFn: () => dataProvider.modelDiffOfXml(modelKey, from, xml),
        // the edited model changes: an answer is for this dialog only
        gcTime: 0,
    });
    const title = translate('onething.model.editor.compare');
    return (
        <Dialog open onClose={onClose} fullWidth maxWidth="lg" aria-labelledby={titleId}>
            <DialogTitle id={titleId}>{title}</DialogTitle>
            <DialogContent>
                <Stack direction="row" spacing={2} alignItems="center" sx={{ my: 1 }}>
                    {versions ? (
                        <VersionSelect
                            versions={versions}
                            label={translate('onething.model.from')}
                            value={from}
                            onChange={setFrom}
                        />
                    ) : (
                        <Typography>{translate('onething.model.version', { version: from })}</Typography>
                    )}
                    <span aria-hidden>→</span>
                    <Typography>{translate('onething.model.editor.draft')}</Typography>
                </Stack>
                {error ? (
                    <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>
                ) : !data ? (
                    <Loading />
                ) : (
                    <DiffView diff={data} same="onething.model.editor.draft_same" />
                )}
            </DialogContent>
            <DialogActions>
                <Button onClick={onClose}>{translate('onething.model.close')}</Button>
            </DialogActions>
        </Dialog>
    );
};
