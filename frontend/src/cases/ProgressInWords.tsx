import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { type ReactNode, useId } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { DeadlineText } from '../timelimit/DeadlineField';
import type { CaseDetail, CaseItem } from '../types';

/** The case's items sorted into what the applicant asks: what is done, who has what now, what waits, what is mine. */
export const progressGroups = (items: CaseItem[]) => ({
    done: items.filter(item => item.status === 'APPROVED' || item.status === 'REJECTED' || item.status === 'SKIPPED'),
    working: items.filter(item => item.status === 'IN_PROGRESS'),
    waiting: items.filter(item => item.status === 'WAITING'),
    yours: items.filter(item => item.status === 'SUPPLEMENT'),
});

const Part = ({ title, children }: { title: string; children: ReactNode }) => (
    <Box>
        <Typography variant="subtitle2" component="h3">
            {title}
        </Typography>
        {children}
    </Box>
);

/**
 * 办理进度 in plain words for the applicant, at the top of the case page: what is done, which department has
 * which item now and by when, what waits for what, and what the applicant must do next (or that nothing is).
 */
export const ProgressInWords = () => {
    const record = useRecordContext<CaseDetail>();
    const translate = useTranslate();
    const titleId = useId();
    // (the list's row stands in for the case until the page's own record is read: it has no items)
    if (!record?.items) return null;
    const { done, working, waiting, yours } = progressGroups(record.items);
    const names = (items: CaseItem[]) => items.map(item => item.name).join('、');
    return (
        <Card variant="outlined" component="section" aria-labelledby={titleId} sx={{ mx: 2, mb: 2 }}>
            <CardContent>
                <Typography id={titleId} variant="h6" component="h2" gutterBottom>
                    {translate('onething.progress.title')}
                </Typography>
                <Stack spacing={1.5}>
                    <Part title={translate('onething.progress.yours')}>
                        <Typography variant="body2" sx={yours.length ? { fontWeight: 'bold' } : undefined}>
                            {yours.length
                                ? translate('onething.progress.supplement', { items: names(yours) })
                                : record.status === 'COMPLETED'
                                  ? translate('onething.progress.rate')
                                  : translate('onething.progress.nothing')}
                        </Typography>
                    </Part>
                    {working.length > 0 && (
                        <Part title={translate('onething.progress.working')}>
                            {working.map(item => (
                                <Box key={item.code} sx={{ typography: 'body2', mb: 0.5 }}>
                                    {translate('onething.progress.working_item', {
                                        item: item.name,
                                        department: item.departmentName,
                                    })}
                                    <DeadlineText deadline={item.deadline} />
                                </Box>
                            ))}
                        </Part>
                    )}
                    <Part title={translate('onething.progress.done')}>
                        <Typography variant="body2">
                            {done.length
                                ? translate('onething.progress.done_items', {
                                      count: done.length,
                                      total: record.items.length,
                                      items: names(done),
                                  })
                                : translate('onething.progress.none_done')}
                        </Typography>
                    </Part>
                    {waiting.length > 0 && (
                        <Part title={translate('onething.progress.waiting')}>
                            <Typography variant="body2">
                                {translate('onething.progress.waiting_items', { items: names(waiting) })}
                            </Typography>
                        </Part>
                    )}
                </Stack>
            </CardContent>
        </Card>
    );
};
