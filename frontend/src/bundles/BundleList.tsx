import { Box, Button, Card, CardActions, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Link, List, Loading, useListContext, useTranslate } from 'react-admin';
import type { Bundle } from '../types';

const BundleCard = ({ bundle }: { bundle: Bundle }) => {
    const translate = useTranslate();
    const titleId = `bundle-${bundle.id}`;
    return (
        <Card component="article" aria-labelledby={titleId} sx={{ display: 'flex', flexDirection: 'column' }}>
            <CardContent sx={{ flexGrow: 1 }}>
                <Typography variant="h6" component="h2" id={titleId} gutterBottom>
                    {bundle.name}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                    {bundle.description}
                </Typography>
                <Stack direction="row" spacing={1} sx={{ mt: 2 }}>
                    <Chip size="small" label={translate('onething.bundles.promised_days', { days: bundle.promisedDays })} />
                    <Chip size="small" label={translate('onething.bundles.item_count', { count: bundle.itemCount })} />
                </Stack>
            </CardContent>
            <CardActions>
                <Button
                    component={Link}
                    to={`/bundles/${encodeURIComponent(bundle.id)}/apply`}
                    variant="contained"
                    aria-label={translate('onething.bundles.apply_to', { name: bundle.name })}
                >
                    {translate('onething.bundles.apply')}
                </Button>
            </CardActions>
        </Card>
    );
};

const BundleCards = () => {
    const { data, isPending } = useListContext<Bundle>();
    if (isPending) return <Loading />;
    if (!data) return null; // the error is notified
    return (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))', mt: 2 }}>
            {data.map(bundle => (
                <BundleCard key={bundle.id} bundle={bundle} />
            ))}
        </Box>
    );
};

/** 办事指南: the bundles a citizen can apply for, as cards. */
export const BundleList = () => (
    <List perPage={100} pagination={false} actions={false} exporter={false} component="div">
        <BundleCards />
    </List>
);
