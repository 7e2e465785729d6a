import { HttpError } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider, problemToError } from './dataProvider';
import { fakeFetch, inspectionDetailBody, inspectionRecord, ratingView } from './test/fixtures';

const provider = () => createDataProvider(async () => 'token-123', '/api');

describe('dataProvider', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('asks for a 0-based page with size, sort and order, and reads {items, total}', async () => {
        const { fetch, requests } = fakeFetch({
            'GET /api/tasks': { body: { items: [{ id: 't1', name: '出生登记' }], total: 41 } },
        });
        vi.stubGlobal('fetch', fetch);

        const result = await provider().getList('tasks', {
            pagination: { page: 3, perPage: 20 },
            sort: { field: 'due', order: 'DESC' },
            filter: {},
        });

        const url = new URL(requests[0].url, 'http://localhost');
        expect(url.pathname).toBe('/api/tasks');
        expect(Object.fromEntries(url.searchParams)).toEqual({ page: '2', size: '20', sort: 'due', order: 'desc' });
        expect(requests[0].headers.get('Authorization')).toBe('Bearer token-123');
        expect(result).toEqual({ data: [{ id: 't1', name: '出生登记' }], total: 41 });
    });

    it('pages on through an inbox of more than 1000 tasks without a total, which the server no longer counts', async () => {
        const page = Array.from({ length: 20 }, (_, i) => ({ id: `t${i}`, name: '预防接种' }));
        vi.stubGlobal('fetch', fakeFetch({ 'GET /api/tasks': { body: { items: page, total: 1001 } } }).fetch);

        const result = await provider().getList('tasks', {
            pagination: { page: 2, perPage: 20 },
            sort: { field: 'urgency', order: 'ASC' },
            filter: {},
        });

        expect(result.total).toBeUndefined();
        expect(result.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true });
        expect(result.data).toHaveLength(20);
    });

    it('reads a plain array and gives a bundle its code as id', async () => {
        vi.stubGlobal('fetch', fakeFetch({ 'GET /api/bundles': { body: [{ code: 'birth', name: '出生一件事' }] } }).fetch);

        const result = await provider().getList('bundles', {
            pagination: { page: 1, perPage: 100 },
            sort: { field: 'id', order: 'ASC' },
            filter: {},
        });

        expect(result).toEqual({ data: [{ id: 'birth', code: 'birth', name: '出生一件事' }], total: 1 });
    });

    it('gives a task with its case and what the user may do as one record', async () => {
        vi.stubGlobal(
            'fetch',
            fakeFetch({
                'GET /api/tasks/t1': {
                    body: {
                        task: { id: 't1', itemCode: 'x' },
                        caseFile: { id: 'c1' },
                        actions: ['claim', 'cc'],
                        countersigns: [],
                    },
                },
            }).fetch
        );

        const { data } = await provider().getOne('tasks', { id: 't1' });

        expect(data).toEqual({
            id: 't1',
            itemCode: 'x',
            case: { id: 'c1' },
            actions: ['claim', 'cc'],
            countersigns: [],
        });
    });

    it("asks for an inbox tab with its filters, the tabs' counts, runs a bulk action and deletes a saved view", async () => {
        const { fetch, requests } = fakeFetch({
            'GET /api/tasks': { body: { items: [], total: 0 } },
            'GET /api/tasks/counts': { body: { mine: 1, unclaimed: 2, department: null, cc: 0, done: 3 } },
            'POST /api/tasks/bulk': { body: { results: [{ taskId: 't1', ok: true, status: 200 }] } },
            'DELETE /api/task-views/7': { status: 204 },
        });
        vi.stubGlobal('fetch', fetch);

        await provider().getList('tasks', {
            pagination: { page: 1, perPage: 10 },
            sort: { field: 'urgency', order: 'ASC' },
            filter: { view: 'unclaimed', bundle: 'birth', dueFrom: '2026-11-01', applicant: '' },
        });
        const counts = await provider().taskCounts({ light: 'RED' });
        const results = await provider().bulkTasks({ action: 'claim', taskIds: ['t1'] });
        await provider().delete('task-views', { id: 7, previousData: { id: 7 } });

        expect(requests.map(({ method, url }) => `${method} ${url}`)).toEqual([
            'GET /api/tasks?view=unclaimed&bundle=birth&dueFrom=2026-11-01&page=0&size=10&sort=urgency',
            'GET /api/tasks/counts?light=RED',
            'POST /api/tasks/bulk',
            'DELETE /api/task-views/7',
        ]);
        expect(counts.done).toBe(3);
        expect(results).toEqual([{ taskId: 't1', ok: true, status: 200 }]);
    });

    it('gives an inspection with its answers and findings as one record', async () => {
        const record = inspectionRecord();
        vi.stubGlobal('fetch', fakeFetch({ 'GET /api/inspections/i1': { body: inspectionDetailBody(record) } }).fetch);

        const { data } = await provider().getOne('inspections', { id: 'i1' });

        expect(data).toEqual(record);
    });

    it('gives a licence its number as id', async () => {
        vi.stubGlobal('fetch', fakeFetch({ 'GET /api/licences': { body: { items: [{ number: 'ZJ-1' }], total: 1 } } }).fetch);

        const { data } = await provider().getList('licences', {
            pagination: { page: 1, perPage: 10 },
            sort: { field: 'issuedAt', order: 'DESC' },
            filter: {},
        });

        expect(data).toEqual([{ id: 'ZJ-1', number: 'ZJ-1' }]);
    });

    it('asks for the public verification of a licence without the token', async () => {
        const { fetch, requests } = fakeFetch({ 'GET /api/licences/ZJ-1/verify': { body: { number: 'ZJ-1', status: 'VALID' } } });
        vi.stubGlobal('fetch', fetch);

        expect(await provider().verifyLicence('ZJ-1')).toEqual({ number: 'ZJ-1', status: 'VALID' });
        expect(requests[0].headers.has('Authorization')).toBe(false);
    });

    it('turns a validation problem into an HttpError with the errors by field, for the form', async () => {
        const problem = {
            type: 'about:blank',
            title: '提交的内容有误 / Invalid request',
            status: 400,
            detail: '共 3 处需要修改 / 3 problem(s) to fix',
            errors: [
                { field: 'birthDate', rule: 'required', message: '请填写出生日期' },
                { field: 'deliveryRecord', rule: 'required', message: '请上传分娩记录' },
                { field: 'birthDate', rule: 'past', message: '不能晚于今天' },
            ],
        };
        const { fetch, requests } = fakeFetch({ 'POST /api/cases': { status: 400, body: problem } });
        vi.stubGlobal('fetch', fetch);

        const error = await provider()
            .create('cases', { data: { bundleCode: 'birth', form: {}, materials: {} } })
            .catch(e => e);

        expect(requests[0].headers.get('Content-Type')).toBe('application/json');
        expect(error).toBeInstanceOf(HttpError);
        expect(error.status).toBe(400);
        expect(error.message).toBe('共 3 处需要修改');
        expect(error.body.problem).toEqual(problem);
        expect(error.body.errors).toEqual({
            root: { serverError: '共 3 处需要修改' },
            birthDate: '请填写出生日期；不能晚于今天',
            deliveryRecord: '请上传分娩记录',
        });
    });

    it('keeps a conflict as a message only', async () => {
        vi.stubGlobal(
            'fetch',
            fakeFetch({
                'POST /api/tasks/t1/complete': { status: 409, body: { status: 409, title: 'Conflict', detail: '该任务已由他人办理' } },
            }).fetch
        );

        const error = await provider().completeTask('t1', { decision: 'approve' }).catch(e => e);

        expect(error.status).toBe(409);
        expect(error.message).toBe('该任务已由他人办理');
        expect(error.body.errors).toBeUndefined();
    });

    it('shows the Chinese half of a bilingual text, keeping a " / " inside the Chinese', () => {
        const message = (detail: string) => problemToError(409, { status: 409, detail }).message;
        expect(message('请修改后再提交 / Invalid request')).toBe('请修改后再提交');
        expect(message('索引正在重建中（已完成 1 / 4），请等待完成')).toBe('索引正在重建中（已完成 1 / 4），请等待完成');
        expect(message('第 1 / 2 页有误 / Page 1 / 2 is wrong')).toBe('第 1 / 2 页有误');
    });

    it('falls back to a translated message when the error has no problem body', () => {
        expect(problemToError(403).message).toBe('ra.notification.not_authorized');
        expect(problemToError(502).message).toBe('ra.notification.http_error');
    });

    it("lists a manager's items near or past their deadline from /deadlines/items, unsorted, one id per item", async () => {
        const { fetch, requests } = fakeFetch({
            'GET /api/deadlines/items': {
                body: { items: [{ caseId: 'c1', itemCode: 'household', caseNumber: 'YJS-1', light: 'RED' }], total: 1 },
            },
        });
        vi.stubGlobal('fetch', fetch);

        const { data } = await provider().getList('deadlineItems', {
            pagination: { page: 1, perPage: 20 },
            sort: { field: 'id', order: 'ASC' },
            filter: { light: 'RED', department: 'police' },
        });

        const url = new URL(requests[0].url, 'http://localhost');
        expect(url.pathname).toBe('/api/deadlines/items');
        expect(Object.fromEntries(url.searchParams)).toEqual({
            light: 'RED',
            department: 'police',
            page: '0',
            size: '20',
        });
        expect(data[0].id).toBe('c1:household');
    });

    it('asks for notifications without a sort (the backend has none) and leaves out an empty filter', async () => {
        const { fetch, requests } = fakeFetch({
            'GET /api/notifications': { body: { items: [{ id: 12 }], total: 1 } },
        });
        vi.stubGlobal('fetch', fetch);

        await provider().getList('notifications', {
            pagination: { page: 1, perPage: 10 },
            sort: { field: 'id', order: 'ASC' },
            filter: { unread: true, kind: '' },
        });

        expect(requests[0].url).toBe('/api/notifications?unread=true&page=0&size=10');
    });

    it('reads the calendar years by year, and stores a new year with PUT at its year', async () => {
        const year = { year: 2027, source: '国办发明电', origin: 'database', holidays: [] };
        const { fetch, requests } = fakeFetch({
            'GET /api/calendar': { body: [{ ...year, year: 2026, origin: 'file' }] },
            'PUT /api/calendar/2027': { body: year },
        });
        vi.stubGlobal('fetch', fetch);

        const list = await provider().getList('calendar', {
            pagination: { page: 1, perPage: 100 },
            sort: { field: 'id', order: 'ASC' },
            filter: {},
        });
        const created = await provider().create('calendar', {
            data: { year: 2027, source: '国办发明电', holidays: [] },
        });

        expect(requests[0].url).toBe('/api/calendar');
        expect(list.data[0].id).toBe(2026);
        expect(requests[1]).toMatchObject({
            method: 'PUT',
            url: '/api/calendar/2027',
            body: { source: '国办发明电', holidays: [] },
        });
        expect(created.data.id).toBe(2027);
    });

    it('puts a nested field error ("holidays[1].worked[0]") where the form\'s array input is', () => {
        const error = problemToError(400, {
            status: 400,
            detail: '工作日历有 1 处需要修改',
            errors: [
                {
                    field: 'holidays[1].worked[0]',
                    rule: 'weekend',
                    message: '调休上班日应为周末',
                    messageEn: 'must be a weekend',
                },
            ],
        });

        expect(error.body.errors).toEqual({
            root: { serverError: '工作日历有 1 处需要修改' },
            'holidays.1.worked.0': '调休上班日应为周末',
        });
    });

    it('asks the working calendar for a deadline', async () => {
        const { fetch, requests } = fakeFetch({
            'GET /api/calendar/deadline': { body: { deadline: '2026-11-25', provisional: false } },
        });
        vi.stubGlobal('fetch', fetch);

        expect(await provider().probeDeadline('2026-11-20', 3)).toEqual({ deadline: '2026-11-25', provisional: false });
        expect(requests[0].url).toBe('/api/calendar/deadline?start=2026-11-20&workingDays=3');
    });

    it('lists the rectifications without a sort, and reads one of them as the rating it is', async () => {
        const { fetch, requests } = fakeFetch({
            'GET /api/rectifications': { body: { items: [ratingView()], total: 1 } },
            'GET /api/ratings/r1': { body: ratingView() },
        });
        vi.stubGlobal('fetch', fetch);

        const list = await provider().getList('rectifications', {
            pagination: { page: 1, perPage: 10 },
            sort: { field: 'id', order: 'ASC' },
            filter: { all: true },
        });
        const { data } = await provider().getOne('rectifications', { id: 'r1' });

        expect(requests.map(request => request.url)).toEqual(['/api/rectifications?all=true&page=0&size=10', '/api/ratings/r1']);
        expect(list.total).toBe(1);
        expect(data).toEqual(ratingView());
    });

    it("rates a case, reads a case's ratings and posts a rectification's steps", async () => {
        const { fetch, requests } = fakeFetch({
            'GET /api/cases/c1/ratings': { body: [ratingView()] },
            'POST /api/cases/c1/ratings': { status: 201, body: ratingView() },
            'POST /api/ratings/r1/exclusion-review': { body: ratingView() },
        });
        vi.stubGlobal('fetch', fetch);

        expect(await provider().caseRatings('c1')).toEqual([ratingView()]);
        await provider().rate('c1', { itemCode: 'household', level: 2, reason: 'TIME_LIMIT', comment: null });
        expect(await provider().rectificationAction('r1', 'exclusion-review', { approve: true, comment: '同意' })).toEqual(
            ratingView(),
        );

        expect(requests.map(({ method, url, body }) => [method, url, body])).toEqual([
            ['GET', '/api/cases/c1/ratings', undefined],
            ['POST', '/api/cases/c1/ratings', { itemCode: 'household', level: 2, reason: 'TIME_LIMIT', comment: null }],
            ['POST', '/api/ratings/r1/exclusion-review', { approve: true, comment: '同意' }],
        ]);
    });
});
