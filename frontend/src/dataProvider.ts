import {
    type DataProvider,
    HttpError,
    type Identifier,
    useDataProvider,
} from 'react-admin';
import type {
    Appointment,
    AppointmentSlot,
    BulkRequest,
    BulkResult,
    CaseDetail,
    Colleague,
    DeadlineOverview,
    DeadlineProbe,
    Decision,
    DiagramState,
    Draft,
    DrawReplay,
    ElementFigures,
    EnterpriseCredit,
    HalfDay,
    InboxCounts,
    InboxFilters,
    InspectionAction,
    InspectionActions,
    InspectionRecord,
    InspectionSummary,
    LicenceVerification,
    Me,
    MigrationOutcome,
    MigrationPreview,
    ModelCase,
    ModelCatalog,
    ModelDeployBody,
    ModelDiff,
    ModelValidation,
    ModelVersion,
    ModelVersionXml,
    Preferences,
    Prefill,
    Problem,
    Rating,
    RatingBody,
    RatingDashboard,
    RatingStatsQuery,
    RectificationAction,
    RectificationActions,
    RectificationStats,
    ReturnTarget,
    SearchAnswer,
    SearchIndexStatus,
    SearchQuery,
    SearchRebuild,
    SupervisionPush,
    SupervisionReport,
    SupplementAnswer,
    Task,
    TaskActionBodies,
    UploadedMaterial,
    Visit,
} from './types';

