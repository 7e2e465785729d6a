import { type Theme, useMediaQuery } from '@mui/material';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

const DEVICE_KEY = 'onething.elderMode';

type ElderMode = { elder: boolean; setElder: (elder: boolean) => void };

const ElderModeContext = createContext<ElderMode>({ elder: false, setElder: () => undefined });

/**
 * Whether the site shows as 长者版. Until a user signs in, the device remembers the last choice (the login page
 * has the switch too); once signed in, the choice saved with the account wins (see ElderModeSwitch).
 */
export const ElderModeProvider = ({ children }: { children: ReactNode }) => {
    const [elder, setElderState] = useState(() => localStorage.getItem(DEVICE_KEY) === 'true');
    const setElder = useCallback((value: boolean) => {
        localStorage.setItem(DEVICE_KEY, String(value));
        setElderState(value);
    }, []);
    const value = useMemo(() => ({ elder, setElder }), [elder, setElder]);
    return <ElderModeContext.Provider value={value}>{children}</ElderModeContext.Provider>;
};

export const useElderMode = () => useContext(ElderModeContext);

/**
 * Whether lists show one record per card (react-admin's SimpleList) instead of a table: on a phone, and in
 * 长者版 wherever the screen is.
 */
export const useSimpleLayout = () => {
    const { elder } = useElderMode();
    const phone = useMediaQuery<Theme>(theme => theme.breakpoints.down('sm'));
    return elder || phone;
};

/** Rows per page of a list: react-admin's 10, and half as many in 长者版. */
export const useListPerPage = () => (useElderMode().elder ? 5 : 10);
