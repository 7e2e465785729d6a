import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hygieneBundle, medicalInstitutionLicence, occupationalHealthBundle } from '../test/fixtures';
import { renderApply } from '../test/renderApply';
import type { Prefill } from '../types';

const enterprise: Prefill = {
    values: { enterpriseName: '康宁口腔医院有限公司', creditCode: '91330106MA2KXXXX1T' },
    sources: { enterpriseName: 'profile', creditCode: 'profile' },
};

describe('an enterprise applies', () => {
    afterEach(() => vi.unstubAllGlobals());

    it('告知承诺: reads the commitment in its box and cannot submit before ticking it', async () => {
        const user = userEvent.setup();
        const { posts } = renderApply(hygieneBundle, enterprise);

        const creditCode = await screen.findByRole('textbox', { name: '统一社会信用代码' });
        expect(creditCode).toHaveValue('91330106MA2KXXXX1T');
        expect(creditCode).toHaveAccessibleDescription('已从个人资料预填');
        const commitment = screen.getByRole('group', { name: /告知承诺书/ });
        expect(within(commitment).getByText(/承诺所填信息和场所情况真实/)).toBeInTheDocument();
        const box = within(commitment).getByRole('checkbox', { name: '本单位已阅读并承诺' });
        expect(box).not.toBeChecked();
        expect(box).toHaveAccessibleDescription(/承诺所填信息和场所情况真实/);
        // no materials to upload, and what happens after: the permit at once, a post-check later
        expect(screen.getByText('本事项无需提交材料')).toBeInTheDocument();
        const after = screen.getByRole('region', { name: '提交后如何办理' });
        expect(after).toHaveTextContent('公共场所卫生许可实行告知承诺：签署承诺书并提交后当场准予许可');
        expect(after).toHaveTextContent('事后核查：由卫生健康监督所到场核查，20 个工作日内完成。');
        expect(after).toHaveTextContent('公共场所卫生许可证（卫生健康委核发，有效期 4 年）');

        await user.type(screen.getByRole('textbox', { name: '场所名称' }), '康宁沐浴中心');
        await user.click(screen.getByRole('button', { name: '提交申请' }));

        expect(await within(commitment).findByText('请阅读承诺书并勾选承诺')).toBeInTheDocument();
        expect(within(screen.getByRole('alert')).getByText(/告知承诺书：请阅读承诺书并勾选承诺/)).toBeInTheDocument();
        expect(posts()).toHaveLength(0);

        await user.click(box);
        await user.click(screen.getByRole('button', { name: '提交申请' }));

        await waitFor(() => expect(posts()).toHaveLength(1));
        expect(posts()[0].body).toEqual({
            bundleCode: 'public-venue-hygiene',
            form: {
                enterpriseName: '康宁口腔医院有限公司',
                creditCode: '91330106MA2KXXXX1T',
                venueName: '康宁沐浴中心',
                commitment: 'true',
            },
            materials: {},
        });
        expect(await screen.findByText('办件页')).toBeInTheDocument();
    });

    it('checks the form of a 统一社会信用代码, in capitals', async () => {
        const user = userEvent.setup();
        const { posts } = renderApply(hygieneBundle, { values: {}, sources: {} });
        const creditCode = await screen.findByRole('textbox', { name: '统一社会信用代码' });

        await user.type(creditCode, '91330106ma2k');
        expect(creditCode).toHaveValue('91330106MA2K');
        await user.click(screen.getByRole('button', { name: '提交申请' }));

        await waitFor(() =>
            expect(creditCode).toHaveAccessibleDescription('统一社会信用代码应为 18 位数字或大写字母'),
        );
        expect(posts()).toHaveLength(0);
    });

    it('shows the joint inspection and the licences issued together, and which material a held licence spares', async () => {
        const { posts } = renderApply(occupationalHealthBundle, {
            ...enterprise,
            exemptMaterials: { medicalInstitutionLicence: 'ZJ-WJ-2026-000001' },
        });

        const after = await screen.findByRole('region', { name: '提交后如何办理' });
        expect(after).toHaveTextContent(
            '联合现场踏勘：由卫生健康委牵头，卫生健康委、生态环境局一次联合到场，8 个工作日内完成。',
        );
        expect(after).toHaveTextContent('证照同发：审批通过后同时核发以下电子证照');
        const licences = within(after).getByRole('list', { name: /证照同发/ });
        expect(within(licences).getAllByRole('listitem').map(item => item.textContent)).toEqual([
            '放射诊疗许可证（卫生健康委核发，有效期 5 年）',
            '辐射安全许可证（生态环境局核发，有效期 5 年）',
        ]);
        expect(after).not.toHaveTextContent('告知承诺');

        // held: not required, and says so with the licence's number
        expect(screen.getByLabelText('医疗机构执业许可证')).toHaveAccessibleDescription(
            /您已在本平台取得该证照（编号 ZJ-WJ-2026-000001），免于提交/,
        );
        expect(screen.getByLabelText('环境影响评价文件')).not.toHaveAccessibleDescription(/免于提交/);

        const user = userEvent.setup();
        await user.type(screen.getByRole('textbox', { name: '执业地址（踏勘地点）' }), '文三路 90 号');
        await user.upload(
            screen.getByLabelText('环境影响评价文件'),
            new File(['%PDF'], 'eia.pdf', { type: 'application/pdf' }),
        );
        await screen.findByText(/已上传：eia\.pdf/);
        await user.click(screen.getByRole('button', { name: '提交申请' }));

        await waitFor(() => expect(posts()).toHaveLength(1));
        expect(posts()[0].body).toMatchObject({ materials: { environmentReport: 'm-eia.pdf' } });
    });

    it('asks for a licence-backed material the applicant does not hold, saying who is spared it', async () => {
        const user = userEvent.setup();
        const { posts } = renderApply(occupationalHealthBundle, enterprise);
        const material = await screen.findByLabelText('医疗机构执业许可证');
        expect(material).toHaveAccessibleDescription(/已在本平台取得该证照的，免于提交/);

        await user.click(screen.getByRole('button', { name: '提交申请' }));

        const summary = await screen.findByRole('alert');
        expect(within(summary).getByText(/医疗机构执业许可证：必填/)).toBeInTheDocument();
        expect(posts()).toHaveLength(0);
    });

    it('says what a 多证合一 licence replaces', async () => {
        renderApply(
            { ...occupationalHealthBundle, code: 'medical-institution', inspections: [], licences: [medicalInstitutionLicence] },
            enterprise,
        );
        const after = await screen.findByRole('region', { name: '提交后如何办理' });
        expect(within(within(after).getByRole('list', { name: /证照同发/ })).getByRole('listitem')).toHaveTextContent(
            '医疗机构执业许可证（多证合一）（卫生健康委核发，有效期 5 年）：多证合一，替代：医疗机构执业许可证、放射诊疗许可证、辐射安全许可证',
        );
    });
});
