import { Alert, List, ListItem, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Loading, useTranslate } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import { CaseLink } from './CaseLink';
import type { ClickedElement } from './ModelCanvas';

/** The running cases of a version waiting at one of its elements, each linked to its page. */
export const WaitingCases = ({
    modelKey,
    version,
    element,
}: {
    modelKey: string;
    version: number;
    element: ClickedElement;
}) => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const { data, error } = useQuery({
        queryKey: ['models', modelKey, 'versions', version, 'activities', element.id, 'cases'],
        queryFn: () => dataProvider.activityCases(modelKey, version, element.id),
    });
    const title = translate('onething.model.waiting.title', { name: element.name ?? element.id });
    return (
        <>
            <Typography variant="subtitle1" component="h3">
                {title}
            </Typography>
            {error ? (
                <Alert severity="error">{translate(error.message, { _: error.message })}</Alert>
            ) : !data ? (
                <Loading />
            ) : data.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                    {translate('onething.model.waiting.none')}
                </Typography>
            ) : (
                <List dense disablePadding aria-label={title}>
                    {data.map(instance => (
                        <ListItem key={instance.processInstanceId} disableGutters>
                            <CaseLink instance={instance} />
                        </ListItem>
                    ))}
                </List>
            )}
        </>
    );
};
