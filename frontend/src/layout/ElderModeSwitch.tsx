import ElderlyIcon from '@mui/icons-material/Elderly';
import { Button } from '@mui/material';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import { useElderMode } from './elderMode';

export const PREFERENCES_KEY = ['me', 'preferences'];

/**
 * The 长者版 switch of every page. Signed in (`account`), the choice is kept with the account and follows the user
 * to any device; a choice made on this device before the user ever chose is adopted for the account.
 */
export const ElderModeSwitch = ({ account = false }: { account?: boolean }) => {
    const translate = useTranslate();
    const notify = useNotify();
    const dataProvider = useOneThingDataProvider();
    const { elder, setElder } = useElderMode();

    const { data: saved } = useQuery({
        queryKey: PREFERENCES_KEY,
        queryFn: () => dataProvider.preferences(),
        enabled: account,
        retry: false,
    });
    const save = useMutation({
        mutationFn: (elderMode: boolean) => dataProvider.savePreferences({ elderMode }),
    });
    const { mutate } = save;

    useEffect(() => {
        if (!saved) return;
        if (saved.elderMode === null) {
            if (elder) mutate(true);
        } else if (saved.elderMode !== elder) {
            setElder(saved.elderMode);
        }
        // only when the account's choice arrives: after that the user's own toggles lead
    }, [saved]);

    const toggle = () => {
        const next = !elder;
        setElder(next);
        if (!account) return;
        mutate(next, {
            onError: () => {
                setElder(!next);
                notify('onething.elder.save_failed', { type: 'error' });
            },
        });
    };

    return (
        <Button
            color="inherit"
            variant={elder ? 'outlined' : 'text'}
            aria-pressed={elder}
            startIcon={<ElderlyIcon />}
            onClick={toggle}
            sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
        >
            {translate('onething.elder.switch')}
        </Button>
    );
};
