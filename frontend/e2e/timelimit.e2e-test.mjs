// 工作日时限 in the real UI on the real platform (bin/test starts it: backend on a fresh database with its job
// executor running, Keycloak): a case filed through the API, then the officer's inbox with lights and the
// light filter, the lead's 预警 notification from the warning timer, a 补正 pause on the case page, 时限监控
// for the manager and 工作日历 for the administrator (with a server validation error). Dates depend on the
// day the test runs, so deadlines are checked by shape and by the calendar's own answer.
// Screenshots go to $SCREENSHOTS as NN-timelimit-*.png. Run: node --test frontend/e2e/
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { api, fileBirthCase, taskOf } from './platformApi.mjs';
import {
    BASE_URL,
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

const TODAY = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });

describe('工作日时限：待办状态灯、预警通知、补正停表、时限监控、工作日历', { timeout: 280_000 }, () => {
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

    step('officer-hospital: the inbox shows the 1-day item near its deadline and filters by light', async () => {
        const expected = await api('citizen1', 'GET', `/calendar/deadline?start=${TODAY}&workingDays=1`);
        const { context, page } = await login(browser, 'officer-hospital');
        await openInbox(page, '待认领');
        const row = rowsWith(page, caseFile.number, '出生医学证明');
        await row.waitFor();
        await row.getByText('预警').waitFor();
        await row.getByText(`${expected.deadline}（剩余 1 个工作日）`).waitFor();
        await assertNoErrorToast(page, '待办任务');
        await screenshot(page, 'timelimit-inbox');

        const lights = page.getByRole('group', { name: '按状态灯筛选' });
        await lights.getByRole('button', { name: '超期' }).click();
        await until(async () => (await rowsWith(page, caseFile.number).count()) === 0, '超期筛选下不应有这个新办件');
        await lights.getByRole('button', { name: '预警' }).click();
        await rowsWith(page, caseFile.number, '出生医学证明').waitFor();
        await screenshot(page, 'timelimit-inbox-yellow');
        await context.close();
    });

    step('lead-hospital: the warning timer has put a 预警 notification in the lead’s list', async () => {
        const { context, page } = await login(browser, 'lead-hospital');
        // the job executor runs the timer within seconds of the task's creation
        await until(
            async () => {
                await page.goto(`${BASE_URL}/notifications`);
                return (await page.locator('tbody tr').filter({ hasText: caseFile.number }).count()) > 0;
            },
            '部门负责人应收到本办件的预警通知',
            60_000
        );
        await page.locator('tbody tr').filter({ hasText: caseFile.number }).getByText(/【预警】/).first().waitFor();
        await page.getByRole('link', { name: /消息通知：\d+ 条未读/ }).waitFor();
        await assertNoErrorToast(page, '消息通知');
        await screenshot(page, 'timelimit-notifications');
        await context.close();
    });

    step('citizen1: a 补正 stops 生育保险待遇’s clock, the answer resumes it', async () => {
        const task = await taskOf('officer-medicare', caseFile.id, 'maternityBenefit');
        await api('officer-medicare', 'POST', `/tasks/${task.id}/complete`, {
            decision: 'return', comment: '请补充母亲参保单位', missing: ['motherEmployer'],
        });
        const { context, page } = await login(browser, 'citizen1');
        await openMenu(page, '我的办件');
        await rowsWith(page, caseFile.number).getByText(caseFile.number, { exact: true }).click();
        const overall = page.getByRole('region', { name: '办结时限' });
        await overall.getByText('5 个工作日').first().waitFor();
        const items = page.locator('table').filter({ has: page.getByRole('columnheader', { name: '部门' }) });
        const maternity = rowsWith(items, '生育保险待遇');
        await maternity.getByText('已暂停（补正）').waitFor();
        await maternity.getByText(`补正暂停：${TODAY} 起（暂停中）`).waitFor();
        await rowsWith(items, '社会保障卡').getByText('待前置事项办结后起算').waitFor();
        await assertNoErrorToast(page, '办件页');
        await screenshot(page, 'timelimit-case-paused');

        await api('citizen1', 'POST', `/cases/${caseFile.id}/supplements`, {
            itemCode: 'maternityBenefit', form: { motherEmployer: '北京某某科技有限公司' },
        });
        await page.reload();
        await maternity.getByText(`补正暂停：${TODAY} 至 ${TODAY}`).waitFor();
        await maternity.getByText('正常').waitFor();
        await screenshot(page, 'timelimit-case-resumed');
        await context.close();
    });

    step('manager1: 时限监控 counts the open items of each department by light', async () => {
        const { context, page } = await login(browser, 'manager1');
        await openMenu(page, '时限监控');
        const overview = page.getByRole('table', { name: '各部门在办事项' });
        await overview.waitFor();
        await rowsWith(overview, '助产机构').waitFor();
        await assertNoErrorToast(page, '时限监控');
        await screenshot(page, 'timelimit-monitor');
        await context.close();
    });

    step('admin1: 工作日历 lists the years, computes a deadline, and refuses a 调休 day on a weekday', async () => {
        const { context, page } = await login(browser, 'admin1');
        await openMenu(page, '工作日历');
        const year2026 = page.getByRole('article', { name: '2026 年' });
        await year2026.getByText('内置').waitFor();
        await year2026.getByRole('row', { name: /春节/ }).getByText('02-14、02-28').waitFor();

        const probe = page.getByRole('region', { name: '期限试算' });
        await probe.getByLabel('起算日期').fill('2026-09-29');
        await probe.getByRole('spinbutton', { name: '工作日数' }).or(probe.getByRole('textbox', { name: '工作日数' })).fill('5');
        await probe.getByRole('button', { name: '试算' }).click();
        await probe.getByText('截止日期：2026-10-12').waitFor(); // 09-30, 10-08, 10-09, Saturday 10-10, 10-12
        await screenshot(page, 'timelimit-calendar');

        await year2026.getByRole('link', { name: '编辑' }).click();
        await page.getByText('编辑 2026 年工作日历').first().waitFor();
        const qingming = page
            .locator('.RaSimpleFormIterator-line')
            .filter({ has: page.locator('input[value="清明节"]') })
            .first();
        await qingming.getByRole('button', { name: '添加' }).last().click();
        await qingming.getByLabel('上班日期').last().fill('2026-04-07');
        await page.getByRole('button', { name: '保存' }).click();
        const worked = qingming.getByLabel('上班日期').last();
        await until(async () => (await worked.getAttribute('aria-invalid')) === 'true', '调休上班日旁应显示服务器的错误');
        await page.getByRole('alert').filter({ hasText: '调休上班日应是周六或周日，2026-04-07 是星期二' }).waitFor();
        await worked.scrollIntoViewIfNeeded();
        await screenshot(page, 'timelimit-calendar-error');
        const provoked = apiErrors.findIndex(entry => entry.endsWith('PUT /api/calendar/2026 → 400'));
        if (provoked >= 0) apiErrors.splice(provoked, 1); // the one error provoked on purpose
        assert.deepEqual(apiErrors, [], 'no other API errors');
        await context.close();
    });
});
