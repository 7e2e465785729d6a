import { Alert, Box } from '@mui/material';
import { Show, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { isApplicant } from '../auth/roles';
import { usePageRecordOptions } from '../errors';
import { Section } from '../ratings/RatingDetail';
import type { InspectionRecord, Permissions } from '../types';
import { InspectionFacts, InspectionHistory } from './InspectionDetail';
import { myOpenSteps, othersOpenSteps } from './inspection';
import { RectificationForm, StepForm } from './StepForms';

const InspectionTitle = () => {
    const inspection = useRecordContext<InspectionRecord>();
    const translate = useTranslate();
    return inspection ? translate('onething.inspection.title', { name: inspection.name, number: inspection.caseNumber }) : null;
};

/**
 * What the user can do now: the form of each step open for one of their departments (the API gives those a
 * task), the rectification for the applicant enterprise while asked; and whom the other steps wait for.
 */
const CurrentActions = () => {
    const inspection = useRecordContext<InspectionRecord>();
    const translate = useTranslate();
    const { permissions, isPending } = usePermissions<Permissions>();
    if (!inspection || isPending) return null;
    const applicant = isApplicant(permissions);
    const rectifying = inspection.status === 'RECTIFYING';
    return (
        <>
            {myOpenSteps(inspection).map(step => (
                <Section
                    key={`${inspection.id}-${inspection.round}-${step.step}-${step.department}`}
                    title={translate('onething.inspection.act_department', {
                        step: step.stepName,
                        department: step.departmentName,
                    })}
                >
                    <StepForm inspection={inspection} step={step} />
                </Section>
            ))}
            {applicant && rectifying && (
                <Section title={translate('onething.inspection.rectification.title')}>
                    <RectificationForm key={`${inspection.id}-${inspection.round}`} inspection={inspection} />
                </Section>
            )}
            {(othersOpenSteps(inspection).length > 0 || (rectifying && !applicant)) && (
                <Box sx={{ mx: 2, mt: 2 }}>
                    {othersOpenSteps(inspection).map(step => (
                        <Alert key={`${step.step}-${step.department}`} severity="info" sx={{ mb: 1 }}>
                            {translate('onething.inspection.waiting', {
                                department: step.departmentName,
                                step: step.stepName,
                            })}
                        </Alert>
                    ))}
                    {rectifying && !applicant && (
                        <Alert severity="info" sx={{ mb: 1 }}>
                            {translate('onething.inspection.waiting_rectification', { date: inspection.rectifyBy ?? '—' })}
                        </Alert>
                    )}
                </Box>
            )}
        </>
    );
};

/**
 * A site inspection (联合踏勘) for the departments taking part, managers and the applicant enterprise: the
 * inspection and its result, the step the user takes now, then how the visit was agreed and the findings.
 */
export const InspectionShow = () => {
    const { permissions } = usePermissions<Permissions>();
    // applicants have no list of inspections: back to their cases
    const queryOptions = usePageRecordOptions(isApplicant(permissions) ? 'cases' : 'inspections');
    return (
        <Show title={<InspectionTitle />} actions={false} queryOptions={queryOptions}>
            <InspectionFacts />
            <CurrentActions />
            <InspectionHistory />
        </Show>
    );
};
