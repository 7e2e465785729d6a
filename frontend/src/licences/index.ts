import CardMembershipIcon from '@mui/icons-material/CardMembership';
import { LicenceList } from './LicenceList';
import { LicenceShow } from './LicenceShow';

export { CaseLicences } from './CaseLicences';
export { LicenceVerify } from './LicenceVerify';

export default { list: LicenceList, show: LicenceShow, icon: CardMembershipIcon };
