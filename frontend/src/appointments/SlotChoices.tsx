import { Alert } from '@mui/material';
import { Loading, RadioButtonGroupInput, required, useTranslate } from 'react-admin';
import type { AppointmentSlot, HalfDay } from '../types';
import { dayLabel } from './visitDay';

/** The form value of a half-day: `2026-12-09|AM`. */
export const slotValue = (slot: Pick<AppointmentSlot, 'day' | 'halfDay'>) => `${slot.day}|${slot.halfDay}`;

export const parseSlot = (value: string) => {
    const [day, halfDay] = value.split('|') as [string, HalfDay];
    return { day, halfDay };
};

/**
 * The half-days to pick from (input `slot`), each with the places left; full ones, and the one booked now when
 * moving, cannot be picked.
 */
export const SlotChoices = ({
    slots,
    isPending,
    booked,
}: {
    slots: AppointmentSlot[] | undefined;
    isPending: boolean;
    booked: Pick<AppointmentSlot, 'day' | 'halfDay'> | null;
}) => {
    const translate = useTranslate();
    if (isPending) return <Loading loadingPrimary="onething.visit.slots_loading" loadingSecondary="" />;
    const choices = (slots ?? []).map(slot => ({
        id: slotValue(slot),
        name: translate('onething.visit.slot', {
            day: dayLabel(slot.day),
            time: slot.time,
            remaining: slot.remaining,
        }),
        disabled: slot.remaining === 0 || (booked !== null && slotValue(slot) === slotValue(booked)),
    }));
    if (choices.length === 0) return <Alert severity="info">{translate('onething.visit.no_slots')}</Alert>;
    return (
        <RadioButtonGroupInput
            source="slot"
            label="onething.visit.pick"
            choices={choices}
            row={false}
            validate={required('onething.visit.pick_required')}
        />
    );
};
