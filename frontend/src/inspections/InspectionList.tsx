import { Typography } from '@mui/material';
import { Datagrid, List, SelectInput, TopToolbar, useTranslate } from 'react-admin';
import { INSPECTION_STATUSES } from './InspectionChips';
import { inspectionColumns } from './InspectionColumns';
import { InspectionViewSwitch } from './InspectionViewSwitch';

const STATUS_CHOICES = INSPECTION_STATUSES.map(status => ({ id: status, name: `onething.inspection.status.${status}` }));

const filters = [
    <SelectInput
        key="status"
        source="status"
        label="resources.inspections.fields.status"
        choices={STATUS_CHOICES}
        emptyText="onething.inspection.all_statuses"
        alwaysOn
    />,
];

const Empty = () => {
    const translate = useTranslate();
    return (
        <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
            {translate('onething.inspection.empty')}
        </Typography>
    );
};

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
        <Datagrid bulkActionButtons={false} rowClick="show" empty={<Empty />}>
            {inspectionColumns()}
        </Datagrid>
    </List>
);
