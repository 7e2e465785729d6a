import SearchOffIcon from '@mui/icons-material/SearchOff';
import { Alert, Box, Card, CardContent, CircularProgress, Divider, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { type HttpError, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { Fact } from '../cases/FactsRow';
import { useOneThingDataProvider } from '../dataProvider';
import type { LicenceStatus, LicenceVerification } from '../types';
import { LICENCE_LOOK } from './LicenceChips';

// the verdict's band: green 有效, red 已撤销, grey 已过期
const BAND: Record<LicenceStatus, { bgcolor: string; color: string }> = {
    VALID: { bgcolor: 'success.main', color: 'success.contrastText' },
    REVOKED: { bgcolor: 'error.main', color: 'error.contrastText' },
    EXPIRED: { bgcolor: 'grey.500', color: 'common.white' },
};

const Verdict = ({ verification }: { verification: LicenceVerification }) => {
    const translate = useTranslate();
    const { icon } = LICENCE_LOOK[verification.status];
    return (
        <>
            <Stack
                role="status"
                direction="row"
                spacing={2}
                alignItems="center"
                data-status={verification.status}
                sx={{ ...BAND[verification.status], p: 2, '& svg': { fontSize: 48 } }}
            >
                {icon}
                <Box>
                    <Typography variant="h4" component="p" sx={{ fontWeight: 'bold' }}>
                        {translate(`onething.licence.status.${verification.status}`)}
                    </Typography>
                    <Typography variant="body1">{verification.message}</Typography>
                </Box>
            </Stack>
            <CardContent>
                <Stack spacing={1.5}>
                    <Fact label="onething.licence.verify.name">{verification.licenceName}</Fact>
                    <Fact label="onething.licence.verify.number">{verification.number}</Fact>
                    <Fact label="onething.licence.verify.department">{verification.departmentName}</Fact>
                    <Fact label="onething.licence.verify.validity">
                        {translate('onething.licence.validity', {
                            from: verification.validFrom,
                            to: verification.validUntil,
                        })}
                    </Fact>
                </Stack>
            </CardContent>
        </>
    );
};

/**
 * 电子证照核验 (/verify/:number): what the QR code on a licence opens, for anybody, without login — whether the
 * licence holds (green 有效, red 已撤销, grey 已过期) and the platform's message; an unknown number says so.
 */
export const LicenceVerify = () => {
    const { number = '' } = useParams<'number'>();
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const { data, error, isPending } = useQuery<LicenceVerification, HttpError>({
        queryKey: ['verify', number],
        queryFn: () => dataProvider.verifyLicence(number),
        retry: false,
    });
    return (
        <Box sx={{ minHeight: '100vh', bgcolor: 'grey.100', py: { xs: 2, sm: 6 }, px: 2 }}>
            <Card sx={{ maxWidth: 560, mx: 'auto' }} component="main">
                <CardContent>
                    <Typography variant="overline" color="text.secondary">
                        {translate('onething.title')}
                    </Typography>
                    <Typography variant="h5" component="h1">
                        {translate('onething.licence.verify.title')}
                    </Typography>
                </CardContent>
                <Divider />
                {isPending ? (
                    <Stack direction="row" spacing={2} alignItems="center" sx={{ p: 2 }}>
                        <CircularProgress size={24} />
                        <Typography>{translate('onething.licence.verify.loading')}</Typography>
                    </Stack>
                ) : error?.status === 404 ? (
                    <Stack role="status" direction="row" spacing={2} alignItems="center" sx={{ p: 2 }}>
                        <SearchOffIcon color="disabled" sx={{ fontSize: 48 }} />
                        <Box>
                            <Typography variant="h6" component="p">
                                {translate('onething.licence.verify.not_found')}
                            </Typography>
                            <Typography variant="body2" color="text.secondary">
                                {translate('onething.licence.verify.not_found_hint', { number })}
                            </Typography>
                        </Box>
                    </Stack>
                ) : error || !data ? (
                    <Alert severity="error" sx={{ m: 2 }}>
                        {translate('onething.licence.verify.error')}
                    </Alert>
                ) : (
                    <Verdict verification={data} />
                )}
                <Divider />
                <CardContent>
                    <Typography variant="caption" color="text.secondary">
                        {translate('onething.licence.verify.footer')}
                    </Typography>
                </CardContent>
            </Card>
        </Box>
    );
};
