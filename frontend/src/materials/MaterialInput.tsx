import UploadFileIcon from '@mui/icons-material/UploadFile';
import { FormControl, FormHelperText, FormLabel, LinearProgress, Stack, Typography } from '@mui/material';
import { type ChangeEvent, useState } from 'react';
import { FieldTitle, required, useInput, useTranslate, ValidationError } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { useOneThingDataProvider } from '../dataProvider';
import type { BundleMaterial, UploadedMaterial } from '../types';
import { FileButton } from './FileButton';
import { acceptLabel, formatSize } from './format';
import { useUploadedFiles } from './UploadedFiles';

const requiredMaterial = [required()];

/**
 * The upload of one material: the file is uploaded as soon as it is chosen (with its progress) and the
 * form keeps the uploaded material's id under the material code. Required when an item needs it, unless
 * `optional` (a licence the applicant holds stands in for it); `note` says more (such as why).
 */
export const MaterialInput = ({
    material,
    usedBy,
    note,
    optional = false,
}: {
    material: BundleMaterial;
    /** names of the items that need the material */
    usedBy: string[];
    note?: string;
    optional?: boolean;
}) => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const { setError, clearErrors } = useFormContext();
    const { id, field, fieldState, isRequired } = useInput({
        source: material.code,
        validate: material.requiredBy.length > 0 && !optional ? requiredMaterial : undefined,
    });
    const [progress, setProgress] = useState<number | null>(null);
    const files = useUploadedFiles();
    const [uploaded, setUploaded] = useState<UploadedMaterial | null>(() => files?.restored(material.code) ?? null);
    const types = acceptLabel(material.accept);

    const upload = async (file: File) => {
        const invalid =
            file.size > material.maxSizeMb * 1024 * 1024
                ? translate('onething.material.too_large', { size: material.maxSizeMb })
                : material.accept.length > 0 && !material.accept.includes(file.type)
                  ? translate('onething.material.wrong_type', { types })
                  : null;
        if (invalid) {
            setError(material.code, { type: 'upload', message: invalid });
            return;
        }
        clearErrors(material.code);
        setProgress(0);
        try {
            const result = await dataProvider.uploadMaterial(file, setProgress);
            const other = files?.sameFileAs(material.code, result.sha256);
            if (other) {
                setError(material.code, {
                    type: 'duplicate',
                    message: translate('onething.material.duplicate', { other, name: material.name }),
                });
                return;
            }
            files?.remember(material.code, material.name, result.sha256);
            setUploaded(result);
            field.onChange(result.id);
        } catch (error) {
            setError(material.code, { type: 'upload', message: (error as Error).message });
        } finally {
            setProgress(null);
        }
    };

    const onChange = (event: ChangeEvent<HTMLInputElement>) => {
        const file = event.target.files?.[0];
        event.target.value = '';
        if (file) upload(file);
    };

    return (
        <FormControl component="fieldset" error={!!fieldState.error} fullWidth margin="dense">
            <FormLabel component="legend">
                <FieldTitle label={material.name} isRequired={isRequired} />
            </FormLabel>
            <Typography id={`${id}-hint`} variant="caption" color="text.secondary">
                {translate('onething.material.used_by', { items: usedBy.join('、') })}；
                {translate('onething.material.accept', { types, size: material.maxSizeMb })}
                {note && `；${note}`}
            </Typography>
            <Stack direction="row" alignItems="center" spacing={2} sx={{ mt: 1 }}>
                <FileButton
                    icon={<UploadFileIcon />}
                    disabled={progress !== null}
                    accept={material.accept.join(',')}
                    aria-label={material.name}
                    aria-describedby={`${id}-hint ${id}-error`}
                    onChange={onChange}
                    onBlur={field.onBlur}
                >
                    {translate(uploaded ? 'onething.material.replace' : 'onething.material.choose')}
                </FileButton>
                {uploaded && (
                    <Typography variant="body2">
                        {translate('onething.material.uploaded', {
                            filename: uploaded.filename,
                            size: formatSize(uploaded.size),
                        })}
                    </Typography>
                )}
            </Stack>
            {progress !== null && (
                <LinearProgress
                    variant="determinate"
                    value={progress * 100}
                    aria-label={translate('onething.material.uploading')}
                    sx={{ mt: 1 }}
                />
            )}
            {fieldState.error && (
                <FormHelperText id={`${id}-error`}>
                    <ValidationError error={fieldState.error.message as string} />
                </FormHelperText>
            )}
        </FormControl>
    );
};
