import ShuffleIcon from '@mui/icons-material/Shuffle';
import { DrawCreate } from './DrawCreate';
import { DrawList } from './DrawList';
import { DrawShow } from './DrawShow';

/** 双随机抽查 (managers): draws are created and read, never changed. */
export default { list: DrawList, create: DrawCreate, show: DrawShow, icon: ShuffleIcon };
