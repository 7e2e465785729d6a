import { Show, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { useNotifyError } from '../errors';
import type { Rating } from '../types';
import { ApplicantActions } from './ApplicantActions';
import { RatingDetail } from './RatingDetail';

const RatingTitle = () => {
    const rating = useRecordContext<Rating>();
    const translate = useTranslate();
    return rating ? translate('onething.rating.title', { number: rating.caseNumber }) : null;
};

/** When the rating can't be loaded: say why, and go back to the applicant's cases (ratings have no list). */
const useRatingPageOptions = () => {
    const notifyError = useNotifyError();
    const redirect = useRedirect();
    return {
        onError: (error: unknown) => {
            notifyError(error);
            redirect('list', 'cases');
        },
    };
};

/**
 * The applicant's rating (/ratings/:id/show, linked from the case page): the rating and, for a bad one, where
 * its rectification stands, each step so far, the current step's deadline; the 回访 form when asked, 申诉
 * while allowed.
 */
export const RatingShow = () => (
    <Show title={<RatingTitle />} actions={false} queryOptions={useRatingPageOptions()}>
        <RatingDetail staff={false} />
        <ApplicantActions />
    </Show>
);
