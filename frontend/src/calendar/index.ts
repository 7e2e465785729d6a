import EventIcon from '@mui/icons-material/Event';
import { CalendarCreate, CalendarEdit } from './CalendarEdit';
import { CalendarList } from './CalendarList';

export { CalendarCreate, CalendarEdit };

export default { list: CalendarList, icon: EventIcon };
