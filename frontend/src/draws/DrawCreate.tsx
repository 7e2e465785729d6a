import { Typography } from '@mui/material';
import {
    Create,
    type Identifier,
    maxValue,
    minValue,
    NumberInput,
    required,
    SaveButton,
    SelectInput,
    SimpleForm,
    Toolbar,
    useGetList,
    useNotify,
    useRedirect,
    useTranslate,
} from 'react-admin';
import ShuffleIcon from '@mui/icons-material/Shuffle';
import type { DepartmentRef, DrawBody } from '../types';

/** The largest seed the backend takes: the largest integer a browser keeps exact (2^53 − 1). */
const MAX_SEED = Number.MAX_SAFE_INTEGER;

const integer = (message: string) => (value: unknown) =>
    value == null || value === '' || Number.isInteger(Number(value)) ? undefined : message;

const countRules = [required(), integer('onething.draw.count_integer'), minValue(1)];
const seedRules = [integer('onething.draw.seed_integer'), minValue(0), maxValue(MAX_SEED)];

interface DrawValues {
    count: number | string;
    seed?: number | string | null;
    department?: string | null;
}

/** The body of POST /api/supervision/draws: an empty seed or department is none (the server picks, all holders). */
export const toDrawBody = ({ count, seed, department }: DrawValues): DrawBody => ({
    count: Number(count),
    seed: seed === '' || seed == null ? null : Number(seed),
    department: department || null,
});

/** 监管部门: the departments of GET /api/departments; none chosen draws among all holders of valid licences. */
const DepartmentInput = () => {
    const { data = [], isPending } = useGetList<DepartmentRef & { id: Identifier }>('departments', {
        pagination: { page: 1, perPage: 1000 },
    });
    return (
        <SelectInput
            source="department"
            label="onething.draw.department"
            choices={data}
            optionValue="code"
            optionText="name"
            emptyText="onething.draw.all_departments"
            isPending={isPending}
        />
    );
};

const DrawToolbar = () => (
    <Toolbar>
        <SaveButton label="onething.draw.submit" icon={<ShuffleIcon />} alwaysEnable />
    </Toolbar>
);

/**
 * 双随机抽查 (managers): draws `count` enterprises among the holders of valid licences (of one supervising
 * department, or all), with a seed given or left to the server; then the draw's page shows who was drawn. The
 * server's field errors (e.g. more than there are holders) show next to their inputs.
 */
export const DrawCreate = () => {
    const translate = useTranslate();
    const notify = useNotify();
    const redirect = useRedirect();
    return (
        <Create
            title="onething.draw.create_title"
            transform={toDrawBody}
            mutationOptions={{
                onSuccess: (draw: { id: Identifier }) => {
                    notify('onething.draw.done', { type: 'success' });
                    redirect('show', 'draws', draw.id);
                },
            }}
        >
            <SimpleForm toolbar={<DrawToolbar />} defaultValues={{ count: 1, seed: '', department: '' }}>
                <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 720 }}>
                    {translate('onething.draw.intro')}
                </Typography>
                {/* no min / step attributes: the browser's own check would stop the form before ours says why in Chinese */}
                <NumberInput source="count" label="onething.draw.count" validate={countRules} />
                <NumberInput
                    source="seed"
                    label="onething.draw.seed"
                    helperText="onething.draw.seed_hint"
                    validate={seedRules}
                    sx={{ minWidth: 320 }}
                />
                <DepartmentInput />
            </SimpleForm>
        </Create>
    );
};
