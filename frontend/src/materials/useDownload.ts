import { useNotifyError } from '../errors';

const EXTENSIONS: Record<string, string> = { 'application/pdf': '.pdf', 'image/jpeg': '.jpg', 'image/png': '.png' };

/**
 * Saves a file the API gives only with the bearer token (a plain link could not send it): fetched as a blob,
 * then saved under `filename` (the blob's type gives the extension when the name has none). Errors are notified.
 */
export const useDownload = () => {
    const notifyError = useNotifyError();
    return async (fetchBlob: () => Promise<Blob>, filename: string) => {
        try {
            const blob = await fetchBlob();
            const name = /\.\w+$/.test(filename) ? filename : `${filename}${EXTENSIONS[blob.type] ?? ''}`;
            const url = URL.createObjectURL(blob);
            Object.assign(document.createElement('a'), { href: url, download: name }).click();
            setTimeout(() => URL.revokeObjectURL(url), 60_000);
        } catch (error) {
            notifyError(error);
        }
    };
};
