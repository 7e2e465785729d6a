import { Alert, AlertTitle, Box } from '@mui/material';
import { useTranslate, ValidationError } from 'react-admin';
import { type FieldErrors, useFormState } from 'react-hook-form';

// what a react-hook-form error carries besides the errors of nested inputs
const META = new Set(['type', 'message', 'ref', 'types', 'root']);

/**
 * Every error of a form as [path, message], nested inputs too (an array input's "holidays.1.worked.0"),
 * in the order of the form's values.
 */
export const flattenErrors = (errors: FieldErrors | Record<string, unknown>, prefix = ''): [string, string][] =>
    Object.entries(errors).flatMap(([key, error]) => {
        if (!error || typeof error !== 'object' || key === 'root') return [];
        const path = `${prefix}${key}`;
        const { message } = error as { message?: unknown };
        const own: [string, string][] = typeof message === 'string' && message ? [[path, message]] : [];
        const nested = Object.fromEntries(Object.entries(error).filter(([name]) => !META.has(name)));
        return [...own, ...flattenErrors(nested, `${path}.`)];
    });

/**
 * All the errors of a submitted form in one place, at its top (一次性告知): the server's summary
 * (or a generic title) and each field or material with its message. `labels` name the inputs by code, in
 * form order, or name any input by its path (nested inputs). Each input shows its own error too.
 */
export const FormErrorSummary = ({
    labels,
}: {
    labels: Record<string, string> | ((path: string) => string);
}) => {
    const translate = useTranslate();
    const { errors, isSubmitted } = useFormState();
    const entries = flattenErrors(errors);
    if (typeof labels !== 'function') {
        // in the order of the form (labels), whatever the order of the server's list
        const order = Object.keys(labels);
        const rank = (path: string) => {
            const code = path.split('.')[0];
            return order.includes(code) ? order.indexOf(code) : order.length;
        };
        entries.sort(([a], [b]) => rank(a) - rank(b));
    }
    const labelOf = (path: string) => (typeof labels === 'function' ? labels(path) : (labels[path] ?? path));
    if (!isSubmitted || entries.length === 0) return null;
    return (
        <Alert severity="error" sx={{ width: '100%', mb: 2 }}>
            <AlertTitle>
                {(errors.root?.serverError?.message as string | undefined) ?? translate('onething.form.invalid')}
            </AlertTitle>
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
                {entries.map(([path, message]) => (
                    <li key={path}>
                        {labelOf(path)}：<ValidationError error={message} />
                    </li>
                ))}
            </Box>
        </Alert>
    );
};
