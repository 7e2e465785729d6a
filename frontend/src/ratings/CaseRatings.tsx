import RateReviewIcon from '@mui/icons-material/RateReview';
import { Alert, Box, Button, Chip, Link as MuiLink, Paper, Stack, Typography } from '@mui/material';
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
 * One rating: its level (with 差评, and 监督查评 for a supervisor's), where its rectification stands, a link to its
 * page; 「修改评价」 while its rater may still change it (`mayChange`).
 */
const RatingSummary = ({
    rating,
    audience,
    mayChange = false,
    caseId,
    itemCode,
    name,
}: TargetProps & { rating: Rating; audience: RatingAudience; mayChange?: boolean }) => {
    const translate = useTranslate();
    const [changing, setChanging] = useState(false);
    const supervisor = rating.channel === 'SUPERVISOR';
    const changeable = mayChange && isChangeable(rating);
    return (
        <Box sx={{ minWidth: 160 }}>
            <Stack direction="row" spacing={0.5} alignItems="center" useFlexGap flexWrap="wrap">
                {supervisor && (
                    <Chip size="small" color="primary" variant="outlined" label={translate('onething.rating.supervisor.chip')} />
                )}
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
                        aria-label={translate(
                            supervisor ? 'onething.rating.supervisor.change_item' : 'onething.rating.change_item',
                            { name }
                        )}
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
                    supervisor={supervisor}
                    onClose={() => setChanging(false)}
                />
            )}
        </Box>
    );
};

/** 「评价」 (the applicant) or 「监督评价」 (a supervisor): opens the rating dialog. */
const RateButton = ({
    caseId,
    itemCode,
    name,
    variant = 'outlined',
    supervisor = false,
}: TargetProps & { variant?: 'outlined' | 'contained'; supervisor?: boolean }) => {
    const translate = useTranslate();
    const [open, setOpen] = useState(false);
    const prefix = supervisor ? 'onething.rating.supervisor.' : 'onething.rating.';
    return (
        <>
            <Button
                size="small"
                variant={variant}
                startIcon={<RateReviewIcon />}
                onClick={() => setOpen(true)}
                aria-label={translate(`${prefix}rate_item`, { name })}
                sx={{ whiteSpace: 'nowrap', alignSelf: 'flex-start' }}
            >
                {translate(`${prefix}rate`)}
            </Button>
            {open && (
                <RatingDialog
                    caseId={caseId}
                    itemCode={itemCode}
                    name={name}
                    supervisor={supervisor}
                    onClose={() => setOpen(false)}
                />
            )}
        </>
    );
};

interface ItemRatingFieldProps {
    caseRecord: CaseDetail;
    audience: RatingAudience;
    /** whether the user rates this item as a supervisor (监督查评): a manager, or a lead of its department */
    supervises?: (item: CaseItem) => boolean;
    label?: string;
}

/**
 * The 评价 column of the case's items: once an item is decided the applicant rates it (or sees and changes
 * their rating); officers and managers see the item's ratings. A supervisor (监督查评, 国办发〔2019〕51号) rates a
 * decided item next to the applicant's rating (read-only), then sees their rating with 「监督查评」 and may change
 * it while changeable (`mine`: the API says which rating the user gave).
 */
export const ItemRatingField = ({ caseRecord, audience, supervises }: ItemRatingFieldProps) => {
    const item = useRecordContext<CaseItem>();
    const { data: ratings, isSuccess } = useCaseRatings(caseRecord.id);
    if (!item || !isSuccess) return <>—</>;
    const target = { caseId: caseRecord.id, itemCode: item.code, name: item.name };
    if (audience === 'applicant') {
        const own = ownRating(ratings, item.code);
        if (own) return <RatingSummary rating={own} audience={audience} mayChange {...target} />;
        return isRatable(item) ? <RateButton {...target} /> : <>—</>;
    }
    const supervisor = !!supervises?.(item);
    const itemRatings = ratingsOf(ratings, item.code);
    const supervisorRatings = itemRatings.filter(rating => rating.channel === 'SUPERVISOR');
    const others = itemRatings.filter(rating => rating.channel !== 'SUPERVISOR');
    const rate = supervisor && isRatable(item) && !supervisorRatings.some(rating => rating.mine);
    if (!itemRatings.length && !rate) return <>—</>;
    return (
        <Stack spacing={1}>
            {[...others, ...supervisorRatings].map(rating => (
                <RatingSummary
                    key={rating.id}
                    rating={rating}
                    audience={audience}
                    mayChange={supervisor && rating.mine}
                    {...target}
                />
            ))}
            {rate && <RateButton {...target} supervisor />}
        </Stack>
    );
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
                        <RatingSummary
                            key={rating.id}
                            rating={rating}
                            audience={audience}
                            mayChange={audience === 'applicant'}
                            {...target}
                        />
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
