// 公共场所卫生许可 告知承诺 in the real UI, in one sitting: enterprise2 fills one form, signs the commitment
// and gets the electronic permit in the answer; the public verifies it without logging in; 卫生健康监督所
// finds the post-check on its calendar. Screenshots as NN-permit-*.png.
// Run by bin/test on a platform whose clock starts Monday 2026-11-23 09:00 (E2E_PLATFORM_START).
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { apiErrors, assertNoErrorToast, launchBrowser, login, openMenu, screenshot, until, walk } from '../ui.mjs';
import { BASE_URL } from '../ui.mjs';

const BUNDLE = '公共场所卫生许可（告知承诺）';
const FIELDS = {
    '法定代表人（负责人）': '林悦',
    场所名称: '悦享沐浴会所',
    '场所地址（核查地点）': '上海市浦东新区世纪大道 200 号',
    '营业面积（平方米）': '450',
};

describe('告知承诺：一张表 + 承诺书 → 当场发证 → 公开核验 → 事后核查', { timeout: 240_000 }, () => {
    let browser;
    let caseNumber;
    let licenceNumber;
    const step = walk();

    before(async () => {
        browser = await launchBrowser();
    });
    after(async () => {
        await browser?.close();
    });

    step('enterprise2 fills the one form; an unsigned commitment is refused at once', async () => {
        const { context, page } = await login(browser, 'enterprise2');
        await openMenu(page, '办事指南');
        const apply = page.getByRole('link', { name: `申请${BUNDLE}` });
        await apply.waitFor();
        assert.equal(await page.getByRole('link', { name: '申请出生一件事' }).count(), 0, '企业不办个人事项');
        await apply.click();
        const name = page.getByRole('textbox', { name: '单位名称', exact: true });
        await until(async () => (await name.inputValue()) === '悦享酒店管理有限公司', '单位名称应已从账号预填');
        assert.equal(await page.getByRole('textbox', { name: '统一社会信用代码' }).inputValue(), '91310115MA1K3YQ4PN');
        await page.getByText('提交后如何办理').waitFor();
        await page.getByText(/当场准予许可、签发电子证照/).first().waitFor();
        for (const [label, value] of Object.entries(FIELDS)) {
            await page.getByRole('textbox', { name: label, exact: true }).fill(value);
        }
        await page.getByRole('combobox', { name: '场所类别' }).click();
        await page.getByRole('option', { name: '沐浴场所', exact: true }).click();
        await page.getByRole('button', { name: '提交申请' }).click();
        await page.getByText('请阅读承诺书并勾选承诺').first().waitFor();
        await screenshot(page, 'permit-unsigned');
        await page.getByRole('checkbox', { name: '本单位已阅读并承诺' }).check();
        await screenshot(page, 'permit-form');
        await page.getByRole('button', { name: '提交申请' }).click();

        // the answer to the application is the case page, with the permit approved and the licence issued
        const heading = page.getByText(/^办件 PUBLIC-VENUE-HYGIENE-/).first();
        await heading.waitFor({ timeout: 30_000 });
        caseNumber = (await heading.innerText()).replace('办件 ', '').trim();
        const licence = page.locator('tbody tr').filter({ hasText: '公共场所卫生许可证' }).first();
        await licence.waitFor();
        await licence.getByText('有效', { exact: true }).waitFor();
        await page.getByText('事后核查').first().waitFor();
        await assertNoErrorToast(page, '提交后');
        await screenshot(page, 'permit-case');

        await licence.getByText('公共场所卫生许可证').click();
        await page.getByText(/^公共场所卫生许可证：/).first().waitFor();
        licenceNumber = (await page.getByText(/^公共场所卫生许可证：/).first().innerText()).split('：')[1].trim();
        await page.getByText('有效', { exact: true }).first().waitFor();
        const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.getByRole('button', { name: '下载证照' }).click(),
        ]);
        assert.match(download.suggestedFilename(), /\.pdf$/);
        await screenshot(page, 'permit-licence');
        await context.close();
    });

    step('anyone verifies the licence without logging in', async () => {
        const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
        const page = await context.newPage();
        await page.goto(`${BASE_URL}/verify/${encodeURIComponent(licenceNumber)}`);
        await page.getByText('电子证照核验').first().waitFor();
        await page.getByText('有效', { exact: true }).first().waitFor();
        await page.getByText('公共场所卫生许可证').first().waitFor();
        assert.equal(await page.getByText('悦享酒店管理有限公司').count(), 0, '核验页不显示持证主体');
        await screenshot(page, 'permit-verify');
        await context.close();
    });

    step('卫生健康监督所 finds the post-check among its inspections, to be scheduled', async () => {
        const { context, page } = await login(browser, 'officer-hsupervision');
        await openMenu(page, '联合踏勘');
        const row = page.locator('tbody tr').filter({ hasText: caseNumber });
        await row.first().waitFor({ timeout: 30_000 });
        await row.first().getByText('事后核查').first().waitFor();
        await row.first().getByText('拟定踏勘时间').first().waitFor();
        await screenshot(page, 'permit-postcheck-list');
        await context.close();
        assert.deepEqual(apiErrors, [], '除有意触发的外，没有失败的接口调用');
    });
});
