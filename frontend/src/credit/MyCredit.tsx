import { Alert, Card, CardContent, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { type HttpError, Loading, Title, useTranslate } from 'react-admin';
import { Fact } from '../cases/FactsRow';
import { useOneThingDataProvider } from '../dataProvider';
import { Section } from '../ratings/RatingDetail';
import type { EnterpriseCredit } from '../types';
import { CreditEvents } from './CreditEvents';
import { CreditGradeChip, GradeRule } from './CreditGrade';

/**
 * 本企业信用 (an enterprise applicant): its own grade, how grades are given, and the events behind it (核查,
 * 监管, 撤销), from GET /api/enterprises/me/credit.
 */
export const MyCredit = () => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const { data, error, isPending } = useQuery<EnterpriseCredit, HttpError>({
        queryKey: ['credit', 'me'],
        queryFn: () => dataProvider.myCredit(),
        retry: false,
    });
    return (
        <Card sx={{ mt: 2 }}>
            <Title title="onething.credit.mine_title" />
            {isPending ? (
                <Loading />
            ) : error || !data ? (
                <Alert severity="error" sx={{ m: 2 }}>
                    {translate('onething.credit.load_error', {
                        message: translate(error?.message ?? 'ra.notification.http_error', { _: error?.message }),
                    })}
                </Alert>
            ) : (
                <>
                    <CardContent>
                        <Stack direction="row" useFlexGap flexWrap="wrap" columnGap={4} rowGap={1} alignItems="center">
                            <Fact label="onething.credit.my_grade">
                                <CreditGradeChip grade={data.grade} size="medium" />
                            </Fact>
                            <Fact label="resources.credit.fields.name">{data.name}</Fact>
                            <Fact label="resources.credit.fields.creditCode">{data.creditCode ?? '—'}</Fact>
                        </Stack>
                        <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
                            {translate('onething.credit.mine_intro')}
                        </Typography>
                    </CardContent>
                    <GradeRule />
                    <Section title={translate('onething.credit.events')}>
                        <CreditEvents events={data.events} />
                    </Section>
                </>
            )}
        </Card>
    );
};
