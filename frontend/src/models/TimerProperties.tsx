import { TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { overdueDaysOf, type SelectedTimer } from './elementProperties';

/**
 * The selected timer event's 定时器, in working days: a time of `${deadlines.overdueIn(N)}` (or none yet) is
 * set as N, the manager never types an expression; a time the system computes otherwise (e.g. from the case's
 * rectification days) is shown as it is, read only.
 */
export const TimerProperties = ({ timer, onDays }: { timer: SelectedTimer; onDays: (days: number) => void }) => {
    const translate = useTranslate();
    const days = overdueDaysOf(timer.expression);
    // what is typed, also while it is no number of days yet (the model keeps the last one)
    const [text, setText] = useState(days === null ? '' : String(days));
    const computed = timer.expression !== null && days === null;
    const invalid = text !== '' && Number(text) < 1;
    return (
        <>
            <Typography variant="subtitle1" component="h2" sx={{ mt: 2 }}>
                {translate('onething.model.editor.timer.title', { name: timer.name ?? timer.id })}
            </Typography>
            {computed ? (
                <>
                    <Typography variant="body2" sx={{ mt: 1 }}>
                        {translate('onething.model.editor.timer.computed')}
                    </Typography>
                    <Typography variant="caption" component="code" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                        {timer.expression}
                    </Typography>
                </>
            ) : (
                <TextField
                    size="small"
                    fullWidth
                    type="number"
                    label={translate('onething.model.editor.timer.days')}
                    value={text}
                    error={invalid}
                    helperText={translate(
                        invalid ? 'onething.model.editor.timer.days_min' : 'onething.model.editor.timer.days_hint',
                        { days: text || 'N' }
                    )}
                    onChange={event => {
                        const next = event.target.value.replace(/\D/g, '');
                        setText(next);
                        if (Number(next) >= 1) onDays(Number(next));
                    }}
                    slotProps={{ htmlInput: { min: 1, step: 1 } }}
                    sx={{ mt: 1 }}
                />
            )}
        </>
    );
};
