import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Identifier } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';

export const caseRatingsKey = (caseId?: Identifier) => ['caseRatings', String(caseId)];

/** The ratings of a case (GET /api/cases/{id}/ratings): what the applicant has rated so far. */
export const useCaseRatings = (caseId?: Identifier) => {
    const dataProvider = useOneThingDataProvider();
    return useQuery({
        queryKey: caseRatingsKey(caseId),
        queryFn: () => dataProvider.caseRatings(caseId!),
        enabled: caseId != null,
        retry: false,
    });
};

/** Asks again for the ratings of a case (after rating it). */
export const useRefreshCaseRatings = () => {
    const queryClient = useQueryClient();
    return (caseId: Identifier) => queryClient.invalidateQueries({ queryKey: caseRatingsKey(caseId) });
};
