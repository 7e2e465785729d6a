import CancelIcon from '@mui/icons-material/Cancel';
import HistoryIcon from '@mui/icons-material/History';
import VerifiedIcon from '@mui/icons-material/Verified';
import { Chip, type ChipProps } from '@mui/material';
import type { ReactElement } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Licence, LicenceStatus } from '../types';

/** Green 有效, red 已撤销, grey 已过期: colour, icon and word say the same. */
export const LICENCE_LOOK: Record<LicenceStatus, { color: ChipProps['color']; icon: ReactElement }> = {
    VALID: { color: 'success', icon: <VerifiedIcon /> },
    REVOKED: { color: 'error', icon: <CancelIcon /> },
    EXPIRED: { color: 'default', icon: <HistoryIcon /> },
};

export const LICENCE_STATUSES = Object.keys(LICENCE_LOOK) as LicenceStatus[];

export const LicenceStatusChip = ({ status, size = 'small' }: { status: LicenceStatus; size?: ChipProps['size'] }) => {
    const translate = useTranslate();
    const { color, icon } = LICENCE_LOOK[status];
    return (
        <Chip
            size={size}
            color={color}
            icon={icon}
            label={translate(`onething.licence.status.${status}`)}
            data-status={status}
        />
    );
};

/** The status of the licence in context, as a Datagrid / Show field. */
export const LicenceStatusField = (_: { label?: string }) => {
    const licence = useRecordContext<Licence>();
    return licence ? <LicenceStatusChip status={licence.status} /> : null;
};

/** 多证合一: the licence's name with a mark when it replaces several permits. */
export const LicenceNameField = (_: { label?: string }) => {
    const licence = useRecordContext<Licence>();
    const translate = useTranslate();
    if (!licence) return null;
    return (
        <>
            {licence.licenceName}
            {licence.replaces.length > 0 && (
                <Chip
                    size="small"
                    variant="outlined"
                    color="primary"
                    label={translate('onething.licence.replaces')}
                    sx={{ ml: 1 }}
                />
            )}
        </>
    );
};
