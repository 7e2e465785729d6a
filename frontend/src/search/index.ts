import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import { SearchIndexPage } from './SearchIndexPage';

export { SearchPage } from './SearchPage';

/** 搜索索引 (administrators): one page, no records of its own. */
export default { list: SearchIndexPage, icon: ManageSearchIcon };
