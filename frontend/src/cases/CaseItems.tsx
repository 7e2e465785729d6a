import { ArrayField, Datagrid, DateField, TextField, useRecordContext } from 'react-admin';
import { ItemRatingField, type RatingAudience } from '../ratings/CaseRatings';
import { LightField } from '../timelimit/DeadlineLight';
import { ItemDeadlineField } from '../timelimit/ItemDeadlineField';
import type { CaseDetail, CaseItem } from '../types';
import { StatusField } from './StatusField';

/**
 * The case's items, one row each: department, status, its working-day limit (light, due date, days used and
 * left, 补正 stops), dates and the decision's comment; on the case page their ratings (好差评): the applicant
 * rates an item once it is decided, and so does a supervisor (监督查评) the items it `supervises`.
 */
export const CaseItems = ({
    ratings,
    supervises,
}: {
    ratings?: RatingAudience;
    supervises?: (item: CaseItem) => boolean;
}) => {
    const caseRecord = useRecordContext<CaseDetail>();
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
