import FactCheckIcon from '@mui/icons-material/FactCheck';
import { InspectionList } from './InspectionList';
import { InspectionShow } from './InspectionShow';

export { InspectionCalendar } from './InspectionCalendar';
export { CaseInspections } from './CaseInspections';

export default { list: InspectionList, show: InspectionShow, icon: FactCheckIcon };
