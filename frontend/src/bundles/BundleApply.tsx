import { useQuery } from '@tanstack/react-query';
import { Create, Loading, useTranslate } from 'react-admin';
import { useParams } from 'react-router-dom';
import { useOneThingDataProvider } from '../dataProvider';
import { usePageRecordOptions } from '../errors';
import type { Prefill } from '../types';
import { ApplicationForm } from './ApplicationForm';
import { toCaseBody } from './bundleForm';
import { useBundle } from './useBundle';

const NO_PREFILL: Prefill = { values: {}, sources: {} };

/** 申请 page: the bundle's form, pre-filled; a successful submission opens the new case. */
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
    if (!bundle || prefillPending) return <Loading />;

    return (
        <Create
            resource="cases"
            title={translate('onething.apply.title', { name: bundle.name })}
            actions={false}
            record={prefill.values}
            transform={toCaseBody(bundle)}
            redirect="show"
        >
            <ApplicationForm bundle={bundle} prefill={prefill} />
        </Create>
    );
};