/** The backend's own actions, next to react-admin's CRUD methods. */
export interface OneThingDataProvider extends DataProvider {
    me(): Promise<Me>;
    /** How the user likes the site to look (长者版), kept with the account. */
    preferences(): Promise<Preferences>;
    savePreferences(preferences: { elderMode: boolean }): Promise<Preferences>;
    prefill(bundleCode: Identifier): Promise<Prefill>;
    /** 草稿 of the bundle's application: read, save as the applicant types, discard. */
    draft(bundleCode: Identifier): Promise<Draft>;
    saveDraft(
        bundleCode: Identifier,
        draft: { form: Record<string, unknown>; materials: Record<string, unknown> },
    ): Promise<Draft>;
    discardDraft(bundleCode: Identifier): Promise<void>;
    uploadMaterial(
        file: File,
        onProgress?: (fraction: number) => void
    ): Promise<UploadedMaterial>;
    downloadMaterial(materialId: Identifier): Promise<Blob>;
    supplement(caseId: Identifier, answer: SupplementAnswer): Promise<CaseDetail>;
    caseDiagram(caseId: Identifier): Promise<DiagramState>;
    /** How many tasks each tab of the inbox holds under these filters. */
    taskCounts(filters: InboxFilters): Promise<InboxCounts>;
    /** The officers of the task's department (分配, 委派, 抄送, 转办 to a person). */
    taskColleagues(taskId: Identifier): Promise<Colleague[]>;
    /** Every department's officers (加签 / 会签 to another department's officer). */
    officers(): Promise<Colleague[]>;
    /** 减签: a signer who has not started yet is no longer asked. */
    removeSigner(taskId: Identifier, countersignId: Identifier, username: string): Promise<void>;
    /** The steps of the case before this one that 退回 may go back to. */
    taskReturnTargets(taskId: Identifier): Promise<ReturnTarget[]>;
    /**
     * An action on a task (认领, 分配, 转办, 委派, 退回, 抄送, 撤回 …): the task as it is now, undefined when the action
     * ended it (204). 撤回 takes the completed task's id and answers the task opened again.
     */
    taskAction<A extends keyof TaskActionBodies>(
        taskId: Identifier,
        action: A,
        body: TaskActionBodies[A]
    ): Promise<Task | undefined>;
    completeTask(taskId: Identifier, decision: Decision): Promise<void>;
    /** 批量认领, 分配, 通过: each task on its own, some may fail while the rest go through. */
    bulkTasks(request: BulkRequest): Promise<BulkResult[]>;
    /** Marks a copy (抄送) as read. */
    markCopyRead(copyId: Identifier): Promise<void>;
    unreadNotificationCount(): Promise<number>;
    markNotificationRead(notificationId: Identifier): Promise<void>;
    markAllNotificationsRead(): Promise<void>;
    deadlineOverview(): Promise<DeadlineOverview>;
    /** The deadline of `workingDays` working days from `start` (not counted), by the working calendar. */
    probeDeadline(start: string, workingDays: number): Promise<DeadlineProbe>;
    /** The ratings of a case: the applicant's own, or all of them for officers and managers. */
    caseRatings(caseId: Identifier): Promise<Rating[]>;
    /** Rates an item (or the whole case: itemCode null); within 24 h it replaces the earlier rating. */
    rate(caseId: Identifier, body: RatingBody): Promise<Rating>;
    /** A step of a bad rating's rectification (核实, 整改, 回访, 排除审核, 申诉, 申诉复核): the updated rating. */
    rectificationAction<A extends RectificationAction>(
        ratingId: Identifier,
        action: A,
        body: RectificationActions[A]
    ): Promise<Rating>;
    /** 好差评分析 (managers): the period's figures, grouped, with the daily trend. */
    ratingDashboard(query: RatingStatsQuery): Promise<RatingDashboard>;
    /** 好差评分析 (managers): how the rectification of the period's bad ratings goes, by department. */
    rectificationStats(period: { from?: string; to?: string }): Promise<RectificationStats>;
    /** The site inspections of a case (联合踏勘), for its page. */
    caseInspections(caseId: Identifier): Promise<InspectionSummary[]>;
    /** The in-person steps of a case (统一预约), each with its booking or why it cannot be booked yet. */
    caseVisits(caseId: Identifier): Promise<Visit[]>;
    /** The half-days the visit can be booked on, with the places left. */
    visitSlots(caseId: Identifier, itemCode: string): Promise<AppointmentSlot[]>;
    /** Books the visit (409 when the half-day filled up meanwhile). */
    bookVisit(caseId: Identifier, body: { itemCode: string; day: string; halfDay: HalfDay }): Promise<Appointment>;
    /** 改约 (until the evening before): the new booking. */
    moveAppointment(appointmentId: Identifier, body: { day: string; halfDay: HalfDay }): Promise<Appointment>;
    cancelAppointment(appointmentId: Identifier): Promise<Appointment>;
    /** The half-days on which every department of the inspection has a team free. */
    inspectionSlots(inspectionId: Identifier): Promise<AppointmentSlot[]>;
    /** 踏勘预约: books the half-day, or moves the booking there (409 when a department's teams filled up). */
    bookInspection(
        inspectionId: Identifier,
        body: { day: string; halfDay: HalfDay; place: string }
    ): Promise<InspectionRecord>;
    /** Cancels the enterprise's booking (until the evening before): the visit is to be fixed again. */
    cancelInspectionBooking(inspectionId: Identifier): Promise<InspectionRecord>;
    /** A step of a site inspection (拟定, 确认, 踏勘结论, 整改): the updated inspection. */
    inspectionAction<A extends InspectionAction>(
        inspectionId: Identifier,
        action: A,
        body: InspectionActions[A]
    ): Promise<InspectionRecord>;
    /** A licence's PDF (with its verification QR code). */
    downloadLicence(number: Identifier): Promise<Blob>;
    /** Public: whether a licence holds, asked without a token (a scanned QR code, nobody signed in). */
    verifyLicence(number: Identifier): Promise<LicenceVerification>;
    /** 审管联动: takes a pushed licence for the department's supervision (409 when someone has it already). */
    claimPush(pushId: Identifier): Promise<SupervisionPush>;
    /** 审管联动: the result of the supervision, by the officer who claimed the push. */
    reportSupervision(pushId: Identifier, body: SupervisionReport): Promise<SupervisionPush>;
    /** 本企业信用: the signed-in enterprise's grade and the events behind it. */
    myCredit(): Promise<EnterpriseCredit>;
    /** 双随机抽查: draws again from a stored draw's seed and population, to show it was not altered. */
    replayDraw(drawId: Identifier): Promise<DrawReplay>;
    /** 流程模型 (managers): the deployed versions of a process, newest first. */
    modelVersions(key: string): Promise<ModelVersion[]>;
    /** One version of a process with its BPMN XML. */
    modelVersion(key: string, version: number): Promise<ModelVersionXml>;
    /** Per element of a version: running, completed, overdue, average time spent. */
    modelFigures(key: string, version: number): Promise<ElementFigures[]>;
    /** 检查: the errors (they stop a deployment) and warnings (a reason overrides them) of a model. */
    validateModel(xml: string): Promise<ModelValidation>;
    /** Deploys a model as the process's new version (400: its errors, a missing comment or override reason). */
    deployModel(key: string, body: ModelDeployBody): Promise<ModelVersion>;
    /** What changed between two versions: elements added, removed and changed. */
    modelDiff(key: string, from: number, to: number): Promise<ModelDiff>;
    /** What changed from version `from` to a model not deployed yet (the editor's XML). */
    modelDiffOfXml(key: string, from: number, xml: string): Promise<ModelDiff>;
    /** The running cases of a version that wait at one of its elements. */
    activityCases(key: string, version: number, activityId: string): Promise<ModelCase[]>;
    /** The 办事指南 of the process's bundle: the pools of fields and materials, and each item's defaults. */
    modelCatalog(key: string): Promise<ModelCatalog>;
    /** Which running cases of version `from` could move to `to`, and where each would then wait. */
    migrationPreview(key: string, from: number, to: number): Promise<MigrationPreview>;
    /** Moves running cases (1–200) from one version to another: one outcome per case. */
    migrate(key: string, body: { from: number; to: number; processInstanceIds: string[] }): Promise<MigrationOutcome[]>;
    /** Full-text search over what the user may see: cases, tasks, ratings, licences (503 while the index is away). */
    search(query: SearchQuery): Promise<SearchAnswer>;
    /** 搜索索引 (admins): how far the index is behind, and the last rebuild's progress. */
    searchIndexStatus(): Promise<SearchIndexStatus>;
    /** 重建索引 (admins): starts rebuilding the index from the database (409 while a rebuild runs). */
    rebuildSearchIndex(): Promise<SearchRebuild>;
}

