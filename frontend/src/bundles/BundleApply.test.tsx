import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { birthBundle } from '../test/fixtures';
import { renderApply as renderBundle } from '../test/renderApply';
import type { Prefill } from '../types';

const prefill: Prefill = {
    values: { applicantName: '张三', applicantPhone: '13800138000' },
    sources: { applicantName: 'profile', applicantPhone: 'earlierCase' },
};

const renderApply = (createResponse: { status: number; body: unknown }) =>
    renderBundle(birthBundle, prefill, createResponse);

/** Fills in every required input the way a citizen would. */
const fillRequired = async () => {
    const user = userEvent.setup();
    await user.click(screen.getByLabelText(/新生儿性别/));
    await user.click(await screen.findByRole('option', { name: '男' }));
    fireEvent.change(screen.getByLabelText(/出生日期/), { target: { value: '2030-01-01' } });
    await user.type(screen.getByLabelText(/户籍登记地址/), '上海市黄浦区');
    await user.upload(screen.getByLabelText('分娩记录'), new File(['%PDF delivery record'], 'delivery.pdf', { type: 'application/pdf' }));
    await user.upload(screen.getByLabelText('户口簿'), new File(['%PDF household book'], 'hukou.pdf', { type: 'application/pdf' }));
    await screen.findByText(/已上传：hukou\.pdf/);
    return user;
};

