import FlagIcon from '@mui/icons-material/Flag';
import { Chip, Stack, Tooltip, Typography, type TypographyProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { deadlineMessage, type DeadlineLike, isEscalated } from './deadlineText';

/** 「暂定」: the due date lies in a year whose holiday arrangement is not published yet. */
export const ProvisionalMark = () => {
    const translate = useTranslate();
    const hint = translate('onething.deadline.provisional_hint');
    return (
        <Tooltip title={hint} describeChild>
            <Chip
                size="small"
                variant="outlined"
                color="warning"
                label={translate('onething.deadline.provisional')}
                tabIndex={0}
            />
        </Tooltip>
    );
};

/** 「已督办」: the limit passed and the case was escalated (超期督办). */
export const EscalatedMark = ({ at }: { at?: string | null }) => {
    const translate = useTranslate();
    const chip = (
        <Chip
            size="small"
            variant="outlined"
            color="error"
            icon={<FlagIcon />}
            label={translate('onething.deadline.escalated')}
            tabIndex={at ? 0 : undefined}
        />
    );
    if (!at) return chip;
    const when = new Date(at).toLocaleString('zh-CN');
    return (
        <Tooltip title={translate('onething.deadline.escalated_at', { at: when })} describeChild>
            {chip}
        </Tooltip>
    );
};

/**
 * A deadline in words: 「2026-11-25（剩余 1 个工作日）」, 「…（今日到期）」, 「…（已超期 2 个工作日）」, while
 * stopped for a 补正 what is left, once finished 按期 / 超期办结; with 「暂定」 and 「已督办」 when so.
 */
export const DeadlineText = ({
    deadline,
    variant = 'body2',
}: {
    deadline?: DeadlineLike | null;
    variant?: TypographyProps['variant'];
}) => {
    const translate = useTranslate();
    const message = deadline ? deadlineMessage(deadline) : null;
    if (!deadline || !message) {
        return <Typography variant={variant}>—</Typography>;
    }
    const overdue = deadline.light != null && (deadline.remainingDays ?? 0) < 0;
    return (
        <Stack direction="row" spacing={0.5} alignItems="center" useFlexGap flexWrap="wrap">
            <Typography
                variant={variant}
                component="span"
                sx={overdue ? { color: 'error.main', fontWeight: 'bold' } : undefined}
            >
                {translate(message.key, message.args)}
            </Typography>
            {deadline.provisional && <ProvisionalMark />}
            {isEscalated(deadline) && <EscalatedMark at={deadline.escalatedAt} />}
        </Stack>
    );
};

/**
 * The deadline of the record (an inbox row, a case row: dueDate, remainingDays, light… at the top) or of its
 * `source` (a DeadlineView such as an item's "deadline"), as a Datagrid / Show field.
 */
export const DeadlineField = ({ source }: { source?: string; label?: string; sortable?: boolean; sortBy?: string }) => {
    const record = useRecordContext();
    return <DeadlineText deadline={source ? record?.[source] : record} />;
};
