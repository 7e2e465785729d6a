import type {
    Appointment,
    BundleDetail,
    DrawCandidate,
    EnterpriseCredit,
    Me,
    SupervisionDraw,
    SupervisionPush,
    DeadlineView,
    InspectionRecord,
    InspectionSummary,
    Licence,
    ModelVersion,
    Rating,
    Rectification,
    SearchAnswer,
    SearchResult,
    Task,
} from '../types';

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
        { code: 'multipleBirth', label: '是否多胞胎', type: 'select', options: ['否', '是'], required: false },
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
        {
            code: 'birthOrderRecord',
            name: '多胞胎出生顺序记录',
            accept: ['application/pdf'],
            maxSizeMb: 10,
            requiredBy: ['birthCertificate'],
            when: { field: 'multipleBirth', in: ['是'] },
        },
    ],
    items: [
        {
            code: 'birthCertificate',
            name: '出生医学证明',
            department: 'hospital',
            departmentName: '助产机构',
            promisedDays: 1,
            dependsOn: [],
            fields: ['applicantName', 'applicantPhone', 'babyGender', 'birthDate', 'multipleBirth'],
            materials: ['deliveryRecord', 'birthOrderRecord'],
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
    inspectionId: null,
    assigneeName: null,
    owner: null,
    delegation: null,
    bulkApprove: false,
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

/** 职业健康一件事（放射诊疗）, shortened: an enterprise bundle with a joint inspection, three licences, a licence-backed material. */
export const occupationalHealthBundle: BundleDetail = {
    id: 'occupational-health',
    code: 'occupational-health',
    name: '职业健康一件事（放射诊疗）',
    description: '医疗机构开展放射诊疗工作，一表申请、一套材料',
    applicant: 'enterprise',
    promisedDays: 15,
    fields: [
        { code: 'enterpriseName', label: '医疗机构名称', type: 'text', required: true, prefill: 'name' },
        { code: 'creditCode', label: '统一社会信用代码', type: 'creditCode', required: true, prefill: 'credit_code' },
        { code: 'institutionAddress', label: '执业地址（踏勘地点）', type: 'text', required: true },
    ],
    materials: [
        {
            code: 'medicalInstitutionLicence',
            name: '医疗机构执业许可证',
            accept: ['application/pdf'],
            maxSizeMb: 10,
            requiredBy: ['radiationDiagnosis'],
            licence: 'medicalInstitutionLicence',
        },
        { code: 'environmentReport', name: '环境影响评价文件', accept: ['application/pdf'], maxSizeMb: 10, requiredBy: ['radiationSafety'], licence: null },
    ],
    items: [
        {
            code: 'radiationDiagnosis',
            name: '放射诊疗许可',
            department: 'health',
            departmentName: '卫生健康委',
            promisedDays: 5,
            dependsOn: [],
            fields: ['enterpriseName', 'creditCode', 'institutionAddress'],
            materials: ['medicalInstitutionLicence'],
            commitment: false,
        },
        {
            code: 'radiationSafety',
            name: '辐射安全许可证',
            department: 'ecology',
            departmentName: '生态环境局',
            promisedDays: 5,
            dependsOn: [],
            fields: ['enterpriseName', 'creditCode'],
            materials: ['environmentReport'],
            commitment: false,
        },
    ],
    inspections: [
        { code: 'siteInspection', name: '联合现场踏勘', leadDepartmentName: '卫生健康委', departmentNames: ['卫生健康委', '生态环境局'], limitDays: 8 },
    ],
    licences: [
        { code: 'radiationDiagnosisLicence', name: '放射诊疗许可证', departmentName: '卫生健康委', validYears: 5, replaces: [] },
        { code: 'radiationSafetyLicence', name: '辐射安全许可证', departmentName: '生态环境局', validYears: 5, replaces: [] },
    ],
};

/** 医疗机构执业许可（一业一证）: one 多证合一 licence. */
export const medicalInstitutionLicence = {
    code: 'medicalInstitutionLicence',
    name: '医疗机构执业许可证（多证合一）',
    departmentName: '卫生健康委',
    validYears: 5,
    replaces: ['医疗机构执业许可证', '放射诊疗许可证', '辐射安全许可证'],
};

/** 公共场所卫生许可（告知承诺）: one commitment item, no materials, one commitment field. */
export const hygieneBundle: BundleDetail = {
    id: 'public-venue-hygiene',
    code: 'public-venue-hygiene',
    name: '公共场所卫生许可（告知承诺）',
    description: '填写一张表并签署告知承诺书，当场准予许可',
    applicant: 'enterprise',
    promisedDays: 1,
    fields: [
        { code: 'enterpriseName', label: '单位名称', type: 'text', required: true, prefill: 'name' },
        { code: 'creditCode', label: '统一社会信用代码', type: 'creditCode', required: true, prefill: 'credit_code' },
        { code: 'venueName', label: '场所名称', type: 'text', required: true },
        {
            code: 'commitment',
            label: '告知承诺书',
            type: 'commitment',
            required: true,
            text: '本单位已知晓公共场所卫生许可的条件和要求，承诺所填信息和场所情况真实。如有不实，愿意承担撤销许可等法律责任。',
        },
    ],
    materials: [],
    items: [
        {
            code: 'hygienePermit',
            name: '公共场所卫生许可',
            department: 'health',
            departmentName: '卫生健康委',
            promisedDays: 1,
            dependsOn: [],
            fields: ['enterpriseName', 'creditCode', 'venueName', 'commitment'],
            materials: [],
            commitment: true,
        },
    ],
    inspections: [
        { code: 'postCheck', name: '事后核查', leadDepartmentName: '卫生健康监督所', departmentNames: ['卫生健康监督所'], limitDays: 20 },
    ],
    licences: [{ code: 'hygieneLicence', name: '公共场所卫生许可证', departmentName: '卫生健康委', validYears: 4, replaces: [] }],
};

/**
 * A joint inspection of 职业健康一件事 as GET /api/inspections gives it: proposed by 卫生健康委 for
 * 2026-11-25 09:30 Beijing time, waiting for 生态环境局 to confirm (the user's step when `mine`).
 */
export const inspectionSummary = (overrides: Partial<InspectionSummary> = {}): InspectionSummary => ({
    id: 'i1',
    caseId: 'c7',
    caseNumber: 'YJS-20261118-0007',
    bundleCode: 'occupational-health',
    bundleName: '职业健康一件事（放射诊疗）',
    code: 'siteInspection',
    name: '联合现场踏勘',
    enterprise: '康宁口腔医院有限公司',
    status: 'CONFIRMING',
    statusName: '确认踏勘时间',
    round: 1,
    visitAt: '2026-11-25T01:30:00Z',
    visitPlace: '杭州市西湖区文三路 90 号',
    lead: { code: 'health', name: '卫生健康委' },
    departments: [
        { code: 'ecology', name: '生态环境局' },
        { code: 'health', name: '卫生健康委' },
    ],
    deadline: deadlineView({ limitDays: 8, dueDate: '2026-11-30', elapsedDays: 3, remainingDays: 5 }),
    result: null,
    rectifyBy: null,
    openSteps: [
        { step: 'confirmVisit', stepName: '确认踏勘时间', department: 'ecology', departmentName: '生态环境局', taskId: null },
    ],
    // both departments publish teams, but the lead proposed first: no booking now
    booking: {
        open: false,
        day: null,
        halfDay: null,
        time: null,
        changeable: false,
        changeUntil: null,
        place: '杭州市西湖区文三路 90 号',
    },
    ...overrides,
});

/** The page of an inspection (GET /api/inspections/{id}, flattened): the proposal so far, no findings yet. */
export const inspectionRecord = (overrides: Partial<InspectionRecord> = {}): InspectionRecord => ({
    ...inspectionSummary(),
    visitNote: '请携带放射防护检测报告原件',
    summary: null,
    rectifyBy: null,
    answers: [
        {
            proposalNo: 1,
            department: 'health',
            departmentName: '卫生健康委',
            kind: 'PROPOSED',
            visitAt: '2026-11-25T01:30:00Z',
            place: '杭州市西湖区文三路 90 号',
            note: '请携带放射防护检测报告原件',
            answeredBy: '卫健委王科长',
            answeredAt: '2026-11-20T02:00:00Z',
        },
    ],
    findings: [],
    ...overrides,
});

/** The detail as the API sends it: the summary under `inspection`. */
export const inspectionDetailBody = (record: InspectionRecord) => {
    const { visitNote, summary, rectifyBy, answers, findings, ...inspection } = record;
    return { inspection, visitNote, summary, rectifyBy, answers, findings };
};

/** A licence of GET /api/licences: 医疗机构执业许可证（多证合一） of 康宁口腔, valid. */
export const licenceView = (overrides: Partial<Licence> = {}): Licence => ({
    id: 'ZJ-WJ-2026-000001',
    number: 'ZJ-WJ-2026-000001',
    licenceCode: 'medicalInstitutionLicence',
    licenceName: '医疗机构执业许可证（多证合一）',
    caseId: 'c7',
    bundleCode: 'medical-institution',
    holderName: '康宁口腔门诊部',
    holderCreditCode: '91330106MA2KXXXX1T',
    scope: '口腔科、医学影像科',
    department: 'health',
    departmentName: '卫生健康委',
    supervisor: 'hsupervision',
    supervisorName: '卫生健康监督所',
    validFrom: '2026-11-28',
    validUntil: '2031-11-27',
    status: 'VALID',
    revokedAt: null,
    revokedReason: null,
    replaces: ['医疗机构执业许可证', '放射诊疗许可证', '辐射安全许可证'],
    supervision: null,
    issuedAt: '2026-11-28T02:00:00Z',
    ...overrides,
});

/** GET /api/me of an officer of 卫生健康监督所 (the supervising department of licenceView). */
export const supervisionOfficer = (overrides: Partial<Me> = {}): Me => ({
    id: 'u-zhao',
    username: 'officer-hsupervision',
    name: '赵科长',
    roles: ['officer'],
    departments: [{ code: 'hsupervision', name: '卫生健康监督所' }],
    ...overrides,
});

/** A row of GET /api/supervision/queue: licenceView pushed to 卫生健康监督所, pending, 2 working days left. */
export const pushView = (overrides: Partial<SupervisionPush> = {}): SupervisionPush => ({
    id: 'p1',
    licenceNumber: 'ZJ-WJ-2026-000001',
    licenceName: '医疗机构执业许可证（多证合一）',
    holderName: '康宁口腔门诊部',
    creditCode: '91330106MA2KXXXX1T',
    caseId: 'c7',
    department: 'hsupervision',
    departmentName: '卫生健康监督所',
    pushedAt: '2026-11-28T02:00:00Z',
    claimDays: 5,
    claimDue: '2026-12-04',
    light: 'GREEN',
    remainingDays: 2,
    status: 'PENDING',
    claimedBy: null,
    claimedByMe: false,
    claimedAt: null,
    result: null,
    comment: null,
    reportedAt: null,
    escalatedAt: null,
    ...overrides,
});

/** An enterprise's credit (GET /api/enterprises/credit, /enterprises/me/credit): 康宁口腔, B after a 限期整改. */
export const creditView = (overrides: Partial<EnterpriseCredit> = {}): EnterpriseCredit => ({
    id: 'h-kangning',
    holderId: 'h-kangning',
    name: '康宁口腔门诊部',
    creditCode: '91330106MA2KXXXX1T',
    grade: 'B',
    events: [
        {
            kind: 'SUPERVISION',
            result: 'CONDITIONS',
            falseCommitment: false,
            summary: '消毒记录不全，限期 10 日整改',
            caseId: 'c7',
            licenceNumber: 'ZJ-WJ-2026-000001',
            recordedBy: '赵科长',
            occurredAt: '2026-12-05T02:00:00Z',
        },
    ],
    ...overrides,
});

export const drawCandidate = (overrides: Partial<DrawCandidate> = {}): DrawCandidate => ({
    holderId: 'h-kangning',
    name: '康宁口腔门诊部',
    creditCode: '91330106MA2KXXXX1T',
    grade: 'A',
    weight: 1,
    ...overrides,
});

/** A 双随机 draw of 2 among 3 holders (A, C, D), seed 42. */
export const drawView = (overrides: Partial<SupervisionDraw> = {}): SupervisionDraw => {
    const a = drawCandidate();
    const c = drawCandidate({ holderId: 'h-lvyuan', name: '绿源餐饮', creditCode: '91330106MA2KYYYY2U', grade: 'C', weight: 4 });
    const d = drawCandidate({ holderId: 'h-hengda', name: '恒达诊所', creditCode: null, grade: 'D', weight: 8 });
    return {
        id: 'd1',
        drawnBy: '钱处长',
        drawnAt: '2026-12-07T02:00:00Z',
        seed: 42,
        department: null,
        departmentName: null,
        count: 2,
        population: [a, c, d],
        drawn: [d, c],
        ...overrides,
    };
};

/** A version of GET /api/models/{key}/versions: v1 shipped with the platform unless told otherwise. */
export const modelVersion = (overrides: Partial<ModelVersion> = {}): ModelVersion => ({
    key: 'birth',
    name: '出生一件事',
    version: 1,
    processDefinitionId: `birth:${overrides.version ?? 1}:abc`,
    deployedAt: '2026-11-01T09:00:00+08:00',
    deployedBy: '系统（随平台发布）',
    comment: null,
    overrideReason: null,
    running: 0,
    ...overrides,
});

/** A small model: a user task with its camunda attributes and a task listener. */
export const birthModelXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="defs" targetNamespace="http://onething.cn/bpmn">
  <bpmn:process id="birth" name="出生一件事" isExecutable="true" camunda:historyTimeToLive="P3650D">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="birthCertificate" name="出生医学证明" camunda:candidateGroups="hospital" camunda:dueDate="\${deadlines.due(execution)}">
      <bpmn:extensionElements><camunda:taskListener event="timeout" id="warning" delegateExpression="\${deadlineWarning}"><bpmn:timerEventDefinition id="warningTimer"><bpmn:timeDate xsi:type="bpmn:tFormalExpression" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\${deadlines.warnAt(execution)}</bpmn:timeDate></bpmn:timerEventDefinition></camunda:taskListener></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="birthCertificate" />
    <bpmn:sequenceFlow id="f2" sourceRef="birthCertificate" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

/** A result of GET /api/search: citizen1's 出生一件事 case, its title highlighted. */
export const searchResult = (overrides: Partial<SearchResult> = {}): SearchResult => ({
    type: 'case',
    typeLabel: '办件',
    id: 'c1',
    title: '出生一件事 YJS-20261120-0001',
    summary: '申请人 张* · 5 个事项',
    highlights: ['<em>出生</em>一件事 YJS-20261120-0001'],
    caseId: 'c1',
    caseNumber: 'YJS-20261120-0001',
    bundleName: '出生一件事',
    status: 'IN_PROGRESS',
    departmentNames: ['助产机构', '公安户政'],
    at: '2026-11-20T10:00:00+08:00',
    ...overrides,
});

/** An answer of GET /api/search with these results, its type facet counting them, the other facets empty. */
export const searchAnswer = (items: SearchResult[], overrides: Partial<SearchAnswer> = {}): SearchAnswer => {
    const types = [...new Set(items.map(item => item.type))];
    return {
        items,
        total: items.length,
        page: 0,
        size: 20,
        facets: {
            type: types.map(type => ({
                value: type,
                label: items.find(item => item.type === type)!.typeLabel,
                count: items.filter(item => item.type === type).length,
            })),
            department: [],
            status: [],
            bundle: [],
        },
        degraded: false,
        ...overrides,
    };
};

/** A booking of 领取纸质《出生医学证明》 as the API gives it. */
export const bookedAppointment = (overrides: Partial<Appointment> = {}): Appointment => ({
    id: 41,
    caseId: 'c1',
    itemCode: 'birthCertificate',
    purpose: '领取纸质《出生医学证明》',
    departmentName: '助产机构',
    place: '市第一人民医院门诊楼一楼 出生医学证明办理处',
    day: '2026-12-09',
    halfDay: 'PM',
    time: '下午 13:30–17:00',
    queueNumber: 3,
    window: 1,
    status: 'BOOKED',
    changeable: true,
    changeUntil: '2026-12-08T18:00:00+08:00',
    bookedAt: '2026-12-07T10:00:00+08:00',
    ...overrides,
});
