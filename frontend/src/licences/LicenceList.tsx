import { Typography } from '@mui/material';
import { Datagrid, List, SelectInput, useTranslate } from 'react-admin';
import { LICENCE_STATUSES } from './LicenceChips';
import { licenceColumns } from './LicenceColumns';

const filters = [
    <SelectInput
        key="status"
        source="status"
        label="resources.licences.fields.status"
        choices={LICENCE_STATUSES.map(status => ({ id: status, name: `onething.licence.status.${status}` }))}
        alwaysOn
    />,
];

const Empty = () => {
    const translate = useTranslate();
    return (
        <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
            {translate('onething.licence.empty')}
        </Typography>
    );
};

/**
 * 电子证照: an applicant's own licences, those a department issued or supervises, all for a manager; newest
 * first, filtered by status (有效 / 已撤销 / 已过期).
 */
export const LicenceList = () => (
    <List exporter={false} filters={filters} empty={false} sort={{ field: 'issuedAt', order: 'DESC' }}>
        <Datagrid bulkActionButtons={false} rowClick="show" empty={<Empty />}>
            {licenceColumns()}
        </Datagrid>
    </List>
);
