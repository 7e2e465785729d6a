import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import ViewListIcon from '@mui/icons-material/ViewList';
import { ToggleButton, ToggleButtonGroup } from '@mui/material';
import { Link, useTranslate } from 'react-admin';

/** 列表 / 日历: the two views of the inspections, as links (each view has its own address). */
export const InspectionViewSwitch = ({ current }: { current: 'list' | 'calendar' }) => {
    const translate = useTranslate();
    return (
        <ToggleButtonGroup size="small" exclusive value={current} aria-label={translate('onething.inspection.view')}>
            <ToggleButton value="list" component={Link} to="/inspections">
                <ViewListIcon fontSize="small" sx={{ mr: 0.5 }} />
                {translate('onething.inspection.view_list')}
            </ToggleButton>
            <ToggleButton value="calendar" component={Link} to="/inspections/calendar">
                <CalendarMonthIcon fontSize="small" sx={{ mr: 0.5 }} />
                {translate('onething.inspection.view_calendar')}
            </ToggleButton>
        </ToggleButtonGroup>
    );
};
