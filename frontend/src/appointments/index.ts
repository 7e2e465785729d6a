import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { DayList } from './DayList';

export { CaseVisits } from './CaseVisits';

export default { list: DayList, icon: EventAvailableIcon };
