import AssignmentIcon from '@mui/icons-material/Assignment';
import { BundleList } from './BundleList';

export { BundleApply } from './BundleApply';

export default { list: BundleList, icon: AssignmentIcon };
