import MoveUpIcon from '@mui/icons-material/MoveUp';
import PreviewIcon from '@mui/icons-material/Preview';
import {
    Alert,
    Box,
    Checkbox,
    LinearProgress,
    Table,
    TableBody,
    TableCell,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, type HttpError, useTranslate } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import { useNotifyError } from '../errors';
import { CodeChip } from '../layout/CodeChip';
import type { MigrationCandidate, MigrationOutcome, MigrationPreview, ModelVersion } from '../types';
import { CaseLink, caseLabel } from './CaseLink';
import { chunked } from './modelProblems';
import { defaultPair, type Pair, VersionPair } from './VersionPair';

/** The server takes up to 200 cases a request; 50 keeps each request short and the progress bar moving. */
export const MIGRATION_CHUNK = 50;

const MIGRATABLE_COLORS = { yes: 'success', no: 'default' } as const;
const RESULT_COLORS = { migrated: 'success', not_migrated: 'error' } as const;

/**
 * Where a case waits now (each activity), or where it would wait after the migration with what the migration
 * does to that open task or wait.
 */
const Waiting = ({ candidate, target }: { candidate: MigrationCandidate; target: boolean }) => {
    const translate = useTranslate();
    return (
        <>
            {candidate.waitingAt.map(waiting => (
                <div key={waiting.activityId}>
                    {target
                        ? waiting.targetActivityId
                            ? (waiting.targetName ?? waiting.targetActivityId)
                            : translate('onething.model.migration.nowhere')
                        : (waiting.activityName ?? waiting.activityId)}
                    {target && waiting.effect && (
                        <Typography variant="caption" component="div" color="text.secondary">
                            {waiting.effect}
                        </Typography>
                    )}
                </div>
            ))}
        </>
    );
};

