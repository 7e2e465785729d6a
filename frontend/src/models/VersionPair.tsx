import { MenuItem, Stack, TextField } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';
import type { ModelVersion } from '../types';

export interface Pair {
    from: number;
    to: number;
}

/** The pair a comparison or a migration starts from: the version before the latest → the latest. */
export const defaultPair = (versions: ModelVersion[]): Pair => ({
    from: versions[1]?.version ?? versions[0]?.version ?? 1,
    to: versions[0]?.version ?? 1,
});

/** One of the process's versions, chosen in a select. */
export const VersionSelect = ({
    versions,
    label,
    value,
    onChange,
}: {
    versions: ModelVersion[];
    label: string;
    value: number;
    onChange: (version: number) => void;
}) => {
    const translate = useTranslate();
    return (
        <TextField
            select
            size="small"
            label={label}
            value={value}
            onChange={event => onChange(Number(event.target.value))}
            sx={{ minWidth: 140 }}
        >
            {versions.map(({ version }) => (
                <MenuItem key={version} value={version}>
                    {translate('onething.model.version', { version })}
                </MenuItem>
            ))}
        </TextField>
    );
};

/** 源版本 → 目标版本, two selects of the process's versions, and the action that uses them. */
export const VersionPair = ({
    versions,
    value,
    onChange,
    children,
}: {
    versions: ModelVersion[];
    value: Pair;
    onChange: (pair: Pair) => void;
    children?: ReactNode;
}) => {
    const translate = useTranslate();
    const select = (which: keyof Pair) => (
        <VersionSelect
            versions={versions}
            label={translate(`onething.model.${which}`)}
            value={value[which]}
            onChange={version => onChange({ ...value, [which]: version })}
        />
    );
    return (
        <Stack direction="row" spacing={2} alignItems="center" sx={{ my: 1 }}>
            {select('from')}
            <span aria-hidden>→</span>
            {select('to')}
            {children}
        </Stack>
    );
};
