import { Alert } from '@mui/material';
import type { ReactNode } from 'react';
import {
    maxLength,
    RadioButtonGroupInput,
    required,
    TextInput,
    usePermissions,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { ActionForm } from '../form/ActionForm';
import { currentStep, STEP_ROLES } from '../ratings/rating';
import { Section } from '../ratings/RatingDetail';
import { useRatingAction } from '../ratings/useRatingAction';
import type {
    Permissions,
    Rating,
    RectificationAction,
    RectificationActions,
    RectificationStepCode,
} from '../types';

/** The longest text of a step (核实情况, 整改方案, 意见…). */
const TEXT_MAX = 2000;
const textRequired = [required(), maxLength(TEXT_MAX)];
const choiceRequired = [required()];

type Values = Record<string, string>;

interface StepFormProps<A extends RectificationAction> {
    rating: Rating;
    action: A;
    toBody: (values: Values) => RectificationActions[A];
    done: string;
    submitLabel: string;
    /** the form's inputs, all empty at first */
    record: Values;
    children: ReactNode;
}

/** One step's form: its inputs, the server's refusal if any, the submit button; done: a message and a refresh. */
const StepForm = <A extends RectificationAction>({
    rating,
    action,
    toBody,
    done,
    submitLabel,
    record,
    children,
}: StepFormProps<A>) => {
    const { submit, problem } = useRatingAction(rating, action, toBody, done);
    return (
        <ActionForm onSubmit={submit} problem={problem} record={record} submitLabel={submitLabel}>
            {children}
        </ActionForm>
    );
};

const choices = (prefix: string, ids: string[]) => ids.map(id => ({ id, name: `${prefix}.${id}` }));

const LongText = ({ source, label }: { source: string; label: string }) => (
    <TextInput source={source} label={label} validate={textRequired} multiline minRows={3} fullWidth />
);

/** 核实 (department lead): the complaint is founded and must be rectified, or not the department's: exclude. */
const VerifyForm = ({ rating }: { rating: Rating }) => (
    <StepForm
        rating={rating}
        action="verify"
        toBody={({ verdict, finding }) => ({ verdict: verdict as 'rectify' | 'exclude', finding: finding.trim() })}
        done="onething.rectification.verify.done"
        submitLabel="onething.rectification.verify.submit"
        record={{ verdict: '', finding: '' }}
    >
        <RadioButtonGroupInput
            source="verdict"
            label="onething.rectification.verify.verdict"
            choices={choices('onething.rectification.verify', ['rectify', 'exclude'])}
            validate={choiceRequired}
            row={false}
        />
        <LongText source="finding" label="onething.rectification.verify.finding" />
    </StepForm>
);

/** 整改 (the department's officer): the plan and what was done. */
const RectifyForm = ({ rating }: { rating: Rating }) => (
    <StepForm
        rating={rating}
        action="rectify"
        toBody={({ plan, result }) => ({ plan: plan.trim(), result: result.trim() })}
        done="onething.rectification.rectify.done"
        submitLabel="onething.rectification.rectify.submit"
        record={{ plan: '', result: '' }}
    >
        <LongText source="plan" label="onething.rectification.rectify.plan" />
        <LongText source="result" label="onething.rectification.rectify.result" />
    </StepForm>
);

/** 排除审核 (manager): agree that the bad rating is not the department's, or not. */
const ExclusionReviewForm = ({ rating }: { rating: Rating }) => (
    <StepForm
        rating={rating}
        action="exclusion-review"
        toBody={({ decision, comment }) => ({ approve: decision === 'approve', comment: comment.trim() })}
        done="onething.rectification.exclusion_review.done"
        submitLabel="onething.rectification.exclusion_review.submit"
        record={{ decision: '', comment: '' }}
    >
        <RadioButtonGroupInput
            source="decision"
            label="onething.rectification.exclusion_review.decision"
            choices={choices('onething.rectification.exclusion_review', ['approve', 'reject'])}
            validate={choiceRequired}
        />
        <LongText source="comment" label="onething.rectification.exclusion_review.comment" />
    </StepForm>
);

/** 申诉复核 (manager): uphold the applicant's appeal, or dismiss it. */
const AppealReviewForm = ({ rating }: { rating: Rating }) => (
    <StepForm
        rating={rating}
        action="appeal-review"
        toBody={({ decision, comment }) => ({ uphold: decision === 'uphold', comment: comment.trim() })}
        done="onething.rectification.appeal_review.done"
        submitLabel="onething.rectification.appeal_review.submit"
        record={{ decision: '', comment: '' }}
    >
        <RadioButtonGroupInput
            source="decision"
            label="onething.rectification.appeal_review.decision"
            choices={choices('onething.rectification.appeal_review', ['uphold', 'dismiss'])}
            validate={choiceRequired}
        />
        <LongText source="comment" label="onething.rectification.appeal_review.comment" />
    </StepForm>
);

const FORMS: Record<Exclude<RectificationStepCode, 'callback'>, (props: { rating: Rating }) => ReactNode> = {
    verify: VerifyForm,
    rectify: RectifyForm,
    reviewExclusion: ExclusionReviewForm,
    reviewAppeal: AppealReviewForm,
};

/** Whether a user with these roles acts on this step (the backend also checks the department). */
export const mayAct = (step: RectificationStepCode, roles: string[]) =>
    step !== 'callback' && STEP_ROLES[step].some(role => roles.includes(role));

/**
 * The form of the rectification's current step, for whom it is: 核实 for the department's lead, 整改 for its
 * officers, 排除审核 and 申诉复核 for managers; anybody else reads whom the step waits for.
 */
export const CurrentStepForm = () => {
    const rating = useRecordContext<Rating>();
    const translate = useTranslate();
    const { permissions, isPending } = usePermissions<Permissions>();
    const step = currentStep(rating?.rectification);
    if (!rating?.rectification || !step || isPending) return null;
    const roles = permissions?.roles ?? [];
    const name =
        rating.rectification.step?.name ?? translate(`onething.rectification.status.${rating.rectification.status}`);
    if (!mayAct(step, roles)) {
        return (
            <Alert severity="info" sx={{ m: 2 }}>
                {translate(`onething.rectification.waiting.${step}`)}
            </Alert>
        );
    }
    const StepInputs = FORMS[step as keyof typeof FORMS];
    return (
        <Section title={translate('onething.rectification.act', { step: name })}>
            <StepInputs key={`${rating.id}-${step}`} rating={rating} />
        </Section>
    );
};
