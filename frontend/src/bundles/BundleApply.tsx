import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Create, Loading, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { useOneThingDataProvider } from '../dataProvider';
import { usePageRecordOptions } from '../errors';
import type { Draft, Prefill } from '../types';
import { ApplicationForm } from './ApplicationForm';
import { toCaseBody } from './bundleForm';
import { useBundle } from './useBundle';

const NO_PREFILL: Prefill = { values: {}, sources: {} };
const NO_DRAFT: Draft = { form: {}, materials: {}, savedAt: null };

/**
 * 申请 page: the bundle's form, pre-filled, or as the applicant left it on any device (草稿); a successful
 * submission opens the new case.
 */
export const BundleApply = () => {
    const { id = '' } = useParams<'id'>();
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const bundle = useBundle(id, usePageRecordOptions('bundles'));
    // without known data the form simply starts empty
    const { data: prefill = NO_PREFILL, isPending: prefillPending } = useQuery({
        queryKey: ['bundles', id, 'prefill'],
        queryFn: () => dataProvider.prefill(id),
    });
    // without a draft (none, or it cannot be read) the form starts from what is known
    const { data: saved = NO_DRAFT, isPending: draftPending } = useQuery({
        queryKey: ['bundles', id, 'draft'],
        queryFn: () => dataProvider.draft(id),
        retry: false,
        gcTime: 0,
    });
    const [discarded, setDiscarded] = useState(false);
    if (!bundle || prefillPending || draftPending) return <Loading />;
    const draft = discarded ? NO_DRAFT : saved;
    const restoredFiles = Object.fromEntries(Object.entries(draft.materials).map(([code, file]) => [code, file.id]));

    return (
        <Create
            key={discarded ? 'afresh' : 'resumed'}
            resource="cases"
            title={translate('onething.apply.title', { name: bundle.name })}
            actions={false}
            record={{ ...prefill.values, ...draft.form, ...restoredFiles }}
            transform={toCaseBody(bundle)}
            redirect="show"
        >
            <ApplicationForm bundle={bundle} prefill={prefill} draft={draft} onDiscardDraft={() => setDiscarded(true)} />
        </Create>
    );
};
