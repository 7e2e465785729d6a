import { Box, Stack, Typography } from '@mui/material';
import { type ReactNode, useId } from 'react';
import {
    ArrayField,
    Datagrid,
    DateField,
    FunctionField,
    Link,
    TextField,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { FactsRow } from '../cases/FactsRow';
import { DeadlineText } from '../timelimit/DeadlineField';
import { DeadlineLight } from '../timelimit/DeadlineLight';
import type { Rating, Rectification, RectificationStep } from '../types';
import { isAppealable } from './rating';
import { RatedItemField, RatingLevelField, RatingReasonField, RectificationStatusChip } from './RatingChips';
import { Fact } from '../cases/FactsRow';

/** A titled part of a page (a region named by its heading). */
export const Section = ({ title, children }: { title: string; children: ReactNode }) => {
    const titleId = useId();
    return (
        <Box component="section" aria-labelledby={titleId} sx={{ mt: 2 }}>
            <Typography variant="h6" component="h2" id={titleId} sx={{ px: 2 }}>
                {title}
            </Typography>
            {children}
        </Box>
    );
};

const CaseNumberLink = (_: { label?: string }) => {
    const rating = useRecordContext<Rating>();
    if (!rating) return null;
    return <Link to={`/cases/${encodeURIComponent(rating.caseId)}/show`}>{rating.caseNumber}</Link>;
};

/** The step a rectification waits for, with its deadline and light (e.g. 「核实　2026-11-25 预警」). */
export const StepDeadline = ({ step }: { step: RectificationStep }) => (
    <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap" component="span">
        <DeadlineLight light={step.light} />
        <DeadlineText deadline={step} />
    </Stack>
);

/**
 * Where the rectification of a bad rating stands: its status (for the applicant in plain words), the current
 * step with its deadline, the outcome, until when the applicant may appeal.
 */
const RectificationFacts = ({ rectification, staff }: { rectification: Rectification; staff: boolean }) => {
    const translate = useTranslate();
    const { status, step, outcome, appealableUntil } = rectification;
    return (
        <Box sx={{ px: 2 }}>
            <Stack direction="row" useFlexGap flexWrap="wrap" columnGap={4} rowGap={1} sx={{ mt: 1 }}>
                <Fact label="onething.rating.status_label">
                    <Stack direction="row" spacing={1} alignItems="center" useFlexGap flexWrap="wrap">
                        <RectificationStatusChip status={status} />
                        {!staff && (
                            <Typography variant="body2" component="span">
                                {translate(`onething.rectification.status_text.${status}`)}
                            </Typography>
                        )}
                    </Stack>
                </Fact>
                {step && <Fact label="onething.rating.current_step">{step.name}</Fact>}
                {/* 回访 has no deadline of its own (no answer in time closes the rectification) */}
                {step && (step.dueDate || step.light) && (
                    <Fact label="onething.rating.step_due">
                        <StepDeadline step={step} />
                    </Fact>
                )}
                {outcome && <Fact label="onething.rating.outcome">{outcome}</Fact>}
            </Stack>
            {!staff && isAppealable(rectification) && (
                <Typography variant="body2" sx={{ mt: 1 }}>
                    {translate('onething.rating.appealable_until', { date: appealableUntil })}
                </Typography>
            )}
        </Box>
    );
};

const NoEntries = () => {
    const translate = useTranslate();
    return (
        <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
            {translate('onething.rating.no_timeline')}
        </Typography>
    );
};

/** Each step of the rectification so far, in order. */
const RectificationTimeline = () => (
    <ArrayField source="rectification.timeline">
        <Datagrid bulkActionButtons={false} rowClick={false} empty={<NoEntries />}>
            <DateField source="at" label="onething.rating.at" showTime />
            <TextField source="message" label="onething.rating.message" />
            <TextField source="actor" label="onething.rating.actor" emptyText="—" />
        </Datagrid>
    </ArrayField>
);

/**
 * A rating: the case and item rated, the level, reason and comment; for a bad one the rectification: its status,
 * current step with its deadline and light, outcome, and every step so far. `staff`: for officers and managers
 * (who decided the item; the status without the applicant's wording).
 */
export const RatingDetail = ({ staff }: { staff: boolean }) => {
    const rating = useRecordContext<Rating>();
    const translate = useTranslate();
    if (!rating) return null;
    return (
        <>
            <FactsRow>
                <CaseNumberLink label="resources.ratings.fields.caseNumber" />
                <TextField source="bundleName" label="resources.ratings.fields.bundleName" />
                <RatedItemField label="resources.ratings.fields.itemName" />
                <TextField source="departmentName" label="resources.ratings.fields.departmentName" />
                {staff && <TextField source="officer" label="resources.ratings.fields.officer" emptyText="—" />}
                <FunctionField<Rating>
                    source="channel"
                    label="resources.ratings.fields.channel"
                    render={record => translate(`onething.rating.channel.${record.channel}`)}
                />
                <DateField source="ratedAt" label="resources.ratings.fields.ratedAt" showTime />
            </FactsRow>
            <FactsRow>
                <RatingLevelField label="resources.ratings.fields.level" />
                <RatingReasonField label="resources.ratings.fields.reason" />
                <TextField source="comment" label="resources.ratings.fields.comment" emptyText="—" />
            </FactsRow>
            {rating.rectification && (
                <>
                    <Section title={translate('onething.rating.rectification')}>
                        <RectificationFacts rectification={rating.rectification} staff={staff} />
                    </Section>
                    <Section title={translate('onething.rating.timeline')}>
                        <RectificationTimeline />
                    </Section>
                </>
            )}
        </>
    );
};
