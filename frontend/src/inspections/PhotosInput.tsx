import AddPhotoAlternateIcon from '@mui/icons-material/AddPhotoAlternate';
import CancelIcon from '@mui/icons-material/Cancel';
import { Chip, FormControl, FormHelperText, FormLabel, LinearProgress, Stack, Typography } from '@mui/material';
import { type ChangeEvent, useState } from 'react';
import { useInput, useTranslate, ValidationError } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import { acceptLabel } from '../materials/format';
import { FileButton } from '../materials/FileButton';
import type { UploadedMaterial } from '../types';

// what the backend takes as a photo of an inspection, and how many
const ACCEPT = ['image/jpeg', 'image/png', 'application/pdf'];
const MAX_PHOTOS = 10;
const MAX_SIZE_MB = 10;

/**
 * Photos of a visit or of a rectification (optional): each file is uploaded as soon as it is chosen, like a
 * material; the form keeps the uploaded ids under `source` (the body's `photos`). One can be removed again.
 */
export const PhotosInput = ({ source = 'photos' }: { source?: string }) => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const { id, field, fieldState } = useInput({ source, defaultValue: [] });
    const [uploaded, setUploaded] = useState<UploadedMaterial[]>([]);
    const [uploading, setUploading] = useState(false);
    const [problem, setProblem] = useState<string | null>(null);
    const types = acceptLabel(ACCEPT);

    const keep = (photos: UploadedMaterial[]) => {
        setUploaded(photos);
        field.onChange(photos.map(photo => photo.id));
    };

    const upload = async (files: File[]) => {
        setProblem(null);
        if (uploaded.length + files.length > MAX_PHOTOS) {
            setProblem(translate('onething.inspection.photo.too_many', { max: MAX_PHOTOS }));
            return;
        }
        const wrong = files.find(file => file.size > MAX_SIZE_MB * 1024 * 1024 || !ACCEPT.includes(file.type));
        if (wrong) {
            setProblem(
                wrong.size > MAX_SIZE_MB * 1024 * 1024
                    ? translate('onething.material.too_large', { size: MAX_SIZE_MB })
                    : translate('onething.material.wrong_type', { types }),
            );
            return;
        }
        setUploading(true);
        try {
            const done: UploadedMaterial[] = [];
            for (const file of files) done.push(await dataProvider.uploadMaterial(file));
            keep([...uploaded, ...done]);
        } catch (error) {
            setProblem((error as Error).message);
        } finally {
            setUploading(false);
        }
    };

    const onChange = (event: ChangeEvent<HTMLInputElement>) => {
        const files = Array.from(event.target.files ?? []);
        event.target.value = '';
        if (files.length) upload(files);
    };

    const error = problem ?? (fieldState.error?.message as string | undefined);
    return (
        <FormControl component="fieldset" error={!!error} fullWidth margin="dense">
            <FormLabel component="legend">{translate('onething.inspection.photo.label')}</FormLabel>
            <Typography id={`${id}-hint`} variant="caption" color="text.secondary">
                {translate('onething.inspection.photo.accept', { types, size: MAX_SIZE_MB, max: MAX_PHOTOS })}
            </Typography>
            <Stack direction="row" alignItems="center" spacing={1} useFlexGap flexWrap="wrap" sx={{ mt: 1 }}>
                <FileButton
                    icon={<AddPhotoAlternateIcon />}
                    disabled={uploading || uploaded.length >= MAX_PHOTOS}
                    multiple
                    accept={ACCEPT.join(',')}
                    aria-label={translate('onething.inspection.photos')}
                    aria-describedby={`${id}-hint ${id}-error`}
                    onChange={onChange}
                >
                    {translate('onething.inspection.photo.add')}
                </FileButton>
                {uploaded.map(photo => (
                    <Chip
                        key={photo.id}
                        size="small"
                        label={photo.filename}
                        onDelete={() => keep(uploaded.filter(other => other.id !== photo.id))}
                        deleteIcon={
                            <CancelIcon
                                role="button"
                                aria-hidden={false}
                                aria-label={translate('onething.inspection.photo.remove', { filename: photo.filename })}
                            />
                        }
                    />
                ))}
            </Stack>
            {uploading && <LinearProgress aria-label={translate('onething.material.uploading')} sx={{ mt: 1 }} />}
            {error && (
                <FormHelperText id={`${id}-error`}>
                    <ValidationError error={error} />
                </FormHelperText>
            )}
        </FormControl>
    );
};
