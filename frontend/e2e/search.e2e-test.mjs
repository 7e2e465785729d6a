// 全文搜索 in the real UI on the real platform: citizen1 files a 出生一件事 (through the API) and, once the index has
// it (fed asynchronously from the outbox), officer-hospital searches 出生 from the app bar: 办件 and 待办 found, the
// word highlighted; the type facet narrows to 待办, then to 办件, and the case opens. citizen2 searching 出生 does not
// find citizen1's case; admin1 sees the index healthy under 搜索索引 — with screenshots as NN-search-*.png.
// Run: node --test frontend/e2e/ (bin/test starts the platform, Elasticsearch included)
import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { api, fileBirthCase, taskOf } from './platformApi.mjs';
import { apiErrors, assertNoErrorToast, launchBrowser, login, openMenu, screenshot, until, walk } from './ui.mjs';

const WORD = '出生';

/** How long the index may take to receive a change (the relay runs in the background). */
const INDEX_TIMEOUT = 30_000;

/** The ids `user` finds through the API (up to 200). */
const found = async (user, query) =>
    (await api(user, 'GET', `/search?${new URLSearchParams({ size: '200', ...query })}`)).items.map(item => item.id);

/** Searches `words` from the app bar's box and waits for the results page's answer. */
const searchFromAppBar = async (page, words) => {
    const box = page.getByRole('searchbox', { name: '搜索', exact: true });
    await box.fill(words);
    await box.press('Enter');
    await page.waitForURL(url => url.pathname === '/search');
    await page.getByText(/^(共 \d+ 条结果|没有找到相关结果)$/).first().waitFor();
};

describe('搜索：按权限找到办件和待办，索引正常', { timeout: 240_000 }, () => {
    let browser;
    let caseFile;
    const step = walk();

    before(async () => {
        browser = await launchBrowser();
        caseFile = await fileBirthCase();
        const task = await taskOf('officer-hospital', caseFile.id, 'birthCertificate');
        assert.ok(task, `officer-hospital has no task of ${caseFile.number}`);
        await until(
            async () => {
                try {
                    return (
                        (await found('officer-hospital', { q: WORD, type: 'case' })).includes(caseFile.id) &&
                        (await found('officer-hospital', { q: WORD, type: 'task' })).includes(task.id)
                    );
                } catch {
                    return false; // 503 while Elasticsearch is not there yet
                }
            },
            `case ${caseFile.number} and its task not in the search index`,
            INDEX_TIMEOUT
        );
    });
    after(async () => {
        await browser?.close();
    });

    step('officer-hospital searches 出生 from the app bar: 办件 and 待办, the word highlighted, and opens the case', async () => {
        const { context, page } = await login(browser, 'officer-hospital');
        await searchFromAppBar(page, WORD);
        // the type facet counts every match, whichever page they are on
        await page.getByRole('button', { name: /^办件（\d+ 条）$/ }).waitFor();
        await page.getByRole('button', { name: /^待办（\d+ 条）$/ }).waitFor();
        await page.locator('mark', { hasText: WORD }).first().waitFor();
        await assertNoErrorToast(page, '搜索结果');
        await screenshot(page, 'search-results');

        await page.getByRole('button', { name: /^待办（\d+ 条）$/ }).click();
        await page.getByRole('region', { name: /^待办（\d+）$/ }).waitFor();
        await page.getByRole('button', { name: '移除筛选条件：类型：待办' }).waitFor();
        // the unfiltered results stay on the page until the filtered ones are there
        await until(
            async () => (await page.getByRole('region', { name: /^办件（\d+）$/ }).count()) === 0,
            'only 待办 once filtered by it'
        );
        await screenshot(page, 'search-tasks');

        await page.getByRole('button', { name: '移除筛选条件：类型：待办' }).click();
        await page.getByRole('button', { name: /^办件（\d+ 条）$/ }).click();
        const cases = page.getByRole('region', { name: /^办件（\d+）$/ });
        await cases.waitFor();
        // equally good matches come newest first: the case just filed leads
        const link = cases.getByRole('link', { name: caseFile.number });
        await link.locator('mark', { hasText: WORD }).waitFor();
        await screenshot(page, 'search-cases');
        await link.click();
        await page.waitForURL(url => url.pathname === `/cases/${caseFile.id}/show`);
        await page.getByText(`办件 ${caseFile.number}`).first().waitFor();
        await assertNoErrorToast(page, '办件页');
        await screenshot(page, 'search-case-opened');
        await context.close();
    });

    step("citizen2 searching 出生 does not find citizen1's case", async () => {
        assert.ok(!(await found('citizen2', { q: WORD })).includes(caseFile.id), 'citizen2 must not find the case');
        const { context, page } = await login(browser, 'citizen2');
        await searchFromAppBar(page, WORD);
        assert.equal(await page.getByText(caseFile.number).count(), 0, "citizen1's case shown to citizen2");
        await assertNoErrorToast(page, 'citizen2 的搜索结果');
        await screenshot(page, 'search-citizen2');
        await context.close();
    });

    step('admin1 opens 搜索索引 and sees the index healthy', async () => {
        const { context, page } = await login(browser, 'admin1');
        await openMenu(page, '搜索索引');
        await page.getByText('索引是否正常').waitFor();
        await page.getByText('正常', { exact: true }).waitFor();
        await page.getByText('待索引条数').waitFor();
        await page.getByRole('button', { name: '重建索引' }).waitFor();
        await assertNoErrorToast(page, '搜索索引');
        await screenshot(page, 'search-index');
        assert.deepEqual(apiErrors, [], 'no API errors');
        await context.close();
    });
});
