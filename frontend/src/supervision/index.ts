import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import { SupervisionList } from './SupervisionList';

/** 审管联动: one list; a push has no page of its own (the licence has). */
export default { list: SupervisionList, icon: AssignmentTurnedInIcon };
