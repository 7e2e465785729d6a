import { Card, FormControlLabel, Stack, Switch, Typography } from '@mui/material';
import {
    Datagrid,
    DateField,
    FunctionField,
    Link,
    ListBase,
    Loading,
    Pagination,
    TextField,
    useListContext,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { LevelChips } from '../ratings/RatingChips';
import type { RatingLine, RatingStatsQuery } from '../types';

const CaseLink = (_: { label?: string }) => {
    const line = useRecordContext<RatingLine>();
    if (!line) return null;
    return <Link to={`/cases/${encodeURIComponent(line.caseId)}/show`}>{line.caseNumber}</Link>;
};

/** A bad rating's rectification (its page, named by where it stands); a dash for a good one. */
const RectificationLink = (_: { label?: string }) => {
    const line = useRecordContext<RatingLine>();
    const translate = useTranslate();
    if (!line) return null;
    if (!line.bad) return <>—</>;
    const status = line.rectificationStatus
        ? translate(`onething.rectification.status.${line.rectificationStatus}`)
        : translate('onething.analysis.ratings.rectification');
    return (
        <Link
            to={`/rectifications/${encodeURIComponent(line.id)}/show`}
            aria-label={translate('onething.analysis.ratings.open_rectification', {
                number: line.caseNumber,
                status,
            })}
        >
            {status}
        </Link>
    );
};

const Empty = ({ bad }: { bad: boolean }) => {
    const translate = useTranslate();
    return (
        <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
            {translate(bad ? 'onething.analysis.ratings.empty_bad' : 'onething.analysis.ratings.empty')}
        </Typography>
    );
};

const Lines = ({ bad }: { bad: boolean }) => {
    const { isPending } = useListContext();
    if (isPending) return <Loading />;
    return (
        <Card>
            <Datagrid bulkActionButtons={false} rowClick={false} empty={<Empty bad={bad} />}>
                <DateField source="ratedAt" showTime sortable={false} />
                <CaseLink label="resources.ratingLines.fields.caseNumber" />
                <TextField source="bundleName" sortable={false} />
                <FunctionField<RatingLine>
                    source="itemName"
                    sortable={false}
                    render={line => line.itemName ?? <WholeCase />}
                />
                <TextField source="channelName" sortable={false} />
                <FunctionField<RatingLine>
                    source="level"
                    sortable={false}
                    render={line => <LevelChips level={line.level} bad={line.bad} />}
                />
                <TextField source="reasonName" sortable={false} emptyText="—" />
                <TextField source="comment" sortable={false} emptyText="—" />
                <RectificationLink label="resources.ratingLines.fields.rectificationStatus" />
            </Datagrid>
            <Pagination rowsPerPageOptions={[10, 20, 50]} />
        </Card>
    );
};

const WholeCase = () => {
    const translate = useTranslate();
    return <>{translate('onething.rating.whole_case')}</>;
};

/**
 * The ratings behind the figures (the drill-down's last level: an officer's), newest first, each leading to its
 * case and, for a bad one, to its rectification; 仅看差评 lists only the bad ones.
 */
export const RatingLines = ({
    filter,
    bad,
    onBadChange,
}: {
    filter: Omit<RatingStatsQuery, 'by'>;
    bad: boolean;
    onBadChange: (bad: boolean) => void;
}) => {
    const translate = useTranslate();
    const listFilter = { ...filter, ...(bad && { bad: true }) };
    return (
        <>
            <Stack direction="row" sx={{ mb: 1 }}>
                <FormControlLabel
                    control={<Switch checked={bad} onChange={event => onBadChange(event.target.checked)} />}
                    label={translate('onething.analysis.ratings.only_bad')}
                />
            </Stack>
            <ListBase
                key={JSON.stringify(listFilter)}
                resource="ratingLines"
                filter={listFilter}
                perPage={20}
                disableSyncWithLocation
            >
                <Lines bad={bad} />
            </ListBase>
        </>
    );
};
