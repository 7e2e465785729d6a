import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import { AuditList } from './AuditList';

/** 审计日志 (administrators): read only. */
export default { list: AuditList, icon: ReceiptLongIcon };
