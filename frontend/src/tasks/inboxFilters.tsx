import { useEffect } from 'react';
import { DateInput, SelectInput, type SelectInputProps, TextInput, useGetList } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { useBundle } from '../bundles/useBundle';
import type { Bundle } from '../types';

const STATUSES = ['UNCLAIMED', 'CLAIMED', 'DELEGATED'] as const;

/** 一件事: the bundles of the catalog. */
const BundleFilter = (props: SelectInputProps) => {
    const { data } = useGetList<Bundle>('bundles', { pagination: { page: 1, perPage: 100 } });
    return <SelectInput {...props} choices={data ?? []} optionValue="code" emptyText="onething.inbox.filter.all" />;
};

/** 事项: the items of the chosen bundle (item code = the task's definition key); none until a bundle is chosen. */
const ItemFilter = (props: SelectInputProps) => {
    const { setValue } = useFormContext();
    const [bundleCode, item] = useWatch({ name: ['bundle', 'item'] });
    const bundle = useBundle(bundleCode || undefined);
    const items = bundle?.items ?? [];
    // an item of another bundle would leave the list empty
    const stale = !!item && (!bundleCode || (!!bundle && !items.some(each => each.code === item)));
    useEffect(() => {
        if (stale) setValue('item', '');
    }, [stale, setValue]);
    return (
        <SelectInput
            {...props}
            label={bundleCode ? 'onething.inbox.filter.item' : 'onething.inbox.filter.item_hint'}
            choices={items}
            optionValue="code"
            disabled={!bundleCode}
            emptyText="onething.inbox.filter.all"
        />
    );
};

/** The inbox's filters, always shown (the light is the toggle group above the list). */
export const inboxFilters = [
    <BundleFilter key="bundle" source="bundle" label="onething.inbox.filter.bundle" alwaysOn />,
    <ItemFilter key="item" source="item" alwaysOn />,
    <SelectInput
        key="status"
        source="status"
        label="onething.inbox.filter.status"
        choices={STATUSES.map(status => ({ id: status, name: `onething.inbox.status.${status}` }))}
        emptyText="onething.inbox.filter.all"
        alwaysOn
    />,
    <TextInput key="applicant" source="applicant" label="onething.inbox.filter.applicant" alwaysOn />,
    <DateInput key="dueFrom" source="dueFrom" label="onething.inbox.filter.due_from" alwaysOn />,
    <DateInput key="dueTo" source="dueTo" label="onething.inbox.filter.due_to" alwaysOn />,
    <DateInput key="receivedFrom" source="receivedFrom" label="onething.inbox.filter.received_from" alwaysOn />,
    <DateInput key="receivedTo" source="receivedTo" label="onething.inbox.filter.received_to" alwaysOn />,
];
