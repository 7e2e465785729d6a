import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type Ref, useImperativeHandle } from 'react';
import { ResourceContextProvider } from 'react-admin';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDataProvider } from '../dataProvider';
import { birthModelXml, fakeFetch, modelVersion } from '../test/fixtures';
import { renderWithAdmin } from '../test/render';
import type { ElementFigures, MigrationCandidate, ModelCatalog, ModelProblem } from '../types';
import type { SelectedElement } from './elementProperties';
import type { ClickedElement, ModelCanvasHandle } from './ModelCanvas';
import { markersOf } from './modelProblems';
import { ModelEditor } from './ModelEditor';
import { ModelList } from './ModelList';
import { ModelShow } from './ModelShow';

const focused: string[] = [];
const groupsSet: [string, string][] = [];
const propertiesSet: [string, string, string | null][] = [];
const timerDaysSet: [string, number][] = [];

/** What the stand-in's buttons select in the editor. */
const SELECTABLE: Record<string, SelectedElement> = {
    'select the task': {
        type: 'userTask',
        id: 'birthCertificate',
        name: '出生医学证明',
        candidateGroups: 'hospital',
        properties: {},
    },
    'select the working-day timer': {
        type: 'timer',
        id: 'callbackTimeout',
        name: '回访期满未答复',
        expression: '${deadlines.overdueIn(5)}',
    },
    'select the computed timer': {
        type: 'timer',
        id: 'rectificationDeadline',
        name: '整改期限届满',
        expression: '${inspections.rectifyOverdueAt(execution)}',
    },
    'select the new timer': { type: 'timer', id: 'newTimer', name: null, expression: null },
};

/** What the stand-in's buttons click in the viewer. */
const CLICKABLE: ClickedElement[] = [
    { id: 'birthCertificate', name: '出生医学证明' },
    { id: 'end', name: null },
];

// bpmn-js cannot draw in jsdom: a stand-in that gives the XML back edited and shows its markers as text
vi.mock('./ModelCanvas', () => ({
    default: ({
        xml,
        problems = [],
        figures = [],
        label,
        onSelect,
        onClickElement,
        ref,
    }: {
        xml: string;
        problems?: ModelProblem[];
        figures?: ElementFigures[];
        label: string;
        onSelect?: (element: SelectedElement | null) => void;
        onClickElement?: (element: ClickedElement | null) => void;
        ref?: Ref<ModelCanvasHandle>;
    }) => {
        useImperativeHandle(ref, () => ({
            saveXml: async () => xml.replace('出生医学证明', '出生医学证明（新）'),
            focus: (elementId: string) => void focused.push(elementId),
            setCandidateGroups: (elementId: string, groups: string) => void groupsSet.push([elementId, groups]),
            setTaskProperty: (elementId, name, value) => void propertiesSet.push([elementId, name, value]),
            setTimerDays: (elementId, days) => void timerDaysSet.push([elementId, days]),
        }));
        return (
            <div role="application" aria-label={label}>
                {onSelect &&
                    Object.entries(SELECTABLE).map(([name, element]) => (
                        <button key={name} onClick={() => onSelect(element)}>
                            {name}
                        </button>
                    ))}
                {onClickElement &&
                    CLICKABLE.map(element => (
                        <button key={element.id} onClick={() => onClickElement(element)}>
                            {`click ${element.id}`}
                        </button>
                    ))}
                <ul aria-label="figures">
                    {figures.map(f => (
                        <li key={f.activityId}>{`${f.activityId}:${f.running}/${f.completed}/${f.overdue}`}</li>
                    ))}
                </ul>
                <ul aria-label="markers">
                    {[...markersOf(problems)].map(([id, marker]) => (
                        <li key={id}>{`${id}:${marker}`}</li>
                    ))}
                </ul>
            </div>
        );
    },
}));

const VERSIONS = [
    modelVersion({
        version: 3,
        deployedAt: '2026-11-20T10:00:00+08:00',
        deployedBy: '钱处长',
        comment: '户口登记改由派出所办理',
        overrideReason: '计时器稍后补上',
        running: 2,
        processDefinitionId: 'birth:3:c',
    }),
    modelVersion({ version: 2, deployedBy: '钱处长', comment: '调整社保卡', running: 120, processDefinitionId: 'birth:2:b' }),
    modelVersion({ version: 1, running: 0 }),
];

