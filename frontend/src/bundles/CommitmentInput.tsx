import { Box, Checkbox, FormControl, FormControlLabel, FormHelperText, Typography } from '@mui/material';
import { useId } from 'react';
import { FieldTitle, required, useInput, useTranslate, ValidationError } from 'react-admin';
import type { BundleField } from '../types';

const mustAgree = [required('onething.apply.commitment_required')];

/**
 * A signed commitment (告知承诺书): its wording in a bordered box and the box 「本单位已阅读并承诺」 to tick, always
 * required; the form's value is the string "true" once ticked (nothing otherwise).
 */
export const CommitmentInput = ({ field }: { field: BundleField }) => {
    const translate = useTranslate();
    const textId = useId();
    const { id, field: input, fieldState } = useInput({
        source: field.code,
        validate: mustAgree,
        // an unticked box is no answer, so "required" catches it
        format: (value: unknown) => value === 'true' || value === true,
        parse: (checked: boolean) => (checked ? 'true' : ''),
    });
    return (
        // the whole width of the form's two columns
        <FormControl component="fieldset" error={!!fieldState.error} fullWidth margin="dense" sx={{ gridColumn: '1 / -1' }}>
            <Typography component="legend" variant="subtitle2" sx={{ mb: 0.5 }}>
                <FieldTitle label={field.label} isRequired />
            </Typography>
            <Box
                id={textId}
                sx={{
                    border: 1,
                    borderColor: fieldState.error ? 'error.main' : 'divider',
                    borderRadius: 1,
                    p: 2,
                    bgcolor: 'grey.50',
                    whiteSpace: 'pre-line',
                    typography: 'body2',
                }}
            >
                {field.text}
            </Box>
            <FormControlLabel
                control={
                    <Checkbox
                        id={id}
                        checked={!!input.value}
                        onChange={event => input.onChange(event.target.checked)}
                        onBlur={input.onBlur}
                        slotProps={{ input: { 'aria-describedby': `${textId} ${id}-error` } }}
                    />
                }
                label={translate('onething.apply.commitment_agree')}
            />
            {fieldState.error && (
                <FormHelperText id={`${id}-error`}>
                    <ValidationError error={fieldState.error.message as string} />
                </FormHelperText>
            )}
        </FormControl>
    );
};
