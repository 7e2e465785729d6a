import EditIcon from '@mui/icons-material/Edit';
import RestoreIcon from '@mui/icons-material/Restore';
import VisibilityIcon from '@mui/icons-material/Visibility';
import { Alert, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Link, Loading, Title, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { useOneThingDataProvider } from '../dataProvider';
import { Section } from '../ratings/RatingDetail';
import type { ModelVersion } from '../types';
import { DeployDialog } from './DeployDialog';
import { Migration } from './Migration';
import { VersionDialog, versionXmlQuery } from './VersionDialog';
import { VersionDiff } from './VersionDiff';

const when = (at: string | null) => (at ? new Date(at).toLocaleString('zh-CN') : '—');

/** The versions of a process, newest first, each with 查看, 编辑 and (an older one) 以此版本重新部署. */
const VersionsTable = ({
    modelKey,
    versions,
    onView,
    onRedeploy,
}: {
    modelKey: string;
    versions: ModelVersion[];
    onView: (version: number) => void;
    onRedeploy: (version: ModelVersion) => void;
}) => {
    const translate = useTranslate();
    const field = (name: string) => translate(`resources.models.fields.${name}`);
    return (
        <Table size="small" aria-label={translate('onething.model.versions')}>
            <TableHead>
                <TableRow>
                    <TableCell>{field('version')}</TableCell>
                    <TableCell>{field('deployedAt')}</TableCell>
                    <TableCell>{field('deployedBy')}</TableCell>
                    <TableCell>{field('comment')}</TableCell>
                    <TableCell align="right">{field('running')}</TableCell>
                    <TableCell />
                </TableRow>
            </TableHead>
            <TableBody>
                {versions.map((version, index) => (
                    <TableRow key={version.version}>
                        <TableCell>
                            <Stack direction="row" spacing={1} alignItems="center">
                                <span>{translate('onething.model.version', { version: version.version })}</span>
                                {index === 0 && <Chip size="small" color="primary" label={translate('onething.model.latest')} />}
                            </Stack>
                        </TableCell>
                        <TableCell>{when(version.deployedAt)}</TableCell>
                        <TableCell>{version.deployedBy ?? '—'}</TableCell>
                        <TableCell>
                            {version.comment ?? '—'}
                            {version.overrideReason && (
                                <Typography variant="caption" component="div" color="warning.main">
                                    {translate('onething.model.override_reason', { reason: version.overrideReason })}
                                </Typography>
                            )}
                        </TableCell>
                        <TableCell align="right">{version.running}</TableCell>
                        <TableCell>
                            <Stack direction="row" spacing={1} justifyContent="flex-end">
                                <Button label="onething.model.view" onClick={() => onView(version.version)}>
                                    <VisibilityIcon />
                                </Button>
                                <Button
                                    label="onething.model.edit"
                                    component={Link}
                                    to={`/models/${encodeURIComponent(modelKey)}/versions/${version.version}/edit`}
                                >
                                    <EditIcon />
                                </Button>
                                {index > 0 && (
                                    <Button label="onething.model.redeploy" onClick={() => onRedeploy(version)}>
                                        <RestoreIcon />
                                    </Button>
                                )}
                            </Stack>
                        </TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
};

/** The query of a process's versions, shared by its page and the editor (a deployment refreshes it). */
export const useModelVersions = (modelKey: string) => {
    const dataProvider = useOneThingDataProvider();
    return useQuery({
        queryKey: ['models', modelKey, 'versions'],
        queryFn: () => dataProvider.modelVersions(modelKey),
    });
};

/**
 * A process's page (managers): its versions with 查看 (read-only diagram), 编辑 (the editor on that version) and
 * rollback (以此版本重新部署: its XML deployed again as the new version, with a comment); 版本对比 and
 * 迁移在办件 below.
 */
export const ModelShow = () => {
    const { id: modelKey = '' } = useParams();
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const queryClient = useQueryClient();
    const { data: versions, error } = useModelVersions(modelKey);
    const [viewing, setViewing] = useState<number | null>(null);
    const [redeploying, setRedeploying] = useState<ModelVersion | null>(null);

    if (error) {
        return <Alert severity="error">{translate('onething.model.load_error', { message: error.message })}</Alert>;
    }
    if (!versions) return <Loading />;
    const name = versions[0]?.name ?? modelKey;
    return (
        <>
            <Title title={translate('onething.model.title', { name })} />
            <Section title={translate('onething.model.versions')}>
                <VersionsTable
                    modelKey={modelKey}
                    versions={versions}
                    onView={setViewing}
                    onRedeploy={setRedeploying}
                />
            </Section>
            {versions.length > 1 && (
                <>
                    <Section title={translate('onething.model.diff.title')}>
                        <VersionDiff modelKey={modelKey} versions={versions} />
                    </Section>
                    {/* remounted with new versions: their defaults change after a deployment */}
                    <Section title={translate('onething.model.migration.title')}>
                        <Migration key={versions[0].version} modelKey={modelKey} versions={versions} />
                    </Section>
                </>
            )}
            {viewing !== null && (
                <VersionDialog modelKey={modelKey} version={viewing} onClose={() => setViewing(null)} />
            )}
            {redeploying && (
                <DeployDialog
                    modelKey={modelKey}
                    title={translate('onething.model.deploy.redeploy_title', { version: redeploying.version, name })}
                    xml={async () =>
                        (await queryClient.fetchQuery(versionXmlQuery(dataProvider, modelKey, redeploying.version)))
                            .xml
                    }
                    warnings={0}
                    onClose={() => setRedeploying(null)}
                    onDeployed={() => {
                        setRedeploying(null);
                        queryClient.invalidateQueries({ queryKey: ['models'] });
                    }}
                />
            )}
        </>
    );
};
