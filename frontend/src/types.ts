/** Shapes of the backend's REST API (/api). */

/**
 * A form field's kind: creditCode is a 统一社会信用代码 (18 characters), commitment a signed 告知承诺 (the
 * applicant reads `text` and ticks it: the value "true").
 */
export type FieldType = 'text' | 'idNumber' | 'phone' | 'date' | 'select' | 'creditCode' | 'commitment';

export interface BundleField {
    code: string;
    label: string;
    type: FieldType;
    options?: string[];
    required: boolean;
    /** the profile claim that pre-fills it */
    prefill?: string | null;
    /** what the applicant reads before answering: the wording of a commitment (承诺书) */
    text?: string | null;
}

export interface BundleMaterial {
    code: string;
    name: string;
    accept: string[];
    maxSizeMb: number;
    requiredBy: string[];
    /** a licence code: an applicant who holds that valid licence need not file the material */
    licence?: string | null;
    /** asked only when the select field has one of these answers (材料预判) */
    when?: { field: string; in: string[] } | null;
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
    /** 告知承诺: approved at once on the applicant's signed commitment, no officer */
    commitment?: boolean;
}

/** Who files a bundle: a person (个人) or an enterprise (企业). */
export type ApplicantKind = 'citizen' | 'enterprise';

export interface Bundle {
    id: string;
    code: string;
    name: string;
    description: string;
    applicant?: ApplicantKind;
    promisedDays: number;
    itemCount: number;
}

/** A site inspection a bundle runs after the written review (联合踏勘, 事后核查). */
export interface BundleInspection {
    code: string;
    name: string;
    leadDepartmentName: string;
    departmentNames: string[];
    limitDays: number;
}

/** A licence a bundle issues (证照同发); a 多证合一 licence lists the permits it replaces. */
export interface BundleLicence {
    code: string;
    name: string;
    departmentName: string;
    validYears: number;
    replaces: string[];
}

export interface BundleDetail extends Omit<Bundle, 'itemCount'> {
    fields: BundleField[];
    materials: BundleMaterial[];
    items: BundleItem[];
    inspections?: BundleInspection[];
    licences?: BundleLicence[];
}

export type PrefillSource = 'profile' | 'earlierCase';

export interface Prefill {
    values: Record<string, string>;
    sources: Record<string, PrefillSource>;
    /** material code → number of the valid licence the applicant holds that stands in for it */
    exemptMaterials?: Record<string, string>;
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
    /** A step of a site inspection (拟定, 确认, 记录踏勘结论): the inspection; itemCode is its code. */
    inspectionId?: string | null;
    /** the assignee's display name */
    assigneeName: string | null;
    /** 委派: the delegator's username while the task is delegated */
    owner: string | null;
    /** PENDING: the colleague works it; RESOLVED: given back to the owner to confirm */
    delegation: 'PENDING' | 'RESOLVED' | null;
    /** the model lets this step be approved for many cases at once (批量通过) */
    bulkApprove: boolean;
    /** view `done`: when I completed it */
    completedAt?: string | null;
    /** view `done`: whether I may still take it back (撤回): the next step is not claimed yet */
    withdrawable?: boolean;
    /** view `cc`: the copy sent to me (抄送) */
    cc?: TaskCopy | null;
    /** the host task's newest countersign (加签 / 会签), while open or as it ended */
    countersign?: CountersignStatus | null;
    /** a signer's own task (签署): the countersign it belongs to; null on an ordinary task */
    sign?: SignTask | null;
}

export type CountersignMode = 'BEFORE' | 'AFTER' | 'PARALLEL';
export type CountersignRule = 'ALL' | 'ANY' | 'MAJORITY';
export type CountersignStatus = 'OPEN' | 'PASSED' | 'REJECTED' | 'CANCELLED';
export type SignerState = 'WAITING' | 'ACTIVE' | 'AGREED' | 'DISAGREED' | 'REMOVED' | 'SKIPPED';

/** What a signer's task belongs to: the host task and how its countersign goes. */
export interface SignTask {
    countersignId: number;
    hostTaskId: string;
    mode: CountersignMode;
    rule: CountersignRule | null;
    requestedByName: string;
}

