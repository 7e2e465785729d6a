import { useState } from 'react';
import { Button, Confirm, useNotify, useRefresh, useTranslate } from 'react-admin';
import { useNotifyError } from '../errors';
import { dayLabel } from './visitDay';

/** 取消预约 of the half-day, after the applicant confirms; the places go back to others. */
export const CancelBookingButton = ({
    day,
    time,
    cancel,
}: {
    day: string;
    time: string;
    cancel: () => Promise<unknown>;
}) => {
    const [open, setOpen] = useState(false);
    const [pending, setPending] = useState(false);
    const notify = useNotify();
    const notifyError = useNotifyError();
    const refresh = useRefresh();
    const translate = useTranslate();
    const confirm = async () => {
        setPending(true);
        try {
            await cancel();
            notify('onething.visit.cancelled', { type: 'success' });
            refresh();
        } catch (error) {
            notifyError(error);
        } finally {
            setPending(false);
            setOpen(false);
        }
    };
    return (
        <>
            <Button label="onething.visit.cancel" color="error" onClick={() => setOpen(true)} />
            <Confirm
                isOpen={open}
                loading={pending}
                title="onething.visit.cancel_title"
                content={translate('onething.visit.cancel_content', { day: dayLabel(day), time })}
                onClose={() => setOpen(false)}
                onConfirm={confirm}
            />
        </>
    );
};
