import { Show, useRecordContext, useTranslate } from 'react-admin';
import { usePageRecordOptions } from '../errors';
import { RatingDetail } from '../ratings/RatingDetail';
import type { Rating } from '../types';
import { CurrentStepForm } from './StepForms';

const RectificationTitle = () => {
    const rating = useRecordContext<Rating>();
    const translate = useTranslate();
    return rating ? translate('onething.rectification.title', { number: rating.caseNumber }) : null;
};

/**
 * A bad rating for officers, leads and managers: the rating, where its rectification stands with every step so
 * far, and the form of the current step for whom it is.
 */
export const RectificationShow = () => (
    <Show title={<RectificationTitle />} actions={false} queryOptions={usePageRecordOptions('rectifications')}>
        <RatingDetail staff />
        <CurrentStepForm />
    </Show>
);
