import {
    Autocomplete,
    FormControlLabel,
    FormHelperText,
    Link,
    MenuItem,
    Switch,
    TextField,
    Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { type Identifier, useGetList, useTranslate } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import type { DepartmentRef } from '../types';
import type { SelectedTask, TaskProperty } from './elementProperties';

interface CodeOption {
    code: string;
    label: string;
}

/**
 * Codes among a pool, as chips: a camunda property of comma-separated codes, the 办事指南's default while the
 * property is absent. A change writes the codes in the pool's order ("" for none); 恢复 removes the property.
 */
const CodesInput = ({
    label,
    pool,
    property,
    defaults,
    onChange,
}: {
    label: string;
    pool: CodeOption[];
    /** the property's value (undefined: absent) */
    property: string | undefined;
    defaults: string[];
    onChange: (value: string | null) => void;
}) => {
    const translate = useTranslate();
    const codes = property === undefined ? defaults : property.split(',').map(code => code.trim()).filter(Boolean);
    // a code the pool does not know stays, by its code, after the known ones (the server reports it)
    const rank = (code: string) => {
        const index = pool.findIndex(option => option.code === code);
        return index < 0 ? pool.length : index;
    };
    return (
        <Autocomplete
            multiple
            size="small"
            disableCloseOnSelect
            options={pool}
            value={codes.map(code => pool.find(option => option.code === code) ?? { code, label: code })}
            getOptionLabel={option => option.label}
            isOptionEqualToValue={(option, chosen) => option.code === chosen.code}
            onChange={(_, chosen) =>
                onChange(
                    chosen
                        .map(option => option.code)
                        .sort((a, b) => rank(a) - rank(b))
                        .join(',')
                )
            }
            renderInput={params => (
                <TextField
                    {...params}
                    label={label}
                    helperText={
                        property === undefined ? (
                            translate('onething.model.editor.catalog_default')
                        ) : (
                            <Link component="button" type="button" variant="caption" onClick={() => onChange(null)}>
                                {translate('onething.model.editor.restore_default')}
                            </Link>
                        )
                    }
                />
            )}
            sx={{ mt: 2 }}
        />
    );
};

/**
 * The selected user task's 办理部门: its candidate group, chosen among GET /api/departments (a value that is no
 * department, e.g. an expression, stays offered as it is); and its 承诺时限 in working days (empty: the
 * catalog's default; the server refuses more than the statutory days). A task that is an item of the process's
 * bundle (its id is the item's code) also has its 表单字段 and 所需材料 among the bundle's, and whether officers may
 * approve it for many cases at once (允许批量通过, off unless set).
 */
export const TaskProperties = ({
    modelKey,
    task,
    onDepartment,
    onProperty,
}: {
    modelKey: string;
    task: SelectedTask;
    onDepartment: (groups: string) => void;
    /** null removes the property: the catalog's default applies */
    onProperty: (name: TaskProperty, value: string | null) => void;
}) => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const { data = [] } = useGetList<DepartmentRef & { id: Identifier }>('departments', {
        pagination: { page: 1, perPage: 1000 },
    });
    // the catalog changes with a release only
    const { data: catalog } = useQuery({
        queryKey: ['models', modelKey, 'catalog'],
        queryFn: () => dataProvider.modelCatalog(modelKey),
        staleTime: Infinity,
    });
    const item = catalog?.items.find(candidate => candidate.code === task.id);
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
                onChange={event => onDepartment(event.target.value)}
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
                helperText={
                    item
                        ? translate('onething.model.editor.promised_days_limit', {
                              promised: item.promisedDays,
                              statutory: item.statutoryDays,
                          })
                        : translate('onething.model.editor.promised_days_hint')
                }
                value={task.properties.promisedDays ?? ''}
                onChange={event => onProperty('promisedDays', event.target.value.replace(/\D/g, '') || null)}
                slotProps={{ htmlInput: { min: 1, max: item?.statutoryDays, step: 1 } }}
                sx={{ mt: 2 }}
            />
            {catalog && item && (
                <>
                    <CodesInput
                        label={translate('onething.model.editor.fields')}
                        pool={catalog.fields}
                        property={task.properties.fields}
                        defaults={item.fields}
                        onChange={value => onProperty('fields', value)}
                    />
                    <CodesInput
                        label={translate('onething.model.editor.materials')}
                        pool={catalog.materials.map(({ code, name }) => ({ code, label: name }))}
                        property={task.properties.materials}
                        defaults={item.materials}
                        onChange={value => onProperty('materials', value)}
                    />
                    <FormControlLabel
                        control={
                            <Switch
                                checked={task.properties.bulkApprove?.trim().toLowerCase() === 'true'}
                                onChange={event => onProperty('bulkApprove', event.target.checked ? 'true' : null)}
                            />
                        }
                        label={translate('onething.model.editor.bulk_approve')}
                        sx={{ mt: 1 }}
                    />
                    <FormHelperText sx={{ mt: 0 }}>{translate('onething.model.editor.bulk_approve_hint')}</FormHelperText>
                </>
            )}
        </>
    );
};
