import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { DeadlineStop } from '../types';

/**
 * The periods the clock stood still for a 补正: 「补正暂停：2026-11-23 至 2026-11-26」, or 「…起（暂停中）」 while it
 * still stands; `bare`: without 「补正暂停：」, under a label that says it already.
 */
export const DeadlineStops = ({ stops, bare = false }: { stops?: DeadlineStop[] | null; bare?: boolean }) => {
    const translate = useTranslate();
    if (!stops?.length) return null;
    return (
        <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
            {stops.map((stop, index) => (
                <Typography
                    component="li"
                    variant={bare ? 'body2' : 'caption'}
                    display="block"
                    key={`${stop.stoppedOn}-${index}`}
                >
                    {stop.resumedOn
                        ? translate(`onething.deadline.${bare ? 'stop_period' : 'stop'}`, {
                              from: stop.stoppedOn,
                              to: stop.resumedOn,
                          })
                        : translate(`onething.deadline.${bare ? 'stop_period_open' : 'stop_open'}`, {
                              from: stop.stoppedOn,
                          })}
                </Typography>
            ))}
        </Box>
    );
};
