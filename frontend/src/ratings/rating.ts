import type {
    CaseItem,
    Rating,
    RatingLevel,
    RatingReason,
    Rectification,
    RectificationStatus,
    RectificationStepCode,
} from '../types';

/** The five levels, best first, as the dialog lists them. */
export const LEVELS: RatingLevel[] = [5, 4, 3, 2, 1];

export const REASONS: RatingReason[] = ['ATTITUDE', 'TIME_LIMIT', 'MATERIALS', 'PROCESS', 'RESULT', 'OTHER'];

/** 不满意 and 非常不满意 are 差评: they need a reason and start a rectification. */
export const isBadLevel = (level?: number | null) => level != null && level <= 2;

/** The longest comment of a rating. */
export const COMMENT_MAX = 500;

/** Items are rated once decided (通过 or 不予办理). */
export const isRatable = (item: CaseItem) => item.status === 'APPROVED' || item.status === 'REJECTED';

/** Until `changeableUntil` a new rating replaces the earlier one. */
export const isChangeable = (rating: Rating, now = new Date()) => new Date(rating.changeableUntil) > now;

/** Today as YYYY-MM-DD, in the user's time zone. */
export const today = (now = new Date()) =>
    [now.getFullYear(), now.getMonth() + 1, now.getDate()].map(part => String(part).padStart(2, '0')).join('-');

/** The applicant may appeal a closed or excluded rectification until `appealableUntil` (that day included). */
export const isAppealable = (rectification: Rectification | null | undefined, now = new Date()) =>
    !!rectification &&
    (rectification.status === 'CLOSED' || rectification.status === 'EXCLUDED') &&
    !!rectification.appealableUntil &&
    today(now) <= rectification.appealableUntil;

const STEP_OF_STATUS: Partial<Record<RectificationStatus, RectificationStepCode>> = {
    VERIFYING: 'verify',
    RECTIFYING: 'rectify',
    CALLBACK: 'callback',
    EXCLUSION_REVIEW: 'reviewExclusion',
    APPEAL_REVIEW: 'reviewAppeal',
};

/** The step the rectification waits for: the server's step, or the one its status implies; null once finished. */
export const currentStep = (rectification: Rectification | null | undefined): RectificationStepCode | null =>
    rectification ? (rectification.step?.code ?? STEP_OF_STATUS[rectification.status] ?? null) : null;

/**
 * Which realm roles may act on a step as staff (the applicant does 回访; the backend also checks the
 * department): 核实 the department's lead, 整改 its officers (a lead is usually an officer too).
 */
export const STEP_ROLES: Record<Exclude<RectificationStepCode, 'callback'>, string[]> = {
    verify: ['lead'],
    rectify: ['officer'],
    reviewExclusion: ['manager'],
    reviewAppeal: ['manager'],
};

/** The applicant's own rating of an item (or of the whole case: itemCode null), not a supervisor's. */
export const ownRating = (ratings: Rating[], itemCode: string | null) =>
    ratings.find(rating => rating.itemCode === itemCode && rating.channel !== 'SUPERVISOR');

export const ratingsOf = (ratings: Rating[], itemCode: string | null) =>
    ratings.filter(rating => rating.itemCode === itemCode);
