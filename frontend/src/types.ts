/** Shapes of the backend's REST API (/api). */

export type FieldType = 'text' | 'idNumber' | 'phone' | 'date' | 'select';

export interface BundleField {
    code: string;
    label: string;
    type: FieldType;
    options?: string[];
    required: boolean;
}

export interface BundleMaterial {
    code: string;
    name: string;
    accept: string[];
    maxSizeMb: number;
    requiredBy: string[];
}

export interface BundleItem {
    code: string;
    name: string;
    department: string;
    departmentName: string;
    promisedDays: number;
    dependsOn: string[];
    fields: string[];
    materials: string[];
}

export interface Bundle {
    id: string;
    code: string;
    name: string;
    description: string;
    promisedDays: number;
    itemCount: number;
}

export interface BundleDetail extends Omit<Bundle, 'itemCount'> {
    fields: BundleField[];
    materials: BundleMaterial[];
    items: BundleItem[];
}

export type PrefillSource = 'profile' | 'earlierCase';

export interface Prefill {
    values: Record<string, string>;
    sources: Record<string, PrefillSource>;
}

export interface UploadedMaterial {
    id: string;
    filename: string;
    contentType: string;
    size: number;
    sha256: string;
}

export type CaseStatus = 'IN_PROGRESS' | 'COMPLETED';

export type ItemStatus =
    | 'WAITING'
    | 'IN_PROGRESS'
    | 'SUPPLEMENT'
    | 'APPROVED'
    | 'REJECTED'
    | 'SKIPPED';

/** Where a running working-day limit stands: 正常, 预警, 超期, or stopped for a 补正. */
export type Light = 'GREEN' | 'YELLOW' | 'RED' | 'PAUSED';

/** A period in which the clock stood still for a 补正 (resumedOn null: still stopped). */
export interface DeadlineStop {
    stoppedOn: string;
    resumedOn: string | null;
    workingDays: number;
}

/**
 * A working-day limit (工作日时限) of a case or an item. Dates are "YYYY-MM-DD". light null: not running
 * (finished: onTime says whether it was decided in time); remainingDays < 0: overdue by that many working
 * days; provisional: the due date lies in a year whose holiday arrangement is not loaded yet; dueDate null
 * while the clock stands still for a 补正 (PAUSED).
 */
export interface DeadlineView {
    limitDays: number;
    dueDate: string | null;
    provisional: boolean;
    elapsedDays: number;
    remainingDays: number;
    light: Light | null;
    onTime: boolean | null;
    escalatedAt: string | null;
    stops: DeadlineStop[];
}

export interface CaseSummary {
    id: string;
    number: string;
    bundleCode: string;
    bundleName: string;
    applicantName: string;
    status: CaseStatus;
    submittedAt: string;
    completedAt: string | null;
    itemsDone: number;
    itemsTotal: number;
    dueDate: string | null;
    provisional: boolean;
    light: Light | null;
}

export interface CaseMaterial {
    code: string;
    name: string;
    materialId: string;
    filename: string;
    contentType: string;
    size: number;
    sha256: string;
}

export interface SupplementRequest {
    missing: string[];
    comment: string | null;
    requestedAt: string;
}

export interface CaseItem {
    code: string;
    name: string;
    department: string;
    departmentName: string;
    status: ItemStatus;
    comment: string | null;
    startedAt: string | null;
    decidedAt: string | null;
    decidedBy: string | null;
    supplement: SupplementRequest | null;
    /** null while the item waits for an earlier item */
    deadline: DeadlineView | null;
}

export interface TimelineEntry {
    at: string;
    type: string;
    itemCode: string | null;
    actor: string | null;
    message: string;
}

export interface CaseDetail
    extends Omit<CaseSummary, 'itemsDone' | 'itemsTotal' | 'dueDate' | 'provisional' | 'light'> {
    /** the whole bundle's promised limit */
    deadline: DeadlineView | null;
    form: Record<string, string>;
    materials: CaseMaterial[];
    items: CaseItem[];
    timeline: TimelineEntry[];
}

export interface SupplementAnswer {
    itemCode: string;
    form: Record<string, unknown>;
    materials: Record<string, unknown>;
    comment?: string;
}

export interface DiagramState {
    xml: string;
    activeActivityIds: string[];
    completedActivityIds: string[];
}

