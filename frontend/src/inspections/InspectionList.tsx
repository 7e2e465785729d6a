import { Datagrid, List, TopToolbar } from 'react-admin';
import { EmptyList, statusFilter } from '../layout/ListParts';
import { INSPECTION_STATUSES } from './InspectionChips';
import { inspectionColumns } from './InspectionColumns';
import { InspectionViewSwitch } from './InspectionViewSwitch';

const filters = [
    statusFilter(
        'resources.inspections.fields.status',
        INSPECTION_STATUSES,
        'onething.inspection.status',
        'onething.inspection.all_statuses'
    ),
];

/**
 * 联合踏勘 (officers: their departments' inspections; managers: all): each with its departments, status, visit,
 * the inspection's deadline and light and the steps open now (the user's own in bold); filter by status, or
 * switch to the calendar of visits.
 */
export const InspectionList = () => (
    <List
        exporter={false}
        filters={filters}
        empty={false}
        title="onething.inspection.list_title"
        actions={
            <TopToolbar>
                <InspectionViewSwitch current="list" />
            </TopToolbar>
        }
    >
        <Datagrid bulkActionButtons={false} rowClick="show" empty={<EmptyList text="onething.inspection.empty" />}>
            {inspectionColumns()}
        </Datagrid>
    </List>
);
