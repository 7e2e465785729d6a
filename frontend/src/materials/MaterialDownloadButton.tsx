import DownloadIcon from '@mui/icons-material/Download';
import { Button, useRecordContext } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import type { CaseMaterial } from '../types';
import { useDownload } from './useDownload';

/**
 * Downloads a material: the case's material in context, or the one given (a photo of an inspection, known only
 * by its id); fetched with the bearer token, then saved under its file name.
 */
export const MaterialDownloadButton = ({
    materialId,
    filename,
    label = 'onething.material.download',
}: {
    materialId?: string;
    filename?: string;
    label?: string;
}) => {
    const material = useRecordContext<CaseMaterial>();
    const dataProvider = useOneThingDataProvider();
    const download = useDownload();
    const id = materialId ?? material?.materialId;
    if (!id) return null;
    return (
        <Button
            label={label}
            onClick={() => download(() => dataProvider.downloadMaterial(id), filename ?? material?.filename ?? id)}
        >
            <DownloadIcon />
        </Button>
    );
};
