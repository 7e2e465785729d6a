import { Button, Stack } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { labelsOf } from '../bundles/bundleForm';
import type { BundleDetail, BundleItem, DecisionKind, Task } from '../types';
import { DecisionDialog } from './DecisionDialog';

const KINDS: { kind: DecisionKind; color: 'success' | 'error' | 'warning' }[] = [
    { kind: 'approve', color: 'success' },
    { kind: 'reject', color: 'error' },
    { kind: 'return', color: 'warning' },
];

/** 通过 / 不予办理 / 退回补正, each opening its dialog. */
export const DecisionButtons = ({ task, item, bundle }: { task: Task; item: BundleItem; bundle: BundleDetail }) => {
    const translate = useTranslate();
    const [open, setOpen] = useState<DecisionKind | null>(null);
    const labels = labelsOf(bundle);
    const missingChoices = [...item.fields, ...item.materials].map(code => ({ id: code, name: labels[code] ?? code }));

    return (
        <>
            <Stack direction="row" spacing={2}>
                {KINDS.map(({ kind, color }) => (
                    <Button key={kind} variant="contained" color={color} onClick={() => setOpen(kind)}>
                        {translate(`onething.task.${kind}`)}
                    </Button>
                ))}
            </Stack>
            {open && (
                <DecisionDialog
                    kind={open}
                    task={task}
                    missingChoices={missingChoices}
                    onClose={() => setOpen(null)}
                />
            )}
        </>
    );
};
