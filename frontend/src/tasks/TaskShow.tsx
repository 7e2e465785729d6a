import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Accordion, AccordionDetails, AccordionSummary, Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
    DateField,
    Loading,
    RecordContextProvider,
    Show,
    TextField,
    useRecordContext,
    useTranslate,
} from 'react-admin';
import { useBundle } from '../bundles/useBundle';
import { CaseFormValues } from '../cases/CaseFormValues';
import { CaseItems } from '../cases/CaseItems';
import { CaseMaterials } from '../cases/CaseMaterials';
import { FactsRow } from '../cases/FactsRow';
import { usePageRecordOptions } from '../errors';
import { DeadlineField } from '../timelimit/DeadlineField';
import { LightField } from '../timelimit/DeadlineLight';
import type { TaskDetail } from '../types';
import { Countersigns, SignBanner } from './Countersigns';
import { DecisionButtons } from './DecisionButtons';
import { DelegationBanner } from './DelegationBanner';
import { TaskActionBar } from './TaskActionBar';

const TaskTitle = () => {
    const task = useRecordContext<TaskDetail>();
    const translate = useTranslate();
    return task ? translate('onething.task.title', { name: task.name, number: task.caseNumber }) : null;
};

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
    const translate = useTranslate();
    return (
        <Box component="section" sx={{ mt: 2 }}>
            <Typography variant="h6" component="h2" sx={{ px: 2 }}>
                {translate(title)}
            </Typography>
            {children}
        </Box>
    );
};

const More = ({ title, children }: { title: string; children: ReactNode }) => {
    const translate = useTranslate();
    return (
        <Accordion disableGutters elevation={0} sx={{ borderTop: 1, borderColor: 'divider' }}>
            <AccordionSummary expandIcon={<ExpandMoreIcon />}>
                <Typography variant="subtitle1">{translate(title)}</Typography>
            </AccordionSummary>
            <AccordionDetails>{children}</AccordionDetails>
        </Accordion>
    );
};

/**
 * The task's facts, who it is delegated to or who asks the user to sign, what the user may do with it (认领, 转办,
 * 委派, 加签 …) and its countersigns; the task's item (its fields and materials), the rest of the case on demand, then
 * the decision when the user may take it.
 */
const TaskDetailView = () => {
    const task = useRecordContext<TaskDetail>();
    // until the task page's own request is back, the record is the inbox row: without its case
    const bundle = useBundle(task?.case?.bundleCode);
    if (!task?.case || !bundle) return <Loading />;
    const item = bundle.items.find(candidate => candidate.code === task.itemCode);
    if (!item) return null;
    const otherFields = bundle.fields.map(field => field.code).filter(code => !item.fields.includes(code));
    const otherMaterials = bundle.materials.map(material => material.code).filter(code => !item.materials.includes(code));

    return (
        <>
            <FactsRow>
                <TextField source="caseNumber" />
                <TextField source="bundleName" />
                <TextField source="applicantName" />
                <TextField source="departmentName" />
                <DateField source="created" showTime />
                <DeadlineField label="resources.tasks.fields.dueDate" />
                <LightField label="resources.tasks.fields.light" />
                <TextField source="assigneeName" emptyText="onething.task.unassigned" />
            </FactsRow>
            <SignBanner task={task} />
            <DelegationBanner task={task} />
            <TaskActionBar task={task} />
            <Countersigns task={task} />
            <RecordContextProvider value={task.case}>
                <Section title="onething.task.item_info">
                    <CaseFormValues codes={item.fields} />
                    <CaseMaterials codes={item.materials} />
                </Section>
                <Box sx={{ mt: 2 }}>
                    <More title="onething.task.other_info">
                        <CaseFormValues codes={otherFields} />
                        <CaseMaterials codes={otherMaterials} />
                    </More>
                    <More title="onething.task.case_progress">
                        <CaseItems />
                    </More>
                </Box>
            </RecordContextProvider>
            {task.actions.includes('complete') && (
                <Section title="onething.task.decision">
                    <Box sx={{ p: 2 }}>
                        <DecisionButtons task={task} item={item} bundle={bundle} />
                    </Box>
                </Section>
            )}
        </>
    );
};

export const TaskShow = () => {
    const queryOptions = usePageRecordOptions('tasks');
    return (
        <Show title={<TaskTitle />} actions={false} queryOptions={queryOptions}>
            <TaskDetailView />
        </Show>
    );
};
