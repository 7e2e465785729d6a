import AlarmIcon from '@mui/icons-material/Alarm';
import { DeadlineMonitor } from './DeadlineMonitor';

export default { list: DeadlineMonitor, icon: AlarmIcon };
