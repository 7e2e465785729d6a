import { Datagrid, List } from 'react-admin';
import { useListPerPage } from '../layout/elderMode';
import { EmptyList, statusFilter } from '../layout/ListParts';
import { LICENCE_STATUSES } from './LicenceChips';
import { licenceColumns } from './LicenceColumns';

const filters = [statusFilter('resources.licences.fields.status', LICENCE_STATUSES, 'onething.licence.status')];

/**
 * 电子证照: an applicant's own licences, those a department issued or supervises, all for a manager; newest
 * first, filtered by status (有效 / 已撤销 / 已过期).
 */
export const LicenceList = () => (
    <List
        exporter={false}
        filters={filters}
        empty={false}
        sort={{ field: 'issuedAt', order: 'DESC' }}
        perPage={useListPerPage()}
    >
        <Datagrid bulkActionButtons={false} rowClick="show" empty={<EmptyList text="onething.licence.empty" />}>
            {licenceColumns()}
        </Datagrid>
    </List>
);
