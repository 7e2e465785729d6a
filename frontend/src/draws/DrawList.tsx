import { Typography } from '@mui/material';
import {
    CreateButton,
    Datagrid,
    DateField,
    FunctionField,
    List,
    NumberField,
    TextField,
    TopToolbar,
    useTranslate,
} from 'react-admin';
import type { SupervisionDraw } from '../types';

const Empty = () => {
    const translate = useTranslate();
    return (
        <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
            {translate('onething.draw.empty')}
        </Typography>
    );
};

/** 双随机抽查 (managers): the draws so far, newest first, each opening its page; 新建抽查 draws again. */
export const DrawList = () => (
    <List
        exporter={false}
        empty={false}
        title="onething.draw.list_title"
        actions={
            <TopToolbar>
                <CreateButton label="onething.draw.new" />
            </TopToolbar>
        }
    >
        <Datagrid bulkActionButtons={false} rowClick="show" empty={<Empty />}>
            <DateField source="drawnAt" label="resources.draws.fields.drawnAt" showTime sortable={false} />
            <TextField source="drawnBy" label="resources.draws.fields.drawnBy" sortable={false} />
            <TextField
                source="departmentName"
                label="resources.draws.fields.departmentName"
                sortable={false}
                emptyText="onething.draw.all_departments"
            />
            <NumberField source="count" label="resources.draws.fields.count" sortable={false} />
            <FunctionField<SupervisionDraw>
                label="resources.draws.fields.drawn"
                render={draw => draw.drawn.map(candidate => candidate.name).join('、')}
            />
        </Datagrid>
    </List>
);
