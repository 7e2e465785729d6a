import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Notification, ResourceContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { fakeFetch, inspectionDetailBody, inspectionRecord } from '../test/fixtures';
import { authProviderWith, renderWithAdmin } from '../test/render';
import type { InspectionOpenStep, InspectionRecord } from '../types';
import { InspectionShow } from './InspectionShow';

const step = (overrides: Partial<InspectionOpenStep>): InspectionOpenStep => ({
    step: 'confirmVisit',
    stepName: '确认踏勘时间',
    department: 'ecology',
    departmentName: '生态环境局',
    taskId: null,
    ...overrides,
});

/** 生态环境局 is asked to confirm; the API gives the task to its officers only. */
const confirming = (mine: boolean) =>
    inspectionRecord({ openSteps: [step({ taskId: mine ? 'task-eco' : null })] });

const scheduling = inspectionRecord({
    status: 'SCHEDULING',
    visitAt: null,
    visitPlace: null,
    answers: [],
    openSteps: [step({ step: 'proposeVisit', stepName: '拟定踏勘时间', department: 'health', departmentName: '卫生健康委', taskId: 'task-lead' })],
});

const atVisit = inspectionRecord({
    status: 'FIXED',
    openSteps: [
        step({ step: 'recordFindings', stepName: '记录踏勘结论', taskId: 'task-rec' }),
        step({ step: 'recordFindings', stepName: '记录踏勘结论', department: 'health', departmentName: '卫生健康委' }),
    ],
});

const rectifying = inspectionRecord({
    status: 'RECTIFYING',
    result: 'CONDITIONS',
    summary: '生态环境局：有条件通过\n1. 机房防护门警示标识缺失\n2. 个人剂量计佩戴记录不全',
    rectifyBy: '2026-12-09',
    openSteps: [],
    findings: [
        {
            round: 1,
            department: 'ecology',
            departmentName: '生态环境局',
            result: 'CONDITIONS',
            resultName: '有条件通过',
            issues: ['机房防护门警示标识缺失', '个人剂量计佩戴记录不全'],
            comment: '整改后复查',
            photos: ['p1', 'p2'],
            recordedBy: '环保局李工',
            recordedAt: '2026-11-25T03:00:00Z',
        },
        {
            round: 1,
            department: 'health',
            departmentName: '卫生健康委',
            result: 'PASS',
            resultName: '通过',
            issues: [],
            comment: null,
            photos: [],
            recordedBy: '卫健委王科长',
            recordedAt: '2026-11-25T03:10:00Z',
        },
    ],
});

const renderShow = (
    inspection: InspectionRecord,
    { roles = ['officer'], departments, routes = {} }: { roles?: string[]; departments?: string[]; routes?: Parameters<typeof fakeFetch>[0] } = {},
) => {
    const { fetch, requests } = fakeFetch({ 'GET /api/inspections/i1': { body: inspectionDetailBody(inspection) }, ...routes });
    vi.stubGlobal('fetch', fetch);
    const dataProvider = createDataProvider(async () => 'token', '/api');
    dataProvider.uploadMaterial = vi.fn(async (file: File) => ({
        id: `m-${file.name}`,
        filename: file.name,
        contentType: file.type,
        size: file.size,
        sha256: 'x',
    }));
    renderWithAdmin(
        <>
            <ResourceContextProvider value="inspections">
                <Routes>
                    <Route path="/inspections/:id/show" element={<InspectionShow />} />
                </Routes>
            </ResourceContextProvider>
            <Notification />
        </>,
        { dataProvider, authProvider: authProviderWith(roles, departments), path: '/inspections/i1/show' },
    );
    const posts = () => requests.filter(request => request.method === 'POST');
    const loads = () => requests.filter(request => request.url === '/api/inspections/i1').length;
    return { posts, loads };
};

/** The detail a POST answers with. */
const answer = (inspection: InspectionRecord) => ({ body: inspectionDetailBody(inspection) });

