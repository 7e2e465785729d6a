import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import type { Light } from '../types';

const LIGHTS: Light[] = ['RED', 'YELLOW', 'GREEN'];

/** 全部 / 超期 / 预警 / 正常: filters a list by the `light` of its rows. */
export const LightFilter = () => {
    const translate = useTranslate();
    const { filterValues, displayedFilters, setFilters } = useListContext();
    const value: string = filterValues.light ?? '';
    const choose = (light: string | null) => {
        if (light === null) return; // the chosen button again: keep it
        const { light: _, ...others } = filterValues;
        setFilters(light ? { ...others, light } : others, displayedFilters);
    };
    return (
        <ToggleButtonGroup
            size="small"
            exclusive
            value={value}
            onChange={(_, light) => choose(light)}
            aria-label={translate('onething.deadline.filter')}
        >
            <ToggleButton value="">{translate('onething.deadline.filter_all')}</ToggleButton>
            {LIGHTS.map(light => (
                <ToggleButton key={light} value={light}>
                    {translate(`onething.deadline.light.${light}`)}
                </ToggleButton>
            ))}
        </ToggleButtonGroup>
    );
};
