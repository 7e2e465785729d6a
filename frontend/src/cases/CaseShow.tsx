import { lazy, Suspense } from 'react';
import {
    DateField,
    Loading,
    Show,
    TabbedShowLayout,
    TextField,
    usePermissions,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { CaseVisits } from '../appointments';
import { isApplicant, supervises } from '../auth/roles';
import { usePageRecordOptions } from '../errors';
import { CaseInspections } from '../inspections';
import { CaseLicences } from '../licences';
import { CaseRatingBlock } from '../ratings/CaseRatings';
import { DeadlineSummary } from '../timelimit/DeadlineSummary';
import type { CaseDetail, CaseItem, Permissions } from '../types';
import { CaseFormValues } from './CaseFormValues';
import { CaseItems } from './CaseItems';
import { CaseMaterials } from './CaseMaterials';
import { CaseTimeline } from './CaseTimeline';
import { FactsRow } from './FactsRow';
import { ProgressInWords } from './ProgressInWords';
import { StatusField } from './StatusField';
import { SupplementRequests } from './SupplementRequests';

// bpmn-js is big: loaded when a manager opens the diagram tab
const CaseDiagram = lazy(() => import('./CaseDiagram'));

const CaseTitle = () => {
    const record = useRecordContext<CaseDetail>();
    const translate = useTranslate();
    return record ? `${translate('onething.case.title', { number: record.number })}` : null;
};

/** The case's key facts, in one row. */
const CaseHeader = () => (
    <FactsRow>
        <TextField source="number" label="resources.cases.fields.number" />
        <TextField source="bundleName" label="resources.cases.fields.bundleName" />
        <TextField source="applicantName" label="resources.cases.fields.applicantName" />
        <StatusField kind="case" label="resources.cases.fields.status" />
        <DateField source="submittedAt" label="resources.cases.fields.submittedAt" showTime />
        <DateField source="completedAt" label="resources.cases.fields.completedAt" showTime emptyText="—" />
    </FactsRow>
);

/** The whole case's promised limit (办结时限); from the case page's record, not the list row. */
const CaseDeadline = () => <DeadlineSummary deadline={useRecordContext<CaseDetail>()?.deadline} />;

/**
 * A case: its overall deadline, its site inspections (联合踏勘) and the licences issued on it (电子证照), its
 * items' progress, what was filed, the log; the applicant answers supplement requests here, and rates each
 * decided item and, once completed, the whole case (好差评); a manager, or a lead of the item's department,
 * rates a decided item as a supervisor (监督查评).
 */
export const CaseShow = () => {
    const { permissions } = usePermissions<Permissions>();
    const roles = permissions?.roles ?? [];
    const applicant = isApplicant(permissions);
    // the applicant rates the items and the case (好差评); officers and managers see the ratings
    const ratings = applicant ? 'applicant' : 'staff';
    const supervisor = (item: CaseItem) => ratings === 'staff' && supervises(permissions, item.department);
    const queryOptions = usePageRecordOptions('cases');
    return (
        <Show title={<CaseTitle />} queryOptions={queryOptions}>
            <CaseHeader />
            <CaseDeadline />
            {applicant && <ProgressInWords />}
            <CaseRatingBlock audience={ratings} />
            {applicant && <SupplementRequests />}
            <CaseInspections />
            <CaseLicences />
            <CaseVisits />
            <TabbedShowLayout>
                <TabbedShowLayout.Tab label="onething.case.progress">
                    <CaseItems ratings={ratings} supervises={supervisor} />
                </TabbedShowLayout.Tab>
                <TabbedShowLayout.Tab label="onething.case.form" path="form">
                    <CaseFormValues />
                </TabbedShowLayout.Tab>
                <TabbedShowLayout.Tab label="onething.case.materials" path="materials">
                    <CaseMaterials />
                </TabbedShowLayout.Tab>
                <TabbedShowLayout.Tab label="onething.case.timeline" path="timeline">
                    <CaseTimeline />
                </TabbedShowLayout.Tab>
                {roles.includes('manager') && (
                    <TabbedShowLayout.Tab label="onething.case.diagram" path="diagram">
                        <Suspense fallback={<Loading />}>
                            <CaseDiagram />
                        </Suspense>
                    </TabbedShowLayout.Tab>
                )}
            </TabbedShowLayout>
        </Show>
    );
};
