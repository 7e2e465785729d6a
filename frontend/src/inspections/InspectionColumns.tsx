import { TextField } from 'react-admin';
import { DeadlineField } from '../timelimit/DeadlineField';
import { LightField } from '../timelimit/DeadlineLight';
import { DepartmentsField, InspectionStatusField, OpenStepsField, VisitField } from './InspectionChips';

/**
 * The columns of an inspection row, in the list and on the case page (`onCase`: without the case and the
 * enterprise, which the page already shows). An array, not a component: a Datagrid reads its columns' labels.
 */
export const inspectionColumns = ({ onCase = false }: { onCase?: boolean } = {}) => [
    ...(onCase
        ? []
        : [
              <TextField key="caseNumber" source="caseNumber" label="resources.inspections.fields.caseNumber" sortable={false} />,
              <TextField key="enterprise" source="enterprise" label="resources.inspections.fields.enterprise" sortable={false} />,
          ]),
    <TextField key="name" source="name" label="resources.inspections.fields.name" sortable={false} />,
    <DepartmentsField key="departments" label="resources.inspections.fields.departments" />,
    <InspectionStatusField key="status" label="resources.inspections.fields.status" />,
    <VisitField key="visit" label="resources.inspections.fields.visitAt" />,
    <LightField key="light" source="deadline" label="resources.inspections.fields.light" sortable={false} />,
    <DeadlineField key="deadline" source="deadline" label="resources.inspections.fields.dueDate" sortable={false} />,
    <OpenStepsField key="openSteps" label="resources.inspections.fields.openSteps" />,
];
