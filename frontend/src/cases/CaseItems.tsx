import { Card, CardContent, Stack, Typography } from '@mui/material';
import {
    ArrayField,
    Datagrid,
    DateField,
    RecordContextProvider,
    TextField,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { useSimpleLayout } from '../layout/elderMode';
import { ItemRatingField, type RatingAudience } from '../ratings/CaseRatings';
import { LightField } from '../timelimit/DeadlineLight';
import { ItemDeadlineField } from '../timelimit/ItemDeadlineField';
import type { CaseDetail, CaseItem } from '../types';
import { Fact } from './FactsRow';
import { StatusField } from './StatusField';

type ItemsProps = {
    ratings?: RatingAudience;
    supervises?: (item: CaseItem) => boolean;
};

/** The items one card each, for a phone and 长者版: the same facts, one under the other. */
const ItemCards = ({ ratings, supervises }: ItemsProps) => {
    const caseRecord = useRecordContext<CaseDetail>();
    const translate = useTranslate();
    if (!caseRecord?.items) return null;
    return (
        <Stack spacing={1.5} sx={{ py: 1 }}>
            {caseRecord.items.map(item => (
                <RecordContextProvider key={item.code} value={item}>
                    <Card variant="outlined" component="article" aria-label={item.name}>
                        <CardContent>
                            <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
                                <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 'bold' }}>
                                    {item.name}
                                </Typography>
                                <StatusField kind="item" />
                                <LightField source="deadline" emptyText="" />
                            </Stack>
                            <Typography variant="body2" color="text.secondary" gutterBottom>
                                {item.departmentName}
                            </Typography>
                            <Stack spacing={1}>
                                <Fact label="resources.tasks.fields.dueDate">
                                    <ItemDeadlineField />
                                </Fact>
                                {item.decidedAt && (
                                    <Fact label="onething.case.decided_at">
                                        <DateField source="decidedAt" showTime />
                                        {item.comment && ` · ${translate('onething.case.comment')}：${item.comment}`}
                                    </Fact>
                                )}
                                {ratings && (
                                    <Fact label="onething.rating.column">
                                        <ItemRatingField
                                            caseRecord={caseRecord}
                                            audience={ratings}
                                            supervises={supervises}
                                        />
                                    </Fact>
                                )}
                            </Stack>
                        </CardContent>
                    </Card>
                </RecordContextProvider>
            ))}
        </Stack>
    );
};

/**
 * The case's items, one row each: department, status, its working-day limit (light, due date, days used and
 * left, 补正 stops), dates and the decision's comment; on the case page their ratings (好差评): the applicant
 * rates an item once it is decided, and so does a supervisor (监督查评) the items it `supervises`. Cards instead of
 * the table on a phone and in 长者版.
 */
export const CaseItems = ({ ratings, supervises }: ItemsProps) => {
    const caseRecord = useRecordContext<CaseDetail>();
    const simple = useSimpleLayout();
    if (simple) return <ItemCards ratings={ratings} supervises={supervises} />;
    return (
        <ArrayField source="items">
            <Datagrid bulkActionButtons={false} rowClick={false}>
                <TextField source="name" label="onething.case.item" />
                <TextField source="departmentName" label="onething.case.department" sx={{ whiteSpace: 'nowrap' }} />
                <StatusField kind="item" label="resources.cases.fields.status" />
                <LightField source="deadline" label="onething.deadline.status" />
                <ItemDeadlineField label="resources.tasks.fields.dueDate" />
                <DateField source="startedAt" label="onething.case.started_at" showTime emptyText="—" />
                <DateField source="decidedAt" label="onething.case.decided_at" showTime emptyText="—" />
                <TextField source="comment" label="onething.case.comment" emptyText="—" />
                <TextField source="decidedBy" label="onething.case.decided_by" emptyText="—" />
                {ratings && caseRecord?.items && (
                    <ItemRatingField
                        caseRecord={caseRecord}
                        audience={ratings}
                        supervises={supervises}
                        label="onething.rating.column"
                    />
                )}
            </Datagrid>
        </ArrayField>
    );
};
