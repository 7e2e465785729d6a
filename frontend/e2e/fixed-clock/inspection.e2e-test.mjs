// 职业健康一件事 (放射诊疗) in the real UI, from the joint site inspection's scheduling to the licences issued
// together: 卫生健康委 (lead) proposes the visit, 生态环境局 proposes another time, the lead proposes again
// and it is confirmed; on site 卫生健康委 passes and 生态环境局 sets a condition; enterprise1 reports its
// rectification, 生态环境局 re-checks and the three licences are issued. The application and the three
// document reviews are set up through the API (the apply form is walked in commitment.e2e-test.mjs).
// Screenshots as NN-inspection-*.png. Run by bin/test on a platform whose clock starts Monday 2026-11-23 09:00.
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { api, fileRadiationCase } from '../platformApi.mjs';
import { apiErrors, assertNoErrorToast, launchBrowser, login, openInbox, openMenu, screenshot, walk } from '../ui.mjs';

const DAY = (process.env.E2E_PLATFORM_START ?? '2026-11-23T09:00:00+08:00').slice(0, 10);

describe('联合踏勘：拟定 → 另提时间 → 确认 → 现场结论 → 限期整改 → 复查 → 证照同发', { timeout: 400_000 }, () => {
    let browser;
    let caseFile;
    const step = walk();

    /** The inspection page of the case, opened by `user` from the 联合踏勘 list. */
    const openInspection = async user => {
        const session = await login(browser, user);
        await openMenu(session.page, '联合踏勘');
        const row = session.page.locator('tbody tr').filter({ hasText: caseFile.number });
        await row.first().waitFor({ timeout: 30_000 });
        await row.first().getByText('联合现场踏勘').click();
        await session.page.getByText(`联合现场踏勘：${caseFile.number}`).first().waitFor();
        return session;
    };

    const findings = async (user, result, issues) => {
        const { context, page } = await openInspection(user);
        await page.getByRole('radio', { name: result, exact: true }).check();
        if (issues) await page.getByRole('textbox', { name: /不符合项/ }).fill(issues);
        await screenshot(page, `inspection-findings-${user}`);
        await page.getByRole('button', { name: '提交踏勘结论' }).click();
        await page.getByText('踏勘结论已提交').first().waitFor();
        await assertNoErrorToast(page, `${user} 提交结论后`);
        return { context, page };
    };

    before(async () => {
        browser = await launchBrowser();
        caseFile = await fileRadiationCase();
    });
    after(async () => {
        await browser?.close();
    });

    step('officer-health opens the step from the inbox and proposes the visit', async () => {
        const { context, page } = await login(browser, 'officer-health');
        await openInbox(page, '待认领');
        const row = page.locator('tbody tr').filter({ hasText: caseFile.number }).filter({ hasText: '拟定踏勘时间' });
        await row.first().waitFor({ timeout: 30_000 });
        await screenshot(page, 'inspection-inbox');
        await row.first().getByText(/拟定踏勘时间/).click();
        await page.getByText(`联合现场踏勘：${caseFile.number}`).first().waitFor();
        await page.locator('input[name="visitAt"]').fill(`${DAY}T10:00`);
        await page.getByRole('textbox', { name: '踏勘地点' }).fill('上海市徐汇区漕溪北路 88 号');
        await page.getByRole('button', { name: '提交踏勘时间' }).click();
        await page.getByText('踏勘时间已拟定，等待各部门确认').first().waitFor();
        await page.getByText('确认踏勘时间').first().waitFor();
        await screenshot(page, 'inspection-proposed');
        await context.close();
    });

    step('officer-ecology proposes another time; the lead proposes it; ecology confirms', async () => {
        let { context, page } = await openInspection('officer-ecology');
        await page.getByRole('radio', { name: '另提时间' }).check();
        await page.locator('input[name="visitAt"]').fill(`${DAY}T15:00`);
        await page.getByRole('textbox', { name: '说明' }).fill('上午另有执法任务');
        await page.getByRole('button', { name: '提交答复' }).click();
        await page.getByText('答复已提交').first().waitFor();
        await screenshot(page, 'inspection-counter');
        await context.close();

        ({ context, page } = await openInspection('officer-health'));
        await page.getByText('上午另有执法任务').first().waitFor();
        await page.locator('input[name="visitAt"]').fill(`${DAY}T15:00`);
        await page.getByRole('button', { name: '提交踏勘时间' }).click();
        await page.getByText('踏勘时间已拟定，等待各部门确认').first().waitFor();
        await context.close();

        ({ context, page } = await openInspection('officer-ecology'));
        await page.getByRole('radio', { name: '确认该时间' }).check();
        await page.getByRole('button', { name: '提交答复' }).click();
        await page.getByText('答复已提交').first().waitFor();
        await page.getByText('待现场踏勘').first().waitFor();
        await page.goto(page.url().replace(/\/inspections\/.*$/, `/inspections/calendar?date=${DAY}`));
        await page.getByText('联合现场踏勘').first().waitFor();
        await screenshot(page, 'inspection-calendar');
        await context.close();
    });

    step('enterprise1 is told once when the visit is fixed', async () => {
        const notices = (await api('enterprise1', 'GET', '/notifications?size=200')).items
            .filter(n => n.caseId === caseFile.id && n.message.includes('踏勘通知'));
        assert.equal(notices.length, 1);
        assert.match(notices[0].message, /15:00/);
    });

    step('on site: 卫生健康委 passes, 生态环境局 sets a condition', async () => {
        (await findings('officer-health', '通过')).context.close();
        const { context, page } = await findings('officer-ecology', '有条件通过', '辐射工作场所电离辐射警告标志缺失');
        await page.getByText('企业整改中').first().waitFor();
        await context.close();
    });

    step('enterprise1 sees the condition on its case and reports its rectification', async () => {
        const { context, page } = await login(browser, 'enterprise1');
        await openMenu(page, '我的办件');
        await page.locator('tbody tr').filter({ hasText: caseFile.number }).getByText(caseFile.number).click();
        await page.getByText(/发现需要整改的问题/).first().waitFor();
        await screenshot(page, 'inspection-case-rectify');
        await page.locator('tbody tr').filter({ hasText: '联合现场踏勘' }).getByText('联合现场踏勘').first().click();
        await page.getByRole('textbox', { name: '整改情况说明' }).fill('已在辐射工作场所入口设置电离辐射警告标志');
        await page.getByRole('button', { name: '提交整改情况' }).click();
        await page.getByText('整改情况已提交，等待复查').first().waitFor();
        await page.getByText('待复查').first().waitFor();
        await screenshot(page, 'inspection-rectified');
        await context.close();
    });

    step('only 生态环境局 re-checks; it passes and the three licences are issued together', async () => {
        const { context, page } = await findings('officer-ecology', '通过');
        await page.getByText('踏勘通过').first().waitFor();
        await screenshot(page, 'inspection-passed');
        await context.close();

        const enterprise = await login(browser, 'enterprise1');
        await openMenu(enterprise.page, '电子证照');
        for (const name of ['放射诊疗许可证', '辐射安全许可证', '放射工作人员证']) {
            await enterprise.page.locator('tbody tr').filter({ hasText: name }).first().waitFor();
        }
        await screenshot(enterprise.page, 'inspection-licences');
        await enterprise.context.close();
        const issued = (await api('enterprise1', 'GET', `/licences?caseId=${caseFile.id}`)).items;
        assert.deepEqual(issued.map(l => l.licenceName).sort(), ['放射工作人员证', '放射诊疗许可证', '辐射安全许可证']);
        assert.deepEqual(apiErrors, [], '没有失败的接口调用');
    });
});
