import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { useRecordContext } from 'react-admin';
import { useOneThingDataProvider } from '../dataProvider';
import { ActionButton } from '../form/ActionButton';
import type { Task } from '../types';

/** 认领: takes an unassigned task; if someone else has it (409) the problem's detail is shown. */
export const ClaimButton = () => {
    const task = useRecordContext<Task>();
    const dataProvider = useOneThingDataProvider();
    // a rectification or inspection step is worked on its rating's or inspection's page, without claiming
    if (!task || task.assignee || task.ratingId || task.inspectionId) return null;
    return (
        <ActionButton
            label="onething.task.claim"
            icon={<AssignmentIndIcon />}
            run={() => dataProvider.taskAction(task.id, 'claim', {})}
            done="onething.task.claimed"
        />
    );
};
