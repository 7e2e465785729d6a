import SendIcon from '@mui/icons-material/Send';
import { Box, Typography } from '@mui/material';
import { SaveButton, SimpleForm, Toolbar, useTranslate } from 'react-admin';
import { FormErrorSummary } from '../form/FormErrorSummary';
import { MaterialInput } from '../materials/MaterialInput';
import type { BundleDetail, BundleMaterial, Prefill } from '../types';
import { AfterSubmission } from './AfterSubmission';
import { askedMaterials, groupFields, labelsOf } from './bundleForm';
import { FieldInput } from './FieldInput';

const ApplyToolbar = () => (
    <Toolbar>
        <SaveButton label="onething.apply.submit" icon={<SendIcon />} alwaysEnable />
    </Toolbar>
);

const columns = { display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 2, width: '100%' };

/**
 * The ONE form of a bundle: the union of its items' fields (each asked once, grouped under the first item
 * that needs it, pre-filled where the platform knows the value) and one upload per material — not needed when
 * the applicant already holds the licence that stands in for it (免于提交). For an enterprise bundle, what
 * happens after submission (告知承诺, 联合踏勘, 证照同发).
 */
export const ApplicationForm = ({ bundle, prefill }: { bundle: BundleDetail; prefill: Prefill }) => {
    const translate = useTranslate();
    const itemNames = Object.fromEntries(bundle.items.map(item => [item.code, item.name]));
    const materials = askedMaterials(bundle);
    const prefillHint = (code: string) =>
        prefill.sources[code] && `onething.apply.prefilled_${prefill.sources[code]}`;
    const held = (material: BundleMaterial) => prefill.exemptMaterials?.[material.code];
    const licenceNote = (material: BundleMaterial) => {
        if (!material.licence) return undefined;
        const number = held(material);
        return number
            ? translate('onething.apply.licence_held', { number })
            : translate('onething.apply.licence_exempt');
    };

    return (
        <SimpleForm toolbar={<ApplyToolbar />}>
            <FormErrorSummary labels={labelsOf(bundle)} />
            <Typography variant="body2" color="text.secondary">
                {translate('onething.apply.intro')}
            </Typography>
            <AfterSubmission bundle={bundle} />
            <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
                {translate('onething.apply.fields')}
            </Typography>
            {groupFields(bundle).map(({ item, fields }, index) => (
                <Box key={item.code} component="section" sx={{ width: '100%', mt: 1 }}>
                    <Typography variant="subtitle1" component="h3" color="primary">
                        {translate(index === 0 ? 'onething.apply.field_group' : 'onething.apply.field_group_more', {
                            name: item.name,
                        })}
                    </Typography>
                    <Box sx={columns}>
                        {fields.map(field => (
                            <FieldInput key={field.code} field={field} helperText={prefillHint(field.code)} />
                        ))}
                    </Box>
                </Box>
            ))}
            <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
                {translate('onething.apply.materials')}
            </Typography>
            {materials.length === 0 && (
                <Typography variant="body2" color="text.secondary">
                    {translate('onething.apply.no_materials')}
                </Typography>
            )}
            {materials.map(material => (
                <MaterialInput
                    key={material.code}
                    material={material}
                    usedBy={material.requiredBy.map(code => itemNames[code] ?? code)}
                    note={licenceNote(material)}
                    optional={!!held(material)}
                />
            ))}
        </SimpleForm>
    );
};
