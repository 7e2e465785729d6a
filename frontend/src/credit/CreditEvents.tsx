import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, useRecordContext, useTranslate } from 'react-admin';
import { SupervisionResultChip } from '../supervision/SupervisionChips';
import type { CreditEvent, EnterpriseCredit } from '../types';

/** Where an event comes from: its licence's page, else its case's. */
const Related = ({ event }: { event: CreditEvent }) => {
    const translate = useTranslate();
    if (event.licenceNumber) {
        return <Link to={`/licences/${encodeURIComponent(event.licenceNumber)}/show`}>{event.licenceNumber}</Link>;
    }
    if (event.caseId) {
        return (
            <Link to={`/cases/${encodeURIComponent(event.caseId)}/show`}>{translate('onething.credit.open_case')}</Link>
        );
    }
    return <>—</>;
};

/**
 * An enterprise's credit events, newest first: what (现场核查, 事中事后监管, 许可撤销), the result, 承诺不实 when
 * a post-check proved the commitment untrue, the findings, and the licence or case it is about.
 */
export const CreditEvents = ({ events }: { events: CreditEvent[] }) => {
    const translate = useTranslate();
    if (events.length === 0) {
        return (
            <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
                {translate('onething.credit.no_events')}
            </Typography>
        );
    }
    return (
        <Table size="small" aria-label={translate('onething.credit.events')}>
            <TableHead>
                <TableRow>
                    <TableCell>{translate('onething.credit.at')}</TableCell>
                    <TableCell>{translate('onething.credit.kind_label')}</TableCell>
                    <TableCell>{translate('onething.credit.result')}</TableCell>
                    <TableCell>{translate('onething.credit.summary')}</TableCell>
                    <TableCell>{translate('onething.credit.related')}</TableCell>
                    <TableCell>{translate('onething.credit.recorded_by')}</TableCell>
                </TableRow>
            </TableHead>
            <TableBody>
                {events.map((event, index) => (
                    <TableRow key={`${event.occurredAt}-${index}`}>
                        <TableCell sx={{ whiteSpace: 'nowrap' }}>
                            {new Date(event.occurredAt).toLocaleString('zh-CN')}
                        </TableCell>
                        <TableCell>{translate(`onething.credit.kind.${event.kind}`)}</TableCell>
                        <TableCell>
                            {event.result && <SupervisionResultChip result={event.result} />}
                            {event.falseCommitment && (
                                <Chip
                                    size="small"
                                    color="error"
                                    label={translate('onething.credit.false_commitment')}
                                    sx={{ ml: 0.5 }}
                                />
                            )}
                            {!event.result && !event.falseCommitment && '—'}
                        </TableCell>
                        <TableCell sx={{ whiteSpace: 'pre-line' }}>{event.summary ?? '—'}</TableCell>
                        <TableCell>
                            <Related event={event} />
                        </TableCell>
                        <TableCell>{event.recordedBy}</TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
};

/** The events of the enterprise in context: a credit row's expansion. */
export const CreditEventsPanel = () => {
    const credit = useRecordContext<EnterpriseCredit>();
    return credit ? <CreditEvents events={credit.events} /> : null;
};
