import { Alert, AlertTitle, Box } from '@mui/material';
import { useTranslate, ValidationError } from 'react-admin';
import { useFormState } from 'react-hook-form';

/**
 * All the errors of a submitted form in one place, at its top (一次性告知): the server's summary
 * (or a generic title) and each field or material with its message. `labels` name the inputs by code, in form order. Each input shows its own error too.
 */
export const FormErrorSummary = ({ labels }: { labels: Record<string, string> }) => {
    const translate = useTranslate();
    const { errors, isSubmitted } = useFormState();
    const { root, ...fieldErrors } = errors;
    // in the order of the form (labels), whatever the order of the server's list
    const order = Object.keys(labels);
    const rank = (code: string) => (order.includes(code) ? order.indexOf(code) : order.length);
    const entries = Object.entries(fieldErrors).sort(([a], [b]) => rank(a) - rank(b));
    if (!isSubmitted || entries.length === 0) return null;
    return (
        <Alert severity="error" sx={{ width: '100%', mb: 2 }}>
            <AlertTitle>
                {(root?.serverError?.message as string | undefined) ?? translate('onething.form.invalid')}
            </AlertTitle>
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
                {entries.map(([code, error]) => (
                    <li key={code}>
                        {labels[code] ?? code}：<ValidationError error={error?.message as string} />
                    </li>
                ))}
            </Box>
        </Alert>
    );
};