export interface CountersignSigner {
    username: string;
    name: string;
    /** the order of signing in 前加签 / 后加签 */
    position: number;
    state: SignerState;
    opinion: string | null;
    signedAt: string | null;
}

/**
 * 加签 / 会签 on a task (GET /api/tasks/{id}/countersigns): 前加签 signers sign one after another before the officer
 * decides; 后加签 after the officer decided (the decision waits in pendingDecision); 会签 all at once under a rule.
 */
export interface Countersign {
    id: number;
    mode: CountersignMode;
    rule: CountersignRule | null;
    status: CountersignStatus;
    requestedBy: string;
    requestedByName: string;
    requestedAt: string;
    note: string | null;
    /** 后加签: the officer's decision, taken once the last signer agrees */
    pendingDecision: DecisionKind | null;
    signers: CountersignSigner[];
}

export interface TaskCopy {
    id: number;
    /** who sent it (name) */
    from: string;
    note: string | null;
    at: string;
    read: boolean;
}

/** The tabs of the inbox: GET /api/tasks?view=… */
export type InboxView = 'mine' | 'unclaimed' | 'department' | 'cc' | 'done';

/** What the inbox is narrowed to (all optional); dates are yyyy-MM-dd. */
export interface InboxFilters {
    bundle?: string;
    item?: string;
    status?: 'UNCLAIMED' | 'CLAIMED' | 'DELEGATED';
    light?: Exclude<Light, 'PAUSED'>;
    dueFrom?: string;
    dueTo?: string;
    receivedFrom?: string;
    receivedTo?: string;
    /** the applicant's full name */
    applicant?: string;
}

/** GET /api/tasks/counts: tasks per tab under the same filters; department null for a non-lead. */
export type InboxCounts = Record<Exclude<InboxView, 'department'>, number> & { department: number | null };

/** A saved view of the inbox (GET /api/task-views): the user's own, or shared with their department. */
export interface TaskSavedView {
    id: number;
    name: string;
    view: InboxView;
    filters: { [K in keyof InboxFilters]?: InboxFilters[K] | null };
    sort?: string | null;
    order?: 'ASC' | 'DESC' | null;
    shared: boolean;
    department: string | null;
    ownerName: string;
    /** mine: I may delete it */
    editable: boolean;
    /** tasks in it now */
    count: number;
}

/** What the user may do with a task now (GET /api/tasks/{id}'s `actions`). */
export type TaskActionName =
    | 'claim'
    | 'unclaim'
    | 'assign'
    | 'transfer'
    | 'delegate'
    | 'resolve'
    | 'return'
    | 'cc'
    | 'countersign'
    | 'removeSigner'
    | 'sign'
    | 'complete';

/** The body of each POST /api/tasks/{id}/{action}. */
export interface TaskActionBodies {
    claim: Record<string, never>;
    unclaim: Record<string, never>;
    assign: { assignee: string };
    transfer: { department?: string; assignee?: string; reason: string };
    delegate: { assignee: string; note?: string };
    resolve: { comment: string };
    return: { activityId: string; reason: string };
    cc: { recipients: string[]; note?: string };
    withdraw: { reason?: string };
    countersign: { mode: CountersignMode; rule?: CountersignRule; signers: string[]; note?: string };
    sign: { agree: boolean; opinion?: string };
}

/** An officer of the task's department, to hand it to (GET /api/tasks/{id}/colleagues). */
export interface Colleague {
    username: string;
    name: string;
    department: string;
    departmentName: string;
}

/** A step the case passed through, which it may go back to (退回). */
export interface ReturnTarget {
    activityId: string;
    name: string;
    completedAt: string;
    completedBy: string | null;
}

export type BulkAction = 'claim' | 'assign' | 'approve';

export interface BulkRequest {
    action: BulkAction;
    taskIds: string[];
    assignee?: string;
    comment?: string;
}

/** How one task of a bulk action fared; detail says why it failed (Chinese). */
export interface BulkResult {
    taskId: string;
    ok: boolean;
    status: number;
    detail?: string | null;
}

