import {
    Alert,
    Box,
    Button,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    Stack,
    Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useId, useState } from 'react';
import { Loading, useTranslate } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import type { ClickedElement } from './ModelCanvas';
import { WaitingCases } from './WaitingCases';

// bpmn-js comes with the diagram only
const ModelCanvas = lazy(() => import('./ModelCanvas'));

/** The XML of one version, shared by the viewer, the editor and a rollback (it never changes). */
export const versionXmlQuery = (
    dataProvider: ReturnType<typeof useOneThingDataProvider>,
    modelKey: string,
    version: number
) => ({
    queryKey: ['models', modelKey, 'versions', version, 'xml'],
    queryFn: () => dataProvider.modelVersion(modelKey, version),
    staleTime: Infinity,
});

/**
 * 查看: one version's diagram, read only (bpmn-js NavigatedViewer: move and zoom), with how its cases stand:
 * running, completed and overdue per element, and heat by the average time spent there; a click on an element
 * lists the cases waiting there.
 */
export const VersionDialog = ({
    modelKey,
    version,
    onClose,
}: {
    modelKey: string;
    version: number;
    onClose: () => void;
}) => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const titleId = useId();
    const [drawError, setDrawError] = useState(false);
    const [clicked, setClicked] = useState<ClickedElement | null>(null);
    const { data, error } = useQuery(versionXmlQuery(dataProvider, modelKey, version));
    // how the cases of this version stand now (a failure leaves the plain diagram)
    const { data: figures } = useQuery({
        queryKey: ['models', modelKey, 'versions', version, 'figures'],
        queryFn: () => dataProvider.modelFigures(modelKey, version),
    });
    const title = translate('onething.model.diagram', { version });
    return (
        <Dialog open onClose={onClose} fullWidth maxWidth="lg" aria-labelledby={titleId}>
            <DialogTitle id={titleId}>{title}</DialogTitle>
            <DialogContent>
                {error || drawError ? (
                    <Alert severity="error">{translate('onething.model.diagram_error')}</Alert>
                ) : !data ? (
                    <Loading />
                ) : (
                    <>
                        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                            {translate('onething.model.figures_legend')}
                        </Typography>
                        <Stack direction="row" spacing={2} sx={{ height: '70vh' }}>
                            <Box sx={{ flex: 1, minWidth: 0 }}>
                                <Suspense fallback={<Loading />}>
                                    <ModelCanvas
                                        xml={data.xml}
                                        figures={figures}
                                        label={title}
                                        onError={() => setDrawError(true)}
                                        onClickElement={setClicked}
                                    />
                                </Suspense>
                            </Box>
                            {clicked && (
                                <Box component="aside" sx={{ width: 280, overflow: 'auto' }}>
                                    <WaitingCases modelKey={modelKey} version={version} element={clicked} />
                                </Box>
                            )}
                        </Stack>
                    </>
                )}
            </DialogContent>
            <DialogActions>
                <Button onClick={onClose}>{translate('onething.model.close')}</Button>
            </DialogActions>
        </Dialog>
    );
};
