import { DateInput, required, SelectInput, TextInput } from 'react-admin';
import type { BundleField } from '../types';

const requiredField = [required()];

/** The input of one bundle field, chosen by its type; named by the field code, labelled by its label. */
export const FieldInput = ({ field, helperText }: { field: BundleField; helperText?: string }) => {
    const props = {
        source: field.code,
        label: field.label,
        validate: field.required ? requiredField : undefined,
        helperText,
        fullWidth: true,
    };
    switch (field.type) {
        case 'date':
            return <DateInput {...props} />;
        case 'select':
            return (
                <SelectInput
                    {...props}
                    choices={(field.options ?? []).map(option => ({ id: option, name: option }))}
                />
            );
        case 'phone':
            return <TextInput {...props} type="tel" />;
        default:
            return <TextInput {...props} />;
    }
};
