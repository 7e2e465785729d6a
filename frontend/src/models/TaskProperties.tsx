import { MenuItem, TextField, Typography } from '@mui/material';
import { type Identifier, useGetList, useTranslate } from 'react-admin';
import type { DepartmentRef } from '../types';
import type { SelectedTask } from './ModelCanvas';

/**
 * The selected user task's 办理部门: its candidate group, chosen among GET /api/departments (a value that is no
 * department, e.g. an expression, stays offered as it is); and its 承诺时限 in working days (empty: the
 * catalog's default; the server refuses more than the statutory days).
 */
export const TaskProperties = ({
    task,
    onChange,
    onPromisedDays,
}: {
    task: SelectedTask;
    onChange: (groups: string) => void;
    onPromisedDays: (days: string) => void;
}) => {
    const translate = useTranslate();
    const { data = [] } = useGetList<DepartmentRef & { id: Identifier }>('departments', {
        pagination: { page: 1, perPage: 1000 },
    });
    const known = data.some(department => department.code === task.candidateGroups);
    return (
        <>
            <Typography variant="subtitle1" component="h2" sx={{ mt: 2 }}>
                {translate('onething.model.editor.task', { name: task.name ?? task.id })}
            </Typography>
            <TextField
                select
                size="small"
                fullWidth
                label={translate('onething.model.editor.department')}
                value={task.candidateGroups}
                onChange={event => onChange(event.target.value)}
                sx={{ mt: 1 }}
            >
                <MenuItem value="">{translate('onething.model.editor.no_department')}</MenuItem>
                {!known && task.candidateGroups && (
                    <MenuItem value={task.candidateGroups}>{task.candidateGroups}</MenuItem>
                )}
                {data.map(department => (
                    <MenuItem key={department.code} value={department.code}>
                        {department.name}
                    </MenuItem>
                ))}
            </TextField>
            <TextField
                size="small"
                fullWidth
                type="number"
                label={translate('onething.model.editor.promised_days')}
                helperText={translate('onething.model.editor.promised_days_hint')}
                value={task.promisedDays}
                onChange={event => onPromisedDays(event.target.value.replace(/\D/g, ''))}
                slotProps={{ htmlInput: { min: 1, step: 1 } }}
                sx={{ mt: 2 }}
            />
        </>
    );
};
