import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import RateReviewIcon from '@mui/icons-material/RateReview';
import { Box, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import {
    Button,
    Datagrid,
    DateField,
    Link,
    List,
    TextField,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { useMe } from '../auth/useMe';
import { useOneThingDataProvider } from '../dataProvider';
import { ActionButton } from '../form/ActionButton';
import { EmptyList, statusFilter } from '../layout/ListParts';
import { DeadlineText } from '../timelimit/DeadlineField';
import { LightField } from '../timelimit/DeadlineLight';
import { escalatedRow } from '../timelimit/escalatedRow';
import type { SupervisionPush } from '../types';
import { PUSH_STATUSES, PushStatusChip, SupervisionResultChip } from './SupervisionChips';
import { ReportDialog } from './ReportDialog';

const filters = [
    statusFilter(
        'resources.supervision.fields.status',
        PUSH_STATUSES,
        'onething.supervision.status',
        'onething.supervision.all_statuses'
    ),
];

const when = (at: string) => new Date(at).toLocaleString('zh-CN');

/** The licence's number, a link to its page, over its name. */
const LicenceField = (_: { label?: string }) => {
    const push = useRecordContext<SupervisionPush>();
    if (!push) return null;
    return (
        <Stack component="span">
            <Link to={`/licences/${encodeURIComponent(push.licenceNumber)}/show`}>{push.licenceNumber}</Link>
            <Typography variant="caption" component="span" color="text.secondary">
                {push.licenceName}
            </Typography>
        </Stack>
    );
};

const HolderField = (_: { label?: string }) => {
    const push = useRecordContext<SupervisionPush>();
    if (!push) return null;
    return (
        <Stack component="span">
            <Typography variant="body2" component="span">
                {push.holderName}
            </Typography>
            {push.creditCode && (
                <Typography variant="caption" component="span" color="text.secondary">
                    {push.creditCode}
                </Typography>
            )}
        </Stack>
    );
};

/** 认领期限: while pending the working days left (or overdue); 已督办 once the leads were told. */
const ClaimDueField = (_: { label?: string; sortBy?: string }) => {
    const push = useRecordContext<SupervisionPush>();
    if (!push) return null;
    return (
        <DeadlineText
            deadline={{
                dueDate: push.claimDue,
                remainingDays: push.remainingDays,
                light: push.light,
                escalatedAt: push.escalatedAt,
            }}
        />
    );
};

/** The status, with who claimed it and when, or the result reported. */
const StatusField = (_: { label?: string }) => {
    const push = useRecordContext<SupervisionPush>();
    const translate = useTranslate();
    if (!push) return null;
    return (
        <Stack component="span" spacing={0.5} alignItems="flex-start">
            <Stack direction="row" spacing={0.5} component="span">
                <PushStatusChip status={push.status} />
                {push.result && <SupervisionResultChip result={push.result} />}
            </Stack>
            {push.claimedBy && push.claimedAt && (
                <Typography variant="caption" component="span" color="text.secondary">
                    {translate('onething.supervision.claimed_by', { name: push.claimedBy, at: when(push.claimedAt) })}
                </Typography>
            )}
            {push.reportedAt && (
                <Typography variant="caption" component="span" color="text.secondary">
                    {translate('onething.supervision.reported_at', { at: when(push.reportedAt) })}
                    {push.comment && `：${push.comment}`}
                </Typography>
            )}
        </Stack>
    );
};

/** 报告结果 and its dialog; the dialog's clicks stay out of the row. */
const ReportButton = ({ push }: { push: SupervisionPush }) => {
    const [open, setOpen] = useState(false);
    return (
        <Box component="span" onClick={event => event.stopPropagation()}>
            <Button label="onething.supervision.report.button" onClick={() => setOpen(true)}>
                <RateReviewIcon />
            </Button>
            {open && <ReportDialog push={push} onClose={() => setOpen(false)} />}
        </Box>
    );
};

/**
 * What the user may do on the row: an officer of the supervising department claims a pending push (认领); the one
 * who claimed it reports the result. Managers only watch.
 */
const PushActions = () => {
    const push = useRecordContext<SupervisionPush>();
    const dataProvider = useOneThingDataProvider();
    const { data: me } = useMe();
    if (!push || !me) return null;
    const officerHere = me.roles.includes('officer') && me.departments.some(d => d.code === push.department);
    if (!officerHere) return null;
    if (push.status === 'PENDING') {
        return (
            <ActionButton
                label="onething.supervision.claim"
                icon={<AssignmentIndIcon />}
                run={() => dataProvider.claimPush(push.id)}
                done="onething.supervision.claimed"
            />
        );
    }
    if (push.status === 'CLAIMED' && push.claimedByMe) return <ReportButton push={push} />;
    return null;
};

/**
 * 审管联动: the licences pushed to the user's departments for supervision after approval (managers: all), the
 * most urgent claim first; each with its claim deadline and light (已督办 when nobody claimed it in time), 认领
 * on a pending one, 报告结果 on one the user claimed; the licence opens its page.
 */
export const SupervisionList = () => (
    <List
        exporter={false}
        filters={filters}
        empty={false}
        sort={{ field: 'claimDue', order: 'ASC' }}
        title="onething.supervision.list_title"
    >
        <Datagrid
            bulkActionButtons={false}
            rowClick={false}
            rowSx={(push: SupervisionPush) => escalatedRow(!!push.escalatedAt)}
            empty={<EmptyList text="onething.supervision.empty" />}
        >
            <LicenceField label="resources.supervision.fields.licenceNumber" />
            <HolderField label="resources.supervision.fields.holderName" />
            <TextField source="departmentName" label="resources.supervision.fields.departmentName" sortable={false} />
            <DateField source="pushedAt" label="resources.supervision.fields.pushedAt" showTime />
            <LightField label="resources.supervision.fields.light" sortable={false} />
            <ClaimDueField label="resources.supervision.fields.claimDue" sortBy="claimDue" />
            <StatusField label="resources.supervision.fields.status" />
            <PushActions />
        </Datagrid>
    </List>
);
