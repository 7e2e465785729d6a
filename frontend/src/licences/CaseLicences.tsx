import { Box } from '@mui/material';
import { Datagrid, ListContextProvider, useGetList, useList, useRecordContext, useTranslate } from 'react-admin';
import { Section } from '../ratings/RatingDetail';
import type { CaseDetail, Licence } from '../types';
import { licenceColumns } from './LicenceColumns';

// the API has no filter by case yet: the user's licences, newest first, those of this case kept
const ALL = { pagination: { page: 1, perPage: 200 }, sort: { field: 'issuedAt', order: 'DESC' } } as const;

/** The licences issued on the case (电子证照, 证照同发), each opened on its page; nothing before any is issued. */
export const CaseLicences = () => {
    const record = useRecordContext<CaseDetail>();
    const translate = useTranslate();
    const { data = [] } = useGetList<Licence>(
        'licences',
        // caseId is sent as well: a backend that filters by it answers exactly
        { ...ALL, filter: { caseId: record?.id } },
        { enabled: !!record?.id }
    );
    const mine = data.filter(licence => licence.caseId === record?.id);
    const list = useList({ data: mine, perPage: 200 });
    if (mine.length === 0) return null;
    return (
        <Section title={translate('onething.licence.case_section')}>
            <Box sx={{ overflowX: 'auto' }}>
                <ListContextProvider value={list}>
                    <Datagrid
                        bulkActionButtons={false}
                        rowClick={id => `/licences/${encodeURIComponent(String(id))}/show`}
                    >
                        {licenceColumns({ onCase: true })}
                    </Datagrid>
                </ListContextProvider>
            </Box>
        </Section>
    );
};
