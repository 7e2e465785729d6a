import type { BundleDetail } from '../types';

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
