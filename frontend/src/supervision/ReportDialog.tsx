import { Typography } from '@mui/material';
import { maxLength, RadioButtonGroupInput, required, TextInput, useTranslate } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import { ActionDialog } from '../form/ActionDialog';
import { optionalText } from '../form/text';
import { useFormAction } from '../form/useFormAction';
import type { SupervisionPush, SupervisionReport, SupervisionResult } from '../types';
import { SUPERVISION_RESULTS } from './SupervisionChips';

const RESULT_CHOICES = SUPERVISION_RESULTS.map(result => ({ id: result, name: `onething.supervision.result.${result}` }));

interface ReportValues {
    result: SupervisionResult | null;
    comment: string;
}

const resultRequired = [required()];
// the backend's rule: 限期整改 and 不合格 must say what was found
const commentRules = [
    (comment: string | undefined, values: ReportValues) =>
        values?.result && values.result !== 'PASS' && !comment?.trim()
            ? 'onething.supervision.report.comment_required'
            : undefined,
    maxLength(1000),
];

export const toReportBody = ({ result, comment }: ReportValues): SupervisionReport => ({
    result: result as SupervisionResult,
    comment: optionalText(comment),
});

/**
 * 报告结果: the claiming officer's result of the supervision (合格, 限期整改, 不合格; a comment unless 合格). A
 * refusal (403: claimed by someone else, 409: already reported) is shown in the dialog, a validation problem
 * next to its input; done, the queue is refreshed.
 */
export const ReportDialog = ({ push, onClose }: { push: SupervisionPush; onClose: () => void }) => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const { submit, problem } = useFormAction(
        (values: ReportValues) => dataProvider.reportSupervision(push.id, toReportBody(values)),
        'onething.supervision.report.done',
        { onDone: onClose }
    );
    return (
        <ActionDialog
            title={translate('onething.supervision.report.title', { licence: push.licenceName })}
            onClose={onClose}
            onSubmit={submit}
            problem={problem}
            record={{ result: null, comment: '' }}
            submitLabel="onething.supervision.report.submit"
        >
            <Typography variant="body2" color="text.secondary">
                {translate('onething.supervision.report.holder', {
                    holder: push.holderName,
                    code: push.creditCode ?? '—',
                })}
            </Typography>
            <RadioButtonGroupInput
                source="result"
                label="onething.supervision.report.result"
                choices={RESULT_CHOICES}
                validate={resultRequired}
            />
            <TextInput
                source="comment"
                label="onething.supervision.report.comment"
                helperText="onething.supervision.report.comment_hint"
                validate={commentRules}
                multiline
                minRows={3}
                fullWidth
            />
        </ActionDialog>
    );
};
