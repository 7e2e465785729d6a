import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { ModelList } from './ModelList';
import { ModelShow } from './ModelShow';

export { ModelEditor } from './ModelEditor';

/** 流程模型 (managers): the deployed processes, a process's versions; the editor is a route of its own. */
export default { list: ModelList, show: ModelShow, icon: AccountTreeIcon };
