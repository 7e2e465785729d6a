import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import RocketLaunchIcon from '@mui/icons-material/RocketLaunch';
import { Alert, Box, Paper, Stack, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { Button, Link, Loading, Title, useTranslate } from 'react-admin';
import { useNavigate, useParams } from 'react-router-dom';
import { useOneThingDataProvider } from '../dataProvider';
import { useNotifyError } from '../errors';
import type { ModelProblem, ModelValidation } from '../types';
import { DeployDialog } from './DeployDialog';
import { DraftDiffDialog } from './DraftDiffDialog';
import { overdueIn, type SelectedElement } from './elementProperties';
import type { ModelCanvasHandle } from './ModelCanvas';
import { ProblemList } from './ProblemList';
import { TaskProperties } from './TaskProperties';
import { TimerProperties } from './TimerProperties';
import { versionXmlQuery } from './VersionDialog';

// the Modeler (bpmn-js, ~1.6 MB) is loaded with this page only
const ModelCanvas = lazy(() => import('./ModelCanvas'));

/**
 * The editor of a process (managers), on the XML of the version chosen: bpmn-js's Modeler, the properties of the
 * selected user task or timer event, 检查 (the server's validation: errors and warnings listed at the side and
 * outlined on their elements; a click on one shows its element), 与已部署版本对比 and 部署 (a new version, with its
 * comment and, when there are warnings, the reason to override them); deployed, back to the process's page.
 */
export const ModelEditor = () => {
    const { id: modelKey = '', version: versionParam } = useParams();
    const version = Number(versionParam);
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const notifyError = useNotifyError();
    const queryClient = useQueryClient();
    const navigate = useNavigate();
    const canvas = useRef<ModelCanvasHandle>(null);
    const { data, error } = useQuery(versionXmlQuery(dataProvider, modelKey, version));
    const [validation, setValidation] = useState<ModelValidation | null>(null);
    // the problems of a refused deployment, marked until the next 检查
    const [refused, setRefused] = useState<ModelProblem[]>([]);
    const [deploying, setDeploying] = useState<string | null>(null);
    const [checking, setChecking] = useState(false);
    const [drawError, setDrawError] = useState<string | null>(null);
    const [selected, setSelected] = useState<SelectedElement | null>(null);
    // the editor's XML compared with a deployed version
    const [comparing, setComparing] = useState<string | null>(null);
    const problems = useMemo(
        () => (validation ? [...validation.errors, ...validation.warnings] : refused),
        [validation, refused]
    );

    /** 检查 the model as it is now; gives what the server found (also listed and marked), or null if it failed. */
    const check = async () => {
        setChecking(true);
        try {
            const xml = await canvas.current!.saveXml();
            const found = await dataProvider.validateModel(xml);
            setRefused([]);
            setValidation(found);
            return { xml, found };
        } catch (failure) {
            notifyError(failure);
            return null;
        } finally {
            setChecking(false);
        }
    };

    if (error) {
        return <Alert severity="error">{translate('onething.model.load_error', { message: error.message })}</Alert>;
    }
    if (!data) return <Loading />;
    const name = data.version.name ?? modelKey;
    const processPage = `/models/${encodeURIComponent(modelKey)}/show`;
    return (
        <Box sx={{ mt: 1 }}>
            <Title title={translate('onething.model.editor.title', { name, version })} />
            <Stack direction="row" spacing={1} sx={{ mb: 1 }}>
                <Button label="onething.model.editor.back" component={Link} to={processPage}>
                    <ArrowBackIcon />
                </Button>
                <Button
                    label={checking ? 'onething.model.editor.checking' : 'onething.model.editor.check'}
                    variant="outlined"
                    disabled={checking}
                    onClick={check}
                >
                    <FactCheckIcon />
                </Button>
                <Button
                    label="onething.model.deploy.button"
                    variant="contained"
                    disabled={checking}
                    onClick={async () => {
                        // checked first: the dialog asks for the reason when there are warnings
                        const result = await check();
                        if (result) setDeploying(result.xml);
                    }}
                >
                    <RocketLaunchIcon />
                </Button>
                <Button
                    label="onething.model.editor.compare"
                    onClick={async () => setComparing(await canvas.current!.saveXml())}
                >
                    <CompareArrowsIcon />
                </Button>
            </Stack>
            {drawError && (
                <Alert severity="error" sx={{ mb: 1 }}>
                    {translate('onething.model.editor.loading_error', { message: drawError })}
                </Alert>
            )}
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ height: { md: 'calc(100vh - 180px)' } }}>
                <Box sx={{ flex: 1, minHeight: 480 }}>
                    <Suspense fallback={<Loading />}>
                        <ModelCanvas
                            ref={canvas}
                            xml={data.xml}
                            editable
                            problems={problems}
                            label={translate('onething.model.editor.canvas')}
                            onError={failure => setDrawError(failure.message)}
                            onSelect={setSelected}
                        />
                    </Suspense>
                </Box>
                <Paper
                    variant="outlined"
                    component="aside"
                    aria-label={translate('onething.model.editor.problems')}
                    sx={{ width: { md: 360 }, p: 1, overflow: 'auto' }}
                >
                    <Typography variant="subtitle1" component="h2">
                        {translate('onething.model.editor.problems')}
                    </Typography>
                    <ProblemList
                        validation={validation ?? (refused.length ? { errors: refused, warnings: [] } : null)}
                        onSelect={elementId => canvas.current?.focus(elementId)}
                    />
                    {selected?.type === 'userTask' && (
                        <TaskProperties
                            modelKey={modelKey}
                            task={selected}
                            onDepartment={groups => {
                                canvas.current?.setCandidateGroups(selected.id, groups);
                                setSelected({ ...selected, candidateGroups: groups });
                            }}
                            onProperty={(property, value) => {
                                canvas.current?.setTaskProperty(selected.id, property, value);
                                const { [property]: _, ...others } = selected.properties;
                                setSelected({
                                    ...selected,
                                    properties: value === null ? others : { ...others, [property]: value },
                                });
                            }}
                        />
                    )}
                    {selected?.type === 'timer' && (
                        <TimerProperties
                            key={selected.id}
                            timer={selected}
                            onDays={days => {
                                canvas.current?.setTimerDays(selected.id, days);
                                setSelected({ ...selected, expression: overdueIn(days) });
                            }}
                        />
                    )}
                </Paper>
            </Stack>
            {comparing !== null && (
                <DraftDiffDialog
                    modelKey={modelKey}
                    version={version}
                    xml={comparing}
                    onClose={() => setComparing(null)}
                />
            )}
            {deploying !== null && (
                <DeployDialog
                    modelKey={modelKey}
                    title={translate('onething.model.deploy.title', { name })}
                    xml={deploying}
                    warnings={validation?.warnings.length ?? 0}
                    onClose={() => setDeploying(null)}
                    onModelProblems={found => {
                        setValidation(null);
                        setRefused(found);
                    }}
                    onDeployed={() => {
                        queryClient.invalidateQueries({ queryKey: ['models'] });
                        navigate(processPage);
                    }}
                />
            )}
        </Box>
    );
};
