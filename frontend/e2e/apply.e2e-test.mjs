// 好办 on the application form, in Chromium: 材料预判 (twins call for one more material, the list of what each item
// needs follows the answers), 预审 of an upload (one file for two materials is named at once), and the 草稿 saved
// as citizen2 types and resumed on a phone, file included, then cleared. Screenshots as NN-apply-*.png.
// Run: node --test frontend/e2e/ (bin/test starts the platform)
import { after, before, describe } from 'node:test';
import { pdfBytes } from './files.mjs';
import { api } from './platformApi.mjs';
import { BASE_URL, launchBrowser, login, MOBILE, screenshot, walk } from './ui.mjs';

const ORDER = { name: 'birth-order.pdf', mimeType: 'application/pdf', buffer: pdfBytes('birth order of the twins') };
const ADDRESS = '上海市黄浦区南京东路 100 号';

describe('好办：材料预判、预审、草稿跨设备续填', { timeout: 300_000 }, () => {
    let browser;
    const step = walk();

    before(async () => {
        browser = await launchBrowser();
        await api('citizen2', 'DELETE', '/bundles/birth/draft');
    });
    after(async () => {
        await browser?.close();
    });

    step('twins: the form asks for the birth order record, and a file given twice is named', async () => {
        const { context, page } = await login(browser, 'citizen2');
        await page.goto(`${BASE_URL}/bundles/birth/apply`);
        const forecast = page.getByText(/根据您填写的内容，本次共需提交 \d+ 份材料/);
        await forecast.waitFor();
        const before = Number((await forecast.textContent()).match(/(\d+) 份/)[1]);
        await page.getByText('出生医学证明：分娩记录（助产机构出具）、父母身份证').waitFor();

        await page.getByRole('combobox', { name: '是否多胞胎' }).click();
        await page.getByRole('option', { name: '是', exact: true }).click();
        await page.getByText(`本次共需提交 ${before + 1} 份材料`).waitFor();
        await page.getByText('出生医学证明：分娩记录（助产机构出具）、父母身份证、多胞胎出生顺序记录（助产机构出具）').waitFor();
        await page.getByLabel('多胞胎出生顺序记录（助产机构出具）', { exact: true }).setInputFiles(ORDER);
        await page.getByText(`已上传：${ORDER.name}`).waitFor();

        await page.getByLabel('户口簿', { exact: true }).setInputFiles(ORDER);
        await page.getByText('与「多胞胎出生顺序记录（助产机构出具）」是同一个文件，请上传户口簿').first().waitFor();
        await page.getByLabel('户籍登记地址').fill(ADDRESS);
        await page.getByText(/草稿已自动保存/).waitFor();
        await screenshot(page, 'apply-forecast-and-draft');
        await context.close();
    });

    step('on a phone the draft is resumed, file included, and can be cleared', async () => {
        const { context, page } = await login(browser, 'citizen2', { viewport: MOBILE });
        await page.goto(`${BASE_URL}/bundles/birth/apply`);
        await page.getByText(/已恢复您在 .* 保存的草稿/).waitFor();
        if ((await page.getByLabel('户籍登记地址').inputValue()) !== ADDRESS) throw new Error('地址未恢复');
        await page.getByText(`已上传：${ORDER.name}`).waitFor();
        await screenshot(page, 'apply-draft-resumed-mobile');

        await page.getByRole('button', { name: '清空草稿，重新填写' }).click();
        await page.getByText(`已上传：${ORDER.name}`).waitFor({ state: 'detached' });
        if ((await page.getByLabel('户籍登记地址').inputValue()) === ADDRESS) throw new Error('草稿未清空');
        await context.close();
    });
});
