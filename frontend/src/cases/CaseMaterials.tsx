import { Typography } from '@mui/material';
import { ArrayField, Datagrid, FunctionField, TextField, useTranslate } from 'react-admin';
import { formatSize } from '../materials/format';
import { MaterialDownloadButton } from '../materials/MaterialDownloadButton';
import type { CaseMaterial } from '../types';

const None = () => {
    const translate = useTranslate();
    return (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>
            {translate('onething.material.none')}
        </Typography>
    );
};

/** The case's uploaded materials (all, or those with the given codes), each with a download button. */
export const CaseMaterials = ({ codes }: { codes?: string[] }) => (
    <ArrayField source="materials" filter={codes && { code: codes }}>
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<None />}>
            <TextField source="name" label="onething.material.name" />
            <TextField source="filename" label="onething.material.filename" />
            <FunctionField<CaseMaterial> label="onething.material.size" render={material => formatSize(material.size)} />
            <MaterialDownloadButton />
        </Datagrid>
    </ArrayField>
);
