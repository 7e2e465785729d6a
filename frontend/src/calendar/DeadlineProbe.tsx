import CalculateIcon from '@mui/icons-material/Calculate';
import { Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { type HttpError, useTranslate } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import { ProvisionalMark } from '../timelimit/DeadlineField';

/** 期限试算: the deadline of N working days from a start date, by the calendar as loaded now. */
export const DeadlineProbe = () => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const titleId = useId();
    const [start, setStart] = useState('');
    const [workingDays, setWorkingDays] = useState('5');
    const { mutate, data, error, isPending, reset } = useMutation<
        Awaited<ReturnType<typeof dataProvider.probeDeadline>>,
        HttpError
    >({
        mutationFn: () => dataProvider.probeDeadline(start, Number(workingDays)),
    });
    const fieldErrors = (error?.body?.errors ?? {}) as Record<string, string>;
    const submit = (event: FormEvent) => {
        event.preventDefault();
        if (start && workingDays !== '') mutate();
    };
    const change = (set: (value: string) => void) => (event: { target: { value: string } }) => {
        set(event.target.value);
        reset();
    };

    return (
        <Card component="section" aria-labelledby={titleId} sx={{ mt: 2 }}>
            <CardContent>
                <Typography variant="h6" component="h2" id={titleId}>
                    {translate('onething.calendar.probe.title')}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                    {translate('onething.calendar.probe.hint')}
                </Typography>
                <Stack
                    component="form"
                    onSubmit={submit}
                    direction="row"
                    spacing={2}
                    alignItems="flex-start"
                    useFlexGap
                    flexWrap="wrap"
                    sx={{ mt: 2 }}
                >
                    <TextField
                        type="date"
                        size="small"
                        required
                        label={translate('onething.calendar.probe.start')}
                        value={start}
                        onChange={change(setStart)}
                        error={!!fieldErrors.start}
                        helperText={fieldErrors.start}
                        slotProps={{ inputLabel: { shrink: true } }}
                        sx={{ width: 200 }}
                    />
                    <TextField
                        type="number"
                        size="small"
                        required
                        label={translate('onething.calendar.probe.working_days')}
                        value={workingDays}
                        onChange={change(setWorkingDays)}
                        error={!!fieldErrors.workingDays}
                        helperText={fieldErrors.workingDays}
                        slotProps={{ htmlInput: { min: 0, max: 3650, step: 1 } }}
                        sx={{ width: 120 }}
                    />
                    <Button type="submit" variant="contained" startIcon={<CalculateIcon />} disabled={isPending}>
                        {translate('onething.calendar.probe.submit')}
                    </Button>
                </Stack>
                <Stack direction="row" spacing={1} alignItems="center" sx={{ mt: 2, minHeight: 24 }} aria-live="polite">
                    {data && (
                        <>
                            <Typography variant="body1" sx={{ fontWeight: 'bold' }}>
                                {translate('onething.calendar.probe.result', { date: data.deadline })}
                            </Typography>
                            {data.provisional && <ProvisionalMark />}
                        </>
                    )}
                    {error && !error.body?.errors && (
                        <Typography variant="body2" color="error">
                            {error.message}
                        </Typography>
                    )}
                </Stack>
            </CardContent>
        </Card>
    );
};
