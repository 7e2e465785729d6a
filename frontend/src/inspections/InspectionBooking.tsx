import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { Alert, Box, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, TextInput, maxLength, required, useTranslate } from 'react-admin';
import { CancelBookingButton } from '../appointments/CancelBookingButton';
import { SlotChoices, parseSlot } from '../appointments/SlotChoices';
import { changeUntilLabel, dayLabel } from '../appointments/visitDay';
import { useOneThingDataProvider } from '../dataProvider';
import { ActionDialog } from '../form/ActionDialog';
import { useFormAction } from '../form/useFormAction';
import type { InspectionBooking, InspectionSummary } from '../types';

type Booked = InspectionBooking & { day: string; halfDay: NonNullable<InspectionBooking['halfDay']> };

const isBooked = (booking: InspectionBooking): booking is Booked => booking.day !== null && booking.halfDay !== null;

/** Picks a half-day on which every department has a team free, and the place; books it or moves the booking. */
const BookingDialog = ({ inspection, onClose }: { inspection: InspectionSummary; onClose: () => void }) => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const booking = inspection.booking!;
    const booked = isBooked(booking) ? booking : null;
    const { data: slots, isPending } = useQuery({
        queryKey: ['inspections', inspection.id, 'slots'],
        queryFn: () => dataProvider.inspectionSlots(inspection.id),
    });
    const { submit, problem } = useFormAction(
        ({ slot, place }: { slot: string; place: string }) =>
            dataProvider.bookInspection(inspection.id, { ...parseSlot(slot), place }),
        booked ? 'onething.inspection.booking.moved' : 'onething.inspection.booking.done',
        { onDone: onClose, fieldErrors: ({ day, halfDay, ...rest }) => ({ ...rest, slot: day ?? halfDay }) }
    );
    return (
        <ActionDialog
            title={translate(booked ? 'onething.inspection.booking.move_title' : 'onething.inspection.booking.book_title', {
                name: inspection.name,
            })}
            onClose={onClose}
            onSubmit={submit}
            problem={problem}
            record={{ slot: '', place: booking.place ?? '' }}
            submitLabel={booked ? 'onething.inspection.booking.move' : 'onething.inspection.booking.book'}
        >
            <TextInput
                source="place"
                label="onething.inspection.booking.place"
                helperText="onething.inspection.booking.place_helper"
                validate={[required(), maxLength(200)]}
                fullWidth
            />
            <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {translate('onething.inspection.booking.pick_hint')}
            </Typography>
            <SlotChoices slots={slots} isPending={isPending} booked={booked} />
        </ActionDialog>
    );
};

/**
 * 踏勘预约, for the applicant on the case page: an inspection whose departments all publish teams can be booked
 * until the lead proposes a time, and moved or cancelled until the evening before the visit.
 */
export const InspectionBookingAlert = ({ inspection }: { inspection: InspectionSummary }) => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const [dialog, setDialog] = useState(false);
    const { booking } = inspection;
    if (!booking || !(booking.open || isBooked(booking))) return null;
    const button = (label: string) => (
        <Button label={label} variant={booking.open ? 'contained' : 'outlined'} onClick={() => setDialog(true)}>
            <EventAvailableIcon />
        </Button>
    );
    return (
        <>
            {isBooked(booking) ? (
                <Alert severity="success" icon={<EventAvailableIcon />} sx={{ mx: 2, mt: 1 }}>
                    {translate('onething.inspection.booking.booked', {
                        name: inspection.name,
                        day: dayLabel(booking.day),
                        time: booking.time,
                        place: booking.place,
                    })}
                    {booking.changeable && booking.changeUntil && (
                        <Typography variant="body2" component="p">
                            {translate('onething.inspection.booking.change_until', {
                                until: changeUntilLabel(booking.changeUntil),
                            })}
                        </Typography>
                    )}
                    {booking.changeable && (
                        <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
                            {button('onething.inspection.booking.move')}
                            <CancelBookingButton
                                day={booking.day}
                                time={booking.time ?? ''}
                                cancel={() => dataProvider.cancelInspectionBooking(inspection.id)}
                            />
                        </Stack>
                    )}
                </Alert>
            ) : (
                <Alert severity="info" sx={{ mx: 2, mt: 1 }}>
                    {translate('onething.inspection.booking.open', {
                        name: inspection.name,
                        departments: inspection.departments.map(d => d.name).join('、'),
                    })}
                    {translate('onething.inspection.booking.open_lead', { lead: inspection.lead.name })}
                    <Box sx={{ mt: 1 }}>{button('onething.inspection.booking.book')}</Box>
                </Alert>
            )}
            {dialog && <BookingDialog inspection={inspection} onClose={() => setDialog(false)} />}
        </>
    );
};
