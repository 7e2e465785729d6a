import RateReviewIcon from '@mui/icons-material/RateReview';
import { Alert, Box, Button, Link as MuiLink, Paper, Stack, Typography } from '@mui/material';
import { useId, useState } from 'react';
import { Link, useRecordContext, useTranslate } from 'react-admin';
import type { CaseDetail, CaseItem, Rating } from '../types';
import { isChangeable, isRatable, ownRating, ratingsOf } from './rating';
import { LevelChips, RectificationStatusChip } from './RatingChips';
import { RatingDialog } from './RatingDialog';
import { useCaseRatings } from './useCaseRatings';

/** Whose case page it is: the applicant rates, officers and managers only see the ratings. */
export type RatingAudience = 'applicant' | 'staff';

/** The applicant follows a rating on its own page, officers and managers in 差评整改. */
export const ratingLink = (rating: Rating, audience: RatingAudience) =>
    audience === 'applicant'
        ? `/ratings/${encodeURIComponent(rating.id)}/show`
        : `/rectifications/${encodeURIComponent(rating.id)}/show`;

/** 「11月25日 10:00」: when a rating stops being changeable (within a day or so). */
const shortTime = (instant: string) =>
    new Date(instant).toLocaleString('zh-CN', { month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit' });

interface TargetProps {
    caseId: CaseDetail['id'];
    itemCode: string | null;
    /** what is rated: an item's name, or the bundle's */
    name: string;
}

/**
 * One rating: its level (with 差评), where its rectification stands, a link to its page; for the applicant
 * 「修改评价」 while it may still be changed.
 */
const RatingSummary = ({
    rating,
    audience,
    caseId,
    itemCode,
    name,
}: TargetProps & { rating: Rating; audience: RatingAudience }) => {
    const translate = useTranslate();
    const [changing, setChanging] = useState(false);
    const changeable = audience === 'applicant' && isChangeable(rating);
    return (
        <Box sx={{ minWidth: 160 }}>
            <Stack direction="row" spacing={0.5} alignItems="center" useFlexGap flexWrap="wrap">
                <LevelChips level={rating.level} bad={rating.bad} />
                {rating.rectification && <RectificationStatusChip status={rating.rectification.status} />}
            </Stack>
            <Stack direction="row" spacing={2} alignItems="center" sx={{ mt: 0.5, typography: 'body2' }}>
                <Link
                    to={ratingLink(rating, audience)}
                    aria-label={translate('onething.rating.details_item', { name })}
                    sx={{ whiteSpace: 'nowrap' }}
                >
                    {translate('onething.rating.details')}
                </Link>
                {changeable && (
                    <MuiLink
                        component="button"
                        type="button"
                        variant="body2"
                        onClick={() => setChanging(true)}
                        aria-label={translate('onething.rating.change_item', { name })}
                        sx={{ whiteSpace: 'nowrap' }}
                    >
                        {translate('onething.rating.change')}
                    </MuiLink>
                )}
            </Stack>
            {changeable && (
                <Typography variant="caption" color="text.secondary" component="div">
                    {translate('onething.rating.changeable_until', { at: shortTime(rating.changeableUntil) })}
                </Typography>
            )}
            {changing && (
                <RatingDialog
                    caseId={caseId}
                    itemCode={itemCode}
                    name={name}
                    rating={rating}
                    onClose={() => setChanging(false)}
                />
            )}
        </Box>
    );
};

/** 「评价」: opens the rating dialog. */
const RateButton = ({ caseId, itemCode, name, variant = 'outlined' }: TargetProps & { variant?: 'outlined' | 'contained' }) => {
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    return (
        <>
            <Button
                size="small"
                variant={variant}
                startIcon={<RateReviewIcon />}
                onClick={() => setOpen(true)}
                aria-label={translate('onething.rating.rate_item', { name })}
                sx={{ whiteSpace: 'nowrap' }}
            >
                {translate('onething.rating.rate')}
            </Button>
            {open && <RatingDialog caseId={caseId} itemCode={itemCode} name={name} onClose={() => setOpen(false)} />}
        </>
    );
};

/**
 * The 评价 column of the case's items: once an item is decided the applicant rates it (or sees and changes
 * their rating); officers and managers see the item's ratings.
 */
export const ItemRatingField = ({ caseRecord, audience }: { caseRecord: CaseDetail; audience: RatingAudience; label?: string }) => {
    const item = useRecordContext<CaseItem>();
    const { data: ratings, isSuccess } = useCaseRatings(caseRecord.id);
    if (!item || !isSuccess) return <>—</>;
    const target = { caseId: caseRecord.id, itemCode: item.code, name: item.name };
    const shown = audience === 'applicant' ? [ownRating(ratings, item.code)].filter(rating => rating !== undefined) : ratingsOf(ratings, item.code);
    if (shown.length) {
        return (
            <Stack spacing={1}>
                {shown.map(rating => (
                    <RatingSummary key={rating.id} rating={rating} audience={audience} {...target} />
                ))}
            </Stack>
        );
    }
    return audience === 'applicant' && isRatable(item) ? <RateButton {...target} /> : <>—</>;
};

/**
 * 「评价本次办件」: once the case is completed the applicant rates it as a whole (or sees and changes that
 * rating); officers and managers see the ratings of the whole case, if any.
 */
export const CaseRatingBlock = ({ audience }: { audience: RatingAudience }) => {
    const record = useRecordContext<CaseDetail>();
    const translate = useTranslate();
    const titleId = useId();
    const { data: ratings, error, isSuccess } = useCaseRatings(record?.id);
    // items come with the case page, not the list row
    if (!record?.items || record.status !== 'COMPLETED') return null;
    const target = { caseId: record.id, itemCode: null, name: record.bundleName };
    const shown = !isSuccess
        ? []
        : audience === 'applicant'
          ? [ownRating(ratings, null)].filter(rating => rating !== undefined)
          : ratingsOf(ratings, null);
    if (audience === 'staff' && shown.length === 0) return null;
    const title =
        audience === 'staff'
            ? 'onething.rating.case_block_others'
            : shown.length
              ? 'onething.rating.case_block_rated'
              : 'onething.rating.case_block';
    return (
        <Paper variant="outlined" component="section" aria-labelledby={titleId} sx={{ mx: 2, mb: 1, px: 2, py: 1 }}>
            <Typography variant="subtitle2" component="h2" id={titleId}>
                {translate(title)}
            </Typography>
            {error ? (
                <Alert severity="warning" sx={{ mt: 1 }}>
                    {translate('onething.rating.load_error', { message: translate((error as Error).message, { _: (error as Error).message }) })}
                </Alert>
            ) : shown.length ? (
                <Stack spacing={1} sx={{ mt: 1 }}>
                    {shown.map(rating => (
                        <RatingSummary key={rating.id} rating={rating} audience={audience} {...target} />
                    ))}
                </Stack>
            ) : (
                isSuccess && (
                    <Stack direction="row" spacing={2} alignItems="center" useFlexGap flexWrap="wrap" sx={{ mt: 1 }}>
                        <Typography variant="body2">{translate('onething.rating.case_block_intro')}</Typography>
                        <RateButton {...target} variant="contained" />
                    </Stack>
                )
            )}
        </Paper>
    );
};
