import { Datagrid, List, NumberField, TextField } from 'react-admin';
import { EmptyList } from '../layout/ListParts';

/** 流程模型 (managers): every deployed process with its latest version and running cases; a row opens its versions. */
export const ModelList = () => (
    <List exporter={false} empty={false} pagination={false} title="onething.model.list_title">
        <Datagrid bulkActionButtons={false} rowClick="show" empty={<EmptyList text="onething.model.empty" />}>
            <TextField source="name" label="resources.models.fields.name" sortable={false} />
            <TextField source="key" label="resources.models.fields.key" sortable={false} />
            <NumberField source="latestVersion" label="resources.models.fields.latestVersion" sortable={false} />
            <NumberField source="running" label="resources.models.fields.running" sortable={false} />
        </Datagrid>
    </List>
);
