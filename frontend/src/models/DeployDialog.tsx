import { Alert, AlertTitle, Box } from '@mui/material';
import { useState } from 'react';
import { type HttpError, maxLength, required, TextInput, useNotify, useTranslate } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import { ActionDialog } from '../form/ActionDialog';
import { optionalText } from '../form/text';
import type { ModelProblem, ModelVersion } from '../types';
import { splitDeployErrors } from './modelProblems';

const commentRules = [required(), maxLength(1000)];
const reasonRules = [required(), maxLength(1000)];

interface DeployValues {
    comment: string;
    overrideReason: string;
}

/**
 * 部署: deploys `xml` as the process's new version with a required 部署说明, and — when the model has warnings —
 * a required 忽略警告的理由 (also asked when the server says warnings need one). On a refusal the comment's and the
 * reason's errors show by their inputs, the model's own errors in a list here and (`onModelProblems`) on the
 * diagram.
 */
export const DeployDialog = ({
    modelKey,
    title,
    xml,
    warnings,
    onClose,
    onDeployed,
    onModelProblems,
}: {
    modelKey: string;
    title: string;
    /** the model to deploy, or how to get it (a rollback loads the old version's XML) */
    xml: string | (() => Promise<string>);
    /** how many warnings 检查 found (unknown: 0; the server then asks for the reason) */
    warnings: number;
    onClose: () => void;
    onDeployed: (version: ModelVersion) => void;
    onModelProblems?: (problems: ModelProblem[]) => void;
}) => {
    const translate = useTranslate();
    const notify = useNotify();
    const dataProvider = useOneThingDataProvider();
    const [problem, setProblem] = useState<string | null>(null);
    const [modelErrors, setModelErrors] = useState<ModelProblem[]>([]);
    const [askReason, setAskReason] = useState(warnings > 0);

    const submit = async ({ comment, overrideReason }: DeployValues) => {
        setProblem(null);
        setModelErrors([]);
        try {
            const model = typeof xml === 'string' ? xml : await xml();
            const version = await dataProvider.deployModel(modelKey, {
                xml: model,
                comment: comment.trim(),
                overrideReason: askReason ? optionalText(overrideReason) : null,
            });
            notify('onething.model.deploy.done', { type: 'success', messageArgs: { version: version.version } });
            onDeployed(version);
        } catch (error) {
            const { message, body } = error as HttpError;
            setProblem(translate(message, { _: message }));
            const { model, form } = splitDeployErrors(body?.problem?.errors ?? []);
            setModelErrors(model);
            onModelProblems?.(model);
            if (form.overrideReason) setAskReason(true);
            return Object.keys(form).length ? form : undefined;
        }
    };

    return (
        <ActionDialog
            title={title}
            onClose={onClose}
            onSubmit={submit}
            problem={problem}
            record={{ comment: '', overrideReason: '' }}
            submitLabel="onething.model.deploy.submit"
        >
            {modelErrors.length > 0 && (
                <Alert severity="error" sx={{ mb: 2 }} aria-label={translate('onething.model.deploy.model_errors')}>
                    <AlertTitle>{translate('onething.model.deploy.model_errors')}</AlertTitle>
                    <Box component="ul" sx={{ m: 0, pl: 2 }}>
                        {modelErrors.map((error, index) => (
                            <li key={index}>
                                {error.elementId ? `${error.elementId}：` : ''}
                                {error.message}
                            </li>
                        ))}
                    </Box>
                </Alert>
            )}
            <TextInput
                source="comment"
                label="onething.model.deploy.comment"
                validate={commentRules}
                multiline
                minRows={2}
                fullWidth
            />
            {askReason && (
                <TextInput
                    source="overrideReason"
                    label="onething.model.deploy.override_reason"
                    helperText={
                        warnings > 0
                            ? translate('onething.model.deploy.override_hint', { smart_count: warnings })
                            : false
                    }
                    validate={reasonRules}
                    multiline
                    minRows={2}
                    fullWidth
                />
            )}
        </ActionDialog>
    );
};