export const useOneThingDataProvider = () =>
    useDataProvider<OneThingDataProvider>();

const ACCEPT = 'application/json, application/problem+json';

/** A validation problem's errors by field (or material) code, as react-admin forms show them next to each input. */
const fieldErrors = (errors: NonNullable<Problem['errors']>, summary: string) => {
    const byField: Record<string, string> = {};
    for (const { field, message } of errors) {
        // "holidays[1].worked[0]" is the form's input "holidays.1.worked.0"
        const path = field.replace(/\[(\d+)\]/g, '.$1');
        byField[path] = byField[path] ? `${byField[path]}；${message}` : message;
    }
    return { ...byField, root: { serverError: summary } };
};

/** Chinese script and its punctuation (，（）、。). */
const CHINESE = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/**
 * The backend writes bilingual texts as "中文 / English": the UI shows the Chinese half. A " / " with Chinese
 * after it is part of the Chinese text (「已完成 1 / 4」).
 */
const chineseHalf = (text: string) => {
    const halves = text.split(' / ');
    const english = halves.findIndex((_, index) => index > 0 && !CHINESE.test(halves.slice(index).join(' / ')));
    return english > 0 ? halves.slice(0, english).join(' / ') : text;
};

/**
 * Turns an error response into react-admin's HttpError: the message is the problem's detail (Chinese, from the
 * backend); the body keeps the problem and, for a validation problem, `errors` by field, which react-admin's
 * forms put next to each input (several messages for one field are joined).
 */