describe('the application form', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('asks each field once, grouped by the item that needs it, with the pre-filled values and their source', async () => {
        renderApply({ status: 201, body: { id: 'c1' } });

        const name = await screen.findByLabelText(/申请人姓名/);
        expect(name).toHaveValue('张三');
        expect(name).toHaveAccessibleDescription('已从个人资料预填');
        expect(screen.getByLabelText(/联系电话/)).toHaveValue('13800138000');
        expect(screen.getByLabelText(/联系电话/)).toHaveAccessibleDescription('已从历史办件预填');
        expect(screen.getByLabelText(/户籍登记地址/)).toHaveValue('');
        expect(screen.getAllByLabelText(/申请人姓名/)).toHaveLength(1);
        expect(screen.getByRole('heading', { name: '出生医学证明所需信息' })).toBeInTheDocument();
        expect(screen.getByRole('heading', { name: '出生登记（户口）另需信息' })).toBeInTheDocument();
        expect(screen.getByLabelText('分娩记录')).toHaveAccessibleDescription(/用于：出生医学证明；支持 PDF、JPG，不超过 10 MB/);
    });

    it('marks missing required inputs before sending anything', async () => {
        const { requests } = renderApply({ status: 201, body: { id: 'c1' } });
        await screen.findByLabelText(/申请人姓名/);

        await userEvent.click(screen.getByRole('button', { name: '提交申请' }));

        const summary = await screen.findByRole('alert');
        expect(within(summary).getByText(/出生日期：必填/)).toBeInTheDocument();
        expect(within(summary).getByText(/分娩记录：必填/)).toBeInTheDocument();
        expect(screen.getByLabelText(/出生日期/)).toHaveAccessibleDescription('必填');
        expect(screen.getByLabelText('户口簿')).toHaveAccessibleDescription(/必填/);
        expect(requests.filter(request => request.method === 'POST')).toHaveLength(0);
    });

    it('shows every error of the server next to its field or material, and all of them at the top', async () => {
        const { requests } = renderApply({
            status: 400,
            body: {
                type: 'https://onething.example/problems/validation',
                title: '申请内容有误',
                status: 400,
                detail: '申请有 3 处需要修改',
                errors: [
                    { field: 'birthDate', rule: 'pastOrPresent', message: '出生日期不能晚于今天' },
                    { field: 'applicantPhone', rule: 'phone', message: '联系电话格式不正确' },
                    { field: 'deliveryRecord', rule: 'readable', message: '分娩记录无法识别，请重新上传' },
                ],
            },
        });
        await screen.findByLabelText(/申请人姓名/);
        const user = await fillRequired();

        await user.click(screen.getByRole('button', { name: '提交申请' }));

        await waitFor(() =>
            expect(screen.getByLabelText(/出生日期/)).toHaveAccessibleDescription('出生日期不能晚于今天')
        );
        expect(screen.getByLabelText(/联系电话/)).toHaveAccessibleDescription('联系电话格式不正确');
        expect(screen.getByLabelText('分娩记录')).toHaveAccessibleDescription(/分娩记录无法识别，请重新上传/);
        // a field the server did not complain about stays unmarked
        expect(screen.getByLabelText(/户籍登记地址/)).not.toHaveAccessibleDescription(/[^\s\u200b]/);
        const summary = screen.getByRole('alert');
        expect(within(summary).getByText('申请有 3 处需要修改')).toBeInTheDocument();
        expect(within(summary).getAllByRole('listitem').map(item => item.textContent)).toEqual([
            '联系电话：联系电话格式不正确',
            '出生日期：出生日期不能晚于今天',
            '分娩记录：分娩记录无法识别，请重新上传',
        ]);
        expect(requests.find(request => request.method === 'POST')?.body).toEqual({
            bundleCode: 'birth',
            form: {
                applicantName: '张三',
                applicantPhone: '13800138000',
                babyGender: '男',
                birthDate: '2030-01-01',
                householdAddress: '上海市黄浦区',
            },
            materials: { deliveryRecord: 'm-delivery.pdf', householdBook: 'm-hukou.pdf' },
        });
    });

    it('材料预判: lists the materials each item needs given the answers, and sends only those', async () => {
        const { requests } = renderApply({ status: 400, body: { title: '有误', status: 400, errors: [] } });
        await screen.findByLabelText(/申请人姓名/);
        expect(screen.getByText('根据您填写的内容，本次共需提交 2 份材料：')).toBeInTheDocument();
        expect(screen.getByText('出生医学证明：分娩记录')).toBeInTheDocument();
        expect(screen.queryByLabelText('多胞胎出生顺序记录')).toBeNull();

        const user = await fillRequired();
        await user.click(screen.getByLabelText(/是否多胞胎/));
        await user.click(await screen.findByRole('option', { name: '是' }));
        expect(await screen.findByText('根据您填写的内容，本次共需提交 3 份材料：')).toBeInTheDocument();
        expect(screen.getByText('出生医学证明：分娩记录、多胞胎出生顺序记录')).toBeInTheDocument();
        const order = screen.getByLabelText('多胞胎出生顺序记录');
        expect(order).toHaveAccessibleDescription(/因「是否多胞胎」选择了「是」需提交/);
        await user.upload(order, new File(['%PDF order'], 'order.pdf', { type: 'application/pdf' }));
        await screen.findByText(/已上传：order\.pdf/);

        // answered 否 after all: the uploaded record is no longer asked, nor sent
        await user.click(screen.getByLabelText(/是否多胞胎/));
        await user.click(await screen.findByRole('option', { name: '否' }));
        await waitFor(() => expect(screen.queryByLabelText('多胞胎出生顺序记录')).toBeNull());
        await user.click(screen.getByRole('button', { name: '提交申请' }));
        await waitFor(() => expect(requests.some(request => request.method === 'POST')).toBe(true));
        expect(requests.find(request => request.method === 'POST')?.body).toMatchObject({
            materials: { deliveryRecord: 'm-delivery.pdf', householdBook: 'm-hukou.pdf' },
        });
    });

    it('预审: one file chosen for two materials is named at once and not taken', async () => {
        renderApply({ status: 201, body: { id: 'c1' } });
        const user = userEvent.setup();
        const scan = () => new File(['%PDF the same scan'], 'scan.pdf', { type: 'application/pdf' });
        await user.upload(await screen.findByLabelText('分娩记录'), scan());
        await screen.findByText(/已上传：scan\.pdf/);
        await user.upload(screen.getByLabelText('户口簿'), scan());
        await waitFor(() =>
            expect(screen.getByLabelText('户口簿')).toHaveAccessibleDescription(
                /与「分娩记录」是同一个文件，请上传户口簿/,
            ),
        );
        expect(screen.getAllByText(/已上传：scan\.pdf/)).toHaveLength(1);
    });

    it('草稿: saves what is typed a moment later, and says so', async () => {
        const { requests } = renderApply({ status: 201, body: { id: 'c1' } });
        const user = userEvent.setup();
        await user.type(await screen.findByLabelText(/户籍登记地址/), '上海市黄浦区');
        expect(await screen.findByText(/草稿已自动保存（\d\d:\d\d）/, undefined, { timeout: 4000 })).toBeInTheDocument();
        const saves = requests.filter(request => request.method === 'PUT');
        expect(saves).toHaveLength(1);
        expect(saves[0].body).toEqual({
            form: { applicantName: '张三', applicantPhone: '13800138000', householdAddress: '上海市黄浦区' },
            materials: {},
        });
    });

    it('草稿: resumes what was left on another device, files included, or starts afresh', async () => {
        const { requests } = renderBundle(birthBundle, prefill, { status: 201, body: { id: 'c1' } }, {
            form: { householdAddress: '北京市东城区', applicantPhone: '13900000000' },
            materials: {
                deliveryRecord: {
                    id: 'm-earlier', filename: '分娩记录.pdf', contentType: 'application/pdf', size: 2048, sha256: 'e',
                },
            },
            savedAt: '2026-12-05T20:15:00+08:00',
        });
        expect(await screen.findByText(/已恢复您在 .*2026\/12\/5.* 保存的草稿/)).toBeInTheDocument();
        expect(screen.getByLabelText(/户籍登记地址/)).toHaveValue('北京市东城区');
        expect(screen.getByLabelText(/联系电话/)).toHaveValue('13900000000');
        expect(screen.getByText(/已上传：分娩记录\.pdf/)).toBeInTheDocument();

        await userEvent.click(screen.getByRole('button', { name: '清空草稿，重新填写' }));
        await waitFor(() => expect(screen.getByLabelText(/户籍登记地址/)).toHaveValue(''));
        expect(screen.getByLabelText(/联系电话/)).toHaveValue('13800138000');
        expect(screen.queryByText(/已上传：分娩记录\.pdf/)).toBeNull();
        expect(requests.some(request => request.method === 'DELETE')).toBe(true);
    });

    it('opens the new case once the application is accepted', async () => {
        renderApply({ status: 201, body: { id: 'c1', number: 'YJS-1' } });
        await screen.findByLabelText(/申请人姓名/);
        const user = await fillRequired();

        await user.click(screen.getByRole('button', { name: '提交申请' }));

        expect(await screen.findByText('办件页')).toBeInTheDocument();
    });
});
