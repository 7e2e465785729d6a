// 待办任务 at full strength in the real UI on the real platform: citizen1 files three 出生一件事 (through the API);
// officer-cdc opens 待认领, narrows it to 出生一件事 · 预防接种证 (a step the model lets approve in bulk), selects the
// three cases' tasks and 批量通过 them with one comment. Meanwhile lead-cdc claims one of them (through the API): the
// result dialog names that one with the reason, the other two went through (approved on their cases, listed under
// 我已办结) — with screenshots as NN-inbox-*.png.
// Run: node --test frontend/e2e/ (bin/test starts the platform)
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { api, fileBirthCase, taskOf } from './platformApi.mjs';
import { apiErrors, assertNoErrorToast, launchBrowser, login, openInbox, rowsWith, screenshot, until, walk } from './ui.mjs';

const ITEM_CODE = 'vaccination';
const ITEM = '预防接种证';

/** Chooses `option` in the list's filter `label` (a react-admin SelectInput). */
const chooseFilter = async (page, label, option) => {
    await page.getByRole('combobox', { name: label, exact: true }).click();
    await page.getByRole('option', { name: option, exact: true }).click();
};

/** The status of the case's item as its owner sees it (APPROVED once decided so). */
const itemStatus = async (caseId, itemCode) =>
    (await api('citizen1', 'GET', `/cases/${caseId}`)).items.find(item => item.code === itemCode)?.status;

describe('待办任务：批量通过，其中一件被他人认领而失败', { timeout: 240_000 }, () => {
    let browser;
    let cases;
    const step = walk();

    before(async () => {
        browser = await launchBrowser();
        cases = [];
        for (let i = 0; i < 3; i++) cases.push(await fileBirthCase());
        for (const caseFile of cases) {
            assert.ok(await taskOf('officer-cdc', caseFile.id, ITEM_CODE), `officer-cdc has no ${ITEM} of ${caseFile.number}`);
        }
    });
    after(async () => {
        await browser?.close();
    });

    step('officer-cdc approves three in bulk: the one lead-cdc claimed meanwhile fails with why, two go through', async () => {
        const { context, page } = await login(browser, 'officer-cdc');
        await openInbox(page, '待认领');
        await chooseFilter(page, '一件事', '出生一件事');
        await chooseFilter(page, '事项', ITEM);
        await page.waitForURL(url => decodeURIComponent(url.search).includes(`"item":"${ITEM_CODE}"`));
        for (const caseFile of cases) {
            const row = rowsWith(page, caseFile.number, ITEM);
            await row.waitFor();
            await row.getByRole('checkbox').check();
        }
        await page.getByText('已选择 3 项').waitFor();
        await assertNoErrorToast(page, '待认领');
        await screenshot(page, 'inbox-selected');

        await page.getByRole('button', { name: '批量通过' }).click();
        const dialog = page.getByRole('dialog', { name: '批量通过 3 件任务' });
        await dialog.waitFor();
        for (const caseFile of cases) await dialog.getByText(`${caseFile.number} · ${ITEM}`).waitFor();
        await dialog.getByRole('textbox', { name: '办理意见' }).fill('预防接种信息核对无误，同意办理');
        await screenshot(page, 'inbox-bulk-approve');

        const [first, taken, third] = cases;
        const takenTask = await taskOf('officer-cdc', taken.id, ITEM_CODE);
        await api('lead-cdc', 'POST', `/tasks/${takenTask.id}/claim`, {});
        await dialog.getByRole('button', { name: '确认' }).click();

        const result = page.getByRole('dialog', { name: '批量通过结果' });
        await result.waitFor();
        await result.getByText('成功 2 件，失败 1 件').waitFor();
        const failed = result.getByRole('listitem').filter({ hasText: taken.number });
        await failed.getByText('失败', { exact: true }).waitFor();
        await failed.getByText(/已由 郑主任 认领/).waitFor();
        for (const caseFile of [first, third]) {
            await result.getByRole('listitem').filter({ hasText: caseFile.number }).getByText('成功', { exact: true }).waitFor();
        }
        await screenshot(page, 'inbox-bulk-result');

        await result.getByRole('button', { name: '关闭' }).click();
        await result.waitFor({ state: 'detached' });
        // all three left 待认领: two approved, one claimed by lead-cdc
        await until(async () => {
            const counts = await Promise.all(cases.map(caseFile => rowsWith(page, caseFile.number, ITEM).count()));
            return counts.every(count => count === 0);
        }, '批量通过后这三件应不在待认领中');
        assert.equal(await itemStatus(first.id, ITEM_CODE), 'APPROVED', `${first.number} 的${ITEM}应已通过`);
        assert.equal(await itemStatus(third.id, ITEM_CODE), 'APPROVED', `${third.number} 的${ITEM}应已通过`);
        assert.equal(await itemStatus(taken.id, ITEM_CODE), 'IN_PROGRESS', `${taken.number} 的${ITEM}应仍在办理`);

        await page.getByRole('tab', { name: /^我已办结/ }).click();
        await rowsWith(page, first.number, ITEM).waitFor();
        await rowsWith(page, third.number, ITEM).waitFor();
        assert.equal(await rowsWith(page, taken.number, ITEM).count(), 0, `${taken.number} 不应在我已办结中`);
        await assertNoErrorToast(page, '我已办结');
        await screenshot(page, 'inbox-done');
        assert.deepEqual(apiErrors, [], 'no API errors');
        await context.close();
    });

    step('lead-cdc finds the task claimed meanwhile under 我的待办', async () => {
        const { context, page } = await login(browser, 'lead-cdc');
        await openInbox(page, '我的待办');
        await rowsWith(page, cases[1].number, ITEM).waitFor({ timeout: 30_000 });
        await assertNoErrorToast(page, 'lead-cdc 的我的待办');
        await screenshot(page, 'inbox-lead-mine');
        await context.close();
    });
});
