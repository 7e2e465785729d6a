import InsightsIcon from '@mui/icons-material/Insights';
import { RatingAnalysisPage } from './RatingAnalysisPage';

/** 好差评分析 (managers): one page, no records of its own. */
export default { list: RatingAnalysisPage, icon: InsightsIcon };
