import GavelIcon from '@mui/icons-material/Gavel';
import SendIcon from '@mui/icons-material/Send';
import {
    Alert,
    AlertTitle,
    Box,
    Button,
    Dialog,
    DialogActions,
    DialogContent,
    DialogTitle,
    Typography,
} from '@mui/material';
import { useId, useState } from 'react';
import {
    Form,
    maxLength,
    RadioButtonGroupInput,
    required,
    SaveButton,
    TextInput,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import type { Rating, RatingLevel } from '../types';
import { COMMENT_MAX, isAppealable } from './rating';
import { optionalText } from '../form/text';
import { commentMax, LEVEL_CHOICES, parseLevel } from './RatingDialog';
import { useRatingAction } from './useRatingAction';

const SOLVED_CHOICES = [
    { id: 'yes', name: 'onething.rating.callback.yes' },
    { id: 'no', name: 'onething.rating.callback.no' },
];
const KEEP_LEVEL = { id: '', name: 'onething.rating.callback.keep' };

const solvedRequired = [required()];
const reasonRequired = [required(), maxLength(COMMENT_MAX)];

interface CallbackValues {
    solved?: 'yes' | 'no' | null;
    level?: RatingLevel | null;
    comment?: string | null;
}

/** The body of a 回访: solved or not, a new level only if chosen, no empty comment. */
export const toCallbackBody = ({ solved, level, comment }: CallbackValues) => ({
    solved: solved === 'yes',
    level: level || null,
    comment: optionalText(comment),
});

/** 回访: once the department has rectified, the applicant says whether it is solved, may rate again, comment. */
const CallbackForm = ({ rating }: { rating: Rating }) => {
    const translate = useTranslate();
    const titleId = useId();
    const { submit, problem } = useRatingAction(rating, 'callback', toCallbackBody, 'onething.rating.callback.done');
    return (
        <Alert severity="info" role="region" aria-labelledby={titleId} sx={{ m: 2 }}>
            <AlertTitle id={titleId}>{translate('onething.rating.callback.title')}</AlertTitle>
            <Typography variant="body2">{translate('onething.rating.callback.intro')}</Typography>
            {/* its own values, not the rating's (its comment is the applicant's first one) */}
            <Form onSubmit={submit} record={{ solved: null, level: null, comment: '' }}>
                <Box sx={{ mt: 1, maxWidth: 640 }}>
                    {problem && (
                        <Alert severity="error" sx={{ mb: 2 }}>
                            {problem}
                        </Alert>
                    )}
                    <RadioButtonGroupInput
                        source="solved"
                        label="onething.rating.callback.solved"
                        choices={SOLVED_CHOICES}
                        validate={solvedRequired}
                    />
                    <RadioButtonGroupInput
                        source="level"
                        label="onething.rating.callback.level"
                        choices={[KEEP_LEVEL, ...LEVEL_CHOICES]}
                        parse={parseLevel}
                        format={value => value ?? ''}
                    />
                    <TextInput
                        source="comment"
                        label="onething.rating.callback.comment"
                        validate={commentMax}
                        multiline
                        minRows={2}
                        fullWidth
                    />
                    <SaveButton label="onething.rating.callback.submit" icon={<SendIcon />} alwaysEnable />
                </Box>
            </Form>
        </Alert>
    );
};

/** 申诉: while the applicant may still appeal a closed or excluded rectification, the reason in a dialog. */
const AppealButton = ({ rating }: { rating: Rating }) => {
    const translate = useTranslate();
    const titleId = useId();
    const [open, setOpen] = useState(false);
    const { submit, problem } = useRatingAction(
        rating,
        'appeal',
        ({ reason }: { reason?: string }) => ({ reason: (reason ?? '').trim() }),
        'onething.rating.appeal.done',
        () => setOpen(false)
    );
    return (
        <Box sx={{ px: 2, mt: 2 }}>
            <Button variant="outlined" startIcon={<GavelIcon />} onClick={() => setOpen(true)}>
                {translate('onething.rating.appeal.button')}
            </Button>
            {open && (
                <Dialog open onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby={titleId}>
                    <Form onSubmit={submit} record={{ reason: '' }}>
                        <DialogTitle id={titleId}>
                            {translate('onething.rating.appeal.title', { number: rating.caseNumber })}
                        </DialogTitle>
                        <DialogContent>
                            {problem && (
                                <Alert severity="error" sx={{ mb: 2 }}>
                                    {problem}
                                </Alert>
                            )}
                            <Typography variant="body2" color="text.secondary">
                                {translate('onething.rating.appeal.intro')}
                            </Typography>
                            <TextInput
                                source="reason"
                                label="onething.rating.appeal.reason"
                                validate={reasonRequired}
                                multiline
                                minRows={3}
                                fullWidth
                            />
                        </DialogContent>
                        <DialogActions>
                            <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
                            <SaveButton label="onething.rating.appeal.submit" icon={<SendIcon />} alwaysEnable />
                        </DialogActions>
                    </Form>
                </Dialog>
            )}
        </Box>
    );
};

/** What the applicant can do about a bad rating: 回访 when asked, 申诉 while still allowed. */
export const ApplicantActions = () => {
    const rating = useRecordContext<Rating>();
    const rectification = rating?.rectification;
    if (!rating || !rectification) return null;
    if (rectification.status === 'CALLBACK') return <CallbackForm rating={rating} />;
    if (isAppealable(rectification)) return <AppealButton rating={rating} />;
    return null;
};