export interface Task {
    id: string;
    name: string;
    itemCode: string;
    caseId: string;
    caseNumber: string;
    bundleName: string;
    department: string;
    departmentName: string;
    applicantName: string;
    created: string;
    due: string | null;
    assignee: string | null;
    dueDate: string | null;
    provisional: boolean;
    light: Exclude<Light, 'PAUSED'> | null;
    remainingDays: number | null;
    /** 超期督办 */
    escalated: boolean;
    /** A step of a bad rating's rectification (核实, 整改, reviews): the rating; null for an item's task. */
    ratingId: string | null;
}

/** A task as the task page needs it: the task with the case it belongs to. */
export interface TaskDetail extends Task {
    case: CaseDetail;
}

export type DecisionKind = 'approve' | 'reject' | 'return';

export interface Decision {
    decision: DecisionKind;
    comment?: string;
    missing?: string[];
}

export interface Me {
    id: string;
    username: string;
    name: string;
    roles: string[];
    departments: { code: string; name: string }[];
}

export type NotificationKind = 'WARNING' | 'ESCALATION' | 'RECTIFICATION' | 'LICENCE';

/** An in-app notification: a deadline warning, an escalation (超期督办), or a step of a bad rating's rectification. */
export interface AppNotification {
    id: number;
    kind: NotificationKind;
    message: string;
    caseId: string;
    caseNumber: string;
    itemCode: string;
    taskId: string | null;
    createdAt: string;
    readAt: string | null;
}

/** Open items of a department by light (时限监控). */
export interface DeadlineCounts {
    open: number;
    green: number;
    yellow: number;
    red: number;
    paused: number;
}

export interface DepartmentDeadlines extends DeadlineCounts {
    department: string;
    departmentName: string;
}

export interface DeadlineOverview {
    departments: DepartmentDeadlines[];
    total: DeadlineCounts;
}

/** An open item near or past its deadline, for the manager. */
export interface DeadlineItem {
    id: string;
    caseId: string;
    caseNumber: string;
    bundleCode: string;
    bundleName: string;
    itemCode: string;
    itemName: string;
    department: string;
    departmentName: string;
    dueDate: string;
    provisional: boolean;
    light: Light;
    remainingDays: number;
    escalated: boolean;
}

/** One holiday of the State Council's arrangement: the days off, and the weekend days worked instead (调休). */
export interface Holiday {
    name: string;
    from: string;
    to: string;
    worked: string[];
}

export type CalendarOrigin = 'file' | 'database';

/** The holiday arrangement of one year (工作日历). */
export interface CalendarYear {
    id: number;
    year: number;
    source: string;
    origin: CalendarOrigin;
    updatedBy: string | null;
    updatedAt: string | null;
    holidays: Holiday[];
    offDays: number;
    workedDays: number;
}

export interface CalendarYearBody {
    source: string;
    holidays: Holiday[];
}

export interface DeadlineProbe {
    deadline: string;
    provisional: boolean;
}

/** 好差评: 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意 (1–2 are 差评). */
export type RatingLevel = 1 | 2 | 3 | 4 | 5;

/** Why a rating is bad: 服务态度, 办理时限, 材料要求, 办事流程, 办理结果, 其他. */
export type RatingReason = 'ATTITUDE' | 'TIME_LIMIT' | 'MATERIALS' | 'PROCESS' | 'RESULT' | 'OTHER';

/** Who rated what: the applicant an item or the whole case, or a supervisor. */
export type RatingChannel = 'ITEM' | 'CASE' | 'SUPERVISOR';

/** Where the rectification of a bad rating (差评整改) stands. */
export type RectificationStatus =
    | 'VERIFYING'
    | 'RECTIFYING'
    | 'CALLBACK'
    | 'EXCLUSION_REVIEW'
    | 'CLOSED'
    | 'EXCLUDED'
    | 'APPEAL_REVIEW';

/** The steps of a rectification: 核实, 整改, 回访, 排除审核, 申诉复核. */
export type RectificationStepCode = 'verify' | 'rectify' | 'callback' | 'reviewExclusion' | 'reviewAppeal';

export interface RectificationStep {
    code: RectificationStepCode;
    name: string;
    dueDate: string | null;
    light: Exclude<Light, 'PAUSED'> | null;
}

export interface RectificationEntry {
    at: string;
    type: string;
    actor: string | null;
    message: string;
}

export interface Rectification {
    status: RectificationStatus;
    /** null once closed or excluded */
    step: RectificationStep | null;
    /** set once closed: the applicant may appeal until then (a date) */
    appealableUntil: string | null;
    outcome: string | null;
    timeline: RectificationEntry[];
}

