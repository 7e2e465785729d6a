import { DateInput, regex, required, SelectInput, TextInput } from 'react-admin';
import type { BundleField } from '../types';
import { CommitmentInput } from './CommitmentInput';

const requiredField = [required()];

// 统一社会信用代码 (GB 32100): 18 digits or capitals without I, O, S, V, Z; the backend checks the check digit
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;
const creditCode = regex(CREDIT_CODE, 'onething.apply.credit_code_invalid');
const upperCase = (value: string) => (value ? value.toUpperCase() : value);

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
        case 'creditCode':
            return (
                <TextInput
                    {...props}
                    validate={[...(props.validate ?? []), creditCode]}
                    parse={upperCase}
                    slotProps={{ htmlInput: { maxLength: 18, autoCapitalize: 'characters', spellCheck: false } }}
                />
            );
        case 'commitment':
            return <CommitmentInput field={field} />;
        default:
            return <TextInput {...props} />;
    }
};
