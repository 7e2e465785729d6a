import { Stack, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';

/**
 * Two views of a list as a toggle: the first shows it as it is, the second sets the filter `{[flag]: true}`
 * (e.g. 全部 / 未读, 待我处理 / 全部). Labels are i18n keys.
 */
export const FlagFilter = ({ flag, label, off, on }: { flag: string; label: string; off: string; on: string }) => {
    const translate = useTranslate();
    const { filterValues, setFilters } = useListContext();
    return (
        <Stack direction="row" sx={{ p: 1 }}>
            <ToggleButtonGroup
                size="small"
                exclusive
                value={filterValues[flag] ? 'on' : 'off'}
                onChange={(_, value) => value && setFilters(value === 'on' ? { [flag]: true } : {}, {})}
                aria-label={translate(label)}
            >
                <ToggleButton value="off">{translate(off)}</ToggleButton>
                <ToggleButton value="on">{translate(on)}</ToggleButton>
            </ToggleButtonGroup>
        </Stack>
    );
};
