// 审管联动 in the real UI: a 公共场所卫生许可 (filed through the API: its UI is walked in commitment.e2e-test.mjs)
// is pushed to 卫生健康监督所, whose officer claims it and reports 限期整改 onto the licence; the manager finds
// the enterprise's credit and draws enterprises at random (双随机) and replays the draw. Screenshots as
// NN-supervision-*.png.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { api } from '../platformApi.mjs';
import { apiErrors, assertNoErrorToast, launchBrowser, login, openMenu, screenshot, walk } from '../ui.mjs';

describe('审管联动：推送 → 认领 → 监管结果 → 企业信用 → 双随机抽查', { timeout: 300_000 }, () => {
    let browser;
    let licence;
    const step = walk();

    before(async () => {
        browser = await launchBrowser();
        const form = {
            enterpriseName: '悦享酒店管理有限公司', creditCode: '91310115MA1K3YQ4PN', legalRepresentative: '林悦',
            contactPhone: '13900000002', venueName: '悦享游泳馆', venueType: '游泳场所',
            venueAddress: '上海市浦东新区世纪大道 300 号', venueArea: '800', commitment: 'true',
        };
        const filed = await api('enterprise2', 'POST', '/cases', { bundleCode: 'public-venue-hygiene', form, materials: {} });
        [licence] = (await api('enterprise2', 'GET', `/licences?caseId=${filed.id}`)).items;
    });
    after(async () => {
        await browser?.close();
    });

    step('卫生健康监督所 claims the push and reports 限期整改 onto the licence', async () => {
        const { context, page } = await login(browser, 'officer-hsupervision');
        await openMenu(page, '审管联动');
        const row = page.locator('tbody tr').filter({ hasText: licence.number });
        await row.waitFor({ timeout: 30_000 });
        await row.getByText('待认领').waitFor();
        await screenshot(page, 'supervision-queue');
        await row.getByRole('button', { name: '认领', exact: true }).click();
        await page.getByText('已认领，请开展监管并报告结果').first().waitFor();
        await row.getByRole('button', { name: '报告结果' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('radio', { name: '限期整改' }).check();
        await dialog.getByRole('button', { name: '提交监管结果' }).click();
        await dialog.getByText('限期整改或不合格须写明发现的问题').first().waitFor();
        await dialog.getByRole('textbox', { name: '监管意见' }).fill('泳池水质余氯检测记录不全，限 10 日内补齐');
        await screenshot(page, 'supervision-report');
        await dialog.getByRole('button', { name: '提交监管结果' }).click();
        await page.getByText('监管结果已报告').first().waitFor();
        await row.getByText('已反馈').waitFor();
        await assertNoErrorToast(page, '报告结果后');
        await context.close();

        const reported = await api('enterprise2', 'GET', `/licences/${encodeURIComponent(licence.number)}`);
        assert.equal(reported.supervision.result, 'CONDITIONS');
    });

    step('manager1 sees the enterprise credit, draws two enterprises and replays the draw', async () => {
        const { context, page } = await login(browser, 'manager1');
        await openMenu(page, '企业信用');
        const enterprise = page.locator('tbody tr').filter({ hasText: '91310115MA1K3YQ4PN' }).first();
        await enterprise.waitFor({ timeout: 30_000 });
        await enterprise.getByText(/[ABCD] 级/).waitFor();
        await screenshot(page, 'supervision-credit');

        await openMenu(page, '双随机抽查');
        await page.getByRole('link', { name: '新建抽查' }).click();
        await page.getByRole('spinbutton', { name: '抽取数量' }).fill('2');
        await page.getByLabel(/随机种子/).fill('20261123');
        await page.getByRole('button', { name: '抽取' }).click();
        await page.getByText('抽取完成').first().waitFor();
        await page.getByText('20261123').first().waitFor();
        await page.getByRole('button', { name: '复核' }).click();
        await page.getByText('复核一致').first().waitFor();
        await assertNoErrorToast(page, '复核后');
        await screenshot(page, 'supervision-draw');
        await context.close();
        // the report without a comment may be refused by the server as well as by the form
        assert.deepEqual(apiErrors.filter(e => !e.endsWith('/result → 400')), [], '没有意外失败的接口调用');
    });
});
