import ThumbDownIcon from '@mui/icons-material/ThumbDown';
import { Chip, type ChipProps, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Rating, RatingLevel, RectificationStatus } from '../types';

const LEVEL_COLORS: Record<RatingLevel, ChipProps['color']> = {
    5: 'success',
    4: 'success',
    3: 'default',
    2: 'error',
    1: 'error',
};

/** A rating's level in words (非常满意 … 非常不满意), with 「差评」 for a bad one. */
export const LevelChips = ({ level, bad }: { level: RatingLevel; bad: boolean }) => {
    const translate = useTranslate();
    return (
        <Stack direction="row" spacing={0.5} alignItems="center" component="span">
            <Chip
                size="small"
                variant="outlined"
                color={LEVEL_COLORS[level]}
                label={translate(`onething.rating.level.${level}`)}
            />
            {bad && (
                <Chip
                    size="small"
                    color="error"
                    icon={<ThumbDownIcon />}
                    label={translate('onething.rating.bad')}
                />
            )}
        </Stack>
    );
};

const STATUS_COLORS: Record<RectificationStatus, ChipProps['color']> = {
    VERIFYING: 'warning',
    RECTIFYING: 'warning',
    CALLBACK: 'info',
    EXCLUSION_REVIEW: 'info',
    CLOSED: 'success',
    EXCLUDED: 'default',
    APPEAL_REVIEW: 'info',
};

/** Where a rectification stands: 待核实, 整改中, 待回访, …, 已办结. */
export const RectificationStatusChip = ({ status }: { status: RectificationStatus }) => {
    const translate = useTranslate();
    return (
        <Chip
            size="small"
            color={STATUS_COLORS[status]}
            label={translate(`onething.rectification.status.${status}`)}
        />
    );
};

/** The level of the rating in context, as a Datagrid / Show field. */
export const RatingLevelField = (_: { label?: string }) => {
    const rating = useRecordContext<Rating>();
    return rating ? <LevelChips level={rating.level} bad={rating.bad} /> : null;
};

/** The reason of the rating in context (差评原因), or a dash. */
export const RatingReasonField = (_: { label?: string }) => {
    const rating = useRecordContext<Rating>();
    const translate = useTranslate();
    return (
        <Typography variant="body2" component="span">
            {rating?.reason ? translate(`onething.rating.reason.${rating.reason}`) : '—'}
        </Typography>
    );
};

/** The item rated, or 「整个办件」 for a rating of the whole case. */
export const RatedItemField = (_: { label?: string }) => {
    const rating = useRecordContext<Rating>();
    const translate = useTranslate();
    if (!rating) return null;
    return (
        <Typography variant="body2" component="span">
            {rating.itemName ?? translate('onething.rating.whole_case')}
        </Typography>
    );
};
