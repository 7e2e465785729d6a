import SendIcon from '@mui/icons-material/Send';
import { Box, List, ListItem, Typography } from '@mui/material';
import { SaveButton, SimpleForm, Toolbar, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { FormErrorSummary } from '../form/FormErrorSummary';
import { useElderMode } from '../layout/elderMode';
import { MaterialInput } from '../materials/MaterialInput';
import { UploadedFilesProvider } from '../materials/UploadedFiles';
import type { BundleDetail, BundleMaterial, Draft, Prefill } from '../types';
import { AfterSubmission } from './AfterSubmission';
import { groupFields, labelsOf, neededMaterials } from './bundleForm';
import { DraftAutosave } from './DraftAutosave';
import { FieldInput } from './FieldInput';

const ApplyToolbar = () => (
    <Toolbar>
        <SaveButton label="onething.apply.submit" icon={<SendIcon />} alwaysEnable />
    </Toolbar>
);

// two columns on a wide screen; one in 长者版 (simpler to follow)
const columns = (elder: boolean) => ({
    display: 'grid',
    gridTemplateColumns: { xs: '1fr', md: elder ? '1fr' : '1fr 1fr' },
    columnGap: 2,
    width: '100%',
});

/**
 * 材料预判: the materials the answers so far call for, item by item, then one upload each — not needed when the
 * applicant already holds the licence that stands in for it (免于提交); a material asked only given an answer
 * says which.
 */
const MaterialsSection = ({ bundle, prefill }: { bundle: BundleDetail; prefill: Prefill }) => {
    const translate = useTranslate();
    const values = useWatch();
    const itemNames = Object.fromEntries(bundle.items.map(item => [item.code, item.name]));
    const materials = neededMaterials(bundle, values);
    const held = (material: BundleMaterial) => prefill.exemptMaterials?.[material.code];
    const note = (material: BundleMaterial) => {
        const notes = [];
        if (material.when) {
            const field = bundle.fields.find(f => f.code === material.when?.field);
            notes.push(
                translate('onething.apply.material_because', {
                    field: field?.label ?? material.when.field,
                    answer: String(values[material.when.field]),
                }),
            );
        }
        if (material.licence) {
            const number = held(material);
            notes.push(
                number
                    ? translate('onething.apply.licence_held', { number })
                    : translate('onething.apply.licence_exempt'),
            );
        }
        return notes.length ? notes.join('；') : undefined;
    };
    const names = (codes: string[]) =>
        materials.filter(material => codes.includes(material.code)).map(material => material.name);

    return (
        <>
            <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
                {translate('onething.apply.materials')}
            </Typography>
            {materials.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                    {translate('onething.apply.no_materials')}
                </Typography>
            ) : (
                <Box aria-live="polite" sx={{ width: '100%' }}>
                    <Typography variant="body2">
                        {translate('onething.apply.forecast', { count: materials.length })}
                    </Typography>
                    <List dense disablePadding sx={{ listStyle: 'disc', pl: 3 }}>
                        {bundle.items.map(item => {
                            const needed = names(item.materials);
                            return (
                                <ListItem key={item.code} disableGutters sx={{ display: 'list-item', py: 0 }}>
                                    <Typography variant="body2">
                                        {translate('onething.apply.forecast_item', {
                                            item: item.name,
                                            materials: needed.length
                                                ? needed.join('、')
                                                : translate('onething.apply.forecast_none'),
                                        })}
                                    </Typography>
                                </ListItem>
                            );
                        })}
                    </List>
                </Box>
            )}
            {materials.map(material => (
                <MaterialInput
                    key={material.code}
                    material={material}
                    usedBy={material.requiredBy.map(code => itemNames[code] ?? code)}
                    note={note(material)}
                    optional={!!held(material)}
                />
            ))}
        </>
    );
};

/**
 * The ONE form of a bundle: the union of its items' fields (each asked once, grouped under the first item
 * that needs it, pre-filled where the platform knows the value) and the materials the answers call for, saved
 * as a draft as the applicant goes. For an enterprise bundle, what happens after submission (告知承诺, 联合踏勘,
 * 证照同发).
 */
export const ApplicationForm = ({
    bundle,
    prefill,
    draft = null,
    onDiscardDraft = () => undefined,
}: {
    bundle: BundleDetail;
    prefill: Prefill;
    /** the draft the form resumes, if any */
    draft?: Draft | null;
    onDiscardDraft?: () => void;
}) => {
    const translate = useTranslate();
    const { elder } = useElderMode();
    const materialNames = Object.fromEntries(bundle.materials.map(material => [material.code, material.name]));
    const prefillHint = (code: string) =>
        prefill.sources[code] && `onething.apply.prefilled_${prefill.sources[code]}`;

    return (
        <UploadedFilesProvider names={materialNames} restored={draft?.materials}>
            <SimpleForm toolbar={<ApplyToolbar />}>
                <DraftAutosave bundle={bundle} resumed={draft} onDiscard={onDiscardDraft} />
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
                            {translate(
                                index === 0 ? 'onething.apply.field_group' : 'onething.apply.field_group_more',
                                { name: item.name },
                            )}
                        </Typography>
                        <Box sx={columns(elder)}>
                            {fields.map(field => (
                                <FieldInput key={field.code} field={field} helperText={prefillHint(field.code)} />
                            ))}
                        </Box>
                    </Box>
                ))}
                <MaterialsSection bundle={bundle} prefill={prefill} />
            </SimpleForm>
        </UploadedFilesProvider>
    );
};