export const problemToError = (status: number, problem?: Problem): HttpError => {
    const text = problem?.detail ?? problem?.title;
    const message = text
        ? chineseHalf(text)
        : status === 403
          ? 'ra.notification.not_authorized'
          : 'ra.notification.http_error';
    const errors = problem?.errors?.length ? fieldErrors(problem.errors, message) : undefined;
    return new HttpError(message, status, { problem, errors });
};

const parse = (text: string) => {
    try {
        return text ? JSON.parse(text) : undefined;
    } catch {
        return undefined;
    }
};

/**
 * Where a resource of the API differs from react-admin's defaults: where it lives (`path`), what identifies
 * its records (`id`), whether its list takes `sort`/`order` (the backend refuses a sort property it does
 * not know) or paging at all, which sorts are sent without `order`, and whether a record is created by PUT
 * at its natural id (`createByPut`: that property goes into the path, not the body).
 */
interface ResourceShape {
    path?: string;
    /** where one record lives, when not under `path` */
    recordPath?: string;
    id?: (record: any) => Identifier;
    sorted?: boolean;
    paged?: boolean;
    /** sorts whose direction the backend chooses (sent without `order`) */
    orderless?: string[];
    createByPut?: string;
    /** one record from the body of GET `recordPath`/{id}, when it is wrapped */
    record?: (body: any) => any;
}

/** The server counts an inbox tab's tasks up to this, then says one more: "more than 1000". */
export const INBOX_COUNT_CAP = 1000;

const RESOURCES: Record<string, ResourceShape> = {
    // sort=urgency means "most urgent first": the contract gives it no ascending or descending sense;
    // a task comes with the case it belongs to and what the user may do with it now
    tasks: {
        orderless: ['urgency'],
        record: body => ({
            ...body.task,
            case: body.caseFile,
            actions: body.actions,
            countersigns: body.countersigns,
        }),
    },
    // the inbox's saved views: a plain array, the user's own and those shared with their departments
    'task-views': { sorted: false, paged: false },
    notifications: { sorted: false },
    deadlineItems: {
        path: 'deadlines/items',
        id: record => `${record.caseId}:${record.itemCode}`,
        sorted: false,
    },
    calendar: { id: record => record.year, sorted: false, paged: false, createByPut: 'year' },
    // the bad ratings whose rectification waits for the user; each one is a rating
    rectifications: { recordPath: 'ratings', sorted: false },
    // 好差评分析's drill-down (managers): the ratings of a period, filtered, newest first
    ratingLines: { path: 'ratings', sorted: false },
    // the backend orders visits itself (by visitAt); a page is the inspection with its answers and findings
    inspections: { sorted: false, record: inspectionRecord },
    licences: { id: record => record.number },
    // 审管联动: the pushes of the user's departments (all for managers), sortable by claimDue and pushedAt
    supervision: { path: 'supervision/queue' },
    // 企业信用: enterprises are known by their holder id, lowest grade first (the backend's order)
    credit: { path: 'enterprises/credit', id: record => record.holderId, sorted: false },
    // 双随机抽查: newest first (the backend's order)
    draws: { path: 'supervision/draws', sorted: false },
    // a plain array of {code, name}
    departments: { sorted: false, paged: false },
    // 到场名单: a plain array of the day's bookings in the order of the queue
    appointments: { id: record => record.appointment.id, sorted: false, paged: false },
    // 审计日志 (admins): newest first (the backend's order)
    audit: { sorted: false },
    // 流程模型 (managers): a plain array of the deployed processes, known by their key
    models: { id: record => record.key, sorted: false, paged: false },
};

/** GET /api/inspections/{id}: the summary under `inspection`, flattened with the rest of the detail. */
function inspectionRecord({ inspection, ...detail }: any): InspectionRecord {
    return { ...inspection, ...detail };
}

const shapeOf = (resource: string): ResourceShape => RESOURCES[resource] ?? {};

