// Helpers of the browser test: Chromium through playwright-core, logging in through Keycloak, screenshots,
// and the few waits the react-admin pages need. Not a test file itself (node --test runs *.test.mjs only).
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { it } from 'node:test';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.E2E_BASE_URL ?? 'http://localhost:4173').replace(/\/$/, '');
export const SCREENSHOTS = path.resolve(process.env.SCREENSHOTS ?? 'target/e2e');
export const PASSWORD = 'demo';

/** How long one UI step may take on a busy shared machine (a page load, an API round trip, a redirect). */
export const STEP_TIMEOUT = 20_000;

export const launchBrowser = () =>
    chromium.launch({
        executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
        args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
        ],
        headless: true,
    });

/**
 * Every API answer of status ≥ 400 seen by any page, as "METHOD /api/path → status", so that the test can
 * say at the end that nothing failed except what it provoked on purpose.
 */
export const apiErrors = [];

/** The browser console's errors, shown when a step fails. */
export const consoleErrors = [];

let shotCount = 0;

/** The pages of the users logged in now: what a failed step shows in its screenshots. */
export const openPages = new Set();

/**
 * Saves a full-page PNG as NN-name.png (numbered in the order taken) and returns its path. The page is
 * scrolled to the top first (the app bar is fixed, hides while scrolling down and would otherwise be drawn
 * across the middle), and transitions are finished (no half-moved labels or half-coloured chips).
 */
export const screenshot = async (page, name) => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, `${String(++shotCount).padStart(2, '0')}-${name}.png`);
    if (await page.evaluate(() => window.scrollY > 0)) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.waitForTimeout(400); // the app bar slides back in
    }
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
    return file;
};

/** Screenshots of every open page, after a failure; never fails itself. */
export const screenshotOpenPages = async () => {
    for (const page of openPages) await screenshot(page, 'failure').catch(() => {});
};

/** Waits until `condition` (async) holds, polling; fails with `message` after `timeout` ms. */
export const until = async (condition, message, timeout = STEP_TIMEOUT) => {
    const deadline = Date.now() + timeout;
    for (;;) {
        if (await condition()) return;
        if (Date.now() > deadline) assert.fail(`${message} (waited ${timeout / 1000} s)`);
        await new Promise(resolve => setTimeout(resolve, 250));
    }
};

/** The text of the elements an element's aria-describedby points to: its helper text or error. */
export const description = locator =>
    locator.evaluate(element =>
        (element.getAttribute('aria-describedby') ?? '')
            .split(/\s+/)
            .map(id => id && document.getElementById(id)?.textContent)
            .filter(Boolean)
            .join(' ')
            .trim()
    );

/** react-admin's error notifications (toasts) currently shown. */
export const errorToasts = page => page.locator('.RaNotification-error');

/** Fails if the page shows an error notification; used before each screenshot of a normal step. */
export const assertNoErrorToast = async (page, where) => {
    const toasts = await errorToasts(page).allTextContents();
    assert.deepEqual(toasts, [], `${where}: 页面出现错误提示 / error notification shown`);
};

/** A phone's screen (CSS pixels), for the pages that must work on one. */
export const MOBILE = { width: 390, height: 844 };

/**
 * Logs `username` in through the app's login page and Keycloak's form, in a fresh browser context (so
 * nothing of the previous user remains). Returns the context and its page, on the app's home page.
 */
export const login = async (browser, username, { viewport = { width: 1366, height: 900 } } = {}) => {
    const context = await browser.newContext({
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        viewport,
        ...(viewport.width < 600 && { isMobile: true, hasTouch: true, deviceScaleFactor: 2 }),
    });
    context.setDefaultTimeout(STEP_TIMEOUT);
    context.setDefaultNavigationTimeout(30_000);
    const page = await context.newPage();
    openPages.add(page);
    page.on('close', () => openPages.delete(page));
    page.on('response', response => {
        const url = new URL(response.url());
        if (url.pathname.startsWith('/api/') && response.status() >= 400) {
            apiErrors.push(`${username}: ${response.request().method()} ${url.pathname} → ${response.status()}`);
        }
    });
    page.on('pageerror', error => apiErrors.push(`${username}: page error ${error.message}`));
    page.on('console', message => {
        if (message.type() === 'error') consoleErrors.push(`${username}: ${message.text().slice(0, 1000)}`);
    });

    await page.goto(`${BASE_URL}/`);
    await page.getByRole('button', { name: '使用统一身份认证登录' }).click();
    await page.locator('#username').fill(username);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#kc-login').click();
    // back in the app: the menu of the user's roles is there
    await page.waitForURL(url => url.origin === new URL(BASE_URL).origin && !url.pathname.startsWith('/auth-callback'));
    // (on a phone the menu is folded away behind the app bar's button)
    await (viewport.width < 600 ? page.getByRole('banner') : page.getByRole('menuitem').first()).waitFor();
    return { context, page };
};

/** The menu entry `name` (办事指南, 我的办件, 待办任务, 全部办件 …). */
export const openMenu = async (page, name) => {
    await page.getByRole('menuitem', { name }).click();
};

/**
 * 待办任务 on the tab `tab` (我的待办, 待认领, 本部门全部, 抄送我的, 我已办结): the tab is named by its name and count,
 * 「待认领（3）」. New tasks of a department wait, unclaimed, under 待认领; the inbox opens on 我的待办.
 */
export const openInbox = async (page, tab) => {
    await openMenu(page, '待办任务');
    const chosen = page.getByRole('tab', { name: new RegExp(`^${tab}`) });
    await chosen.click();
    await until(async () => (await chosen.getAttribute('aria-selected')) === 'true', `标签页「${tab}」应被选中`);
    // other tests' tasks wait in the same tabs: all of them on one page
    const url = new URL(page.url());
    url.searchParams.set('perPage', '100');
    await page.goto(url.href);
    await until(async () => (await chosen.getAttribute('aria-selected')) === 'true', `标签页「${tab}」应仍被选中`);
};

/** The data rows (not the header) of the first table inside `scope` that contain all the given texts. */
/**
 * Picks the first half-day that can be picked in the open booking dialog and submits it with the button named
 * `submit`; waits for the `done` message and the dialog to close. The picked radio's label.
 */
export const pickSlot = async (page, submit, done) => {
    const dialog = page.getByRole('dialog');
    const slot = dialog.getByRole('radio', { disabled: false }).first();
    await slot.waitFor();
    const label = await slot.evaluate(input => input.closest('label').textContent);
    await slot.check();
    await dialog.getByRole('button', { name: submit }).click();
    await page.getByText(done).first().waitFor();
    await dialog.waitFor({ state: 'detached' });
    return label;
};

export const rowsWith = (scope, ...texts) =>
    texts.reduce((rows, text) => rows.filter({ hasText: text }), scope.locator('tbody tr'));

/**
 * The steps of one walk through the app: each a test of node's runner; once one fails, the later ones
 * are skipped (they depend on it), and the open pages are kept as screenshots.
 */
export const walk = () => {
    let broken = false;
    return (name, fn) =>
        it(name, { timeout: 120_000 }, async t => {
            if (broken) return t.skip('an earlier step failed');
            try {
                await fn(t);
            } catch (error) {
                broken = true;
                await screenshotOpenPages();
                for (const line of consoleErrors) t.diagnostic(`browser console: ${line}`);
                throw error;
            }
        });
};
