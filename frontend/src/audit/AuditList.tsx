import { Typography } from '@mui/material';
import { Datagrid, DateField, FunctionField, List, NumberField, TextField, TextInput, useTranslate } from 'react-admin';

interface AuditEntry {
    id: number;
    method: string;
    path: string;
    route: string | null;
}

const filters = [<TextInput key="user" source="user" label="onething.audit.user" alwaysOn resettable />];

const Empty = () => {
    const translate = useTranslate();
    return (
        <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
            {translate('onething.audit.empty')}
        </Typography>
    );
};

/**
 * 审计日志 (administrators): every write through the API, refused ones too, newest first — when, who, what
 * (method and route, the path as called), the answer's status, from where, and the request id to find the logs.
 */
export const AuditList = () => (
    <List filters={filters} exporter={false} empty={false} title="onething.audit.title" actions={false}>
        <Datagrid bulkActionButtons={false} empty={<Empty />} rowClick={false}>
            <DateField source="at" label="onething.audit.at" showTime sortable={false} />
            <TextField source="username" label="onething.audit.username" sortable={false} />
            <TextField source="roles" label="onething.audit.roles" sortable={false} />
            <FunctionField<AuditEntry>
                label="onething.audit.action"
                render={entry => `${entry.method} ${entry.route ?? entry.path}`}
            />
            <TextField source="path" label="onething.audit.path" sortable={false} />
            <NumberField source="status" label="onething.audit.status" sortable={false} />
            <TextField source="clientIp" label="onething.audit.client_ip" sortable={false} />
            <TextField source="requestId" label="onething.audit.request_id" sortable={false} />
        </Datagrid>
    </List>
);
