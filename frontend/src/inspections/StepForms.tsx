import { Alert, Typography } from '@mui/material';
import {
    DateTimeInput,
    maxLength,
    RadioButtonGroupInput,
    required,
    TextInput,
    useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { ActionForm } from '../form/ActionForm';
import type { FindingResult, InspectionOpenStep, InspectionRecord } from '../types';
import { fromBeijingLocal, lines, visitTime } from './inspection';
import { PhotosInput } from './PhotosInput';
import { useInspectionAction } from './useInspectionAction';

// the backend's limits
const placeRequired = [required(), maxLength(200)];
const noteMax = [maxLength(1000)];
const textRequired = [required(), maxLength(1000)];
const choiceRequired = [required()];
const visitRequired = [required()];

/** Optional text: trimmed, null when blank. */
const optional = (text?: string | null) => text?.trim() || null;

interface StepProps {
    inspection: InspectionRecord;
    /** the open step of one of the user's departments */
    step: InspectionOpenStep;
}

const VisitInput = ({ label }: { label: string }) => (
    <DateTimeInput
        source="visitAt"
        label={label}
        validate={visitRequired}
        helperText="onething.inspection.proposal.visit_hint"
        fullWidth
    />
);

/** 拟定踏勘时间 (the lead department): when and where every department visits, on a working day. */
const ProposalForm = ({ inspection }: StepProps) => {
    const { submit, problem } = useInspectionAction(
        inspection,
        'proposal',
        ({ visitAt, place, note }: Record<string, string>) => ({
            visitAt: fromBeijingLocal(visitAt),
            place: place.trim(),
            note: optional(note),
        }),
        'onething.inspection.proposal.done'
    );
    return (
        <ActionForm
            onSubmit={submit}
            problem={problem}
            // a proposal after a counter-proposal starts from the place already known
            record={{ visitAt: '', place: inspection.visitPlace ?? '', note: '' }}
            submitLabel="onething.inspection.proposal.submit"
        >
            <VisitInput label="onething.inspection.proposal.visit_at" />
            <TextInput source="place" label="onething.inspection.proposal.place" validate={placeRequired} fullWidth />
            <TextInput
                source="note"
                label="onething.inspection.proposal.note"
                validate={noteMax}
                multiline
                minRows={2}
                fullWidth
            />
        </ActionForm>
    );
};

const ANSWERS = [
    { id: 'accept', name: 'onething.inspection.confirmation.accept' },
    { id: 'counter', name: 'onething.inspection.confirmation.counter' },
];

/** Another time, asked only when the department cannot come at the proposed one. */
const CounterInputs = () => {
    const answer = useWatch({ name: 'answer' });
    if (answer !== 'counter') return null;
    return (
        <>
            <VisitInput label="onething.inspection.confirmation.visit_at" />
            <TextInput
                source="note"
                label="onething.inspection.confirmation.note"
                validate={noteMax}
                multiline
                minRows={2}
                fullWidth
            />
        </>
    );
};

/** 确认踏勘时间 (each other department): accept the proposed time, or propose another. */
const ConfirmationForm = ({ inspection, step }: StepProps) => {
    const translate = useTranslate();
    const { submit, problem } = useInspectionAction(
        inspection,
        'confirmation',
        ({ answer, visitAt, note }: Record<string, string>) =>
            answer === 'accept'
                ? { department: step.department, accept: true }
                : { department: step.department, accept: false, visitAt: fromBeijingLocal(visitAt), note: optional(note) },
        'onething.inspection.confirmation.done'
    );
    return (
        <ActionForm
            onSubmit={submit}
            problem={problem}
            record={{ answer: '', visitAt: '', note: '' }}
            submitLabel="onething.inspection.confirmation.submit"
        >
            {inspection.visitAt && (
                <Typography variant="body2" sx={{ my: 1 }}>
                    {translate('onething.inspection.confirmation.proposed', {
                        at: visitTime(inspection.visitAt),
                        place: inspection.visitPlace ?? '—',
                    })}
                </Typography>
            )}
            <RadioButtonGroupInput
                source="answer"
                label="onething.inspection.confirmation.answer"
                choices={ANSWERS}
                validate={choiceRequired}
            />
            <CounterInputs />
        </ActionForm>
    );
};

const RESULTS: FindingResult[] = ['PASS', 'CONDITIONS', 'FAIL'];
const RESULT_CHOICES = RESULTS.map(result => ({ id: result, name: `onething.inspection.result.${result}` }));

/** 有条件通过 and 不通过 list what does not comply, one per line. */
const issuesRequired = (value: string, values: Record<string, unknown>) =>
    values.result && values.result !== 'PASS' && lines(value).length === 0
        ? 'onething.inspection.record.issues_required'
        : undefined;
// shown only when required: marked as such (react-admin reads the flag off the validator)
const issuesValidate = [Object.assign(issuesRequired, { isRequired: true })];

/** The issues, asked only for 有条件通过 and 不通过. */
const IssuesInput = () => {
    const result = useWatch({ name: 'result' });
    if (result !== 'CONDITIONS' && result !== 'FAIL') return null;
    return (
        <TextInput
            source="issues"
            label="onething.inspection.record.issues"
            helperText="onething.inspection.record.issues_hint"
            validate={issuesValidate}
            multiline
            minRows={3}
            fullWidth
        />
    );
};

/** 记录踏勘结论 (each department, at the visit or a re-check): pass, pass with conditions, or fail. */
const FindingsForm = ({ inspection, step }: StepProps) => {
    const { submit, problem } = useInspectionAction(
        inspection,
        'findings',
        ({ result, issues, comment, photos }: { result: FindingResult; issues?: string; comment?: string; photos?: string[] }) => ({
            department: step.department,
            result,
            issues: result === 'PASS' ? [] : lines(issues),
            comment: optional(comment),
            photos: photos ?? [],
        }),
        'onething.inspection.record.done'
    );
    return (
        <ActionForm
            onSubmit={submit}
            problem={problem}
            record={{ result: '', issues: '', comment: '', photos: [] }}
            submitLabel="onething.inspection.record.submit"
        >
            <RadioButtonGroupInput
                source="result"
                label="onething.inspection.record.result"
                choices={RESULT_CHOICES}
                validate={choiceRequired}
            />
            <IssuesInput />
            <TextInput
                source="comment"
                label="onething.inspection.record.comment"
                validate={noteMax}
                multiline
                minRows={2}
                fullWidth
            />
            <PhotosInput />
        </ActionForm>
    );
};

/** The form of an open step of one of the user's departments. */
export const StepForm = (props: StepProps) => {
    switch (props.step.step) {
        case 'proposeVisit':
            return <ProposalForm {...props} />;
        case 'confirmVisit':
            return <ConfirmationForm {...props} />;
        case 'recordFindings':
            return <FindingsForm {...props} />;
        default:
            return null;
    }
};

/** 整改 (the applicant enterprise, before the date): what it put right, with photos; the departments re-check. */
export const RectificationForm = ({ inspection }: { inspection: InspectionRecord }) => {
    const translate = useTranslate();
    const { submit, problem } = useInspectionAction(
        inspection,
        'rectification',
        ({ comment, photos }: { comment: string; photos?: string[] }) => ({ comment: comment.trim(), photos: photos ?? [] }),
        'onething.inspection.rectification.done'
    );
    return (
        <>
            {inspection.rectifyBy && (
                <Alert severity="warning" sx={{ mx: 2, my: 1 }}>
                    {translate('onething.inspection.rectification.intro', { date: inspection.rectifyBy })}
                </Alert>
            )}
            <ActionForm
                onSubmit={submit}
                problem={problem}
                record={{ comment: '', photos: [] }}
                submitLabel="onething.inspection.rectification.submit"
            >
                <TextInput
                    source="comment"
                    label="onething.inspection.rectification.comment"
                    validate={textRequired}
                    multiline
                    minRows={3}
                    fullWidth
                />
                <PhotosInput />
            </ActionForm>
        </>
    );
};
