import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import { type ReactNode, useId } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { useCaseInspections } from '../inspections/CaseInspections';
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
 * which item now and by when (and the site inspections), what waits for what, and what the applicant must or may do
 * next: 补正, rectify after an inspection, book the inspection (or that nothing is).
 */
export const ProgressInWords = () => {
    const record = useRecordContext<CaseDetail>();
    const translate = useTranslate();
    const titleId = useId();
    const inspections = useCaseInspections(record?.id);
    // (the list's row stands in for the case until the page's own record is read: it has no items)
    if (!record?.items) return null;
    const { done, working, waiting, yours } = progressGroups(record.items);
    const open = inspections.filter(i => i.status !== 'PASSED' && i.status !== 'FAILED');
    // what the applicant is asked to do about inspections: rectify (must), book the visit (may)
    const inspectionTodos = [
        ...open
            .filter(i => i.status === 'RECTIFYING')
            .map(i => translate('onething.progress.rectify', { name: i.name, until: i.rectifyBy ?? '' })),
        ...open.filter(i => i.booking?.open).map(i => translate('onething.progress.book', { name: i.name })),
    ];
    const names = (items: CaseItem[]) => items.map(item => item.name).join('、');
    return (
        <Card variant="outlined" component="section" aria-labelledby={titleId} sx={{ mx: 2, mb: 2 }}>
            <CardContent>
                <Typography id={titleId} variant="h6" component="h2" gutterBottom>
                    {translate('onething.progress.title')}
                </Typography>
                <Stack spacing={1.5}>
                    <Part title={translate('onething.progress.yours')}>
                        {yours.length > 0 && (
                            <Typography variant="body2" sx={{ fontWeight: 'bold' }}>
                                {translate('onething.progress.supplement', { items: names(yours) })}
                            </Typography>
                        )}
                        {inspectionTodos.map(todo => (
                            <Typography key={todo} variant="body2" sx={{ fontWeight: 'bold' }}>
                                {todo}
                            </Typography>
                        ))}
                        {yours.length + inspectionTodos.length === 0 && (
                            <Typography variant="body2">
                                {record.status === 'COMPLETED'
                                    ? translate('onething.progress.rate')
                                    : translate('onething.progress.nothing')}
                            </Typography>
                        )}
                    </Part>
                    {working.length + open.length > 0 && (
                        <Part title={translate('onething.progress.working')}>
                            {open.map(inspection => (
                                <Box key={inspection.id} sx={{ typography: 'body2', mb: 0.5 }}>
                                    {translate('onething.progress.inspection', {
                                        name: inspection.name,
                                        lead: inspection.lead.name,
                                        departments: inspection.departments.map(d => d.name).join('、'),
                                        status: inspection.statusName,
                                    })}
                                    {inspection.deadline && <DeadlineText deadline={inspection.deadline} />}
                                </Box>
                            ))}
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