/** A rating (好差评) of an item, or of the whole case (itemCode null), with the rectification of a bad one. */
export interface Rating {
    id: string;
    caseId: string;
    caseNumber: string;
    bundleCode: string;
    bundleName: string;
    itemCode: string | null;
    itemName: string | null;
    channel: RatingChannel;
    department: string;
    departmentName: string;
    /** who decided the item */
    officer: string | null;
    level: RatingLevel;
    bad: boolean;
    reason: RatingReason | null;
    comment: string | null;
    ratedAt: string;
    updatedAt: string;
    /** an instant: until then a new rating replaces this one */
    changeableUntil: string;
    /** the signed-in user gave this rating */
    mine: boolean;
    rectification: Rectification | null;
}

/** POST /api/cases/{caseId}/ratings */
export interface RatingBody {
    itemCode: string | null;
    level: RatingLevel;
    reason: RatingReason | null;
    comment: string | null;
}

/** The actions on a rating's rectification (POST /api/ratings/{id}/…), each with its body. */
export interface RectificationActions {
    verify: { verdict: 'rectify' | 'exclude'; finding: string };
    rectify: { plan: string; result: string };
    callback: { solved: boolean; level: RatingLevel | null; comment: string | null };
    'exclusion-review': { approve: boolean; comment: string };
    appeal: { reason: string };
    'appeal-review': { uphold: boolean; comment: string };
}

export type RectificationAction = keyof RectificationActions;

/** RFC 9457 problem details, with the field errors of a validation problem. */
export interface Problem {
    type?: string;
    title?: string;
    status?: number;
    detail?: string;
    errors?: { field: string; rule?: string; message: string; messageEn?: string }[];
}

export interface Permissions {
    roles: string[];
    departments?: string[];
}

/** 好差评分析: what the figures are grouped by. */
export type RatingDimension = 'department' | 'bundle' | 'item' | 'officer' | 'channel';

/** The questions of 好差评分析 (GET /api/ratings/dashboard and its drill-down): every part optional. */
export interface RatingStatsQuery {
    from?: string;
    to?: string;
    by?: RatingDimension;
    department?: string;
    bundle?: string;
    item?: string;
    officer?: string;
    channel?: string;
}

/** Ratings counted: goodRate is the share of 非常满意 and 满意 (0..1), average the mean level; both null without ratings. */
export interface RatingFigures {
    count: number;
    good: number;
    bad: number;
    goodRate: number | null;
    average: number | null;
}

/** One group of the dashboard; key is what the next level filters by (null: ratings that name no officer). */
export interface RatingGroup extends RatingFigures {
    key: string | null;
    name: string;
}

export interface RatingDay {
    day: string;
    count: number;
    goodRate: number | null;
    average: number | null;
}

/** GET /api/ratings/dashboard: the period and grouping used (defaults filled in), the total, the groups, every day. */
export interface RatingDashboard {
    from: string;
    to: string;
    by: RatingDimension;
    total: RatingFigures;
    groups: RatingGroup[];
    trend: RatingDay[];
}

/** One rating of GET /api/ratings (managers): the ratings behind a figure, newest first. */
export interface RatingLine
    extends Pick<
        Rating,
        | 'id'
        | 'caseId'
        | 'caseNumber'
        | 'bundleCode'
        | 'bundleName'
        | 'itemCode'
        | 'itemName'
        | 'channel'
        | 'department'
        | 'departmentName'
        | 'officer'
        | 'level'
        | 'bad'
        | 'reason'
        | 'comment'
        | 'ratedAt'
    > {
    channelName: string;
    levelName: string;
    reasonName: string | null;
    rectificationStatus: RectificationStatus | null;
}

/**
 * How the rectification of the period's bad ratings goes in a department (department null: 合计): open, closed
 * (销号 after rectification), excluded, overdue at some step; onTimeRate of the closed ones (0..1), the median
 * hours from rating to 销号.
 */
export interface RectificationStatsRow {
    department: string | null;
    departmentName: string;
    open: number;
    closed: number;
    excluded: number;
    overdue: number;
    onTimeRate: number | null;
    medianHoursToClose: number | null;
}

/** GET /api/ratings/rectification-stats */
export interface RectificationStats {
    from: string;
    to: string;
    departments: RectificationStatsRow[];
    total: RectificationStatsRow;
}
