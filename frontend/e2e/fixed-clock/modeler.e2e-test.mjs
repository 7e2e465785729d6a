// The manager changes how 出生一件事 runs without a developer: opens the latest version in the modeler, moves
// 预防接种证 to 卫生健康委 with a 3-working-day promise, takes 父母身份证 off 出生医学证明 (减材料), breaks the model
// (deletes the end event) and sees the dead end marked by 检查, undoes it, compares the edit with the deployed
// version, deploys with a comment, migrates the running case, finds it by clicking its element, and a new
// case follows the new model (the citizen's form no longer asks 父母身份证). The earlier model is deployed
// again at the end (rollback). Runs with the fixed-clock tests: no birth browser test shares its platform.
// Screenshots as NN-modeler-*.png.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { api, fileBirthCase } from '../platformApi.mjs';
import { apiErrors, assertNoErrorToast, launchBrowser, login, openMenu, screenshot, until, walk } from '../ui.mjs';

describe('流程模型：编辑 → 检查 → 部署 → 迁移 → 新办件按新模型办理', { timeout: 300_000 }, () => {
    let browser;
    let running;
    let original;
    let version;
    const step = walk();

    before(async () => {
        browser = await launchBrowser();
        running = await fileBirthCase();
        [{ version }] = await api('manager1', 'GET', '/models/birth/versions');
        original = (await api('manager1', 'GET', `/models/birth/versions/${version}`)).xml;
    });
    after(async () => {
        await api('manager1', 'POST', '/models/birth/deployments', { xml: original, comment: '浏览器测试结束，恢复原模型' })
            .catch(() => {});
        await browser?.close();
    });

    step('manager1 edits 出生一件事: a dead end is marked, undone, and 预防接种证 moves to 卫生健康委 promising 3 days', async () => {
        const { context, page } = await login(browser, 'manager1');
        await openMenu(page, '流程模型');
        await page.locator('tbody tr').filter({ hasText: '出生一件事' }).first().click();
        const versions = page.getByRole('table', { name: '版本' });
        await versions.locator('tbody tr').first().getByRole('link', { name: '编辑' }).or(
            versions.locator('tbody tr').first().getByRole('button', { name: '编辑' })).first().click();
        const vaccination = page.locator('[data-element-id="vaccination"]').first();
        await vaccination.waitFor({ timeout: 30_000 });

        await page.locator('[data-element-id="EndEvent_completed"]').first().click();
        await page.keyboard.press('Delete');
        await page.getByRole('button', { name: '检查' }).click();
        const deadEnd = page.locator('[data-element-id="Gateway_joinItems"].oth-model-error');
        await deadEnd.first().waitFor();
        await page.getByText(/没有后续连线/).first().waitFor();
        await screenshot(page, 'modeler-dead-end');
        await page.locator('[data-element-id="vaccination"]').first().click();
        await page.keyboard.press('Control+z');
        await until(async () => (await page.locator('[data-element-id="EndEvent_completed"]').count()) > 0,
            '撤销后结束事件应回来');
        await page.getByRole('button', { name: '检查' }).click();
        await until(async () => (await page.locator('.oth-model-error').count()) === 0, '修复后不应再有错误标记');

        // select another task first: the undo left 预防接种证 selected, and selecting it again changes nothing
        await page.locator('[data-element-id="birthCertificate"]').first().click();
        await vaccination.click();
        await page.getByText('用户任务：预防接种证').waitFor();
        await page.getByRole('combobox', { name: '办理部门' }).click();
        await page.getByRole('option', { name: '卫生健康委' }).click();
        await page.getByRole('spinbutton', { name: '承诺时限（工作日）' }).fill('3');
        await screenshot(page, 'modeler-department');

        // 减材料: 出生医学证明 no longer asks 父母身份证 (its chip's delete icon)
        await page.locator('[data-element-id="birthCertificate"]').first().click();
        await page.getByText('用户任务：出生医学证明').waitFor();
        await page.getByRole('button', { name: '父母身份证' }).locator('.MuiChip-deleteIcon').click();
        await until(async () => (await page.getByRole('button', { name: '父母身份证' }).count()) === 0,
            '父母身份证应已移除');
        await screenshot(page, 'modeler-materials');

        await page.getByRole('button', { name: '与已部署版本对比' }).click();
        const compare = page.getByRole('dialog', { name: '与已部署版本对比' });
        await compare.getByText(new RegExp('所需材料: 默认（分娩记录（助产机构出具）、父母身份证、多胞胎出生顺序记录（助产机构出具））'
            + ' → 分娩记录（助产机构出具）、多胞胎出生顺序记录（助产机构出具）')).waitFor();
        await compare.getByText('办理部门: 疾控中心 / 社区卫生服务中心 → 卫生健康委').waitFor();
        await screenshot(page, 'modeler-draft-diff');
        await compare.getByRole('button', { name: '关闭' }).click();
        await compare.waitFor({ state: 'hidden' });

        await page.getByRole('button', { name: '部署' }).first().click();
        const dialog = page.getByRole('dialog');
        await dialog.getByRole('textbox', { name: '部署说明' }).fill('预防接种证改由卫生健康委办理；出生医学证明不再要求父母身份证');
        await dialog.getByRole('button', { name: '部署' }).click();
        await page.getByText(`已部署为新版本 v${version + 1}`).first().waitFor({ timeout: 30_000 });
        await assertNoErrorToast(page, '部署后');
        await screenshot(page, 'modeler-deployed');
        await context.close();
    });

    step('manager1 migrates the running case; a new case goes to 卫生健康委 with 3 working days', async () => {
        const { context, page } = await login(browser, 'manager1');
        await openMenu(page, '流程模型');
        await page.locator('tbody tr').filter({ hasText: '出生一件事' }).first().click();
        await page.getByRole('button', { name: '预览' }).click();
        await page.getByText(running.number).or(page.getByText(running.id)).first().waitFor();
        await page.getByRole('button', { name: /迁移所选办件/ }).click();
        await page.getByText(/已迁移 [1-9]\d* 件/).first().waitFor({ timeout: 30_000 });
        await screenshot(page, 'modeler-migrated');

        // 查看 the new version: the migrated case waits at 预防接种证 (and the others), counted on the diagram
        const newest = page.getByRole('table', { name: '版本' }).locator('tbody tr').first();
        await newest.getByRole('button', { name: '查看' }).click();
        const badge = page.locator('.oth-figures[data-element-id="vaccination"]');
        await badge.waitFor({ timeout: 30_000 });
        assert.match(await badge.innerText(), /在办 [1-9]/);
        await screenshot(page, 'modeler-figures');
        // a click on the element lists the cases waiting there, by case number
        await page.locator('.djs-element[data-element-id="vaccination"]').first().click();
        await page.getByText('停在「预防接种证」的办件').waitFor();
        await page.getByRole('link', { name: running.number }).waitFor();
        await screenshot(page, 'modeler-waiting-cases');
        await context.close();

        const definition = (await api('manager1', 'GET', `/models/birth/versions/${version + 1}/activities/vaccination/cases`));
        assert.ok(definition.some(c => c.businessKey === running.id), '在办件已迁移到新版本');
        const next = await fileBirthCase();
        const item = (await api('citizen1', 'GET', `/cases/${next.id}`)).items.find(i => i.code === 'vaccination');
        assert.equal(item.department, 'health');
        assert.equal(item.deadline.limitDays, 3);
        assert.equal(next.materials.some(m => m.code === 'parentsIdCards'), false, '新办件不再需要父母身份证');

        // the citizen's one form follows the new model: 父母身份证 is not asked any more
        const citizen = await login(browser, 'citizen1');
        await openMenu(citizen.page, '办事指南');
        await citizen.page.getByRole('link', { name: '申请出生一件事' }).click();
        await citizen.page.getByText('分娩记录（助产机构出具）').first().waitFor();
        assert.equal(await citizen.page.getByText('父母身份证').count(), 0, '申请表不再要求父母身份证');
        await screenshot(citizen.page, 'modeler-citizen-form');
        await citizen.context.close();
        assert.deepEqual(apiErrors, [], '没有失败的接口调用');
    });

    step('manager1 reads a timer of 差评整改 in working days, not as an expression to edit', async () => {
        const { context, page } = await login(browser, 'manager1');
        await openMenu(page, '流程模型');
        await page.locator('tbody tr').filter({ hasText: '差评整改' }).first().click();
        await page.getByRole('table', { name: '版本' }).locator('tbody tr').first().getByRole('link', { name: '编辑' })
            .click();
        await page.locator('[data-element-id="callbackTimeout"]').first().click();
        await page.getByText('定时器：回访期满未答复').waitFor();
        await page.getByText(/触发时间由系统计算/).waitFor();
        assert.equal(await page.getByRole('spinbutton', { name: '工作日数' }).count(), 0, '计算出的时间不可在此修改');
        await screenshot(page, 'modeler-timer');
        await context.close();
        assert.deepEqual(apiErrors, [], '没有失败的接口调用');
    });
});
