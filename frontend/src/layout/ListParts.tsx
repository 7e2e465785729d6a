import { Typography } from '@mui/material';
import { SelectInput, useTranslate } from 'react-admin';

/** What an empty list says (in place of react-admin's invitation to create a record). */
export const EmptyList = ({ text }: { text: string }) => {
    const translate = useTranslate();
    return (
        <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
            {translate(text)}
        </Typography>
    );
};

/**
 * A list's filter on its status, always shown: each code named by the message `<messages>.<code>`, and
 * `allText` for no filter.
 */
export const statusFilter = (label: string, codes: readonly string[], messages: string, allText?: string) => (
    <SelectInput
        key="status"
        source="status"
        label={label}
        choices={codes.map(code => ({ id: code, name: `${messages}.${code}` }))}
        emptyText={allText}
        alwaysOn
    />
);
