import { Alert, Box, Grid, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ModelDiff, ModelElement } from '../types';

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

/** A diff as three lists side by side: 新增, 删除, 修改; `same` says that nothing differs. */
export const DiffView = ({ diff, same = 'onething.model.diff.same' }: { diff: ModelDiff; same?: string }) => {
    const translate = useTranslate();
    if (diff.added.length + diff.removed.length + diff.changed.length === 0) {
        return <Alert severity="info">{translate(same)}</Alert>;
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
