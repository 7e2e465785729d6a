import {
    type DataProvider,
    HttpError,
    type Identifier,
    useDataProvider,
} from 'react-admin';
import type {
    CaseDetail,
    Decision,
    DiagramState,
    Me,
    Prefill,
    Problem,
    SupplementAnswer,
    Task,
    UploadedMaterial,
} from './types';

/** The backend's own actions, next to react-admin's CRUD methods. */
export interface OneThingDataProvider extends DataProvider {
    me(): Promise<Me>;
    prefill(bundleCode: Identifier): Promise<Prefill>;
    uploadMaterial(
        file: File,
        onProgress?: (fraction: number) => void
    ): Promise<UploadedMaterial>;
    downloadMaterial(materialId: Identifier): Promise<Blob>;
    supplement(caseId: Identifier, answer: SupplementAnswer): Promise<CaseDetail>;
    caseDiagram(caseId: Identifier): Promise<DiagramState>;
    claimTask(taskId: Identifier): Promise<Task>;
    completeTask(taskId: Identifier, decision: Decision): Promise<void>;
}

export const useOneThingDataProvider = () =>
    useDataProvider<OneThingDataProvider>();

const ACCEPT = 'application/json, application/problem+json';

/** A validation problem's errors by field (or material) code, as react-admin forms show them next to each input. */
const fieldErrors = (errors: NonNullable<Problem['errors']>, summary: string) => {
    const byField: Record<string, string> = {};
    for (const { field, message } of errors) {
        byField[field] = byField[field] ? `${byField[field]}；${message}` : message;
    }
    return { ...byField, root: { serverError: summary } };
};

/**
 * Turns an error response into react-admin's HttpError: the message is the problem's detail (Chinese, from the
 * backend); the body keeps the problem and, for a validation problem, `errors` by field, which react-admin's
 * forms put next to each input (several messages for one field are joined).
 */
export const problemToError = (status: number, problem?: Problem): HttpError => {
    const text = problem?.detail ?? problem?.title;
    // the backend writes bilingual texts as "中文 / English": the UI shows the Chinese half
    const message = text
        ? text.split(' / ')[0]
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

// records are the API's JSON; react-admin needs an id: a bundle is known by its code
const withId = (record: any) => ({ ...record, id: record.id ?? record.code });

const unsupported = () => Promise.reject(new Error('不支持的操作'));

/**
 * The dataProvider of the backend's REST API. `getToken` gives the current access token, sent as
 * `Authorization: Bearer` on every call. Lists are paged 0-based: `page`, `size`, `sort`, `order`.
 */
export const createDataProvider = (
    getToken: () => Promise<string | undefined>,
    apiUrl: string
): OneThingDataProvider => {
    const send = async (path: string, init: RequestInit = {}) => {
        const headers = new Headers(init.headers);
        if (!headers.has('Accept')) headers.set('Accept', ACCEPT);
        const token = await getToken();
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
    const id = (value: Identifier) => encodeURIComponent(String(value));

    return {
        getList: async (resource, { pagination, sort, filter }) => {
            const query = new URLSearchParams(filter);
            if (pagination) {
                query.set('page', String(pagination.page - 1));
                query.set('size', String(pagination.perPage));
            }
            if (sort?.field) {
                query.set('sort', sort.field);
                query.set('order', sort.order.toLowerCase());
            }
            const body = await json(`/${resource}?${query}`);
            // departments and bundles come as a plain array, the other lists as a page
            const items = Array.isArray(body) ? body : body.items;
            return {
                data: items.map(withId),
                total: Array.isArray(body) ? body.length : body.total,
            };
        },
        getOne: async (resource, params) => {
            const body = await json(`/${resource}/${id(params.id)}`);
            // a task comes with the case it belongs to
            return { data: resource === 'tasks' ? { ...body.task, case: body.caseFile } : withId(body) };
        },
        create: async (resource, { data }) => ({
            data: withId(await post(`/${resource}`, data)),
        }),
        getMany: unsupported,
        getManyReference: unsupported,
        update: unsupported,
        updateMany: unsupported,
        delete: unsupported,
        deleteMany: unsupported,

        me: () => json('/me'),
        prefill: bundleCode => json(`/bundles/${id(bundleCode)}/prefill`),
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
            withId(await post(`/cases/${id(caseId)}/supplements`, answer)),
        caseDiagram: caseId => json(`/cases/${id(caseId)}/diagram`),
        claimTask: taskId => post(`/tasks/${id(taskId)}/claim`),
        completeTask: async (taskId, decision) => {
            await post(`/tasks/${id(taskId)}/complete`, decision);
        },
    };
};