describe('a site inspection (联合踏勘)', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('shows the inspection: departments, status, visit in Beijing time, its limit and the proposal so far', async () => {
        renderShow(confirming(false), { departments: ['/health'] });
        expect(await screen.findByText('康宁口腔医院有限公司')).toBeInTheDocument();
        expect(screen.getByText('卫生健康委（牵头部门）、生态环境局')).toBeInTheDocument();
        expect(screen.getAllByText('确认踏勘时间').length).toBeGreaterThan(0);
        // in the facts and in the proposal
        expect(screen.getAllByText('2026-11-25 09:30')).toHaveLength(2);
        expect(screen.getByText('第 1 轮')).toBeInTheDocument();
        const limit = screen.getByRole('region', { name: '踏勘时限' });
        expect(within(limit).getByText('8 个工作日')).toBeInTheDocument();
        expect(within(limit).getByText('2026-11-30（剩余 5 个工作日）')).toBeInTheDocument();
        const answers = screen.getByRole('region', { name: '踏勘时间协商' });
        const [proposal] = within(answers).getAllByRole('row').slice(1);
        expect(proposal).toHaveTextContent('卫生健康委');
        expect(proposal).toHaveTextContent('拟定');
        expect(proposal).toHaveTextContent('2026-11-25 09:30');
        expect(proposal).toHaveTextContent('卫健委王科长');
        expect(screen.getByText('尚未记录踏勘结论')).toBeInTheDocument();
    });

    it('offers the confirmation only to the department whose step is open', async () => {
        renderShow(confirming(false), { departments: ['/health'] });
        expect(await screen.findByText('等待生态环境局确认踏勘时间')).toBeInTheDocument();
        expect(screen.queryByRole('heading', { name: /^办理：/ })).not.toBeInTheDocument();
        expect(screen.queryByRole('button', { name: '提交答复' })).not.toBeInTheDocument();
    });

    it('确认: 生态环境局 accepts the proposed time', async () => {
        const user = userEvent.setup();
        const { posts, loads } = renderShow(confirming(true), {
            departments: ['/ecology'],
            routes: { 'POST /api/inspections/i1/confirmation': answer(inspectionRecord({ status: 'FIXED', openSteps: [] })) },
        });
        const form = await screen.findByRole('region', { name: '办理：确认踏勘时间（生态环境局）' });
        expect(form).toHaveTextContent('拟定的踏勘时间：2026-11-25 09:30，地点：杭州市西湖区文三路 90 号');
        expect(screen.queryByText(/^等待/)).not.toBeInTheDocument();

        await user.click(within(form).getByRole('button', { name: '提交答复' }));
        expect(await within(form).findByText('必填')).toBeInTheDocument();
        expect(posts()).toHaveLength(0);

        await user.click(within(form).getByRole('radio', { name: '确认该时间' }));
        await user.click(within(form).getByRole('button', { name: '提交答复' }));

        await waitFor(() => expect(posts()).toHaveLength(1));
        expect(posts()[0].url).toBe('/api/inspections/i1/confirmation');
        expect(posts()[0].body).toEqual({ department: 'ecology', accept: true });
        expect(await screen.findByText('答复已提交')).toBeInTheDocument();
        await waitFor(() => expect(loads()).toBeGreaterThan(1));
    });

    it('确认: or proposes another time (Beijing time, with its offset)', async () => {
        const user = userEvent.setup();
        const { posts } = renderShow(confirming(true), {
            departments: ['/ecology'],
            routes: { 'POST /api/inspections/i1/confirmation': answer(scheduling) },
        });
        const form = await screen.findByRole('region', { name: '办理：确认踏勘时间（生态环境局）' });
        await user.click(within(form).getByRole('radio', { name: '另提时间' }));
        fireEvent.change(within(form).getByLabelText(/建议的踏勘时间/), { target: { value: '2026-11-26T14:00' } });
        await user.type(within(form).getByRole('textbox', { name: '说明' }), '25 日另有执法任务');
        await user.click(within(form).getByRole('button', { name: '提交答复' }));

        await waitFor(() => expect(posts()).toHaveLength(1));
        expect(posts()[0].body).toEqual({
            department: 'ecology',
            accept: false,
            visitAt: '2026-11-26T14:00:00+08:00',
            note: '25 日另有执法任务',
        });
    });

    it("拟定: the lead proposes time and place; the server's refusal of the time shows at the input", async () => {
        const user = userEvent.setup();
        const { posts } = renderShow(scheduling, {
            departments: ['/health'],
            routes: {
                'POST /api/inspections/i1/proposal': {
                    status: 400,
                    body: {
                        status: 400,
                        title: '请求有误 / Invalid request',
                        detail: '有 1 处需要修改 / 1 problem(s) to fix',
                        errors: [{ field: 'visitAt', rule: 'workingDay', message: '踏勘时间应在工作日（2026-11-28 不是工作日）' }],
                    },
                },
            },
        });
        const form = await screen.findByRole('region', { name: '办理：拟定踏勘时间（卫生健康委）' });
        expect(screen.getByText('尚未拟定踏勘时间')).toBeInTheDocument();
        fireEvent.change(within(form).getByLabelText(/^踏勘时间/), { target: { value: '2026-11-28T09:30' } });
        await user.type(within(form).getByRole('textbox', { name: '踏勘地点' }), '文三路 90 号');
        await user.click(within(form).getByRole('button', { name: '提交踏勘时间' }));

        await waitFor(() => expect(posts()).toHaveLength(1));
        expect(posts()[0].url).toBe('/api/inspections/i1/proposal');
        expect(posts()[0].body).toEqual({ visitAt: '2026-11-28T09:30:00+08:00', place: '文三路 90 号', note: null });
        await waitFor(() =>
            expect(within(form).getByLabelText(/^踏勘时间/)).toHaveAccessibleDescription('踏勘时间应在工作日（2026-11-28 不是工作日）'),
        );
        expect(within(form).getByRole('alert')).toHaveTextContent('有 1 处需要修改');
    });

    it('踏勘结论: 有条件通过 needs the issues, one per line, then sends them with the photos', async () => {
        const user = userEvent.setup();
        const { posts } = renderShow(atVisit, {
            departments: ['/ecology'],
            routes: { 'POST /api/inspections/i1/findings': answer(rectifying) },
        });
        const form = await screen.findByRole('region', { name: '办理：记录踏勘结论（生态环境局）' });
        expect(screen.getByText('等待卫生健康委记录踏勘结论')).toBeInTheDocument();
        expect(within(form).queryByRole('textbox', { name: /不符合项/ })).not.toBeInTheDocument();

        await user.click(within(form).getByRole('radio', { name: '有条件通过' }));
        await user.click(within(form).getByRole('button', { name: '提交踏勘结论' }));
        expect(await within(form).findByText('有条件通过或不通过须逐条列明不符合项')).toBeInTheDocument();
        expect(posts()).toHaveLength(0);

        await user.type(
            within(form).getByRole('textbox', { name: /不符合项/ }),
            '机房防护门警示标识缺失\n\n 个人剂量计佩戴记录不全 ',
        );
        await user.upload(within(form).getByLabelText('照片'), [
            new File(['\xff\xd8\xff'], 'door.jpg', { type: 'image/jpeg' }),
            new File(['\xff\xd8\xff'], 'badge.jpg', { type: 'image/jpeg' }),
        ]);
        expect(await within(form).findByText('door.jpg')).toBeInTheDocument();
        await user.click(within(form).getByRole('button', { name: '移除badge.jpg' }));
        await user.click(within(form).getByRole('button', { name: '提交踏勘结论' }));

        await waitFor(() => expect(posts()).toHaveLength(1));
        expect(posts()[0].url).toBe('/api/inspections/i1/findings');
        expect(posts()[0].body).toEqual({
            department: 'ecology',
            result: 'CONDITIONS',
            issues: ['机房防护门警示标识缺失', '个人剂量计佩戴记录不全'],
            comment: null,
            photos: ['m-door.jpg'],
        });
        expect(await screen.findByText('踏勘结论已提交')).toBeInTheDocument();
    });

    it('踏勘结论: 通过 needs no issues', async () => {
        const user = userEvent.setup();
        const { posts } = renderShow(atVisit, {
            departments: ['/ecology'],
            routes: { 'POST /api/inspections/i1/findings': answer(atVisit) },
        });
        const form = await screen.findByRole('region', { name: '办理：记录踏勘结论（生态环境局）' });
        await user.click(within(form).getByRole('radio', { name: '通过' }));
        await user.click(within(form).getByRole('button', { name: '提交踏勘结论' }));

        await waitFor(() => expect(posts()).toHaveLength(1));
        expect(posts()[0].body).toEqual({ department: 'ecology', result: 'PASS', issues: [], comment: null, photos: [] });
    });

    it('shows why the server refuses a step (409: already answered)', async () => {
        const user = userEvent.setup();
        renderShow(confirming(true), {
            departments: ['/ecology'],
            routes: {
                'POST /api/inspections/i1/confirmation': {
                    status: 409,
                    body: { status: 409, title: '冲突 / Conflict', detail: '该步骤已由本部门其他人员办理，请刷新后查看' },
                },
            },
        });
        const form = await screen.findByRole('region', { name: '办理：确认踏勘时间（生态环境局）' });
        await user.click(within(form).getByRole('radio', { name: '确认该时间' }));
        await user.click(within(form).getByRole('button', { name: '提交答复' }));
        expect(await within(form).findByRole('alert')).toHaveTextContent('该步骤已由本部门其他人员办理，请刷新后查看');
    });

    it('shows the combined result, the reasons and each department’s findings of the round with photos', async () => {
        renderShow(rectifying, { roles: ['manager'] });
        const result = await screen.findByRole('region', { name: '踏勘结论' });
        expect(within(result).getByText('有条件通过')).toBeInTheDocument();
        expect(within(result).getByText('2026-12-09')).toBeInTheDocument();
        expect(within(result).getByText(/机房防护门警示标识缺失/)).toBeInTheDocument();
        expect(screen.getByText('等待企业整改，整改期限 2026-12-09')).toBeInTheDocument();
        // a manager does not rectify
        expect(screen.queryByRole('button', { name: '提交整改情况' })).not.toBeInTheDocument();

        const round = screen.getByRole('region', { name: '第 1 轮：现场踏勘' });
        const [ecology, health] = within(round).getAllByRole('row').slice(1);
        expect(ecology).toHaveTextContent('生态环境局');
        expect(ecology).toHaveTextContent('有条件通过');
        expect(within(ecology).getAllByRole('listitem').map(item => item.textContent)).toEqual([
            '机房防护门警示标识缺失',
            '个人剂量计佩戴记录不全',
        ]);
        expect(within(ecology).getByRole('button', { name: '照片 1' })).toBeInTheDocument();
        expect(within(ecology).getByRole('button', { name: '照片 2' })).toBeInTheDocument();
        expect(health).toHaveTextContent('通过');
    });

    it('整改: the applicant enterprise reports what it put right before the date', async () => {
        const user = userEvent.setup();
        const { posts } = renderShow(rectifying, {
            roles: ['enterprise'],
            routes: {
                'POST /api/inspections/i1/rectification': answer(inspectionRecord({ status: 'RECHECK', round: 2 })),
            },
        });
        const form = await screen.findByRole('region', { name: '提交整改情况' });
        expect(form).toHaveTextContent('请在 2026-12-09 前完成整改并说明情况');

        await user.click(within(form).getByRole('button', { name: '提交整改情况' }));
        expect(await within(form).findByText('必填')).toBeInTheDocument();
        expect(posts()).toHaveLength(0);

        await user.type(within(form).getByRole('textbox', { name: /整改情况说明/ }), '已张贴警示标识，补全剂量计记录');
        await user.click(within(form).getByRole('button', { name: '提交整改情况' }));

        await waitFor(() => expect(posts()).toHaveLength(1));
        expect(posts()[0].url).toBe('/api/inspections/i1/rectification');
        expect(posts()[0].body).toEqual({ comment: '已张贴警示标识，补全剂量计记录', photos: [] });
        expect(await screen.findByText('整改情况已提交，等待复查')).toBeInTheDocument();
    });
});
