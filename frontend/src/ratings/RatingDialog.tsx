import { Typography } from '@mui/material';
import { useState } from 'react';
import {
    type HttpError,
    type Identifier,
    maxLength,
    RadioButtonGroupInput,
    required,
    TextInput,
    useNotify,
    useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useOneThingDataProvider } from '../dataProvider';
import { ActionDialog } from '../form/ActionDialog';
import { optionalText } from '../form/text';
import type { Rating, RatingBody, RatingLevel, RatingReason } from '../types';
import { COMMENT_MAX, isBadLevel, LEVELS, REASONS } from './rating';
import { useRefreshCaseRatings } from './useCaseRatings';

export const LEVEL_CHOICES = LEVELS.map(level => ({ id: level, name: `onething.rating.level.${level}` }));
const REASON_CHOICES = REASONS.map(reason => ({ id: reason, name: `onething.rating.reason.${reason}` }));

const levelRequired = [required('onething.rating.level_required')];
const reasonRequired = [required('onething.rating.reason_required')];
export const commentMax = [maxLength(COMMENT_MAX)];
/** A radio's value is a string: the level as a number. */
export const parseLevel = (value: unknown) => (value === '' || value == null ? null : Number(value));

export interface RatingValues {
    level?: RatingLevel | null;
    reason?: RatingReason | null;
    comment?: string | null;
}

/** The body of POST /api/cases/{id}/ratings: a reason only for a bad rating, no empty comment. */
export const toRatingBody = (itemCode: string | null, { level, reason, comment }: RatingValues): RatingBody => ({
    itemCode,
    level: Number(level) as RatingLevel,
    reason: isBadLevel(level) ? (reason ?? null) : null,
    comment: optionalText(comment),
});

/** The reasons of a bad rating: shown, and required, for 不满意 and 非常不满意 only. */
const BadReason = () => {
    const level = useWatch<RatingValues, 'level'>({ name: 'level' });
    if (!isBadLevel(level)) return null;
    return (
        <RadioButtonGroupInput
            source="reason"
            label="onething.rating.reason_label"
            choices={REASON_CHOICES}
            validate={reasonRequired}
        />
    );
};

export interface RatingDialogProps {
    caseId: Identifier;
    /** null: the whole case */
    itemCode: string | null;
    /** what is rated: the item's name, or the bundle's for the whole case */
    name: string;
    /** the rating to change (修改评价) */
    rating?: Rating;
    /** 监督查评: a manager's or a department lead's rating of an item, not the applicant's */
    supervisor?: boolean;
    onClose: () => void;
}

/** The dialog's words: the applicant's (评价), or a supervisor's (监督评价). */
const wordsOf = (supervisor: boolean, changing: boolean) => {
    const prefix = supervisor ? 'onething.rating.supervisor.' : 'onething.rating.';
    return {
        title: `${prefix}${changing ? 'change_title' : 'rate_title'}`,
        intro: `${prefix}intro`,
        done: `${prefix}${changing ? 'changed' : 'rated'}`,
    };
};

/**
 * Rates an item or the whole case: one of the five levels; a bad one (不满意, 非常不满意) needs a reason; an
 * optional comment. A refusal of the server (409: not decided yet, the 24 h for changing are over) is shown in
 * the dialog, a validation problem next to each input. A supervisor (监督查评) rates the same way, under their own
 * title; the server tells the channel from who rates.
 */
export const RatingDialog = ({ caseId, itemCode, name, rating, supervisor = false, onClose }: RatingDialogProps) => {
    const translate = useTranslate();
    const notify = useNotify();
    const dataProvider = useOneThingDataProvider();
    const refreshRatings = useRefreshCaseRatings();
    const [problem, setProblem] = useState<string | null>(null);
    const words = wordsOf(supervisor, !!rating);

    const submit = async (values: RatingValues) => {
        setProblem(null);
        try {
            await dataProvider.rate(caseId, toRatingBody(itemCode, values));
        } catch (error) {
            const { message, body } = error as HttpError;
            setProblem(translate(message, { _: message }));
            return body?.errors; // a validation problem: next to each input
        }
        notify(words.done, { type: 'success' });
        refreshRatings(caseId);
        onClose();
    };

    return (
        <ActionDialog
            title={translate(words.title, { name })}
            onClose={onClose}
            onSubmit={submit}
            problem={problem}
            record={{ level: rating?.level ?? null, reason: rating?.reason ?? null, comment: rating?.comment ?? '' }}
            submitLabel="onething.rating.submit"
        >
            <Typography variant="body2" color="text.secondary">
                {translate(words.intro)}
            </Typography>
            <RadioButtonGroupInput
                source="level"
                label="onething.rating.level_label"
                choices={LEVEL_CHOICES}
                parse={parseLevel}
                validate={levelRequired}
            />
            <BadReason />
            <TextInput
                source="comment"
                label="onething.rating.comment_label"
                helperText="onething.rating.comment_hint"
                validate={commentMax}
                multiline
                minRows={3}
                fullWidth
            />
        </ActionDialog>
    );
};
