// 好差评 in the real UI on the real platform: citizen1 gives 出生医学证明 a bad rating, lead-hospital verifies
// it, officer-hospital rectifies, citizen1 answers the callback and the rating is closed (销号); manager1
// finds it again by drilling down 好差评分析 — with screenshots as NN-rating-*.png. The case and the hospital's approval are set up through the API.
// Run: node --test frontend/e2e/ (bin/test starts the platform)
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { approve, fileBirthCase } from './platformApi.mjs';
import {
    apiErrors,
    assertNoErrorToast,
    launchBrowser,
    login,
    openInbox,
    openMenu,
    rowsWith,
    screenshot,
    until,
    walk,
} from './ui.mjs';

const ITEM = '出生医学证明';

describe('好差评：差评 → 核实 → 整改 → 回访 → 销号', { timeout: 280_000 }, () => {
    let browser;
    let caseFile;
    const step = walk();

    /** The rectification page of the case's rating, opened from 差评整改 by `user`. */
    const openRectification = async user => {
        const session = await login(browser, user);
        await openMenu(session.page, '差评整改');
        const row = rowsWith(session.page, caseFile.number);
        await row.first().waitFor({ timeout: 30_000 });
        await row.first().click();
        await session.page.getByText(`差评整改：${caseFile.number}`).first().waitFor();
        return session;
    };

    before(async () => {
        browser = await launchBrowser();
        caseFile = await fileBirthCase();
        await approve('officer-hospital', caseFile.id, 'birthCertificate');
    });
    after(async () => {
        await browser?.close();
    });

    step('citizen1 rates 出生医学证明 不满意 for 服务态度', async () => {
        const { context, page } = await login(browser, 'citizen1');
        await openMenu(page, '我的办件');
        await rowsWith(page, caseFile.number).getByText(caseFile.number, { exact: true }).click();
        await page.getByRole('button', { name: `评价${ITEM}` }).click();
        const dialog = page.getByRole('dialog', { name: `评价：${ITEM}` });
        await dialog.waitFor();
        await dialog.getByRole('radio', { name: '不满意', exact: true }).check();
        await dialog.getByRole('radio', { name: '服务态度' }).check();
        await dialog.getByRole('textbox', { name: /评价内容/ }).fill('窗口人员态度生硬');
        await screenshot(page, 'rating-dialog');
        await dialog.getByRole('button', { name: '提交评价' }).click();
        await page.getByText('感谢您的评价').first().waitFor();
        await page.getByText('差评', { exact: true }).first().waitFor();
        await page.getByText('待核实').first().waitFor();
        await assertNoErrorToast(page, '评价后');
        await screenshot(page, 'rating-given');
        await context.close();
    });

    step('lead-hospital verifies it from 待办任务: 情况属实，需要整改', async () => {
        const { context, page } = await login(browser, 'lead-hospital');
        await openInbox(page, '待认领');
        const step = rowsWith(page, caseFile.number, '差评整改 · 核实');
        await step.waitFor({ timeout: 30_000 });
        await screenshot(page, 'rating-inbox');
        await step.getByText('差评整改 · 核实').click();
        await page.getByText(`差评整改：${caseFile.number}`).first().waitFor();
        await page.getByRole('radio', { name: '情况属实，需要整改' }).check();
        await page.getByRole('textbox', { name: '核实情况' }).fill('经调取窗口录像，工作人员解释不耐心，情况属实');
        await screenshot(page, 'rating-verify');
        await page.getByRole('button', { name: '提交核实结果' }).click();
        await page.getByText('核实结果已提交').first().waitFor();
        await page.getByText('整改中').first().waitFor();
        await context.close();
    });

    step('officer-hospital rectifies: plan and result', async () => {
        const { context, page } = await openRectification('officer-hospital');
        await page.getByRole('textbox', { name: '整改方案' }).fill('开展窗口服务礼仪培训，纳入月度考核');
        await page.getByRole('textbox', { name: '整改结果' }).fill('已完成培训，并电话向申请人致歉');
        await screenshot(page, 'rating-rectify');
        await page.getByRole('button', { name: '提交整改结果' }).click();
        await page.getByText('整改结果已提交，等待申请人回访').first().waitFor();
        await page.getByText('待回访').first().waitFor();
        await context.close();
    });

    step('citizen1 answers the callback: solved, rated 满意 — the rating is closed', async () => {
        const { context, page } = await login(browser, 'citizen1');
        await openMenu(page, '我的办件');
        await rowsWith(page, caseFile.number).getByText(caseFile.number, { exact: true }).click();
        await page.getByRole('link', { name: `查看对${ITEM}的评价` }).click();
        await page.getByText('回访：整改结果').first().waitFor();
        await page.getByRole('radio', { name: '已解决' }).check();
        const again = page.getByRole('combobox', { name: /重新评价/ });
        if (await again.count()) {
            await again.click();
            await page.getByRole('option', { name: '满意', exact: true }).click();
        } else {
            await page.getByRole('radio', { name: '满意', exact: true }).check();
        }
        await screenshot(page, 'rating-callback');
        await page.getByRole('button', { name: '提交回访' }).click();
        await page.getByText('回访意见已提交').first().waitFor();
        await until(async () => (await page.getByText('整改已完成，本次差评处理已办结。').count()) > 0, '回访后应已销号');
        await page.getByText(/已整改，申请人确认问题已解决/).first().waitFor();
        await page.getByRole('button', { name: '申诉' }).waitFor();
        await assertNoErrorToast(page, '销号后');
        await screenshot(page, 'rating-closed');
        await context.close();
    });

    step('manager1 drills into 好差评分析: 助产机构 → 王医生 → the rating', async () => {
        const { context, page } = await login(browser, 'manager1');
        await openMenu(page, '好差评分析');
        await page.getByText('好评率（按部门）').first().waitFor();
        await page.getByRole('link', { name: '查看助产机构的办事人员' }).or(
            page.getByRole('button', { name: '查看助产机构的办事人员' })).first().click();
        await page.getByText('好评率（按办事人员）').first().waitFor();
        await screenshot(page, 'rating-analysis-officers');
        await page.getByRole('link', { name: '查看王医生的评价' }).or(
            page.getByRole('button', { name: '查看王医生的评价' })).first().click();
        await page.getByText(caseFile.number).first().waitFor();
        await page.getByText('差评整改').first().waitFor();
        await assertNoErrorToast(page, '好差评分析');
        await screenshot(page, 'rating-analysis-ratings');
        assert.deepEqual(apiErrors, [], 'no API errors');
        await context.close();
    });
});
