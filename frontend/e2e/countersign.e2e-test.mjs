// 加签 / 会签 in the real UI on the real platform: citizen1 files a 出生一件事 (through the API); officer-hospital
// (王医生) claims 出生医学证明 and asks three officers of three departments to countersign it (会签, 过半数同意), then
// leaves one out again (减签) before they sign; lead-hospital (周主任) signs 同意 from their own inbox, officer-health
// (刘科长) through the API; the countersign has passed, and 王医生 approves the item — with screenshots as
// NN-countersign-*.png.
// Run: node --test frontend/e2e/ (bin/test starts the platform)
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { api, fileBirthCase, taskOf } from './platformApi.mjs';
import { apiErrors, assertNoErrorToast, launchBrowser, login, openInbox, rowsWith, screenshot, walk } from './ui.mjs';

const ITEM_CODE = 'birthCertificate';
const ITEM = '出生医学证明';
const SIGN_TASK = `会签：${ITEM}`;
const KIND = '会签（过半数同意）';

/** Chooses `option` in the open Autocomplete `combobox`. */
const pick = async (page, combobox, option) => {
    await combobox.click();
    await page.getByRole('option', { name: option, exact: true }).click();
};

describe('加签 / 会签：三个部门会签，减签一人，过半数同意后通过', { timeout: 240_000 }, () => {
    let browser;
    let caseFile;
    const step = walk();

    before(async () => {
        browser = await launchBrowser();
        caseFile = await fileBirthCase();
    });
    after(async () => {
        await browser?.close();
    });

    step('officer-hospital asks three officers to countersign, then leaves one out (减签)', async () => {
        const { context, page } = await login(browser, 'officer-hospital');
        await openInbox(page, '待认领');
        await rowsWith(page, caseFile.number, ITEM).click();
        await page.getByRole('button', { name: '认领', exact: true }).click();
        await page.getByRole('button', { name: '放弃认领' }).waitFor();

        await page.getByRole('button', { name: '加签 / 会签' }).click();
        const dialog = page.getByRole('dialog', { name: `加签 / 会签：${ITEM}` });
        await dialog.getByRole('radio', { name: /^会签：/ }).check();
        await dialog.getByRole('radio', { name: '过半数同意' }).check();
        const signers = dialog.getByRole('combobox', { name: '加签人' });
        await pick(page, signers, '周主任（助产机构）');
        await pick(page, signers, '刘科长（卫生健康委）');
        await pick(page, signers, '陈医师（疾控中心 / 社区卫生服务中心）');
        await signers.press('Tab'); // closes the list of officers, not the dialog
        await dialog.getByRole('textbox', { name: '说明' }).fill('新生儿出生地在外市，请会签');
        await screenshot(page, 'countersign-ask');
        await dialog.getByRole('button', { name: '确认' }).click();
        await dialog.waitFor({ state: 'detached' });

        const card = page.getByRole('region', { name: KIND });
        await card.getByText('签署中').waitFor();
        assert.equal(await page.getByRole('button', { name: '通过', exact: true }).count(), 0, '会签期间不能办理');
        await card.getByRole('button', { name: '减签：陈医师' }).click();
        const confirm = page.getByRole('dialog', { name: '减签：陈医师' });
        await confirm.getByRole('button', { name: '确认' }).click();
        await card.getByRole('row').filter({ hasText: '陈医师' }).getByText('已减签').waitFor();
        await assertNoErrorToast(page, '减签后');
        await screenshot(page, 'countersign-removed');
        await context.close();
    });

    step('lead-hospital signs 同意 from 我的待办', async () => {
        const { context, page } = await login(browser, 'lead-hospital');
        await openInbox(page, '我的待办');
        await rowsWith(page, caseFile.number, SIGN_TASK).click();
        await page.getByText(`王医生 请您签署意见：${KIND}`).waitFor();
        await screenshot(page, 'countersign-sign');
        await page.getByRole('button', { name: '签署意见' }).click();
        const dialog = page.getByRole('dialog', { name: `签署意见：${SIGN_TASK}` });
        await dialog.getByRole('textbox', { name: '意见' }).fill('出生医学证明信息核对无误');
        await dialog.getByRole('button', { name: '确认' }).click();
        await page.waitForURL(url => url.pathname === '/tasks');
        await assertNoErrorToast(page, '签署后');
        await context.close();
    });

    step('with officer-health agreeing too the countersign passes, and officer-hospital approves the item', async () => {
        const signTask = (await api('officer-health', 'GET', '/tasks?view=mine&size=200')).items.find(
            task => task.caseId === caseFile.id && task.sign
        );
        assert.ok(signTask, 'officer-health 应在我的待办中看到会签任务');
        await api('officer-health', 'POST', `/tasks/${signTask.id}/sign`, { agree: true, opinion: '同意' });

        const { context, page } = await login(browser, 'officer-hospital');
        await openInbox(page, '我的待办');
        await rowsWith(page, caseFile.number, ITEM).click();
        const card = page.getByRole('region', { name: KIND });
        await card.getByText('已通过').waitFor();
        await card.getByRole('row').filter({ hasText: '周主任' }).getByText('出生医学证明信息核对无误').waitFor();
        await screenshot(page, 'countersign-passed');

        await page.getByRole('button', { name: '通过', exact: true }).click();
        const decision = page.getByRole('dialog', { name: `通过：${ITEM}` });
        await decision.getByRole('button', { name: '确认' }).click();
        await page.getByText('办理结果已提交').first().waitFor();
        const item = (await api('citizen1', 'GET', `/cases/${caseFile.id}`)).items.find(i => i.code === ITEM_CODE);
        assert.equal(item.status, 'APPROVED', `${ITEM}应已通过`);
        assert.equal(await taskOf('officer-hospital', caseFile.id, ITEM_CODE), undefined, '办理后不应再有该任务');
        assert.deepEqual(apiErrors, [], 'no API errors');
        await context.close();
    });
});