/** The preview: each running case of the source version, whether it can move and where; the movable selectable. */
const PreviewTable = ({
    instances,
    selected,
    onChange,
}: {
    instances: MigrationCandidate[];
    selected: Set<string>;
    onChange: (selected: Set<string>) => void;
}) => {
    const translate = useTranslate();
    const movable = instances.filter(candidate => candidate.migratable).map(candidate => candidate.processInstanceId);
    const toggle = (id: string) => {
        const next = new Set(selected);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        onChange(next);
    };
    return (
        <Table size="small" aria-label={translate('onething.model.migration.title')}>
            <TableHead>
                <TableRow>
                    <TableCell padding="checkbox">
                        <Checkbox
                            checked={movable.length > 0 && selected.size === movable.length}
                            indeterminate={selected.size > 0 && selected.size < movable.length}
                            disabled={movable.length === 0}
                            onChange={(_, checked) => onChange(new Set(checked ? movable : []))}
                            slotProps={{ input: { 'aria-label': translate('onething.model.migration.select_all') } }}
                        />
                    </TableCell>
                    <TableCell>{translate('onething.model.migration.case')}</TableCell>
                    <TableCell>{translate('onething.model.migration.waiting')}</TableCell>
                    <TableCell>{translate('onething.model.migration.target')}</TableCell>
                    <TableCell>{translate('onething.model.migration.migratable')}</TableCell>
                </TableRow>
            </TableHead>
            <TableBody>
                {instances.map(candidate => (
                    <TableRow key={candidate.processInstanceId}>
                        <TableCell padding="checkbox">
                            <Checkbox
                                checked={selected.has(candidate.processInstanceId)}
                                disabled={!candidate.migratable}
                                onChange={() => toggle(candidate.processInstanceId)}
                                slotProps={{
                                    input: {
                                        'aria-label': translate('onething.model.migration.select', {
                                            name: caseLabel(candidate),
                                        }),
                                    },
                                }}
                            />
                        </TableCell>
                        <TableCell>
                            <CaseLink instance={candidate} />
                        </TableCell>
                        <TableCell>
                            <Waiting candidate={candidate} target={false} />
                        </TableCell>
                        <TableCell>
                            <Waiting candidate={candidate} target />
                        </TableCell>
                        <TableCell>
                            <CodeChip
                                code={candidate.migratable ? 'yes' : 'no'}
                                colors={MIGRATABLE_COLORS}
                                messages="onething.model.migration.is"
                            />
                        </TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
};

/** 迁移结果: 已迁移 / 未迁移 with the reason, per case. */
export const OutcomeTable = ({ outcomes }: { outcomes: MigrationOutcome[] }) => {
    const translate = useTranslate();
    const migrated = outcomes.filter(outcome => outcome.migrated).length;
    return (
        <>
            <Typography variant="body2" role="status" sx={{ my: 1 }}>
                {translate('onething.model.migration.summary', { migrated, failed: outcomes.length - migrated })}
            </Typography>
            <Table size="small" aria-label={translate('onething.model.migration.results')}>
                <TableHead>
                    <TableRow>
                        <TableCell>{translate('onething.model.migration.case')}</TableCell>
                        <TableCell>{translate('onething.model.migration.result')}</TableCell>
                        <TableCell>{translate('onething.model.migration.reason')}</TableCell>
                    </TableRow>
                </TableHead>
                <TableBody>
                    {outcomes.map(outcome => (
                        <TableRow key={outcome.processInstanceId}>
                            <TableCell>
                                <CaseLink instance={outcome} />
                            </TableCell>
                            <TableCell>
                                <CodeChip
                                    code={outcome.migrated ? 'migrated' : 'not_migrated'}
                                    colors={RESULT_COLORS}
                                    messages="onething.model.migration"
                                />
                            </TableCell>
                            <TableCell>{outcome.reason ?? ''}</TableCell>
                        </TableRow>
                    ))}
                </TableBody>
            </Table>
        </>
    );
};

/**
 * 迁移在办件: choose 源版本 → 目标版本, 预览 which running cases can move and where each would then wait, select
 * (all movable ones at first) and migrate them, MIGRATION_CHUNK cases a request with a progress bar; then the
 * outcome of each case. A request that fails counts its cases as 未迁移 with the problem as reason.
 */
export const Migration = ({ modelKey, versions }: { modelKey: string; versions: ModelVersion[] }) => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const notifyError = useNotifyError();
    const queryClient = useQueryClient();
    const [pair, setPair] = useState<Pair>(() => defaultPair(versions));
    const [selected, setSelected] = useState<Set<string>>(new Set());
    const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
    const [outcomes, setOutcomes] = useState<MigrationOutcome[] | null>(null);

    const preview = useMutation<MigrationPreview, HttpError, Pair>({
        mutationFn: ({ from, to }) => dataProvider.migrationPreview(modelKey, from, to),
        onSuccess: result =>
            setSelected(new Set(result.instances.filter(c => c.migratable).map(c => c.processInstanceId))),
        onError: notifyError,
    });

    const migrate = async () => {
        const { from, to, instances } = preview.data!;
        const byId = new Map(instances.map(candidate => [candidate.processInstanceId, candidate]));
        // in the preview's order
        const ids = instances.map(c => c.processInstanceId).filter(id => selected.has(id));
        const results: MigrationOutcome[] = [];
        setOutcomes(null);
        setProgress({ done: 0, total: ids.length });
        for (const chunk of chunked(ids, MIGRATION_CHUNK)) {
            try {
                results.push(...(await dataProvider.migrate(modelKey, { from, to, processInstanceIds: chunk })));
            } catch (error) {
                const message = (error as HttpError).message;
                const reason = translate('onething.model.migration.failed_chunk', {
                    message: translate(message, { _: message }),
                });
                results.push(
                    ...chunk.map(id => {
                        const { businessKey, caseNumber } = byId.get(id)!;
                        return { processInstanceId: id, businessKey, caseNumber, migrated: false, reason };
                    })
                );
            }
            setProgress({ done: results.length, total: ids.length });
        }
        setOutcomes(results);
        setProgress(null);
        preview.reset();
        setSelected(new Set());
        // the versions' running cases changed
        queryClient.invalidateQueries({ queryKey: ['models'] });
    };

    const busy = progress !== null;
    return (
        <Box sx={{ px: 2 }}>
            <Typography variant="body2" color="text.secondary">
                {translate('onething.model.migration.intro')}
            </Typography>
            <VersionPair
                versions={versions}
                value={pair}
                onChange={next => {
                    setPair(next);
                    preview.reset();
                }}
            >
                <Button
                    label="onething.model.migration.preview"
                    variant="outlined"
                    disabled={busy || preview.isPending || pair.from === pair.to}
                    onClick={() => {
                        setOutcomes(null);
                        preview.mutate(pair);
                    }}
                >
                    <PreviewIcon />
                </Button>
            </VersionPair>
            {preview.data &&
                (preview.data.instances.length === 0 ? (
                    <Alert severity="info">{translate('onething.model.migration.none')}</Alert>
                ) : (
                    <>
                        <PreviewTable instances={preview.data.instances} selected={selected} onChange={setSelected} />
                        <Button
                            label={translate('onething.model.migration.submit', { count: selected.size })}
                            variant="contained"
                            disabled={busy || selected.size === 0}
                            onClick={migrate}
                            sx={{ mt: 1 }}
                        >
                            <MoveUpIcon />
                        </Button>
                    </>
                ))}
            {progress && (
                <Box sx={{ my: 1 }}>
                    <LinearProgress
                        variant="determinate"
                        value={progress.total ? (100 * progress.done) / progress.total : 0}
                        aria-label={translate('onething.model.migration.progress', progress)}
                    />
                    <Typography variant="caption">{translate('onething.model.migration.progress', progress)}</Typography>
                </Box>
            )}
            {outcomes && <OutcomeTable outcomes={outcomes} />}
        </Box>
    );
};
