import DownloadIcon from '@mui/icons-material/Download';
import { Button, useRecordContext } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import type { CaseMaterial } from '../types';
import { useNotifyError } from '../errors';

/** Downloads a case's material: fetched with the bearer token, then saved under its file name. */
export const MaterialDownloadButton = () => {
    const material = useRecordContext<CaseMaterial>();
    const dataProvider = useOneThingDataProvider();
    const notifyError = useNotifyError();
    if (!material) return null;

    const download = async () => {
        try {
            const blob = await dataProvider.downloadMaterial(material.materialId);
            const url = URL.createObjectURL(blob);
            Object.assign(document.createElement('a'), { href: url, download: material.filename }).click();
            setTimeout(() => URL.revokeObjectURL(url), 60_000);
        } catch (error) {
            notifyError(error);
        }
    };

    return (
        <Button label="onething.material.download" onClick={download}>
            <DownloadIcon />
        </Button>
    );
};
