import VerifiedUserIcon from '@mui/icons-material/VerifiedUser';
import { CreditList } from './CreditList';

export { MyCredit } from './MyCredit';

/** 企业信用: the list for managers and officers; an enterprise gets its own page (本企业信用) instead. */
export default { list: CreditList, icon: VerifiedUserIcon };
