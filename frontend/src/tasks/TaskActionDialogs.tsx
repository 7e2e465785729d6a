import { Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import {
    AutocompleteArrayInput,
    CheckboxGroupInput,
    maxLength,
    RadioButtonGroupInput,
    required,
    SelectInput,
    TextInput,
    useGetList,
    useRedirect,
    useTranslate,
} from 'react-admin';
import { useWatch } from 'react-hook-form';
import { useMe } from '../auth/useMe';
import { useOneThingDataProvider } from '../dataProvider';
import { ActionDialog } from '../form/ActionDialog';
import { optionalText } from '../form/text';
import type { CountersignMode, CountersignRule, DepartmentRef, TaskActionBodies, TaskDetail } from '../types';
import { useColleagues, useOfficers } from './inbox';
import { useTaskAction } from './useTaskAction';

/** The actions on the task page that ask for something first, each in its dialog. */
export type DialogAction = 'assign' | 'transfer' | 'delegate' | 'resolve' | 'return' | 'cc' | 'countersign' | 'sign';

export interface TaskDialogProps {
    task: TaskDetail;
    onClose: () => void;
}

/** What the server keeps of a reason or a note (the contract's limit). */
const atMost500 = maxLength(500, 'onething.task.validation.too_long');
const colleagueRequired = [required('onething.task.validation.colleague_required')];
const opinionRequired = [required('onething.task.validation.opinion_required'), atMost500];
const returnTargetRequired = [required('onething.task.validation.return_target_required')];
const returnReasonRequired = [required('onething.task.validation.return_reason_required'), atMost500];
const transferReasonRequired = [required('onething.task.validation.transfer_reason_required'), atMost500];
const recipientsRequired = [
    (value?: string[]) => (value?.length ? undefined : 'onething.task.validation.recipients_required'),
];
/** What the server takes: one to ten signers. */
const signersRequired = [
    (value?: string[]) =>
        value?.length && value.length <= 10 ? undefined : 'onething.task.validation.signers_required',
];
const ruleRequired = [required('onething.task.validation.rule_required')];
const signOpinion = [
    (value: string, values: { agree?: string }) =>
        values.agree === 'no' && !value?.trim() ? 'onething.task.validation.disagree_opinion_required' : undefined,
    atMost500,
];

/**
 * The officers of the task's department, as choices; `others` leaves the user out (a task is not delegated, transferred
 * or copied to oneself).
 */
const useColleagueChoices = (task: TaskDetail, { others }: { others: boolean }) => {
    const { data: colleagues = [] } = useColleagues(task.id);
    const { data: me } = useMe();
    return colleagues
        .filter(colleague => !others || colleague.username !== me?.username)
        .map(colleague => ({ id: colleague.username, name: colleague.name }));
};

/** The dialog of one action: its title names the task; once done, `after` (else the dialog closes). */
const TaskActionDialog = <A extends DialogAction>({
    task,
    action,
    onClose,
    after,
    record,
    toBody,
    children,
}: TaskDialogProps & {
    action: A;
    after?: () => void;
    record: Record<string, unknown>;
    toBody: (values: any) => TaskActionBodies[A];
    children: ReactNode;
}) => {
    const translate = useTranslate();
    const { submit, problem } = useTaskAction(task, action, { onClose, onDone: after });
    return (
        <ActionDialog
            title={translate(`onething.task.action.${action}.title`, { name: task.name })}
            onClose={onClose}
            onSubmit={values => submit(toBody(values))}
            problem={problem}
            record={record}
            submitLabel="ra.action.confirm"
        >
            {children}
        </ActionDialog>
    );
};

/** 说明 of a 委派 or 抄送, optional. */
const NoteInput = () => (
    <TextInput source="note" label="onething.task.input.note" validate={atMost500} multiline minRows={2} fullWidth />
);

/** Once the task has left the user (转办, 退回, 交回): back to the inbox. */
const useBackToInbox = () => {
    const redirect = useRedirect();
    return () => redirect('list', 'tasks');
};

/** 分配 (leads): to an officer of the task's department, the lead included. */
export const AssignDialog = (props: TaskDialogProps) => {
    const colleagues = useColleagueChoices(props.task, { others: false });
    return (
        <TaskActionDialog
            {...props}
            action="assign"
            record={{ assignee: '' }}
            toBody={({ assignee }) => ({ assignee })}
        >
            <SelectInput
                source="assignee"
                label="onething.task.input.assignee"
                choices={colleagues}
                validate={colleagueRequired}
                fullWidth
            />
        </TaskActionDialog>
    );
};

/** The person to transfer to: only within the task's department (another department claims it there). */
const TransferPerson = ({ task }: { task: TaskDetail }) => {
    const department = useWatch({ name: 'department' });
    const elsewhere = !!department && department !== task.department;
    const choices = useColleagueChoices(task, { others: true });
    return (
        <SelectInput
            source="assignee"
            label="onething.task.input.person"
            helperText="onething.task.input.person_hint"
            choices={elsewhere ? [] : choices}
            disabled={elsewhere}
            validate={(value: string, values: { department?: string }) =>
                value || (values.department && values.department !== task.department)
                    ? undefined
                    : 'onething.task.validation.transfer_target_required'
            }
            fullWidth
        />
    );
};

/** 转办: to another department (unclaimed there) and/or a colleague, with the reason. */
export const TransferDialog = (props: TaskDialogProps) => {
    const { data: departments = [] } = useGetList<DepartmentRef & { id: string }>('departments');
    const backToInbox = useBackToInbox();
    return (
        <TaskActionDialog
            {...props}
            action="transfer"
            after={backToInbox}
            record={{ department: '', assignee: '', reason: '' }}
            toBody={({ department, assignee, reason }) => ({
                department: department || undefined,
                // a person of another department is not among the choices: only the department is sent
                assignee: department && department !== props.task.department ? undefined : assignee || undefined,
                reason: reason.trim(),
            })}
        >
            <SelectInput
                source="department"
                label="onething.task.input.department"
                helperText="onething.task.input.department_hint"
                choices={departments}
                optionValue="code"
                fullWidth
            />
            <TransferPerson task={props.task} />
            <TextInput
                source="reason"
                label="onething.task.input.transfer_reason"
                validate={transferReasonRequired}
                multiline
                minRows={2}
                fullWidth
            />
        </TaskActionDialog>
    );
};

/** 委派: a colleague works the task and gives it back to the user to confirm. */
export const DelegateDialog = (props: TaskDialogProps) => {
    const colleagues = useColleagueChoices(props.task, { others: true });
    return (
        <TaskActionDialog
            {...props}
            action="delegate"
            record={{ assignee: '', note: '' }}
            toBody={({ assignee, note }) => ({ assignee, note: optionalText(note) ?? undefined })}
        >
            <SelectInput
                source="assignee"
                label="onething.task.input.delegate_to"
                choices={colleagues}
                validate={colleagueRequired}
                fullWidth
            />
            <NoteInput />
        </TaskActionDialog>
    );
};

/** 委派办毕交回: the delegated colleague's opinion, back to the delegator. */
export const ResolveDialog = (props: TaskDialogProps) => {
    const backToInbox = useBackToInbox();
    return (
        <TaskActionDialog
            {...props}
            action="resolve"
            after={backToInbox}
            record={{ comment: '' }}
            toBody={({ comment }) => ({ comment: comment.trim() })}
        >
            <TextInput
                source="comment"
                label="onething.task.input.opinion"
                validate={opinionRequired}
                multiline
                minRows={3}
                fullWidth
            />
        </TaskActionDialog>
    );
};

/** 退回: to a step the case passed through, with the reason; this task ends. */
export const ReturnDialog = (props: TaskDialogProps) => {
    const translate = useTranslate();
    const dataProvider = useOneThingDataProvider();
    const backToInbox = useBackToInbox();
    const { data: targets } = useQuery({
        queryKey: ['tasks', props.task.id, 'return-targets'],
        queryFn: () => dataProvider.taskReturnTargets(props.task.id),
    });
    const choices = (targets ?? []).map(target => ({
        id: target.activityId,
        name: translate('onething.task.input.return_step', {
            name: target.name,
            by: target.completedBy ?? '—',
            at: new Date(target.completedAt).toLocaleString('zh-CN'),
        }),
    }));
    return (
        <TaskActionDialog
            {...props}
            action="return"
            after={backToInbox}
            record={{ activityId: '', reason: '' }}
            toBody={({ activityId, reason }) => ({ activityId, reason: reason.trim() })}
        >
            {targets?.length === 0 && (
                <Typography color="text.secondary">{translate('onething.task.no_return_targets')}</Typography>
            )}
            <RadioButtonGroupInput
                source="activityId"
                label="onething.task.input.return_to"
                choices={choices}
                row={false}
                validate={returnTargetRequired}
            />
            <TextInput
                source="reason"
                label="onething.task.input.return_reason"
                validate={returnReasonRequired}
                multiline
                minRows={2}
                fullWidth
            />
        </TaskActionDialog>
    );
};

/** 抄送: colleagues are told and may read the case. */
export const CcDialog = (props: TaskDialogProps) => {
    const colleagues = useColleagueChoices(props.task, { others: true });
    return (
        <TaskActionDialog
            {...props}
            action="cc"
            record={{ recipients: [], note: '' }}
            toBody={({ recipients, note }) => ({ recipients, note: optionalText(note) ?? undefined })}
        >
            <CheckboxGroupInput
                source="recipients"
                label="onething.task.input.recipients"
                choices={colleagues}
                validate={recipientsRequired}
            />
            <NoteInput />
        </TaskActionDialog>
    );
};

const MODES: CountersignMode[] = ['BEFORE', 'AFTER', 'PARALLEL'];
const RULES: CountersignRule[] = ['ALL', 'ANY', 'MAJORITY'];

/** 会签规则, asked only for 会签 (signing at once): 前加签 and 后加签 go one by one, every signer must agree. */
const RuleInput = () => {
    const translate = useTranslate();
    const mode = useWatch({ name: 'mode' });
    if (mode !== 'PARALLEL') return null;
    return (
        <RadioButtonGroupInput
            source="rule"
            label="onething.task.input.rule"
            choices={RULES.map(rule => ({ id: rule, name: translate(`onething.countersign.rule.${rule}`) }))}
            validate={ruleRequired}
        />
    );
};

/**
 * 加签 / 会签: officers of any department sign before the user decides (前加签), after (后加签: the decision waits
 * for them), or all at once under a rule (会签). The signers are chosen in their signing order.
 */
export const CountersignDialog = (props: TaskDialogProps) => {
    const translate = useTranslate();
    const { data: officers = [] } = useOfficers();
    const { data: me } = useMe();
    const choices = officers
        .filter(officer => officer.username !== me?.username)
        .map(officer => ({
            id: officer.username,
            name: translate('onething.task.input.officer', { name: officer.name, department: officer.departmentName }),
        }));
    return (
        <TaskActionDialog
            {...props}
            action="countersign"
            record={{ mode: 'BEFORE', rule: null, signers: [], note: '' }}
            toBody={({ mode, rule, signers, note }) => ({
                mode,
                rule: mode === 'PARALLEL' ? rule : undefined,
                signers,
                note: optionalText(note) ?? undefined,
            })}
        >
            <RadioButtonGroupInput
                source="mode"
                label="onething.task.input.countersign_mode"
                choices={MODES.map(mode => ({
                    id: mode,
                    name: translate('onething.countersign.mode_choice', {
                        mode: translate(`onething.countersign.mode.${mode}`),
                        hint: translate(`onething.countersign.mode_hint.${mode}`),
                    }),
                }))}
                row={false}
            />
            <RuleInput />
            <AutocompleteArrayInput
                source="signers"
                label="onething.task.input.signers"
                helperText="onething.task.input.signers_hint"
                choices={choices}
                validate={signersRequired}
                fullWidth
            />
            <NoteInput />
        </TaskActionDialog>
    );
};

/** 签署意见: a signer agrees, or disagrees with the reason; the task then leaves their inbox. */
export const SignDialog = (props: TaskDialogProps) => {
    const translate = useTranslate();
    const backToInbox = useBackToInbox();
    return (
        <TaskActionDialog
            {...props}
            action="sign"
            after={backToInbox}
            record={{ agree: 'yes', opinion: '' }}
            toBody={({ agree, opinion }) => ({ agree: agree === 'yes', opinion: optionalText(opinion) ?? undefined })}
        >
            <RadioButtonGroupInput
                source="agree"
                label="onething.task.input.sign"
                choices={['yes', 'no'].map(id => ({ id, name: translate(`onething.countersign.agree.${id}`) }))}
            />
            <TextInput
                source="opinion"
                label="onething.task.input.sign_opinion"
                validate={signOpinion}
                multiline
                minRows={2}
                fullWidth
            />
        </TaskActionDialog>
    );
};
