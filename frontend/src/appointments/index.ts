export { CaseVisits } from './CaseVisits';
