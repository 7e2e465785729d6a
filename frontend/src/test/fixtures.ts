import type { BundleDetail, DeadlineView, Rating, Rectification, Task } from '../types';

/** A small 出生一件事: two items, one select, one date, two materials. */
export const birthBundle: BundleDetail = {
    id: 'birth',
    code: 'birth',
    name: '出生一件事',
    description: '新生儿出生后一次申请',
    promisedDays: 5,
    fields: [
        { code: 'applicantName', label: '申请人姓名', type: 'text', required: true },
        { code: 'applicantPhone', label: '联系电话', type: 'phone', required: true },
        { code: 'babyGender', label: '新生儿性别', type: 'select', options: ['男', '女'], required: true },
        { code: 'birthDate', label: '出生日期', type: 'date', required: true },
        { code: 'householdAddress', label: '户籍登记地址', type: 'text', required: true },
        { code: 'motherEmployer', label: '母亲参保单位', type: 'text', required: false },
    ],
    materials: [
        {
            code: 'deliveryRecord',
            name: '分娩记录',
            accept: ['application/pdf', 'image/jpeg'],
            maxSizeMb: 10,
            requiredBy: ['birthCertificate'],
        },
        { code: 'householdBook', name: '户口簿', accept: ['application/pdf'], maxSizeMb: 10, requiredBy: ['household'] },
    ],
    items: [
        {
            code: 'birthCertificate',
            name: '出生医学证明',
            department: 'hospital',
            departmentName: '助产机构',
            promisedDays: 1,
            dependsOn: [],
            fields: ['applicantName', 'applicantPhone', 'babyGender', 'birthDate'],
            materials: ['deliveryRecord'],
        },
        {
            code: 'household',
            name: '出生登记（户口）',
            department: 'police',
            departmentName: '公安户政',
            promisedDays: 2,
            dependsOn: ['birthCertificate'],
            fields: ['applicantName', 'householdAddress', 'motherEmployer'],
            materials: ['householdBook'],
        },
    ],
};

/** A fetch answering JSON by "METHOD path", recording every request. */
export const fakeFetch = (routes: Record<string, { status?: number; body?: unknown }>) => {
    const requests: { method: string; url: string; headers: Headers; body?: unknown }[] = [];
    const fetch = async (url: string, init: RequestInit = {}) => {
        const method = init.method ?? 'GET';
        requests.push({
            method,
            url,
            headers: new Headers(init.headers),
            body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
        });
        const route = routes[`${method} ${url.split('?')[0]}`];
        if (!route) return new Response(null, { status: 404 });
        const status = route.status ?? 200;
        return new Response(route.body === undefined ? null : JSON.stringify(route.body), {
            status,
            headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
        });
    };
    return { fetch, requests };
};

/** A deadline view as GET /api/cases/{id} gives it, running and green unless told otherwise. */
export const deadlineView = (overrides: Partial<DeadlineView> = {}): DeadlineView => ({
    limitDays: 2,
    dueDate: '2026-11-25',
    provisional: false,
    elapsedDays: 1,
    remainingDays: 1,
    light: 'GREEN',
    onTime: null,
    escalatedAt: null,
    stops: [],
    ...overrides,
});

/** An inbox row of GET /api/tasks. */
export const inboxTask = (overrides: Partial<Task> = {}): Task => ({
    id: 't1',
    name: '出生登记（户口）',
    itemCode: 'household',
    caseId: 'c1',
    caseNumber: 'YJS-20261120-0001',
    bundleName: '出生一件事',
    department: 'police',
    departmentName: '公安户政',
    applicantName: '张*',
    created: '2026-11-20T08:00:00+08:00',
    due: null,
    assignee: null,
    dueDate: '2026-11-25',
    provisional: false,
    light: 'GREEN',
    remainingDays: 3,
    escalated: false,
    ratingId: null,
    ...overrides,
});

/** A rectification as GET /api/ratings/{id} gives it: waiting for the lead's 核实, green. */
export const rectificationView = (overrides: Partial<Rectification> = {}): Rectification => ({
    status: 'VERIFYING',
    step: { code: 'verify', name: '核实', dueDate: '2026-11-27', light: 'GREEN' },
    appealableUntil: null,
    outcome: null,
    timeline: [
        { at: '2026-11-24T10:00:00+08:00', type: 'RATED', actor: '张三', message: '申请人作出差评：办理时限' },
        { at: '2026-11-24T10:00:01+08:00', type: 'ASSIGNED', actor: null, message: '已转公安户政核实' },
    ],
    ...overrides,
});

/** A rating of GET /api/ratings/{id}: 不满意 with 出生登记（户口）, still changeable, its rectification waiting for 核实. */
export const ratingView = (overrides: Partial<Rating> = {}): Rating => ({
    id: 'r1',
    caseId: 'c1',
    caseNumber: 'YJS-20261120-0001',
    bundleCode: 'birth',
    bundleName: '出生一件事',
    itemCode: 'household',
    itemName: '出生登记（户口）',
    channel: 'ITEM',
    department: 'police',
    departmentName: '公安户政',
    officer: '李警官',
    level: 2,
    bad: true,
    reason: 'TIME_LIMIT',
    comment: '等了很久',
    ratedAt: '2026-11-24T10:00:00+08:00',
    updatedAt: '2026-11-24T10:00:00+08:00',
    changeableUntil: '2099-01-01T00:00:00Z',
    mine: false,
    rectification: rectificationView(),
    ...overrides,
});
