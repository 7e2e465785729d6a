import { DateField, TextField } from 'react-admin';
import { LicenceNameField, LicenceStatusField } from './LicenceChips';

/** The columns of a licence row, in the list and on the case page (`onCase`: without the holder). */
export const licenceColumns = ({ onCase = false }: { onCase?: boolean } = {}) => [
    <TextField key="number" source="number" label="resources.licences.fields.number" />,
    <LicenceNameField key="licenceName" label="resources.licences.fields.licenceName" />,
    ...(onCase
        ? []
        : [<TextField key="holderName" source="holderName" label="resources.licences.fields.holderName" sortable={false} />]),
    <TextField key="departmentName" source="departmentName" label="resources.licences.fields.departmentName" sortable={false} />,
    <LicenceStatusField key="status" label="resources.licences.fields.status" />,
    <DateField key="validUntil" source="validUntil" label="resources.licences.fields.validUntil" />,
    <DateField key="issuedAt" source="issuedAt" label="resources.licences.fields.issuedAt" showTime />,
];
