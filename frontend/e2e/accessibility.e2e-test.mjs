// WCAG 2.1 AA on the applicant's pages, checked by axe-core in Chromium: the login page, 办事指南, the application
// form, 我的办件, a case page, 电子证照 and 消息通知 — in the normal and the 长者版 mode, on a desktop and a 390×844
// phone screen. No serious or critical violation may remain; each page's screenshot is NN-a11y-<mode>-<screen>-<page>.png.
// Run: node --test frontend/e2e/ (bin/test starts the platform)
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { api, approve, fileBirthCase } from './platformApi.mjs';
import { BASE_URL, launchBrowser, login, MOBILE, screenshot, walk } from './ui.mjs';

const DESKTOP = { width: 1366, height: 900 };

/** The serious and critical WCAG 2.1 A/AA violations on the page, one line each with where they are. */
const violations = async page => {
    const { violations: found } = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
    return found
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
};

const pages = caseId => [
    { name: 'guide', path: '/bundles', ready: page => page.getByText('出生一件事').first() },
    { name: 'apply', path: '/bundles/birth/apply', ready: page => page.getByRole('button', { name: /提交/ }).first() },
    { name: 'cases', path: '/cases', ready: page => page.getByText('出生一件事').first() },
    { name: 'case', path: `/cases/${caseId}/show`, ready: page => page.getByRole('region', { name: '预约到场' }) },
    {
        name: 'licences',
        path: '/licences',
        ready: page => page.getByText('暂无电子证照').or(page.locator('tbody tr')).first(),
    },
    { name: 'notifications', path: '/notifications', ready: page => page.getByText(/出生医学证明：通过/).first() },
];

describe('无障碍：申请人页面在常规版和长者版、桌面和手机上无严重问题', { timeout: 600_000 }, () => {
    let browser;
    let caseFile;
    const step = walk();

    before(async () => {
        browser = await launchBrowser();
        // citizen3 is this test's own: the other tests run alongside, and a page turning to 长者版 under them
        // (cards instead of tables) would break them
        caseFile = await fileBirthCase('citizen3');
        await approve('officer-hospital', caseFile.id, 'birthCertificate');
        // whatever an earlier run left: citizen3 starts on the normal site
        await api('citizen3', 'PUT', '/me/preferences', { elderMode: false });
    });
    after(async () => {
        await browser?.close();
    });

    /** Each applicant page in turn, its screenshot, and what axe-core finds on it. */
    const checkPages = async (page, mode, screen) => {
        const problems = [];
        for (const { name, path, ready } of pages(caseFile.id)) {
            await page.goto(`${BASE_URL}${path}`);
            await ready(page).waitFor();
            await screenshot(page, `a11y-${mode}-${screen}-${name}`);
            for (const v of await violations(page)) problems.push(`${mode} ${screen} ${name}: ${v}`);
            // WCAG 1.4.10 reflow: on a phone nothing needs scrolling sideways
            const width = await page.evaluate(() => document.documentElement.scrollWidth);
            if (screen === 'mobile' && width > MOBILE.width) problems.push(`${mode} ${screen} ${name}: ${width}px wide`);
        }
        return problems;
    };

    const elderSwitch = page => page.getByRole('button', { name: '长者版' });

    /** Toggles 长者版 of a signed-in page and waits until the account has it (closing the page earlier loses it). */
    const toggleSaved = async page => {
        const saved = page.waitForResponse(r => r.url().endsWith('/api/me/preferences') && r.request().method() === 'PUT');
        await elderSwitch(page).click();
        assert.equal((await saved).status(), 200);
    };

    for (const [screen, viewport] of [['desktop', DESKTOP], ['mobile', MOBILE]]) {
        step(`the login page in both modes, ${screen}`, async () => {
            const context = await browser.newContext({ locale: 'zh-CN', viewport });
            const page = await context.newPage();
            await page.goto(`${BASE_URL}/`);
            await page.getByRole('button', { name: '使用统一身份认证登录' }).waitFor();
            await screenshot(page, `a11y-normal-${screen}-login`);
            const problems = (await violations(page)).map(v => `normal: ${v}`);
            await elderSwitch(page).click();
            await page.getByRole('button', { name: '长者版', pressed: true }).waitFor();
            await screenshot(page, `a11y-elder-${screen}-login`);
            problems.push(...(await violations(page)).map(v => `elder: ${v}`));
            await context.close();
            assert.deepEqual(problems, [], 'login page');
        });

        step(`citizen3's pages in the normal mode, then in 长者版, ${screen}`, async () => {
            const { context, page } = await login(browser, 'citizen3', { viewport });
            const problems = await checkPages(page, 'normal', screen);

            await toggleSaved(page);
            await page.getByRole('button', { name: '长者版', pressed: true }).waitFor();
            const base = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
            assert.ok(base >= 18, `长者版 body text is ${base}px`);
            problems.push(...(await checkPages(page, 'elder', screen)));
            await context.close();

            // back to the normal site for the next screen, saved with the account like any choice
            const again = await login(browser, 'citizen3', { viewport });
            await toggleSaved(again.page);
            await again.page.getByRole('button', { name: '长者版', pressed: false }).waitFor();
            await again.context.close();
            assert.deepEqual(problems, []);
        });
    }

    step('长者版 follows citizen3 to another device, and only citizen3', async () => {
        const first = await login(browser, 'citizen3', { viewport: MOBILE });
        await toggleSaved(first.page);
        await first.page.getByRole('button', { name: '长者版', pressed: true }).waitFor();
        await first.context.close();

        // a new browser context has nothing of the first: the choice comes from the account
        const other = await login(browser, 'citizen3');
        await other.page.getByRole('button', { name: '长者版', pressed: true }).waitFor();
        await other.page.reload();
        await other.page.getByRole('button', { name: '长者版', pressed: true }).waitFor();
        await screenshot(other.page, 'a11y-elder-remembered');
        await toggleSaved(other.page);
        await other.page.getByRole('button', { name: '长者版', pressed: false }).waitFor();
        await other.context.close();

        const someoneElse = await login(browser, 'citizen1');
        await someoneElse.page.getByRole('button', { name: '长者版', pressed: false }).waitFor();
        await someoneElse.context.close();
    });
});
