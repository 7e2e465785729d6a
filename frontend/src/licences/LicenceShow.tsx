import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import { Alert, AlertTitle, Box, Stack, Typography } from '@mui/material';
import {
    Button,
    DateField,
    FunctionField,
    Link,
    Show,
    TextField,
    TopToolbar,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { Fact, FactsRow } from '../cases/FactsRow';
import { usePageRecordOptions } from '../errors';
import { Section } from '../ratings/RatingDetail';
import { isSupervisionResult, SupervisionResultChip } from '../supervision/SupervisionChips';
import type { Licence } from '../types';
import { LicenceStatusField } from './LicenceChips';
import { LicencePdfButton } from './LicencePdfButton';

const LicenceTitle = () => {
    const licence = useRecordContext<Licence>();
    const translate = useTranslate();
    return licence ? translate('onething.licence.title', { name: licence.licenceName, number: licence.number }) : null;
};

/** The public page the QR code opens, in a new tab: what anybody who scans it reads. */
const VerifyLink = () => {
    const licence = useRecordContext<Licence>();
    if (!licence) return null;
    return (
        <Button
            label="onething.licence.verify_link"
            component="a"
            href={`/verify/${encodeURIComponent(licence.number)}`}
            target="_blank"
            rel="noopener"
        >
            <OpenInNewIcon />
        </Button>
    );
};

/** The case the licence was issued on (the licence carries the case's id, not its number). */
const CaseLink = (_: { label?: string }) => {
    const licence = useRecordContext<Licence>();
    const translate = useTranslate();
    if (!licence) return null;
    return (
        <Link to={`/cases/${encodeURIComponent(licence.caseId)}/show`}>{translate('onething.licence.open_case')}</Link>
    );
};

/** 多证合一 and revocation, said plainly above the facts. */
const Notices = () => {
    const licence = useRecordContext<Licence>();
    const translate = useTranslate();
    if (!licence) return null;
    return (
        <Box sx={{ px: 2 }}>
            {licence.status === 'REVOKED' && (
                <Alert severity="error" sx={{ mb: 1 }}>
                    <AlertTitle>
                        {translate('onething.licence.revoked', {
                            at: licence.revokedAt ? new Date(licence.revokedAt).toLocaleString('zh-CN') : '—',
                        })}
                    </AlertTitle>
                    {licence.revokedReason && translate('onething.licence.revoked_reason', { reason: licence.revokedReason })}
                </Alert>
            )}
            {licence.replaces.length > 0 && (
                <Alert severity="info" sx={{ mb: 1 }}>
                    <AlertTitle>{translate('onething.licence.replaces')}</AlertTitle>
                    {translate('onething.licence.replaces_text', { permits: licence.replaces.join('、') })}
                </Alert>
            )}
        </Box>
    );
};

/** The supervising department's report on the holder (审管联动), or that there is none yet. */
const Supervision = () => {
    const licence = useRecordContext<Licence>();
    const translate = useTranslate();
    if (!licence) return null;
    const { supervision } = licence;
    return (
        <Section title={translate('onething.licence.supervision')}>
            {supervision ? (
                <Stack direction="row" useFlexGap flexWrap="wrap" columnGap={4} rowGap={1} sx={{ px: 2, mt: 1 }}>
                    <Fact label="onething.licence.supervision_result">
                        {/* the backend records the result's code (PASS…): its label, anything else as it is */}
                        {isSupervisionResult(supervision.result) ? (
                            <SupervisionResultChip result={supervision.result} />
                        ) : (
                            supervision.result
                        )}
                    </Fact>
                    <Fact label="onething.licence.supervision_comment">{supervision.comment ?? '—'}</Fact>
                    <Fact label="onething.licence.supervision_by">{supervision.by}</Fact>
                    <Fact label="onething.licence.supervision_at">{new Date(supervision.at).toLocaleString('zh-CN')}</Fact>
                </Stack>
            ) : (
                <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1 }}>
                    {translate('onething.licence.supervision_none')}
                </Typography>
            )}
        </Section>
    );
};

/**
 * An electronic licence (电子证照): its holder, scope, issuing and supervising departments, validity and status,
 * what a 多证合一 licence replaces, why it was revoked, the supervision result; the PDF and the public
 * verification page the QR code opens.
 */
export const LicenceShow = () => {
    const translate = useTranslate();
    return (
        <Show
            title={<LicenceTitle />}
            queryOptions={usePageRecordOptions('licences')}
            actions={
                <TopToolbar>
                    <VerifyLink />
                    <LicencePdfButton />
                </TopToolbar>
            }
        >
            <Notices />
            <FactsRow>
                <TextField source="number" label="resources.licences.fields.number" />
                <TextField source="licenceName" label="resources.licences.fields.licenceName" />
                <LicenceStatusField label="resources.licences.fields.status" />
                <TextField source="holderName" label="resources.licences.fields.holderName" />
                <TextField source="holderCreditCode" label="resources.licences.fields.holderCreditCode" emptyText="—" />
                <TextField source="scope" label="resources.licences.fields.scope" emptyText="—" />
            </FactsRow>
            <FactsRow>
                <TextField source="departmentName" label="resources.licences.fields.departmentName" />
                <TextField source="supervisorName" label="resources.licences.fields.supervisorName" emptyText="—" />
                <FunctionField<Licence>
                    label="onething.licence.verify.validity"
                    render={licence => translate('onething.licence.validity', { from: licence.validFrom, to: licence.validUntil })}
                />
                <DateField source="issuedAt" label="resources.licences.fields.issuedAt" showTime />
                <CaseLink label="onething.licence.case" />
            </FactsRow>
            <Supervision />
        </Show>
    );
};