const pathOf = (resource: string) => shapeOf(resource).path ?? resource;

// records are the API's JSON; react-admin needs an id: a bundle is known by its code
const withId =
    (resource: string) =>
    (record: any) => ({ ...record, id: shapeOf(resource).id?.(record) ?? record.id ?? record.code });

/** A query string of the parameters that have a value ("" when none). */
const queryOf = (params: object) => {
    const search = new URLSearchParams(
        Object.entries(params)
            .filter(([, value]) => value !== undefined && value !== null && value !== '')
            .map(([key, value]) => [key, String(value)])
    ).toString();
    return search ? `?${search}` : '';
};

const unsupported = () => Promise.reject(new Error('不支持的操作'));

/**
 * The dataProvider of the backend's REST API. `getToken` gives the current access token, sent as
 * `Authorization: Bearer` on every call. Lists are paged 0-based: `page`, `size`, `sort`, `order`.
 */
export const createDataProvider = (
    getToken: () => Promise<string | undefined>,
    apiUrl: string
): OneThingDataProvider => {
    const send = async (path: string, init: RequestInit = {}, anonymous = false) => {
        const headers = new Headers(init.headers);
        if (!headers.has('Accept')) headers.set('Accept', ACCEPT);
        // a public endpoint goes without the token: an expired one would be refused even there
        const token = anonymous ? undefined : await getToken();
        if (token) headers.set('Authorization', `Bearer ${token}`);
        if (typeof init.body === 'string') headers.set('Content-Type', 'application/json');
        const response = await fetch(`${apiUrl}${path}`, { ...init, headers });
        if (!response.ok) {
            throw problemToError(response.status, parse(await response.text()));
        }
        return response;
    };
    const json = async (path: string, init?: RequestInit) =>
        parse(await (await send(path, init)).text());
    const post = (path: string, body?: unknown) =>
        json(path, { method: 'POST', body: JSON.stringify(body) });
    const put = (path: string, body: unknown) => json(path, { method: 'PUT', body: JSON.stringify(body) });
    const id = (value: Identifier) => encodeURIComponent(String(value));

    return {
        getList: async (resource, { pagination, sort, filter }) => {
            const { sorted = true, paged = true, orderless = [] } = shapeOf(resource);
            // an empty filter value (react-admin's "all") is no filter
            const query = new URLSearchParams(
                Object.entries(filter ?? {})
                    .filter(([, value]) => value !== undefined && value !== null && value !== '')
                    .map(([key, value]) => [key, String(value)])
            );
            if (pagination && paged) {
                query.set('page', String(pagination.page - 1));
                query.set('size', String(pagination.perPage));
            }
            if (sort?.field && sorted) {
                query.set('sort', sort.field);
                if (!orderless.includes(sort.field)) query.set('order', sort.order.toLowerCase());
            }
            const search = query.toString();
            const body = await json(`/${pathOf(resource)}${search ? `?${search}` : ''}`);
            // departments, bundles and calendar years come as a plain array, the other lists as a page
            const items = Array.isArray(body) ? body : body.items;
            const total = Array.isArray(body) ? body.length : body.total;
            // past INBOX_COUNT_CAP the inbox's total only says "more": paged on without a total
            if (resource === 'tasks' && total > INBOX_COUNT_CAP && pagination) {
                return {
                    data: items.map(withId(resource)),
                    pageInfo: { hasNextPage: items.length === pagination.perPage, hasPreviousPage: pagination.page > 1 },
                };
            }
            return { data: items.map(withId(resource)), total };
        },
        getOne: async (resource, params) => {
            const { recordPath, record = (body: any) => body } = shapeOf(resource);
            const body = await json(`/${recordPath ?? pathOf(resource)}/${id(params.id)}`);
            return { data: withId(resource)(record(body)) };
        },
        create: async (resource, { data }) => {
            const key = shapeOf(resource).createByPut;
            if (key) {
                // stored at its natural id (a calendar year): PUT /calendar/2027
                const { [key]: naturalId, ...body } = data;
                return { data: withId(resource)(await put(`/${pathOf(resource)}/${id(naturalId)}`, body)) };
            }
            return { data: withId(resource)(await post(`/${pathOf(resource)}`, data)) };
        },
        update: async (resource, { id: recordId, data }) => ({
            data: withId(resource)(await put(`/${pathOf(resource)}/${id(recordId)}`, data)),
        }),
        getMany: unsupported,
        getManyReference: unsupported,
        updateMany: unsupported,
        delete: async (resource, { id: recordId, previousData }) => {
            await send(`/${pathOf(resource)}/${id(recordId)}`, { method: 'DELETE' });
            return { data: previousData ?? ({ id: recordId } as any) };
        },
        deleteMany: unsupported,

        me: () => json('/me'),
        preferences: () => json('/me/preferences'),
        savePreferences: preferences => put('/me/preferences', preferences),
        prefill: bundleCode => json(`/bundles/${id(bundleCode)}/prefill`),
        draft: bundleCode => json(`/bundles/${id(bundleCode)}/draft`),
        saveDraft: (bundleCode, draft) => put(`/bundles/${id(bundleCode)}/draft`, draft),
        discardDraft: async bundleCode => {
            await send(`/bundles/${id(bundleCode)}/draft`, { method: 'DELETE' });
        },
        uploadMaterial: async (file, onProgress) => {
            const token = await getToken();
            return new Promise((resolve, reject) => {
                // XMLHttpRequest, not fetch: only it reports the upload's progress
                const xhr = new XMLHttpRequest();
                xhr.open('POST', `${apiUrl}/materials`);
                xhr.setRequestHeader('Accept', ACCEPT);
                if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
                xhr.upload.onprogress = event => {
                    if (event.lengthComputable) onProgress?.(event.loaded / event.total);
                };
                xhr.onload = () =>
                    xhr.status < 300
                        ? resolve(parse(xhr.responseText))
                        : reject(problemToError(xhr.status, parse(xhr.responseText)));
                xhr.onerror = () => reject(problemToError(0));
                const body = new FormData();
                body.append('file', file);
                xhr.send(body);
            });
        },
        downloadMaterial: async materialId =>
            (await send(`/materials/${id(materialId)}`, { headers: { Accept: '*/*' } })).blob(),
        supplement: async (caseId, answer) =>
            withId('cases')(await post(`/cases/${id(caseId)}/supplements`, answer)),
        caseDiagram: caseId => json(`/cases/${id(caseId)}/diagram`),
        taskCounts: filters => json(`/tasks/counts${queryOf(filters)}`),
        taskColleagues: taskId => json(`/tasks/${id(taskId)}/colleagues`),
        taskReturnTargets: taskId => json(`/tasks/${id(taskId)}/return-targets`),
        officers: () => json('/officers'),
        removeSigner: async (taskId, countersignId, username) => {
            await send(`/tasks/${id(taskId)}/countersigns/${id(countersignId)}/signers/${id(username)}`, {
                method: 'DELETE',
            });
        },
        taskAction: (taskId, action, body) => post(`/tasks/${id(taskId)}/${action}`, body),
        completeTask: async (taskId, decision) => {
            await post(`/tasks/${id(taskId)}/complete`, decision);
        },
        bulkTasks: async request => (await post('/tasks/bulk', request)).results,
        markCopyRead: async copyId => {
            await post(`/tasks/cc/${id(copyId)}/read`);
        },
        unreadNotificationCount: async () => (await json('/notifications/unread-count')).count,
        markNotificationRead: async notificationId => {
            await post(`/notifications/${id(notificationId)}/read`);
        },
        markAllNotificationsRead: async () => {
            await post('/notifications/read-all');
        },
        deadlineOverview: () => json('/deadlines/overview'),
        probeDeadline: (start, workingDays) =>
            json(`/calendar/deadline?${new URLSearchParams({ start, workingDays: String(workingDays) })}`),
        caseRatings: async caseId => ((await json(`/cases/${id(caseId)}/ratings`)) as Rating[]).map(withId('ratings')),
        rate: async (caseId, body) => withId('ratings')(await post(`/cases/${id(caseId)}/ratings`, body)),
        rectificationAction: async (ratingId, action, body) =>
            withId('ratings')(await post(`/ratings/${id(ratingId)}/${action}`, body)),
        ratingDashboard: query => json(`/ratings/dashboard${queryOf(query)}`),
        rectificationStats: ({ from, to }) => json(`/ratings/rectification-stats${queryOf({ from, to })}`),
        caseInspections: async caseId =>
            ((await json(`/cases/${id(caseId)}/inspections`)) as InspectionSummary[]).map(withId('inspections')),
        caseVisits: caseId => json(`/cases/${id(caseId)}/visits`),
        visitSlots: (caseId, itemCode) => json(`/cases/${id(caseId)}/visits/${id(itemCode)}/slots`),
        bookVisit: (caseId, body) => post(`/cases/${id(caseId)}/appointments`, body),
        moveAppointment: (appointmentId, body) => post(`/appointments/${id(appointmentId)}/move`, body),
        cancelAppointment: appointmentId => post(`/appointments/${id(appointmentId)}/cancel`),
        inspectionSlots: inspectionId => json(`/inspections/${id(inspectionId)}/slots`),
        bookInspection: async (inspectionId, body) =>
            withId('inspections')(inspectionRecord(await put(`/inspections/${id(inspectionId)}/booking`, body))),
        cancelInspectionBooking: async inspectionId =>
            withId('inspections')(
                inspectionRecord(await json(`/inspections/${id(inspectionId)}/booking`, { method: 'DELETE' }))
            ),
        inspectionAction: async (inspectionId, action, body) =>
            withId('inspections')(inspectionRecord(await post(`/inspections/${id(inspectionId)}/${action}`, body))),
        downloadLicence: async number =>
            (await send(`/licences/${id(number)}/pdf`, { headers: { Accept: 'application/pdf, */*' } })).blob(),
        verifyLicence: async number =>
            parse(await (await send(`/licences/${id(number)}/verify`, {}, true)).text()),
        claimPush: async pushId => withId('supervision')(await post(`/supervision/pushes/${id(pushId)}/claim`)),
        reportSupervision: async (pushId, body) =>
            withId('supervision')(await post(`/supervision/pushes/${id(pushId)}/result`, body)),
        myCredit: async () => withId('credit')(await json('/enterprises/me/credit')),
        replayDraw: drawId => json(`/supervision/draws/${id(drawId)}/replay`),
        modelVersions: key => json(`/models/${id(key)}/versions`),
        modelVersion: (key, version) => json(`/models/${id(key)}/versions/${version}`),
        modelFigures: (key, version) => json(`/models/${id(key)}/versions/${version}/statistics`),
        validateModel: xml => post('/models/validate', { xml }),
        deployModel: (key, body) => post(`/models/${id(key)}/deployments`, body),
        modelDiff: (key, from, to) => json(`/models/${id(key)}/diff${queryOf({ from, to })}`),
        modelDiffOfXml: (key, from, xml) => post(`/models/${id(key)}/diff`, { from, xml }),
        activityCases: (key, version, activityId) =>
            json(`/models/${id(key)}/versions/${version}/activities/${id(activityId)}/cases`),
        modelCatalog: key => json(`/models/${id(key)}/catalog`),
        migrationPreview: (key, from, to) => json(`/models/${id(key)}/migration${queryOf({ from, to })}`),
        migrate: (key, body) => post(`/models/${id(key)}/migration`, body),
        search: query => json(`/search${queryOf(query)}`),
        searchIndexStatus: () => json('/search/status'),
        rebuildSearchIndex: () => post('/search/reindex'),
    };
};
