import { RatingShow } from './RatingShow';

/** The applicant's ratings: each has its page (from the case page), there is no list. */
export default { show: RatingShow };
