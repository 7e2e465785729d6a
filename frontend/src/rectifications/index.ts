import ThumbDownAltIcon from '@mui/icons-material/ThumbDownAlt';
import { RectificationList } from './RectificationList';
import { RectificationShow } from './RectificationShow';

export default { list: RectificationList, show: RectificationShow, icon: ThumbDownAltIcon };
