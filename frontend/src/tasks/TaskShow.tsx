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
import { ClaimButton } from './ClaimButton';
import { DecisionButtons } from './DecisionButtons';

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

/** The task's item first (its fields and materials), the rest of the case on demand, then the decision. */
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
                <TextField source="assignee" emptyText="onething.task.unassigned" />
            </FactsRow>
            <Box sx={{ px: 2 }}>
                <ClaimButton />
            </Box>
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
            <Section title="onething.task.decision">
                <Box sx={{ p: 2 }}>
                    <DecisionButtons task={task} item={item} bundle={bundle} />
                </Box>
            </Section>
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