const badRequest = (errors: { field: string; rule: string; message: string }[]) => ({
    status: 400,
    body: { status: 400, title: '请求有误 / Bad request', detail: '请修改后再提交 / Invalid request', errors },
});

const renderAt = (path: string, routes: Parameters<typeof fakeFetch>[0], fetchWrapper?: (fetch: any) => any) => {
    const { fetch, requests } = fakeFetch({
        'GET /api/models/birth/versions': { body: VERSIONS },
        'GET /api/models/birth/versions/3': { body: { version: VERSIONS[0], xml: birthModelXml } },
        'GET /api/models/birth/versions/1': { body: { version: VERSIONS[2], xml: '<v1/>' } },
        ...routes,
    });
    vi.stubGlobal('fetch', fetchWrapper ? fetchWrapper(fetch) : fetch);
    renderWithAdmin(
        <ResourceContextProvider value="models">
            <Routes>
                <Route path="/models" element={<ModelList />} />
                <Route path="/models/:id/show" element={<ModelShow />} />
                <Route path="/models/:id/versions/:version/edit" element={<ModelEditor />} />
            </Routes>
        </ResourceContextProvider>,
        { dataProvider: createDataProvider(async () => 'token', '/api'), path }
    );
    const posts = () => requests.filter(request => request.method === 'POST');
    return { requests, posts };
};

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row').slice(1);

