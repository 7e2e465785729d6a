import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { Alert, Box, Card, CardActions, CardContent, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import { isApplicant } from '../auth/roles';
import { useOneThingDataProvider } from '../dataProvider';
import { ActionDialog } from '../form/ActionDialog';
import { useFormAction } from '../form/useFormAction';
import { Section } from '../ratings/RatingDetail';
import type { Appointment, CaseDetail, Permissions, Visit } from '../types';
import { CancelBookingButton } from './CancelBookingButton';
import { SlotChoices, parseSlot } from './SlotChoices';
import { changeUntilLabel, dayLabel } from './visitDay';

/** Picks a half-day of the department's reception (one not booked full) and books it, or moves the booking there. */
const BookDialog = ({ caseId, visit, onClose }: { caseId: string; visit: Visit; onClose: () => void }) => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const booked = visit.appointment;
    const { data: slots, isPending } = useQuery({
        queryKey: ['cases', caseId, 'visits', visit.itemCode, 'slots'],
        queryFn: () => dataProvider.visitSlots(caseId, visit.itemCode),
    });
    const { submit, problem } = useFormAction(
        ({ slot }: { slot: string }) => {
            const { day, halfDay } = parseSlot(slot);
            return booked
                ? dataProvider.moveAppointment(booked.id, { day, halfDay })
                : dataProvider.bookVisit(caseId, { itemCode: visit.itemCode, day, halfDay });
        },
        booked ? 'onething.visit.moved' : 'onething.visit.booked',
        { onDone: onClose, fieldErrors: errors => ({ slot: errors.day ?? errors.halfDay }) }
    );
    return (
        <ActionDialog
            title={translate(booked ? 'onething.visit.move_title' : 'onething.visit.book_title', {
                purpose: visit.purpose,
            })}
            onClose={onClose}
            onSubmit={submit}
            problem={problem}
            record={{ slot: '' }}
            submitLabel={booked ? 'onething.visit.move' : 'onething.visit.book'}
        >
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {translate('onething.visit.where', { department: visit.departmentName, place: visit.place ?? '' })}
            </Typography>
            <SlotChoices slots={slots} isPending={isPending} booked={booked} />
        </ActionDialog>
    );
};

/** What the booking says: when, where, which window and number, and until when it can be changed. */
const Booking = ({ appointment }: { appointment: Appointment }) => {
    const translate = useTranslate();
    return (
        <Alert severity="success" icon={<EventAvailableIcon />} sx={{ mt: 1 }}>
            <Typography variant="body1" component="p" sx={{ fontWeight: 'bold' }}>
                {translate('onething.visit.booking', {
                    day: dayLabel(appointment.day),
                    time: appointment.time,
                    window: appointment.window,
                    number: appointment.queueNumber,
                })}
            </Typography>
            <Typography variant="body2" component="p">
                {appointment.changeable
                    ? translate('onething.visit.change_until', { until: changeUntilLabel(appointment.changeUntil) })
                    : translate('onething.visit.change_closed')}
            </Typography>
        </Alert>
    );
};

const VisitCard = ({ caseId, visit, applicant }: { caseId: string; visit: Visit; applicant: boolean }) => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const [booking, setBooking] = useState(false);
    const { appointment } = visit;
    return (
        <Card variant="outlined">
            <CardContent sx={{ pb: 1 }}>
                <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 'bold' }}>
                    {visit.purpose}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                    {translate('onething.visit.where', { department: visit.departmentName, place: visit.place ?? '' })}
                </Typography>
                {appointment ? (
                    <Booking appointment={appointment} />
                ) : (
                    !visit.bookable && (
                        <Typography variant="body2" sx={{ mt: 1 }}>
                            {visit.note}
                        </Typography>
                    )
                )}
            </CardContent>
            {applicant && (
                <CardActions>
                    {!appointment && visit.bookable && (
                        <Button label="onething.visit.book" variant="contained" onClick={() => setBooking(true)}>
                            <EventAvailableIcon />
                        </Button>
                    )}
                    {appointment?.changeable && (
                        <>
                            <Button label="onething.visit.move" onClick={() => setBooking(true)} />
                            <CancelBookingButton
                                day={appointment.day}
                                time={appointment.time}
                                cancel={() => dataProvider.cancelAppointment(appointment.id)}
                            />
                        </>
                    )}
                </CardActions>
            )}
            {booking && <BookDialog caseId={caseId} visit={visit} onClose={() => setBooking(false)} />}
        </Card>
    );
};

/**
 * 预约到场 (统一预约): the case's in-person steps (领取纸质证照 …) with their bookings; the applicant books a
 * half-day from the department's published places, and moves or cancels it until the evening before.
 */
export const CaseVisits = () => {
    const record = useRecordContext<CaseDetail>();
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const { permissions } = usePermissions<Permissions>();
    const { data = [] } = useQuery({
        queryKey: ['cases', record?.id, 'visits'],
        queryFn: () => dataProvider.caseVisits(record!.id),
        enabled: !!record?.id,
    });
    if (!record || data.length === 0) return null;
    return (
        <Section title={translate('onething.visit.section')}>
            <Stack spacing={1} sx={{ px: 2, pt: 1 }}>
                {data.map(visit => (
                    <VisitCard
                        key={visit.itemCode}
                        caseId={String(record.id)}
                        visit={visit}
                        applicant={isApplicant(permissions)}
                    />
                ))}
            </Stack>
            <Box sx={{ px: 2, pt: 1 }}>
                <Typography variant="caption" color="text.secondary">
                    {translate('onething.visit.hint')}
                </Typography>
            </Box>
        </Section>
    );
};
