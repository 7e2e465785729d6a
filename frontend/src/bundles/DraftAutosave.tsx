import { Alert, Button, Stack, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { useOneThingDataProvider } from '../dataProvider';
import type { BundleDetail, Draft } from '../types';
import { askedFields, askedMaterials, splitValues } from './bundleForm';

/** How long the applicant pauses before what they typed is saved. */
export const DRAFT_DELAY_MS = 1500;

type Status = { state: 'idle' | 'saving' | 'failed' } | { state: 'saved'; at: string };

const time = (at: string) => new Date(at).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });

/** What of the form a draft keeps: answers given and files chosen, not a commitment (signed afresh each time). */
const draftOf = (bundle: BundleDetail, values: Record<string, unknown>) => {
    const commitments = bundle.fields.filter(field => field.type === 'commitment').map(field => field.code);
    const { form, materials } = splitValues(
        values,
        askedFields(bundle).filter(field => !commitments.includes(field.code)),
        askedMaterials(bundle),
    );
    const given = (entries: Record<string, unknown>) =>
        Object.fromEntries(
            Object.entries(entries)
                .filter(([, value]) => value != null && value !== '')
                .map(([code, value]) => [code, String(value)]),
        );
    return { form: given(form), materials: given(materials) };
};

/**
 * 草稿: the form is saved a moment after the applicant stops typing, so it can be finished later on any device;
 * says when it was last saved. A draft resumed when the form opened is announced, with a way to start afresh.
 */
export const DraftAutosave = ({
    bundle,
    resumed,
    onDiscard,
}: {
    bundle: BundleDetail;
    resumed: Draft | null;
    onDiscard: () => void;
}) => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const values = useWatch();
    const { formState } = useFormContext();
    const [status, setStatus] = useState<Status>(
        resumed?.savedAt ? { state: 'saved', at: resumed.savedAt } : { state: 'idle' },
    );
    const snapshot = JSON.stringify(draftOf(bundle, values));
    const lastSaved = useRef(snapshot);

    useEffect(() => {
        // nothing typed yet, or nothing new; filed: the server discards the draft itself
        if (!formState.isDirty || snapshot === lastSaved.current || formState.isSubmitSuccessful) return;
        const timer = setTimeout(async () => {
            setStatus({ state: 'saving' });
            try {
                const saved = await dataProvider.saveDraft(bundle.code, JSON.parse(snapshot));
                lastSaved.current = snapshot;
                setStatus({ state: 'saved', at: saved.savedAt ?? new Date().toISOString() });
            } catch {
                setStatus({ state: 'failed' });
            }
        }, DRAFT_DELAY_MS);
        return () => clearTimeout(timer);
    }, [snapshot, formState.isDirty, formState.isSubmitSuccessful, bundle.code, dataProvider]);

    const discard = async () => {
        await dataProvider.discardDraft(bundle.code).catch(() => undefined);
        onDiscard();
    };

    return (
        <Stack spacing={1} sx={{ width: '100%' }}>
            {resumed?.savedAt && (
                <Alert
                    severity="info"
                    action={
                        <Button color="inherit" size="small" onClick={discard}>
                            {translate('onething.draft.discard')}
                        </Button>
                    }
                >
                    {translate('onething.draft.resumed', { time: new Date(resumed.savedAt).toLocaleString('zh-CN') })}
                </Alert>
            )}
            <Typography variant="body2" color={status.state === 'failed' ? 'error' : 'text.secondary'} role="status">
                {status.state === 'saving' && translate('onething.draft.saving')}
                {status.state === 'saved' && translate('onething.draft.saved', { time: time(status.at) })}
                {status.state === 'failed' && translate('onething.draft.failed')}
            </Typography>
        </Stack>
    );
};