describe('流程模型', () => {
    afterEach(() => {
        vi.unstubAllGlobals();
        focused.length = 0;
    });

    it('lists the processes with their latest version and running cases, and opens one', async () => {
        const user = userEvent.setup();
        renderAt('/models', {
            'GET /api/models': {
                body: [
                    { key: 'birth', name: '出生一件事', latestVersion: 3, running: 122 },
                    { key: 'medicalInstitution', name: '医疗机构执业', latestVersion: 1, running: 0 },
                ],
            },
        });
        const table = await screen.findByRole('table');
        const [birth, medical] = rowsOf(table);
        expect(birth.textContent).toBe('出生一件事birth3122');
        expect(medical).toHaveTextContent('medicalInstitution');
        await user.click(within(birth).getByText('出生一件事'));
        expect(await screen.findByRole('table', { name: '版本' })).toBeInTheDocument();
    });

    it('shows the versions, newest first, with who deployed them and why; rollback on older versions only', async () => {
        renderAt('/models/birth/show', {});
        const rows = rowsOf(await screen.findByRole('table', { name: '版本' }));
        expect(rows).toHaveLength(3);
        expect(rows[0]).toHaveTextContent('v3最新');
        expect(rows[0]).toHaveTextContent('钱处长');
        expect(rows[0]).toHaveTextContent('户口登记改由派出所办理');
        expect(rows[0]).toHaveTextContent('忽略警告的理由：计时器稍后补上');
        expect(rows[2]).toHaveTextContent('系统（随平台发布）');
        expect(within(rows[0]).queryByRole('button', { name: '以此版本重新部署' })).toBeNull();
        expect(within(rows[1]).getByRole('button', { name: '以此版本重新部署' })).toBeInTheDocument();
        expect(within(rows[1]).getByRole('link', { name: '编辑' })).toHaveAttribute(
            'href',
            '/models/birth/versions/2/edit'
        );
    });

    it('shows a version’s diagram with how its cases stand on each element', async () => {
        const user = userEvent.setup();
        renderAt('/models/birth/show', {
            'GET /api/models/birth/versions/3/statistics': {
                body: [{ activityId: 'birthCertificate', running: 2, completed: 5, overdue: 1, averageMillis: 3600000 }],
            },
        });
        const newest = (await screen.findAllByRole('row')).find(row => within(row).queryByText('v3'))!;
        await user.click(within(newest).getByRole('button', { name: '查看' }));
        const dialog = await screen.findByRole('dialog', { name: '流程图（v3）' });
        expect(await within(dialog).findByText('birthCertificate:2/5/1')).toBeInTheDocument();
        expect(within(dialog).getByText(/底色越红，平均停留时间越长/)).toBeInTheDocument();
    });

    it('lists the cases waiting at an element clicked in a version’s diagram, each linked to its page', async () => {
        const user = userEvent.setup();
        renderAt('/models/birth/show', {
            'GET /api/models/birth/versions/3/activities/birthCertificate/cases': {
                body: [
                    { processInstanceId: 'pi-1', businessKey: 'case-1', caseNumber: 'YJS-20261120-0001' },
                    { processInstanceId: 'pi-2', businessKey: 'case-2', caseNumber: 'YJS-20261120-0002' },
                ],
            },
            'GET /api/models/birth/versions/3/activities/end/cases': { body: [] },
            'GET /api/models/birth/versions/3/statistics': { body: [] },
        });
        const newest = (await screen.findAllByRole('row')).find(row => within(row).queryByText('v3'))!;
        await user.click(within(newest).getByRole('button', { name: '查看' }));
        const dialog = await screen.findByRole('dialog', { name: '流程图（v3）' });
        expect(within(dialog).getByText(/点击环节可查看停在该处的办件/)).toBeInTheDocument();
        await user.click(within(dialog).getByRole('button', { name: 'click birthCertificate' }));
        const waiting = await within(dialog).findByRole('list', { name: '停在「出生医学证明」的办件' });
        const links = within(waiting).getAllByRole('link');
        expect(links.map(link => [link.textContent, link.getAttribute('href')])).toEqual([
            ['YJS-20261120-0001', '/cases/case-1/show'],
            ['YJS-20261120-0002', '/cases/case-2/show'],
        ]);
        await user.click(within(dialog).getByRole('button', { name: 'click end' }));
        expect(await within(dialog).findByText('没有办件停在此环节')).toBeInTheDocument();
        expect(within(dialog).getByText('停在「end」的办件')).toBeInTheDocument();
    });

    it('redeploys an older version’s XML with a comment, asking for a reason when the server finds warnings', async () => {
        const user = userEvent.setup();
        let answer: { status?: number; body?: unknown } = badRequest([
            { field: 'overrideReason', rule: 'required', message: '模型有 1 条警告，确需部署请填写理由：缺少计时器' },
        ]);
        const deployed: unknown[] = [];
        renderAt('/models/birth/show', {}, fetch => async (url: string, init: RequestInit = {}) => {
            if (init.method !== 'POST' || url !== '/api/models/birth/deployments') return fetch(url, init);
            deployed.push(JSON.parse(init.body as string));
            return new Response(JSON.stringify(answer.body), { status: answer.status ?? 201 });
        });
        const rows = rowsOf(await screen.findByRole('table', { name: '版本' }));
        await user.click(within(rows[2]).getByRole('button', { name: '以此版本重新部署' }));
        const dialog = await screen.findByRole('dialog', { name: '以 v1 重新部署：出生一件事' });
        expect(within(dialog).queryByRole('textbox', { name: '忽略警告的理由' })).toBeNull();
        await user.type(within(dialog).getByRole('textbox', { name: '部署说明' }), '回退到随平台发布的版本');
        await user.click(within(dialog).getByRole('button', { name: '部署' }));
        const reason = await within(dialog).findByRole('textbox', { name: '忽略警告的理由' });
        expect(within(dialog).getByText('请修改后再提交')).toBeInTheDocument();
        expect(within(dialog).getByText('模型有 1 条警告，确需部署请填写理由：缺少计时器')).toBeInTheDocument();
        answer = { status: 201, body: modelVersion({ version: 4 }) };
        await user.type(reason, '计时器由定时任务代替');
        await user.click(within(dialog).getByRole('button', { name: '部署' }));
        await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
        expect(deployed).toEqual([
            { xml: '<v1/>', comment: '回退到随平台发布的版本', overrideReason: null },
            { xml: '<v1/>', comment: '回退到随平台发布的版本', overrideReason: '计时器由定时任务代替' },
        ]);
    });

    it('compares two versions: 新增, 删除, 修改 with each change', async () => {
        const user = userEvent.setup();
        const { requests } = renderAt('/models/birth/show', {
            'GET /api/models/birth/diff': {
                body: {
                    added: [{ id: 'policeStation', kind: 'userTask', name: '派出所登记' }],
                    removed: [],
                    changed: [
                        {
                            id: 'householdRegistration',
                            kind: 'userTask',
                            name: '出生登记（户口）',
                            changes: ['name: 户口登记 → 出生登记（户口）', 'candidateGroups: police → policeStation'],
                        },
                    ],
                },
            },
        });
        await user.click(await screen.findByRole('button', { name: '对比' }));
        const added = await screen.findByRole('region', { name: '新增' });
        expect(requests.at(-1)?.url).toBe('/api/models/birth/diff?from=2&to=3');
        expect(added).toHaveTextContent('派出所登记（policeStation） · userTask');
        expect(screen.getByRole('region', { name: '删除' })).toHaveTextContent('（无）');
        const changed = screen.getByRole('region', { name: '修改' });
        expect(within(changed).getAllByRole('listitem').map(item => item.textContent)).toContain(
            'candidateGroups: police → policeStation'
        );
    });

    it('previews a migration, selects the movable cases and migrates them 50 a request with progress', async () => {
        const user = userEvent.setup();
        // the last one is no case's: it is known by its process instance
        const instances: MigrationCandidate[] = Array.from({ length: 120 }, (_, index) => ({
            processInstanceId: `pi-${index}`,
            businessKey: index === 119 ? null : `case-${index}`,
            caseNumber: index === 119 ? null : `YJS-${String(index).padStart(4, '0')}`,
            waitingAt: [
                {
                    activityId: 'householdRegistration',
                    activityName: '出生登记（户口）',
                    targetActivityId: index === 119 ? null : 'householdRegistration',
                    targetName: index === 119 ? null : '出生登记（派出所）',
                    effect: index === 119 ? '' : '待办任务保留原办理部门和办理期限',
                },
            ],
            migratable: index !== 119,
        }));
        // each migration request waits for the test to let it go: the progress shows in between
        const gates: (() => void)[] = [];
        const sent: string[][] = [];
        renderAt(
            '/models/birth/show',
            { 'GET /api/models/birth/migration': { body: { from: 2, to: 3, instances } } },
            fetch => async (url: string, init: RequestInit = {}) => {
                if (init.method !== 'POST') return fetch(url, init);
                const ids: string[] = JSON.parse(init.body as string).processInstanceIds;
                sent.push(ids);
                await new Promise<void>(resolve => gates.push(resolve));
                if (sent.length === 2) {
                    return new Response(JSON.stringify({ status: 409, detail: '版本已变化 / changed' }), { status: 409 });
                }
                return new Response(
                    JSON.stringify(
                        ids.map(id => ({
                            processInstanceId: id,
                            businessKey: `case-${id.slice(3)}`,
                            caseNumber: `YJS-${id.slice(3).padStart(4, '0')}`,
                            migrated: id !== 'pi-3',
                            reason: id === 'pi-3' ? '办件正在办理中' : null,
                        }))
                    ),
                    { status: 200 }
                );
            }
        );
        await user.click(await screen.findByRole('button', { name: '预览' }));
        const preview = await screen.findByRole('table', { name: '迁移在办件' });
        const rows = rowsOf(preview);
        expect(rows).toHaveLength(120);
        expect(rows[0]).toHaveTextContent('YJS-0000出生登记（户口）出生登记（派出所）待办任务保留原办理部门和办理期限可迁移');
        expect(within(rows[0]).getByRole('link', { name: 'YJS-0000' })).toHaveAttribute('href', '/cases/case-0/show');
        expect(rows[119]).toHaveTextContent('pi-119出生登记（户口）目标版本中没有对应环节不可迁移');
        expect(within(rows[119]).queryByRole('link')).toBeNull();
        expect(within(rows[119]).getByRole('checkbox')).toBeDisabled();
        // every movable case at first; one left out
        await user.click(screen.getByRole('checkbox', { name: '选择 YJS-0005' }));
        await user.click(screen.getByRole('button', { name: '迁移所选办件（118）' }));
        await waitFor(() => expect(gates).toHaveLength(1));
        expect(screen.getByRole('progressbar', { name: '正在迁移：0 / 118' })).toBeInTheDocument();
        await act(async () => gates[0]());
        await waitFor(() => expect(gates).toHaveLength(2));
        expect(screen.getByRole('progressbar', { name: '正在迁移：50 / 118' })).toHaveAttribute(
            'aria-valuenow',
            String(Math.round((100 * 50) / 118))
        );
        await act(async () => gates[1]());
        await waitFor(() => expect(gates).toHaveLength(3));
        await act(async () => gates[2]());
        const results = await screen.findByRole('table', { name: '迁移结果' });
        expect(sent.map(ids => ids.length)).toEqual([50, 50, 18]);
        expect(sent.flat()).not.toContain('pi-5');
        expect(sent.flat()).not.toContain('pi-119');
        expect(screen.getByRole('status')).toHaveTextContent('已迁移 67 件，未迁移 51 件');
        const outcome = rowsOf(results);
        expect(outcome[0]).toHaveTextContent('YJS-0000已迁移');
        expect(within(outcome[0]).getByRole('link', { name: 'YJS-0000' })).toHaveAttribute('href', '/cases/case-0/show');
        expect(outcome[3]).toHaveTextContent('YJS-0003未迁移办件正在办理中');
        // a failed request's cases keep the preview's case numbers
        expect(outcome[60]).toHaveTextContent('YJS-0061未迁移本批迁移请求失败：版本已变化');
        expect(within(outcome[60]).getByRole('link', { name: 'YJS-0061' })).toHaveAttribute('href', '/cases/case-61/show');
    });
});

