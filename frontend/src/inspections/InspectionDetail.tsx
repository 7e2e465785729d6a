import { Box, Chip, Stack, Typography } from '@mui/material';
import {
    ArrayField,
    Datagrid,
    DateField,
    FunctionField,
    Link,
    TextField,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { Fact, FactsRow } from '../cases/FactsRow';
import { MaterialDownloadButton } from '../materials/MaterialDownloadButton';
import { Section } from '../ratings/RatingDetail';
import { DeadlineSummary } from '../timelimit/DeadlineSummary';
import type { InspectionAnswer, InspectionFinding, InspectionRecord } from '../types';
import { DepartmentsField, FindingResultChip, InspectionStatusField, VisitField } from './InspectionChips';
import { visitTime } from './inspection';

const CaseLink = (_: { label?: string }) => {
    const inspection = useRecordContext<InspectionRecord>();
    if (!inspection) return null;
    return <Link to={`/cases/${encodeURIComponent(inspection.caseId)}/show`}>{inspection.caseNumber}</Link>;
};

const None = ({ text }: { text: string }) => {
    const translate = useTranslate();
    return (
        <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>
            {translate(text)}
        </Typography>
    );
};

/** The proposals of the visit, the confirmations and the other times proposed, in order. */
const Answers = () => {
    const translate = useTranslate();
    return (
        <ArrayField source="answers">
            <Datagrid bulkActionButtons={false} rowClick={false} empty={<None text="onething.inspection.no_answers" />}>
                <DateField source="answeredAt" label="onething.inspection.at" showTime />
                <TextField source="departmentName" label="onething.inspection.department" />
                <FunctionField<InspectionAnswer>
                    label="onething.inspection.kind"
                    render={answer => (
                        <Chip
                            size="small"
                            variant="outlined"
                            color={answer.kind === 'COUNTER' ? 'warning' : answer.kind === 'CONFIRMED' ? 'success' : 'primary'}
                            label={translate(`onething.inspection.answer_kind.${answer.kind}`)}
                        />
                    )}
                />
                <FunctionField<InspectionAnswer>
                    label="resources.inspections.fields.visitAt"
                    render={answer => (answer.visitAt ? visitTime(answer.visitAt) : '—')}
                />
                <TextField source="place" label="onething.inspection.place" emptyText="—" />
                <TextField source="note" label="onething.inspection.note" emptyText="—" />
                <TextField source="answeredBy" label="onething.inspection.by" />
            </Datagrid>
        </ArrayField>
    );
};

/** What does not comply, one entry each. */
const Issues = ({ issues }: { issues: string[] }) =>
    issues.length === 0 ? (
        <>—</>
    ) : (
        <Box component="ol" sx={{ m: 0, pl: 2.5 }}>
            {issues.map((issue, index) => (
                <li key={index}>{issue}</li>
            ))}
        </Box>
    );

/** The photos of a finding, each downloaded with the token. */
const Photos = ({ photos }: { photos: string[] }) => {
    const translate = useTranslate();
    if (photos.length === 0) return <>—</>;
    return (
        <Stack>
            {photos.map((id, index) => {
                const name = translate('onething.inspection.photo.n', { n: index + 1 });
                return <MaterialDownloadButton key={id} materialId={id} filename={name} label={name} />;
            })}
        </Stack>
    );
};

/** The departments' findings of one round (1: the visit; later rounds re-check the conditions). */
const RoundFindings = ({ round }: { round: number }) => {
    const translate = useTranslate();
    return (
        <Section
            title={translate('onething.inspection.findings_round', {
                round,
                what: translate(round === 1 ? 'onething.inspection.first_visit' : 'onething.inspection.recheck'),
            })}
        >
            <ArrayField source="findings" filter={{ round }}>
                <Datagrid bulkActionButtons={false} rowClick={false}>
                    <TextField source="departmentName" label="onething.inspection.department" />
                    <FunctionField<InspectionFinding>
                        label="resources.inspections.fields.result"
                        render={finding => <FindingResultChip result={finding.result} />}
                    />
                    <FunctionField<InspectionFinding>
                        label="onething.inspection.issues"
                        render={finding => <Issues issues={finding.issues} />}
                    />
                    <TextField source="comment" label="onething.inspection.comment" emptyText="—" />
                    <FunctionField<InspectionFinding>
                        label="onething.inspection.photos"
                        render={finding => <Photos photos={finding.photos} />}
                    />
                    <TextField source="recordedBy" label="onething.inspection.by" />
                    <DateField source="recordedAt" label="onething.inspection.at" showTime />
                </Datagrid>
            </ArrayField>
        </Section>
    );
};

/** The combined result (any fail fails), the reasons, and until when the enterprise may rectify. */
const Result = ({ inspection }: { inspection: InspectionRecord }) => {
    const translate = useTranslate();
    if (!inspection.result && !inspection.summary) return null;
    return (
        <Section title={translate('onething.inspection.result_title')}>
            <Stack direction="row" useFlexGap flexWrap="wrap" columnGap={4} rowGap={1} sx={{ px: 2, mt: 1 }}>
                {inspection.result && (
                    <Fact label="onething.inspection.combined">
                        <FindingResultChip result={inspection.result} />
                    </Fact>
                )}
                {inspection.rectifyBy && (
                    <Fact label="onething.inspection.rectify_by">{inspection.rectifyBy}</Fact>
                )}
                {inspection.summary && (
                    <Fact label="onething.inspection.summary">
                        <Box sx={{ whiteSpace: 'pre-line' }}>{inspection.summary}</Box>
                    </Fact>
                )}
            </Stack>
        </Section>
    );
};

/**
 * An inspection at a glance: the case and enterprise, the departments (lead first), status, round, visit time and
 * place, its working-day limit, the combined result with the reasons.
 */
export const InspectionFacts = () => {
    const inspection = useRecordContext<InspectionRecord>();
    const translate = useTranslate();
    if (!inspection) return null;
    return (
        <>
            <FactsRow>
                <CaseLink label="onething.inspection.case_number" />
                <TextField source="bundleName" label="resources.inspections.fields.bundleName" />
                <TextField source="enterprise" label="onething.inspection.enterprise" />
                <DepartmentsField label="onething.inspection.departments" />
                <InspectionStatusField label="resources.inspections.fields.status" />
                <FunctionField<InspectionRecord>
                    label="onething.inspection.round"
                    render={record => translate('onething.inspection.round_n', { round: record.round })}
                />
                <VisitField label="onething.inspection.visit" />
                {inspection.visitNote && <TextField source="visitNote" label="onething.inspection.visit_note" />}
            </FactsRow>
            <DeadlineSummary deadline={inspection.deadline} title="onething.inspection.deadline" />
            <Result inspection={inspection} />
        </>
    );
};

/** How the visit was agreed, and every round's findings by department. */
export const InspectionHistory = () => {
    const inspection = useRecordContext<InspectionRecord>();
    const translate = useTranslate();
    // opened from the list, the list's summary stands in until the detail (with its history) arrives
    if (!inspection?.findings) return null;
    const rounds = [...new Set(inspection.findings.map(finding => finding.round))].sort((a, b) => a - b);
    return (
        <>
            <Section title={translate('onething.inspection.answers')}>
                <Answers />
            </Section>
            {rounds.length === 0 ? (
                <Section title={translate('onething.inspection.findings')}>
                    <None text="onething.inspection.no_findings" />
                </Section>
            ) : (
                rounds.map(round => <RoundFindings key={round} round={round} />)
            )}
        </>
    );
};
