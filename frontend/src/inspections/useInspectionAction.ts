import { useOneThingDataProvider } from '../dataProvider';
import { useFormAction } from '../form/useFormAction';
import type { InspectionAction, InspectionActions, InspectionSummary } from '../types';
import { onListInputs } from './inspection';

/**
 * A step of a site inspection as a form's `onSubmit`: the body from the form's values, then a success message
 * and a refresh of the page. A refusal (403, 409: the step is no longer open) is kept in `problem`; a validation
 * problem goes next to each input (the errors of single issues or photos onto the issues or photos input).
 */
export const useInspectionAction = <A extends InspectionAction, Values>(
    inspection: InspectionSummary,
    action: A,
    toBody: (values: Values) => InspectionActions[A],
    done: string
) => {
    const dataProvider = useOneThingDataProvider();
    return useFormAction(
        (values: Values) => dataProvider.inspectionAction(inspection.id, action, toBody(values)),
        done,
        { fieldErrors: onListInputs }
    );
};