/** A task as the task page needs it: the task with the case it belongs to and what the user may do now. */
export interface TaskDetail extends Task {
    case: CaseDetail;
    actions: TaskActionName[];
    /** the task's countersigns, newest first (a signer's task: those of its host task) */
    countersigns: Countersign[];
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

/** 草稿: the application being filled in, as last saved (savedAt null: none). */
export interface Draft {
    form: Record<string, string>;
    /** material code → the uploaded file given for it */
    materials: Record<string, UploadedMaterial>;
    savedAt: string | null;
}

/** How the user likes the site to look, kept with the account; null until they choose. */
export interface Preferences {
    elderMode: boolean | null;
}

export type NotificationKind =
    | 'WARNING'
    | 'ESCALATION'
    | 'INSPECTION'
    | 'RECTIFICATION'
    | 'LICENCE'
    | 'TASK'
    | 'CASE'
    | 'APPOINTMENT';

/**
 * An in-app notification: a deadline warning, an escalation (超期督办), a site inspection's step or result, a step
 * of a bad rating's rectification, a licence issued or revoked, a task handed to the user (分配, 转办, 委派, 退回, 抄送).
 */
export interface AppNotification {
    id: number;
    kind: NotificationKind;
    message: string;
    caseId: string;
    caseNumber: string;
    itemCode: string;
    taskId: string | null;
    /** the site inspection it is about, when the backend says so (its steps have no task page) */
    inspectionId?: string | null;
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

/** Where a site inspection (联合踏勘) stands. */
export type InspectionStatus = 'SCHEDULING' | 'CONFIRMING' | 'FIXED' | 'RECTIFYING' | 'RECHECK' | 'PASSED' | 'FAILED';

/** A department's conclusion on site, and the inspection's combined result (any fail fails). */
export type FindingResult = 'PASS' | 'CONDITIONS' | 'FAIL';

/** The steps of an inspection: 拟定踏勘时间 (lead), 确认踏勘时间 (the others), 记录踏勘结论 (each). */
export type InspectionStepCode = 'proposeVisit' | 'confirmVisit' | 'recordFindings';

export interface DepartmentRef {
    code: string;
    name: string;
}

/** A step a department must take now; taskId only for the user's own departments. */
export interface InspectionOpenStep {
    step: InspectionStepCode;
    stepName: string;
    department: string;
    departmentName: string;
    taskId: string | null;
}

/** A row of GET /api/inspections and GET /api/cases/{id}/inspections. */
export interface InspectionSummary {
    id: string;
    caseId: string;
    caseNumber: string;
    bundleCode: string;
    bundleName: string;
    code: string;
    name: string;
    enterprise: string;
    status: InspectionStatus;
    statusName: string;
    round: number;
    visitAt: string | null;
    visitPlace: string | null;
    lead: DepartmentRef;
    departments: DepartmentRef[];
    deadline: DeadlineView | null;
    result: FindingResult | null;
    /** RECTIFYING: the enterprise reports its rectification before this date */
    rectifyBy: string | null;
    openSteps: InspectionOpenStep[];
    /** null unless every department publishes site-inspection teams (踏勘预约) */
    booking: InspectionBooking | null;
}

/**
 * 踏勘预约: whether the enterprise may book the visit now (nobody proposed a time yet), the half-day it booked,
 * until when it may move it, and the place (its form's answer until booked).
 */
export interface InspectionBooking {
    open: boolean;
    day: string | null;
    halfDay: HalfDay | null;
    time: string | null;
    changeable: boolean;
    changeUntil: string | null;
    place: string | null;
}

/** A proposal of the visit, a confirmation, or another time proposed instead (COUNTER). */
export interface InspectionAnswer {
    proposalNo: number;
    department: string;
    departmentName: string;
    kind: 'PROPOSED' | 'CONFIRMED' | 'COUNTER';
    visitAt: string | null;
    place: string | null;
    note: string | null;
    answeredBy: string;
    answeredAt: string;
}

/** One department's findings of one round (1: the visit, 2…: re-checks); photos are material ids. */
export interface InspectionFinding {
    round: number;
    department: string;
    departmentName: string;
    result: FindingResult;
    resultName: string;
    issues: string[];
    comment: string | null;
    photos: string[];
    recordedBy: string;
    recordedAt: string;
}

/** An inspection's page: GET /api/inspections/{id}'s `inspection` with the rest of the detail beside it. */
export interface InspectionRecord extends InspectionSummary {
    visitNote: string | null;
    /** the combined reasons (multi-line) */
    summary: string | null;
    answers: InspectionAnswer[];
    findings: InspectionFinding[];
}

/** The actions on an inspection (POST /api/inspections/{id}/…), each with its body. */
export interface InspectionActions {
    proposal: { visitAt: string; place: string; note: string | null };
    confirmation: { department?: string; accept: boolean; visitAt?: string; note?: string | null };
    findings: { department?: string; result: FindingResult; issues: string[]; comment: string | null; photos: string[] };
    rectification: { comment: string; photos: string[] };
}

export type InspectionAction = keyof InspectionActions;

export type LicenceStatus = 'VALID' | 'REVOKED' | 'EXPIRED';

/** The supervising department's report on the holder (审管联动). */
export interface LicenceSupervision {
    /** the result's code (PASS, CONDITIONS, FAIL) */
    result: string;
    comment: string | null;
    by: string;
    at: string;
}

/** An electronic licence (电子证照); `replaces`: the permits a 多证合一 licence stands for. */
export interface Licence {
    id: string;
    number: string;
    licenceCode: string;
    licenceName: string;
    caseId: string;
    bundleCode: string;
    holderName: string;
    holderCreditCode: string | null;
    scope: string | null;
    department: string;
    departmentName: string;
    supervisor: string | null;
    supervisorName: string | null;
    validFrom: string;
    validUntil: string;
    status: LicenceStatus;
    revokedAt: string | null;
    revokedReason: string | null;
    replaces: string[];
    supervision: LicenceSupervision | null;
    issuedAt: string;
}

/** GET /api/licences/{number}/verify (public): whether the licence holds, nothing about its holder. */
export interface LicenceVerification {
    number: string;
    licenceName: string;
    departmentName: string;
    status: LicenceStatus;
    validFrom: string;
    validUntil: string;
    message: string;
}

/** Where a supervision push stands (审管联动): 待认领, 已认领 (being supervised), 已反馈 (result reported). */
export type PushStatus = 'PENDING' | 'CLAIMED' | 'DONE';

/** The outcome of supervision or of an inspection, as credit records it: 合格, 限期整改, 不合格. */
export type SupervisionResult = 'PASS' | 'CONDITIONS' | 'FAIL';

/**
 * A row of GET /api/supervision/queue: a licence pushed to its supervising department, to be claimed within
 * `claimDays` working days (until `claimDue`; light and remainingDays only while pending), then supervised and
 * reported on. `claimedBy` is the claimer's name.
 */
export interface SupervisionPush {
    id: string;
    licenceNumber: string;
    licenceName: string;
    holderName: string;
    creditCode: string | null;
    caseId: string;
    department: string;
    departmentName: string;
    pushedAt: string;
    claimDays: number;
    claimDue: string;
    light: Exclude<Light, 'PAUSED'> | null;
    remainingDays: number | null;
    status: PushStatus;
    claimedBy: string | null;
    /** the signed-in user claimed it, and so reports on it */
    claimedByMe: boolean;
    claimedAt: string | null;
    result: SupervisionResult | null;
    comment: string | null;
    reportedAt: string | null;
    /** past the claim limit unclaimed: the department's leads were told (督办) */
    escalatedAt: string | null;
}

/** POST /api/supervision/pushes/{id}/result: a comment is required unless PASS. */
export interface SupervisionReport {
    result: SupervisionResult;
    comment: string | null;
}

/** 企业信用等级: A best … D worst (see the grade rule on the credit page). */
export type CreditGrade = 'A' | 'B' | 'C' | 'D';

/** What a credit event records: an inspection (联合踏勘, 事后核查), the supervision after a licence, a revocation. */
export type CreditEventKind = 'INSPECTION' | 'SUPERVISION' | 'LICENCE_REVOKED';

export interface CreditEvent {
    kind: CreditEventKind;
    /** null for a revocation */
    result: SupervisionResult | null;
    /** a failed post-check of a licence issued on the applicant's 告知承诺: 承诺不实 (失信) */
    falseCommitment: boolean;
    summary: string | null;
    caseId: string | null;
    licenceNumber: string | null;
    recordedBy: string;
    occurredAt: string;
}

/** An enterprise's credit: its grade over the last two years and its events, newest first. */
export interface EnterpriseCredit {
    id: string;
    holderId: string;
    name: string;
    creditCode: string | null;
    grade: CreditGrade;
    events: CreditEvent[];
}

/** One enterprise a 双随机 draw could pick: its grade and the weight that grade gives it. */
export interface DrawCandidate {
    holderId: string;
    name: string;
    creditCode: string | null;
    grade: CreditGrade;
    weight: number;
}

/** A 双随机抽查 draw: who drew when, the seed, the population (department null: all holders), the drawn in order. */
export interface SupervisionDraw {
    id: string;
    drawnBy: string;
    drawnAt: string;
    seed: number;
    department: string | null;
    departmentName: string | null;
    count: number;
    population: DrawCandidate[];
    drawn: DrawCandidate[];
}

/** POST /api/supervision/draws: no seed, the server picks one; no department, all holders of valid licences. */
export interface DrawBody {
    count: number;
    seed: number | null;
    department: string | null;
}

/** GET /api/supervision/draws/{id}/replay: the stored draw (holder ids) against a new draw from its seed. */
export interface DrawReplay {
    id: string;
    matches: boolean;
    drawn: string[];
    replayed: string[];
}

/** 流程模型 (managers): a deployed process with its latest version and how many cases run on it. */
export interface ModelSummary {
    id: string;
    key: string;
    name: string | null;
    latestVersion: number;
    running: number;
}

/** One deployed version of a process; deployedBy 「系统（随平台发布）」 for the versions shipped with the platform. */
export interface ModelVersion {
    key: string;
    name: string | null;
    version: number;
    processDefinitionId: string;
    deployedAt: string | null;
    deployedBy: string | null;
    comment: string | null;
    overrideReason: string | null;
    running: number;
}

/** One element's figures in a version: running tokens, completed passes, overdue tasks, average time (ms). */
export interface ElementFigures {
    activityId: string;
    running: number;
    completed: number;
    overdue: number;
    averageMillis: number | null;
}

export interface ModelVersionXml {
    version: ModelVersion;
    xml: string;
}

/** One thing wrong with a model, on an element (null: the whole model); a warning may be overridden. */
export interface ModelProblem {
    elementId: string | null;
    severity: 'ERROR' | 'WARNING';
    rule: string;
    message: string;
}

export interface ModelValidation {
    errors: ModelProblem[];
    warnings: ModelProblem[];
}

export interface ModelDeployBody {
    xml: string;
    comment: string;
    overrideReason: string | null;
}

export interface ModelElement {
    id: string;
    kind: string;
    name: string | null;
}

/**
 * GET /api/models/{key}/catalog: the 办事指南 of the process's bundle (bundleCode null and empty lists for a
 * process that is no bundle's): the pools of form fields and materials, and each item (its user task has the
 * item's code as id) with its limits and its default fields and materials.
 */
export interface ModelCatalog {
    bundleCode: string | null;
    bundleName: string | null;
    fields: { code: string; label: string }[];
    materials: { code: string; name: string }[];
    items: CatalogItem[];
}

export interface CatalogItem {
    code: string;
    name: string;
    department: string;
    statutoryDays: number;
    promisedDays: number;
    fields: string[];
    materials: string[];
    /** 告知承诺: the item keeps its commitment field (the server refuses a model that drops it) */
    commitment: boolean;
}

export interface ModelDiff {
    added: ModelElement[];
    removed: ModelElement[];
    changed: (ModelElement & { changes: string[] })[];
}

/** A running case of a process: its instance, and the case it is (businessKey: the case's id) with its number. */
export interface ModelCase {
    processInstanceId: string;
    businessKey: string | null;
    caseNumber: string | null;
}

/**
 * Where a running case waits now, and where it would wait in the target version (null: it cannot move); `effect`
 * says in Chinese what the migration does to that open task or wait (e.g. it keeps its department and deadline).
 */
export interface MigrationWaiting {
    activityId: string;
    activityName: string | null;
    targetActivityId: string | null;
    targetName: string | null;
    effect: string;
}

export interface MigrationCandidate extends ModelCase {
    waitingAt: MigrationWaiting[];
    migratable: boolean;
}

export interface MigrationPreview {
    from: number;
    to: number;
    instances: MigrationCandidate[];
}

export interface MigrationOutcome extends ModelCase {
    migrated: boolean;
    reason: string | null;
}

/** What the search finds: 办件, 待办, 评价, 证照. */
export type SearchType = 'case' | 'task' | 'rating' | 'licence';

/** The facets of a search's answer: each counts the matches by one property. */
export type SearchFacet = 'type' | 'department' | 'status' | 'bundle';

/**
 * GET /api/search's parameters, every one optional: the words (at most 100 characters), a type, department and
 * status to filter by, a period (dates, both included) of the results' `at`, paging 0-based (size at most 200).
 */
export interface SearchQuery {
    q?: string;
    type?: string;
    department?: string;
    status?: string;
    bundle?: string;
    from?: string;
    to?: string;
    page?: number;
    size?: number;
}

/**
 * One thing found, if the user may see it. `highlights`: fragments of its title, summary and text as indexed,
 * the matched words between `<em>` and `</em>` (anything else in them is text, even if it looks like HTML);
 * `status` a raw code (IN_PROGRESS, OPEN, VERIFYING, VALID…); `at` when it was filed, rated or issued, or a task
 * is due. `id` is a licence's number.
 */
export interface SearchResult {
    type: SearchType;
    typeLabel: string;
    id: string;
    title: string;
    summary: string;
    highlights: string[];
    caseId: string | null;
    caseNumber: string | null;
    bundleName: string | null;
    status: string | null;
    departmentNames: string[];
    at: string | null;
}

/** How many matches have this value of a facet; `label` is the value's name (a status's is its code). */
export interface SearchBucket {
    value: string;
    label: string;
    count: number;
}

/** GET /api/search: a page of results, best first; `degraded`: the index may lag behind the database. */
export interface SearchAnswer {
    items: SearchResult[];
    total: number;
    page: number;
    size: number;
    facets: Record<SearchFacet, SearchBucket[]>;
    degraded: boolean;
}

/** A rebuild of the search index (POST /api/search/reindex): nothing yet while startedAt is null. */
export interface SearchRebuild {
    running: boolean;
    index: string | null;
    done: number;
    total: number;
    startedAt: string | null;
    finishedAt: string | null;
    error: string | null;
}

/** GET /api/search/status (admins): whether the index keeps up with the database, and the last rebuild. */
export interface SearchIndexStatus {
    healthy: boolean;
    /** changes not indexed yet */
    pending: number;
    lastId: number;
    indexedAt: string | null;
    failingSince: string | null;
    lastError: string | null;
    rebuild: SearchRebuild;
}

export type HalfDay = 'AM' | 'PM';

/** A booking of an in-person step (统一预约), from GET /api/cases/{id}/visits and the booking actions. */
export interface Appointment {
    id: number;
    caseId: string;
    itemCode: string;
    purpose: string;
    departmentName: string;
    place: string | null;
    day: string;
    halfDay: HalfDay;
    /** 上午 09:00–12:00 */
    time: string;
    queueNumber: number;
    window: number;
    status: 'BOOKED' | 'CANCELLED' | 'MOVED';
    /** may still be cancelled or moved: until `changeUntil`, the evening before */
    changeable: boolean;
    changeUntil: string;
    bookedAt: string;
}

/** A booking on a reception's 到场名单 (GET /api/appointments?day=), the applicant's name masked. */
export interface DayListEntry {
    id: number;
    appointment: Appointment;
    caseNumber: string;
    applicantName: string;
}

/** An in-person step of a case: bookable now, or why not yet (`note`), and its booking. */
export interface Visit {
    itemCode: string;
    itemName: string;
    purpose: string;
    departmentName: string;
    place: string | null;
    bookable: boolean;
    note: string | null;
    appointment: Appointment | null;
}

/** A half-day of a department's reception, with the places left. */
export interface AppointmentSlot {
    day: string;
    halfDay: HalfDay;
    time: string;
    capacity: number;
    remaining: number;
}
