import { Alert, Box } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import {
    Datagrid,
    type Identifier,
    Link,
    ListContextProvider,
    useList,
    usePermissions,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { isApplicant } from '../auth/roles';
import { useOneThingDataProvider } from '../dataProvider';
import { Section } from '../ratings/RatingDetail';
import type { CaseDetail, InspectionSummary, Permissions } from '../types';
import { InspectionBookingAlert } from './InspectionBooking';
import { inspectionColumns } from './InspectionColumns';

/** The site inspections of the case (none until read, or when they can't be). */
export const useCaseInspections = (caseId: Identifier | undefined): InspectionSummary[] => {
    const dataProvider = useOneThingDataProvider();
    const { data = [] } = useQuery({
        queryKey: ['cases', caseId, 'inspections'],
        queryFn: () => dataProvider.caseInspections(caseId!),
        enabled: caseId !== undefined,
    });
    return data;
};

const inspectionPage = (inspection: InspectionSummary) => `/inspections/${encodeURIComponent(inspection.id)}/show`;

/** For the applicant: each inspection waiting for its rectification, with the way to its form. */
const RectifyAlerts = ({ inspections }: { inspections: InspectionSummary[] }) => {
    const translate = useTranslate();
    return inspections
        .filter(inspection => inspection.status === 'RECTIFYING')
        .map(inspection => (
            <Alert key={inspection.id} severity="warning" sx={{ mx: 2, mt: 1 }}>
                <Link to={inspectionPage(inspection)}>
                    {translate('onething.inspection.rectify_alert', { name: inspection.name })}
                </Link>
            </Alert>
        ));
};

/**
 * The site inspections of the case (联合踏勘, 事后核查), for the applicant and the staff: each one's departments,
 * status, visit and deadline, opened on its page. Nothing for a case without any (or when they can't be read).
 */
export const CaseInspections = () => {
    const record = useRecordContext<CaseDetail>();
    const translate = useTranslate();
    const { permissions } = usePermissions<Permissions>();
    const data = useCaseInspections(record?.id);
    const list = useList({ data });
    if (data.length === 0) return null;
    return (
        <Section title={translate('onething.inspection.case_section')}>
            {isApplicant(permissions) && <RectifyAlerts inspections={data} />}
            {isApplicant(permissions) &&
                data.map(inspection => <InspectionBookingAlert key={inspection.id} inspection={inspection} />)}
            <Box sx={{ overflowX: 'auto' }}>
                <ListContextProvider value={list}>
                    <Datagrid
                        bulkActionButtons={false}
                        rowClick={(_id, _resource, inspection) => inspectionPage(inspection as InspectionSummary)}
                    >
                        {inspectionColumns({ onCase: true })}
                    </Datagrid>
                </ListContextProvider>
            </Box>
        </Section>
    );
};
