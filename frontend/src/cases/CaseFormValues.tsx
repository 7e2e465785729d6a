import { FunctionField, SimpleShowLayout, SimpleShowLayoutClasses, TextField, useTranslate } from 'react-admin';
import type { CaseDetail } from '../types';
import { useCaseBundle } from './useCaseBundle';

const grid = {
    [`& .${SimpleShowLayoutClasses.stack}`]: {
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
        gap: 2,
    },
};

/** The case's form values (all, or the fields with the given codes), labelled as in the application form. */
export const CaseFormValues = ({ codes }: { codes?: string[] }) => {
    const bundle = useCaseBundle();
    const translate = useTranslate();
    if (!bundle) return null;
    const fields = codes ? bundle.fields.filter(field => codes.includes(field.code)) : bundle.fields;
    return (
        <SimpleShowLayout spacing={0} sx={grid}>
            {fields.map(field =>
                field.type === 'commitment' ? (
                    // a signed 告知承诺 is stored as "true": say so in words
                    <FunctionField<CaseDetail>
                        key={field.code}
                        label={field.label}
                        render={record =>
                            record.form?.[field.code] === 'true' ? translate('onething.apply.commitment_signed') : '—'
                        }
                    />
                ) : (
                    <TextField key={field.code} source={`form.${field.code}`} label={field.label} emptyText="—" />
                ),
            )}
        </SimpleShowLayout>
    );
};
