import { Alert } from '@mui/material';
import { Title, useTranslate } from 'react-admin';

/** Shown to a logged-in user with none of the platform's roles. */
export const NoRolePage = () => {
    const translate = useTranslate();
    return (
        <>
            <Title title="onething.title" />
            <Alert severity="info" sx={{ mt: 2 }}>
                {translate('onething.auth.no_role')}
            </Alert>
        </>
    );
};
