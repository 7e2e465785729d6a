// 统一预约 in the real UI: citizen1's 出生一件事 (filed through the API) has its 出生医学证明 approved; on the case
// page the applicant books a half-day to collect the paper certificate, moves it to another, then cancels it —
// the places left change with each; the 社会保障卡 visit waits for its item. Screenshots NN-appointment-*.png.
// Run: node --test frontend/e2e/ (bin/test starts the platform)
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { api, approve, fileBirthCase } from './platformApi.mjs';
import { assertNoErrorToast, BASE_URL, launchBrowser, login, pickSlot, screenshot, until, walk } from './ui.mjs';

const PURPOSE = '领取纸质《出生医学证明》';

describe('预约到场：预约、改约、取消', { timeout: 240_000 }, () => {
    let browser;
    let caseFile;
    let page;
    const step = walk();

    before(async () => {
        browser = await launchBrowser();
        caseFile = await fileBirthCase();
        await approve('officer-hospital', caseFile.id, 'birthCertificate');
    });
    after(async () => {
        await browser?.close();
    });

    const visitCard = () => page.getByRole('region', { name: '预约到场' }).locator('.MuiCard-root', { hasText: PURPOSE });

    /** Picks the first half-day with places left (other than the booked one) and confirms; the slot's label. */
    step('citizen1 books a half-day to collect the certificate; the social security card waits for its item', async () => {
        ({ page } = await login(browser, 'citizen1'));
        await page.goto(`${BASE_URL}/cases/${caseFile.id}/show`);
        const section = page.getByRole('region', { name: '预约到场' });
        await section.getByText('领取社会保障卡').waitFor();
        await section.getByText('事项办结后即可预约').waitFor();
        await visitCard().getByRole('button', { name: '预约' }).click();
        await page.getByRole('dialog', { name: `预约：${PURPOSE}` }).waitFor();
        await screenshot(page, 'appointment-slots');
        const label = await pickSlot(page, '预约', '预约成功');
        const [, day, time] = label.match(/^(\S+) (\S+ \S+)（余 \d+ 个）/);
        await visitCard().getByText(new RegExp(`^已预约：${day} ${time}，\\d 号窗口，排队号 \\d+$`)).waitFor();
        await assertNoErrorToast(page, '预约');
        await screenshot(page, 'appointment-booked');
    });

    step("the hospital's reception finds citizen1 on its 到场名单 of that day", async () => {
        const [booking] = await api('citizen1', 'GET', `/cases/${caseFile.id}/appointments`);
        const officer = await login(browser, 'officer-hospital');
        await officer.page.getByRole('menuitem', { name: '到场名单' }).click();
        // exact: the inbox shown before the click has 收件日期自 / 至 filters
        await officer.page.getByLabel('日期', { exact: true }).fill(booking.day);
        const row = officer.page.locator('tbody tr', { hasText: caseFile.number });
        await row.getByText('张*').waitFor();
        await row.getByText(`${booking.queueNumber} 号 · ${booking.window} 号窗口`).waitFor();
        await screenshot(officer.page, 'appointment-day-list');
        await row.click();
        await officer.page.getByText(`办件 ${caseFile.number}`).first().waitFor();
        await officer.context.close();
    });

    step('citizen1 moves the booking to another half-day, then cancels it; the place is free again', async () => {
        const before = visitCard().getByText(/^已预约：/);
        await before.waitFor();
        const was = await before.textContent();
        await visitCard().getByRole('button', { name: '改约' }).click();
        await page.getByRole('dialog', { name: `改约：${PURPOSE}` }).waitFor();
        await pickSlot(page, '改约', '已改约');
        // the card shows the new half-day once the page has read the visits again
        await until(async () => (await before.textContent()) !== was, 'the booking shows the new half-day');

        await visitCard().getByRole('button', { name: '取消预约' }).click();
        await page.getByRole('dialog', { name: '取消预约' }).getByRole('button', { name: '确认' }).click();
        await page.getByText('已取消预约').waitFor();
        await visitCard().getByRole('button', { name: '预约' }).waitFor();
        const bookings = await api('citizen1', 'GET', `/cases/${caseFile.id}/appointments`);
        assert.deepEqual(bookings.map(b => b.status), ['CANCELLED', 'MOVED']);
        await screenshot(page, 'appointment-cancelled');
    });
});
