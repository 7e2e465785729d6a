import { useOneThingDataProvider } from '../dataProvider';
import { useFormAction } from '../form/useFormAction';
import type { Rating, RectificationAction, RectificationActions } from '../types';

/**
 * A step of a rating's rectification as a form's `onSubmit`: the body from the form's values, then a success
 * message and a refresh of the page. A refusal (409: not at that step any more, 403) is kept in `problem` for
 * the form to show; a validation problem goes next to each input.
 */
export const useRatingAction = <A extends RectificationAction, Values>(
    rating: Rating,
    action: A,
    toBody: (values: Values) => RectificationActions[A],
    done: string,
    onDone?: () => void
) => {
    const dataProvider = useOneThingDataProvider();
    return useFormAction(
        (values: Values) => dataProvider.rectificationAction(rating.id, action, toBody(values)),
        done,
        { onDone }
    );
};
