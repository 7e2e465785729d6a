import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import PauseCircleIcon from '@mui/icons-material/PauseCircle';
import WarningIcon from '@mui/icons-material/Warning';
import { Chip, type SxProps, type Theme } from '@mui/material';
import type { ReactElement } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Light } from '../types';

/** Colours of the lights: green, amber, red, grey; text and icon say the same (not colour alone). */
const LOOK: Record<Light, { icon: ReactElement; sx: SxProps<Theme> }> = {
    GREEN: {
        icon: <CheckCircleIcon />,
        sx: { bgcolor: 'success.main', color: 'success.contrastText' },
    },
    YELLOW: {
        icon: <WarningIcon />,
        // amber with dark text: MUI's orange warning colour is too close to red next to it
        sx: { bgcolor: '#ffc107', color: 'rgba(0, 0, 0, 0.87)' },
    },
    RED: {
        icon: <ErrorIcon />,
        sx: { bgcolor: 'error.main', color: 'error.contrastText' },
    },
    PAUSED: {
        icon: <PauseCircleIcon />,
        sx: { bgcolor: 'grey.300', color: 'rgba(0, 0, 0, 0.87)' },
    },
};

/** A light as a small chip: 正常 / 预警 / 超期 / 已暂停（补正）. Nothing for a limit that is not running. */
export const DeadlineLight = ({ light }: { light?: Light | null }) => {
    const translate = useTranslate();
    if (!light) return null;
    const { icon, sx } = LOOK[light];
    return (
        <Chip
            size="small"
            icon={icon}
            label={translate(`onething.deadline.light.${light}`)}
            data-light={light}
            sx={{ ...sx, '& .MuiChip-icon': { color: 'inherit' } } as SxProps<Theme>}
        />
    );
};

/**
 * The light of the record (an inbox row, a case row) or of its `source` (a DeadlineView, e.g. "deadline"),
 * as a Datagrid / Show field.
 */
export const LightField = ({
    source,
    emptyText = '—',
}: {
    source?: string;
    label?: string;
    sortable?: boolean;
    emptyText?: string;
}) => {
    const record = useRecordContext();
    const value = source ? record?.[source] : record;
    return value?.light ? <DeadlineLight light={value.light} /> : <>{emptyText}</>;
};