describe('the editor', () => {
    afterEach(() => {
        vi.unstubAllGlobals();
        focused.length = 0;
        groupsSet.length = 0;
        propertiesSet.length = 0;
        timerDaysSet.length = 0;
    });

    it('sets the selected user task’s 办理部门 among the departments and its 承诺时限', async () => {
        const user = userEvent.setup();
        renderAt('/models/birth/versions/3/edit', {
            'GET /api/departments': {
                body: [
                    { code: 'hospital', name: '助产机构' },
                    { code: 'police', name: '公安户政' },
                ],
            },
            // a process that is no bundle's
            'GET /api/models/birth/catalog': {
                body: { bundleCode: null, bundleName: null, fields: [], materials: [], items: [] },
            },
        });
        await user.click(await screen.findByRole('button', { name: 'select the task' }));
        expect(screen.getByText('用户任务：出生医学证明')).toBeInTheDocument();
        const department = screen.getByRole('combobox', { name: '办理部门' });
        await waitFor(() => expect(department).toHaveTextContent('助产机构'));
        await user.click(department);
        await user.click(await screen.findByRole('option', { name: '公安户政' }));
        expect(groupsSet).toEqual([['birthCertificate', 'police']]);
        expect(screen.getByRole('combobox', { name: '办理部门' })).toHaveTextContent('公安户政');

        const days = screen.getByRole('spinbutton', { name: '承诺时限（工作日）' });
        expect(days).toHaveValue(null);
        await user.type(days, '3');
        expect(propertiesSet).toEqual([['birthCertificate', 'promisedDays', '3']]);
        expect(days).toHaveValue(3);
        expect(screen.getByText('留空按办事目录；不得超过法定时限')).toBeInTheDocument();
        await user.clear(days);
        expect(propertiesSet.at(-1)).toEqual(['birthCertificate', 'promisedDays', null]);
        // a task that is no item of the catalog has no fields and materials
        expect(screen.queryByRole('combobox', { name: '表单字段' })).toBeNull();
    });

    const CATALOG: ModelCatalog = {
        bundleCode: 'birth',
        bundleName: '出生一件事',
        fields: [
            { code: 'childName', label: '新生儿姓名' },
            { code: 'birthDate', label: '出生日期' },
            { code: 'motherName', label: '母亲姓名' },
        ],
        materials: [
            { code: 'hospitalRecord', name: '住院分娩记录' },
            { code: 'motherId', name: '母亲身份证' },
        ],
        items: [
            {
                code: 'birthCertificate',
                name: '出生医学证明',
                department: 'hospital',
                statutoryDays: 10,
                promisedDays: 5,
                fields: ['childName', 'motherName'],
                materials: ['motherId'],
                commitment: false,
            },
        ],
    };

    /** The chips of an Autocomplete, by their text. */
    const chipsOf = (combobox: HTMLElement) =>
        [...combobox.closest('.MuiAutocomplete-root')!.querySelectorAll('.MuiChip-label')].map(chip => chip.textContent);

    it('sets an item’s 表单字段 and 所需材料 among the catalog’s, in the catalog’s order; the default until then', async () => {
        const user = userEvent.setup();
        renderAt('/models/birth/versions/3/edit', {
            'GET /api/departments': { body: [{ code: 'hospital', name: '助产机构' }] },
            'GET /api/models/birth/catalog': { body: CATALOG },
        });
        await user.click(await screen.findByRole('button', { name: 'select the task' }));
        const fields = await screen.findByRole('combobox', { name: '表单字段' });
        expect(
            screen.getByText('法定时限 10 个工作日，承诺时限不得超过；留空按办事指南（5 个工作日）')
        ).toBeInTheDocument();
        expect(screen.getByRole('spinbutton', { name: '承诺时限（工作日）' })).toHaveAttribute('max', '10');
        // no property yet: the 办事指南's default
        expect(chipsOf(fields)).toEqual(['新生儿姓名', '母亲姓名']);
        expect(screen.getAllByText('沿用办事指南的默认设置')).toHaveLength(2);

        await user.click(fields);
        await user.click(await screen.findByRole('option', { name: '出生日期' }));
        expect(propertiesSet).toEqual([['birthCertificate', 'fields', 'childName,birthDate,motherName']]);
        expect(chipsOf(fields)).toEqual(['新生儿姓名', '出生日期', '母亲姓名']);
        await user.keyboard('{Escape}');

        const materials = screen.getByRole('combobox', { name: '所需材料' });
        expect(chipsOf(materials)).toEqual(['母亲身份证']);
        await user.click(materials);
        await user.click(await screen.findByRole('option', { name: '住院分娩记录' }));
        expect(propertiesSet.at(-1)).toEqual(['birthCertificate', 'materials', 'hospitalRecord,motherId']);
        await user.keyboard('{Escape}');
        // none at all is written as an empty property, not as the default
        await user.click(materials);
        await user.keyboard('{Backspace}{Backspace}');
        expect(propertiesSet.slice(-2)).toEqual([
            ['birthCertificate', 'materials', 'hospitalRecord'],
            ['birthCertificate', 'materials', ''],
        ]);
        expect(chipsOf(materials)).toEqual([]);

        // back to the default: the property goes
        const [restoreFields] = screen.getAllByRole('button', { name: '恢复办事指南的默认设置' });
        await user.click(restoreFields);
        expect(propertiesSet.at(-1)).toEqual(['birthCertificate', 'fields', null]);
        expect(chipsOf(fields)).toEqual(['新生儿姓名', '母亲姓名']);

        // 批量通过 is off unless the model says so; off again removes the property
        const bulk = screen.getByRole('switch', { name: '允许批量通过' });
        expect(bulk).not.toBeChecked();
        await user.click(bulk);
        expect(propertiesSet.at(-1)).toEqual(['birthCertificate', 'bulkApprove', 'true']);
        expect(bulk).toBeChecked();
        await user.click(bulk);
        expect(propertiesSet.at(-1)).toEqual(['birthCertificate', 'bulkApprove', null]);
        expect(bulk).not.toBeChecked();
    });

    it('sets a timer in working days, never as an expression; a time the system computes is shown read only', async () => {
        const user = userEvent.setup();
        renderAt('/models/birth/versions/3/edit', {});
        await user.click(await screen.findByRole('button', { name: 'select the working-day timer' }));
        expect(screen.getByText('定时器：回访期满未答复')).toBeInTheDocument();
        const days = screen.getByRole('spinbutton', { name: '工作日数' });
        expect(days).toHaveValue(5);
        expect(screen.getByText('自进入该环节起满 5 个工作日后触发，节假日按工作日历顺延')).toBeInTheDocument();
        await user.clear(days);
        await user.type(days, '8');
        expect(timerDaysSet).toEqual([['callbackTimeout', 8]]);
        expect(screen.getByText('自进入该环节起满 8 个工作日后触发，节假日按工作日历顺延')).toBeInTheDocument();

        await user.click(screen.getByRole('button', { name: 'select the computed timer' }));
        expect(screen.getByText('定时器：整改期限届满')).toBeInTheDocument();
        expect(screen.queryByRole('spinbutton', { name: '工作日数' })).toBeNull();
        expect(screen.getByText('触发时间由系统计算，不能在此修改：')).toBeInTheDocument();
        expect(screen.getByText('${inspections.rectifyOverdueAt(execution)}')).toBeInTheDocument();

        // a timer with no time yet is given one the same way; 0 days is refused
        await user.click(screen.getByRole('button', { name: 'select the new timer' }));
        const fresh = screen.getByRole('spinbutton', { name: '工作日数' });
        expect(fresh).toHaveValue(null);
        await user.type(fresh, '0');
        expect(screen.getByText('至少 1 个工作日')).toBeInTheDocument();
        await user.clear(fresh);
        await user.type(fresh, '3');
        expect(timerDaysSet).toEqual([
            ['callbackTimeout', 8],
            ['newTimer', 3],
        ]);
    });

    it('compares the model being edited with the version it is based on, or another deployed one', async () => {
        const user = userEvent.setup();
        const diffs: unknown[] = [];
        renderAt('/models/birth/versions/3/edit', {}, fetch => async (url: string, init: RequestInit = {}) => {
            if (url !== '/api/models/birth/diff') return fetch(url, init);
            const body = JSON.parse(init.body as string);
            diffs.push({ method: init.method, ...body });
            const changed =
                body.from === 3
                    ? [{ id: 'birthCertificate', kind: 'userTask', name: '出生医学证明（新）', changes: ['name: 出生医学证明 → 出生医学证明（新）'] }]
                    : [];
            return new Response(JSON.stringify({ added: [], removed: [], changed }));
        });
        await user.click(await screen.findByRole('button', { name: '与已部署版本对比' }));
        const dialog = await screen.findByRole('dialog', { name: '与已部署版本对比' });
        const changed = await within(dialog).findByRole('region', { name: '修改' });
        expect(within(changed).getAllByRole('listitem').map(item => item.textContent)).toContain(
            'name: 出生医学证明 → 出生医学证明（新）'
        );
        expect(within(dialog).getByRole('region', { name: '新增' })).toHaveTextContent('（无）');
        expect(diffs).toEqual([{ method: 'POST', from: 3, xml: expect.stringContaining('出生医学证明（新）') }]);
        expect(within(dialog).getByText('编辑中的模型')).toBeInTheDocument();

        await user.click(within(dialog).getByRole('combobox', { name: '源版本' }));
        await user.click(await screen.findByRole('option', { name: 'v2' }));
        expect(await within(dialog).findByText('编辑中的模型与所选版本的流程元素相同')).toBeInTheDocument();
        expect(diffs.at(-1)).toEqual({ method: 'POST', from: 2, xml: expect.stringContaining('出生医学证明（新）') });
        await user.click(within(dialog).getByRole('button', { name: '关闭' }));
        await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    });

    const VALIDATION = {
        errors: [
            { elementId: 'birthCertificate', severity: 'ERROR', rule: 'department', message: '办理部门 hospitalX 不存在' },
            { elementId: null, severity: 'ERROR', rule: 'historyTimeToLive', message: '流程缺少 historyTimeToLive' },
        ],
        warnings: [{ elementId: 'end', severity: 'WARNING', rule: 'deadEnd', message: '结束事件没有名称' }],
    };

    it('checks the model: errors and warnings listed and outlined, a click shows the element', async () => {
        const user = userEvent.setup();
        const { posts } = renderAt('/models/birth/versions/3/edit', {
            'POST /api/models/validate': { body: VALIDATION },
        });
        expect(await screen.findByRole('application', { name: 'BPMN 流程模型编辑器' })).toBeInTheDocument();
        expect(screen.getByText('尚未检查。点击「检查」查看模型的错误和警告。')).toBeInTheDocument();
        await user.click(screen.getByRole('button', { name: '检查' }));
        const errors = await screen.findByRole('list', { name: '错误（2）' });
        expect(posts()[0].url).toBe('/api/models/validate');
        expect(posts()[0].body).toEqual({ xml: expect.stringContaining('出生医学证明（新）') });
        expect(within(errors).getByText('流程缺少 historyTimeToLive')).toBeInTheDocument();
        expect(within(errors).getByText('整个模型')).toBeInTheDocument();
        const warnings = screen.getByRole('list', { name: '警告（1）' });
        expect(within(screen.getByRole('list', { name: 'markers' })).getAllByRole('listitem').map(i => i.textContent)).toEqual([
            'birthCertificate:oth-model-error',
            'end:oth-model-warning',
        ]);
        await user.click(within(warnings).getByText('结束事件没有名称'));
        expect(focused).toEqual(['end']);
    });

    it('clears the old markers on a new check', async () => {
        const user = userEvent.setup();
        let validation: unknown = VALIDATION;
        renderAt('/models/birth/versions/3/edit', {}, fetch => async (url: string, init: RequestInit = {}) =>
            url === '/api/models/validate' ? new Response(JSON.stringify(validation)) : fetch(url, init)
        );
        await user.click(await screen.findByRole('button', { name: '检查' }));
        await screen.findByRole('list', { name: '错误（2）' });
        validation = { errors: [], warnings: [] };
        await user.click(screen.getByRole('button', { name: '检查' }));
        expect(await screen.findByText('没有发现问题')).toBeInTheDocument();
        expect(within(screen.getByRole('list', { name: 'markers' })).queryAllByRole('listitem')).toHaveLength(0);
    });

    it('deploys with a comment and the reason for the warnings; a refusal’s element errors are listed and marked', async () => {
        const user = userEvent.setup();
        let deployment: { status?: number; body?: unknown } = badRequest([
            { field: 'xml.householdRegistration', rule: 'department', message: '办理部门 policeX 不存在' },
        ]);
        const deployed: unknown[] = [];
        const { requests } = renderAt(
            '/models/birth/versions/3/edit',
            {
                'POST /api/models/validate': { body: { errors: [], warnings: VALIDATION.warnings } },
                'GET /api/models/birth/versions': { body: VERSIONS },
            },
            fetch => async (url: string, init: RequestInit = {}) => {
                if (url !== '/api/models/birth/deployments') return fetch(url, init);
                deployed.push(JSON.parse(init.body as string));
                return new Response(JSON.stringify(deployment.body), { status: deployment.status ?? 201 });
            }
        );
        await user.click(await screen.findByRole('button', { name: '部署' }));
        const dialog = await screen.findByRole('dialog', { name: '部署为新版本：出生一件事' });
        await user.click(within(dialog).getByRole('button', { name: '部署' }));
        // both required before anything is sent
        expect(await within(dialog).findAllByText('必填')).toHaveLength(2);
        await user.type(within(dialog).getByRole('textbox', { name: '部署说明' }), '户口登记改由派出所办理');
        await user.type(within(dialog).getByRole('textbox', { name: '忽略警告的理由' }), '结束事件名称不影响办理');
        expect(within(dialog).getByText('模型有 1 条警告，确需部署请说明理由')).toBeInTheDocument();
        await user.click(within(dialog).getByRole('button', { name: '部署' }));
        const modelErrors = await within(dialog).findByRole('alert', { name: '模型有错误，不能部署' });
        expect(modelErrors).toHaveTextContent('householdRegistration：办理部门 policeX 不存在');
        // behind the dialog (hidden from the accessibility tree while it is open)
        const markers = screen.getByRole('list', { name: 'markers', hidden: true });
        expect(within(markers).getAllByRole('listitem', { hidden: true }).map(i => i.textContent)).toEqual([
            'householdRegistration:oth-model-error',
        ]);
        deployment = { status: 201, body: modelVersion({ version: 4 }) };
        await user.click(within(dialog).getByRole('button', { name: '部署' }));
        // back on the process's page
        expect(await screen.findByRole('table', { name: '版本' })).toBeInTheDocument();
        expect(deployed).toHaveLength(2);
        expect(deployed[1]).toEqual({
            xml: expect.stringContaining('出生医学证明（新）'),
            comment: '户口登记改由派出所办理',
            overrideReason: '结束事件名称不影响办理',
        });
        expect(requests.some(request => request.url === '/api/models/birth/versions')).toBe(true);
    });
});
