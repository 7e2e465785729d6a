import {
    Alert,
    Box,
    Button,
    Card,
    Table,
    TableBody,
    TableCell,
    TableContainer,
    TableHead,
    TableRow,
    Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { MouseEvent } from 'react';
import {
    Datagrid,
    Link,
    ListBase,
    Loading,
    Pagination,
    type RaRecord,
    TextField,
    Title,
    useListContext,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { useOneThingDataProvider } from '../dataProvider';
import { DeadlineField } from '../timelimit/DeadlineField';
import { DeadlineLight, LightField } from '../timelimit/DeadlineLight';
import type { DeadlineCounts, DeadlineItem, DeadlineOverview } from '../types';

/** The lights a manager can list the items of: 超期 and 预警. */
type ListedLight = 'RED' | 'YELLOW';

const COLUMNS: { key: keyof DeadlineCounts; light?: 'GREEN' | ListedLight | 'PAUSED' }[] = [
    { key: 'open' },
    { key: 'green', light: 'GREEN' },
    { key: 'yellow', light: 'YELLOW' },
    { key: 'red', light: 'RED' },
    { key: 'paused', light: 'PAUSED' },
];

const COLORS = { GREEN: 'success.main', YELLOW: '#b26a00', RED: 'error.main', PAUSED: 'text.secondary' };

/** One count of the overview; those of 预警 and 超期 open their items. */
const Count = ({
    count,
    light,
    departmentName,
    onShow,
}: {
    count: number;
    light?: keyof typeof COLORS;
    departmentName: string;
    onShow: (light: ListedLight) => void;
}) => {
    const translate = useTranslate();
    const sx = {
        fontWeight: count && light && light !== 'PAUSED' ? 'bold' : 'normal',
        color: light ? COLORS[light] : undefined,
    };
    if ((light === 'RED' || light === 'YELLOW') && count > 0) {
        return (
            <Button
                size="small"
                onClick={() => onShow(light)}
                aria-label={translate('onething.monitor.show_items', {
                    department: departmentName,
                    light: translate(`onething.deadline.light.${light}`),
                    count,
                })}
                sx={{ ...sx, minWidth: 0, textDecoration: 'underline' }}
            >
                {count}
            </Button>
        );
    }
    return (
        <Typography variant="body2" component="span" sx={count ? sx : { color: 'text.disabled' }}>
            {count}
        </Typography>
    );
};

/** Each department's open items by light, with the total; 预警 and 超期 counts open the items below. */
const OverviewTable = ({
    overview,
    onShow,
}: {
    overview: DeadlineOverview;
    onShow: (department: string | null, light: ListedLight) => void;
}) => {
    const translate = useTranslate();
    const allDepartments = translate('onething.monitor.all_departments');
    return (
        <TableContainer component={Card}>
            <Table size="small" aria-label={translate('onething.monitor.overview')}>
                <TableHead>
                    <TableRow>
                        <TableCell>{translate('onething.monitor.department')}</TableCell>
                        {COLUMNS.map(({ key, light }) => (
                            <TableCell key={key} align="right">
                                {light ? <DeadlineLight light={light} /> : translate('onething.monitor.open')}
                            </TableCell>
                        ))}
                    </TableRow>
                </TableHead>
                <TableBody>
                    {overview.departments.map(row => (
                        <TableRow key={row.department} hover>
                            <TableCell component="th" scope="row">
                                {row.departmentName}
                            </TableCell>
                            {COLUMNS.map(({ key, light }) => (
                                <TableCell key={key} align="right">
                                    <Count
                                        count={row[key]}
                                        light={light}
                                        departmentName={row.departmentName}
                                        onShow={chosen => onShow(row.department, chosen)}
                                    />
                                </TableCell>
                            ))}
                        </TableRow>
                    ))}
                    <TableRow sx={{ '& > *': { borderTop: 2, borderColor: 'divider' } }}>
                        <TableCell component="th" scope="row" sx={{ fontWeight: 'bold' }}>
                            {translate('onething.monitor.total')}
                        </TableCell>
                        {COLUMNS.map(({ key, light }) => (
                            <TableCell key={key} align="right">
                                <Count
                                    count={overview.total[key]}
                                    light={light}
                                    departmentName={allDepartments}
                                    onShow={chosen => onShow(null, chosen)}
                                />
                            </TableCell>
                        ))}
                    </TableRow>
                </TableBody>
            </Table>
        </TableContainer>
    );
};

const caseLink = (item: DeadlineItem) => `/cases/${encodeURIComponent(item.caseId)}/show`;

const CaseNumberLink = (_: { label?: string }) => {
    const item = useRecordContext<DeadlineItem>();
    if (!item) return null;
    return (
        <Link to={caseLink(item)} onClick={(event: MouseEvent) => event.stopPropagation()}>
            {item.caseNumber}
        </Link>
    );
};

const NoItems = ({ light }: { light: ListedLight }) => {
    const translate = useTranslate();
    return (
        <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
            {translate('onething.monitor.empty', { light: translate(`onething.deadline.light.${light}`) })}
        </Typography>
    );
};

const ItemsTable = ({ light }: { light: ListedLight }) => {
    const { isPending } = useListContext();
    if (isPending) return <Loading />;
    return (
        <Card>
            <Datagrid
                bulkActionButtons={false}
                rowClick={(_, __, record: RaRecord) => caseLink(record as DeadlineItem)}
                empty={<NoItems light={light} />}
            >
                <CaseNumberLink label="resources.deadlineItems.fields.caseNumber" />
                <TextField source="bundleName" sortable={false} />
                <TextField source="itemName" sortable={false} />
                <TextField source="departmentName" sortable={false} />
                <LightField label="resources.deadlineItems.fields.light" sortable={false} />
                <DeadlineField label="resources.deadlineItems.fields.dueDate" />
            </Datagrid>
            <Pagination />
        </Card>
    );
};

/**
 * 时限监控 (managers): every department's open items by light; a department's 超期 or 预警 count lists those
 * items, each leading to its case. What is listed stays in the address (?department=police&light=RED);
 * by default every department's overdue items.
 */
export const DeadlineMonitor = () => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const [params, setParams] = useSearchParams();
    const department = params.get('department');
    const light: ListedLight = params.get('light') === 'YELLOW' ? 'YELLOW' : 'RED';
    const { data: overview, error } = useQuery({
        queryKey: ['deadlines', 'overview'],
        queryFn: () => dataProvider.deadlineOverview(),
        refetchInterval: 60_000,
    });
    const show = (chosen: string | null, chosenLight: ListedLight) =>
        setParams(chosen ? { department: chosen, light: chosenLight } : { light: chosenLight });
    const departmentName = department
        ? (overview?.departments.find(row => row.department === department)?.departmentName ?? department)
        : translate('onething.monitor.all_departments');

    return (
        <Box sx={{ mt: 2 }}>
            <Title title="onething.monitor.title" />
            {error ? (
                <Alert severity="error">{(error as Error).message}</Alert>
            ) : !overview ? (
                <Loading />
            ) : (
                <>
                    <OverviewTable overview={overview} onShow={show} />
                    <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
                        {translate('onething.monitor.hint')}
                    </Typography>
                </>
            )}
            <Typography variant="h6" component="h2" sx={{ mt: 3, mb: 1 }}>
                {translate('onething.monitor.items_title', {
                    department: departmentName,
                    light: translate(`onething.deadline.light.${light}`),
                })}
            </Typography>
            <ListBase
                key={`${department}-${light}`}
                resource="deadlineItems"
                filter={{ light, ...(department && { department }) }}
                perPage={25}
                disableSyncWithLocation
            >
                <ItemsTable light={light} />
            </ListBase>
        </Box>
    );
};
