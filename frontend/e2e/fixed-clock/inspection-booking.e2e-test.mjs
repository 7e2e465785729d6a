// 踏勘预约 in the real UI: 卫生健康委 and 生态环境局 publish site-inspection teams, so enterprise1 books the joint
// inspection of its 职业健康一件事 itself on the case page — a half-day with a team of each free, at the address of
// its form — and the visit is fixed at once, without proposals and confirmations; it then moves it to another
// half-day, cancels it and books again. 生态环境局 finds the visit on its inspection calendar. The application and its three reviews are set
// up through the API. Screenshots as NN-inspection-booking-*.png. Run on the fixed clock (Monday 2026-11-23).
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { api, fileRadiationCase } from '../platformApi.mjs';
import { BASE_URL, assertNoErrorToast, launchBrowser, login, pickSlot, screenshot, walk } from '../ui.mjs';

describe('踏勘预约：企业自选半天 → 各部门一次到场 → 改约 → 取消再约', { timeout: 300_000 }, () => {
    let browser;
    let caseFile;
    let page;
    let picked;
    const step = walk();

    /** 12月24日（周四） 上午 09:00–12:00（余 1 个） → 12月24日（周四） 上午 09:00–12:00 */
    const halfDayOf = label => label.replace(/（余 \d+ 个）\s*$/, '').trim();

    before(async () => {
        browser = await launchBrowser();
        caseFile = await fileRadiationCase();
    });
    after(async () => {
        await browser?.close();
    });

    step('enterprise1 is invited to book on its case page and books a half-day at its address', async () => {
        ({ page } = await login(browser, 'enterprise1'));
        await page.goto(`${BASE_URL}/cases/${caseFile.id}/show`);
        await page.getByText(/联合现场踏勘可以自助预约：生态环境局、卫生健康委公布了踏勘组/).waitFor({ timeout: 30_000 });
        await screenshot(page, 'inspection-booking-invited');
        await page.getByRole('button', { name: '预约踏勘' }).click();
        const dialog = page.getByRole('dialog', { name: '预约联合现场踏勘' });
        await dialog.waitFor();
        assert.equal(await dialog.getByRole('textbox', { name: /踏勘地点/ }).inputValue(), '上海市徐汇区漕溪北路 88 号');
        await dialog.getByRole('radio').first().waitFor();
        await screenshot(page, 'inspection-booking-dialog');
        picked = halfDayOf(await pickSlot(page, '预约踏勘', '预约成功，踏勘时间已确定'));
        await page.getByText(`联合现场踏勘已预约：${picked}，地点：上海市徐汇区漕溪北路 88 号`).waitFor();
        await page.getByText('待现场踏勘').first().waitFor();
        await assertNoErrorToast(page, '预约踏勘');
        await screenshot(page, 'inspection-booking-booked');

        const [inspection] = await api('enterprise1', 'GET', `/cases/${caseFile.id}/inspections`);
        assert.equal(inspection.status, 'FIXED');
        assert.deepEqual(inspection.openSteps.map(s => s.step).sort(), ['recordFindings', 'recordFindings'],
            'no proposal or confirmation: both departments go straight to the visit');
        const notices = (await api('enterprise1', 'GET', '/notifications?size=200')).items
            .filter(n => n.caseId === caseFile.id && n.message.includes('踏勘通知'));
        assert.equal(notices.length, 1, 'told once, when booked');
    });

    step('enterprise1 moves the booking to another half-day; the booked one cannot be picked', async () => {
        const before = (await api('enterprise1', 'GET', `/cases/${caseFile.id}/inspections`))[0].booking;
        await page.getByRole('button', { name: '改约' }).click();
        const dialog = page.getByRole('dialog', { name: '改约联合现场踏勘' });
        await dialog.waitFor();
        assert.ok(await dialog.getByRole('radio', { name: picked }).isDisabled(), 'the booked half-day');
        const moved = halfDayOf(await pickSlot(page, '改约', '已改约'));
        await page.getByText(`联合现场踏勘已预约：${moved}，地点：上海市徐汇区漕溪北路 88 号`).waitFor();
        await assertNoErrorToast(page, '改约');
        const after = (await api('enterprise1', 'GET', `/cases/${caseFile.id}/inspections`))[0];
        assert.notDeepEqual([after.booking.day, after.booking.halfDay], [before.day, before.halfDay]);
        await screenshot(page, 'inspection-booking-moved');
    });

    step('enterprise1 cancels the booking and books again', async () => {
        await page.getByRole('button', { name: '取消预约' }).click();
        const confirm = page.getByRole('dialog', { name: '取消预约' });
        await confirm.getByRole('button', { name: '确认' }).click();
        await page.getByText(/联合现场踏勘可以自助预约/).waitFor();
        await assertNoErrorToast(page, '取消预约');
        assert.equal((await api('enterprise1', 'GET', `/cases/${caseFile.id}/inspections`))[0].status, 'SCHEDULING');
        await page.getByRole('button', { name: '预约踏勘' }).click();
        const again = halfDayOf(await pickSlot(page, '预约踏勘', '预约成功，踏勘时间已确定'));
        await page.getByText(`联合现场踏勘已预约：${again}，地点：上海市徐汇区漕溪北路 88 号`).waitFor();
    });

    step('生态环境局 finds the booked visit on its inspection calendar', async () => {
        const [inspection] = await api('enterprise1', 'GET', `/cases/${caseFile.id}/inspections`);
        const officer = await login(browser, 'officer-ecology');
        await officer.page.goto(`${BASE_URL}/inspections/calendar?date=${inspection.booking.day}`);
        await officer.page.getByText('联合现场踏勘').first().waitFor({ timeout: 30_000 });
        await screenshot(officer.page, 'inspection-booking-calendar');
        await officer.context.close();
    });
});
