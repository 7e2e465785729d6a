import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Button, useRecordContext } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import { useDownload } from '../materials/useDownload';
import type { Licence } from '../types';

/** 下载证照: the licence's PDF (with its verification QR code), fetched with the token like a material. */
export const LicencePdfButton = () => {
    const licence = useRecordContext<Licence>();
    const dataProvider = useOneThingDataProvider();
    const download = useDownload();
    if (!licence) return null;
    return (
        <Button
            label="onething.licence.pdf"
            onClick={() => download(() => dataProvider.downloadLicence(licence.number), `${licence.number}.pdf`)}
        >
            <PictureAsPdfIcon />
        </Button>
    );
};
