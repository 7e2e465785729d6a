import { Button, CardActions, CardContent, Typography } from '@mui/material';
import { useState } from 'react';
import { Login, useLogin, useNotify, useTranslate } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { ElderModeSwitch } from '../layout/ElderModeSwitch';

/** The login page: one button that leaves for the unified identity service (Keycloak), and the 长者版 switch. */
export const LoginPage = () => {
    const login = useLogin();
    const notify = useNotify();
    const translate = useTranslate();
    const location = useLocation();
    const [redirecting, setRedirecting] = useState(false);
    const { nextPathname = '/', nextSearch = '' } = location.state ?? {};

    const start = () => {
        setRedirecting(true);
        login({ returnTo: nextPathname + nextSearch }).catch(() => {
            setRedirecting(false);
            notify('onething.auth.idp_unreachable', { type: 'error' });
        });
    };

    return (
        <Login>
            <CardContent sx={{ textAlign: 'center' }}>
                <Typography variant="h6" component="h1">
                    {translate('onething.title')}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                    {translate('onething.auth.hint')}
                </Typography>
            </CardContent>
            <CardActions disableSpacing sx={{ px: 2, pb: 2, flexDirection: 'column', gap: 1 }}>
                <Button variant="contained" fullWidth onClick={start} disabled={redirecting}>
                    {translate('onething.auth.login')}
                </Button>
                <ElderModeSwitch />
            </CardActions>
        </Login>
    );
};
