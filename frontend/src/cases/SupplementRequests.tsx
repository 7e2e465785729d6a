import SendIcon from '@mui/icons-material/Send';
import { Alert, AlertTitle, Box, Typography } from '@mui/material';
import { useId } from 'react';
import { Form, SaveButton, TextInput, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { labelsOf, splitValues } from '../bundles/bundleForm';
import { FieldInput } from '../bundles/FieldInput';
import { useOneThingDataProvider } from '../dataProvider';
import { FormErrorSummary } from '../form/FormErrorSummary';
import { useSubmitHandler } from '../form/useSubmitHandler';
import { MaterialInput } from '../materials/MaterialInput';
import type { BundleDetail, CaseDetail, CaseItem, SupplementRequest } from '../types';
import { useCaseBundle } from './useCaseBundle';

interface SupplementProps {
    caseRecord: CaseDetail;
    item: CaseItem & { supplement: SupplementRequest };
    bundle: BundleDetail;
}

/** What an item's department asks to correct, and the one answer: only those fields and materials. */
const SupplementForm = ({ caseRecord, item, bundle }: SupplementProps) => {
    const translate = useTranslate();
    const notify = useNotify();
    const refresh = useRefresh();
    const dataProvider = useOneThingDataProvider();
    const { missing, comment } = item.supplement;
    const fields = bundle.fields.filter(field => missing.includes(field.code));
    const materials = bundle.materials.filter(material => missing.includes(material.code));
    const labels = labelsOf(bundle);
    const titleId = useId();

    const submit = useSubmitHandler(
        (values: Record<string, unknown>) =>
            dataProvider.supplement(caseRecord.id, {
                itemCode: item.code,
                ...splitValues(values, fields, materials),
                comment: values.comment as string | undefined,
            }),
        () => {
            notify('onething.supplement.sent', { type: 'success' });
            refresh();
        }
    );

    return (
        <Alert severity="warning" role="region" aria-labelledby={titleId} sx={{ mb: 2 }}>
            <AlertTitle id={titleId}>{translate('onething.supplement.title', { item: item.name })}</AlertTitle>
            <Typography variant="body2">
                {translate('onething.supplement.missing', {
                    codes: missing.map(code => labels[code] ?? code).join('、'),
                })}
            </Typography>
            {comment && (
                <Typography variant="body2">{translate('onething.supplement.officer_comment', { comment })}</Typography>
            )}
            <Form
                onSubmit={submit}
                record={Object.fromEntries(fields.map(field => [field.code, caseRecord.form[field.code]]))}
            >
                <Box sx={{ mt: 2, maxWidth: 640 }}>
                    <FormErrorSummary labels={labels} />
                    {fields.map(field => (
                        <FieldInput key={field.code} field={field} />
                    ))}
                    {materials.map(material => (
                        <MaterialInput key={material.code} material={material} usedBy={[item.name]} />
                    ))}
                    <TextInput source="comment" label="onething.supplement.comment" multiline fullWidth />
                    <SaveButton label="onething.supplement.submit" icon={<SendIcon />} alwaysEnable />
                </Box>
            </Form>
        </Alert>
    );
};

const needsSupplement = (item: CaseItem): item is SupplementProps['item'] =>
    item.status === 'SUPPLEMENT' && item.supplement != null;

/** For the applicant: one answer form per item waiting for a supplement. */
export const SupplementRequests = () => {
    const record = useRecordContext<CaseDetail>();
    const bundle = useCaseBundle();
    if (!record?.items || !bundle) return null; // items come with the case page, not the list row
    return record.items
        .filter(needsSupplement)
        .map(item => <SupplementForm key={item.code} caseRecord={record} item={item} bundle={bundle} />);
};
