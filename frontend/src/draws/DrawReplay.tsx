import ReplayIcon from '@mui/icons-material/Replay';
import { Alert, AlertTitle, Box, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { Button, type HttpError, useRecordContext, useTranslate } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import { useNotifyError } from '../errors';
import { Section } from '../ratings/RatingDetail';
import type { DrawReplay as Replay, SupervisionDraw } from '../types';

/** What the server answered: 「复核一致」, or a mismatch with both results side by side. */
const Verdict = ({ draw, replay }: { draw: SupervisionDraw; replay: Replay }) => {
    const translate = useTranslate();
    const names = (ids: string[]) =>
        ids.length === 0
            ? translate('onething.draw.replay.none')
            : ids.map(id => draw.population.find(candidate => candidate.holderId === id)?.name ?? id).join('、');
    return replay.matches ? (
        <Alert severity="success" role="status" sx={{ mt: 1 }}>
            <AlertTitle>{translate('onething.draw.replay.match')}</AlertTitle>
            {translate('onething.draw.replay.match_text')}
        </Alert>
    ) : (
        <Alert severity="error" role="status" sx={{ mt: 1 }}>
            <AlertTitle>{translate('onething.draw.replay.mismatch')}</AlertTitle>
            {translate('onething.draw.replay.mismatch_text')}
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
                <li>{translate('onething.draw.replay.recorded', { names: names(replay.drawn) })}</li>
                <li>{translate('onething.draw.replay.replayed', { names: names(replay.replayed) })}</li>
            </Box>
        </Alert>
    );
};

/** 复核: draws again from the stored seed and population on the server and says whether the result holds. */
export const DrawReplay = () => {
    const draw = useRecordContext<SupervisionDraw>();
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const notifyError = useNotifyError();
    const { mutate, data, isPending, reset } = useMutation<Replay, HttpError>({
        mutationFn: () => dataProvider.replayDraw(draw!.id),
        onError: notifyError,
    });
    if (!draw) return null;
    return (
        <Section title={translate('onething.draw.replay.title')}>
            <Box sx={{ px: 2 }}>
                <Typography variant="body2" color="text.secondary">
                    {translate('onething.draw.replay.intro')}
                </Typography>
                <Button
                    label="onething.draw.replay.button"
                    variant="outlined"
                    disabled={isPending}
                    onClick={() => {
                        reset();
                        mutate();
                    }}
                    sx={{ mt: 1 }}
                >
                    <ReplayIcon />
                </Button>
                {data && <Verdict draw={draw} replay={data} />}
            </Box>
        </Section>
    );
};
