// 出生一件事 end to end in the real UI: citizen1 files one application (with one wrong field first), every
// department's officer works its item in dependency order (the hospital once returns it for 补正, which the
// citizen answers), the citizen sees the case completed and manager1 sees its BPMN diagram.
// Needs the platform up (bin/test starts it): the built frontend on E2E_BASE_URL (http://localhost:4173)
// proxying a backend on a fresh database, and Keycloak on http://localhost:8180. Screenshots go to
// $SCREENSHOTS (target/e2e). Run: node --test frontend/e2e/ (named *-test.mjs, which node's test runner
// finds and vitest, whose default pattern is *.test.*, leaves alone).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { pdfBytes, pngBytes } from './files.mjs';
import {
    apiErrors,
    assertNoErrorToast,
    description,
    launchBrowser,
    login,
    openInbox,
    openMenu,
    rowsWith,
    screenshot,
    until,
    walk,
} from './ui.mjs';

// the application of backend/src/test/java/cn/onething/testsupport/BirthApplication.java
const PROFILE = { applicantName: '张三', applicantIdNumber: '110101199003070011', applicantPhone: '13800000001' };
const TEXT_FIELDS = {
    新生儿姓名: '张小宝',
    出生医院: '市第一人民医院',
    母亲姓名: '王丽',
    母亲身份证号: '110105199205120027',
    父亲姓名: '张三',
    父亲身份证号: '110101199003070011',
    户籍登记地址: '北京市东城区东华门街道 1 号',
    现居住地址: '北京市东城区东华门街道 1 号',
    '银行账号（社保卡、生育津贴发放）': '6222020200001234567',
};
const SELECTS = { 与新生儿关系: '父亲', 新生儿性别: '男' };
const BIRTH_DATE = '2026-11-01';
const WRONG_MOTHER_ID = '110105199205120028'; // last digit is not the GB 11643 check digit

const PDF = name => ({ name, mimeType: 'application/pdf', buffer: pdfBytes(name) });
const PNG = { name: 'baby.png', mimeType: 'image/png', buffer: pngBytes() };
const MATERIALS = {
    '分娩记录（助产机构出具）': PDF('delivery-record.pdf'),
    父母身份证: PDF('parents-id-cards.pdf'),
    户口簿: PDF('household-book.pdf'),
    结婚证: PDF('marriage-certificate.pdf'),
    新生儿证件照: PNG,
};

const SUPPLEMENTED_RECORD = PDF('delivery-record-stamped.pdf');

const ITEMS = {
    birthCertificate: '出生医学证明',
    vaccination: '预防接种证',
    householdRegistration: '出生登记（户口）',
    socialSecurityCard: '社会保障卡',
    medicalInsurance: '城乡居民医保参保登记',
    childrenFund: '少儿住院互助基金',
    maternityBenefit: '生育保险待遇',
};
const FIRST_ITEMS = [ITEMS.birthCertificate, ITEMS.vaccination, ITEMS.maternityBenefit];

// ---------------------------------------------------------------- steps of the citizen

const textbox = (scope, name) => scope.getByRole('textbox', { name, exact: true });

/** 办事指南 → 申请出生一件事: the one form, once the pre-filled values are in. */
const openBirthForm = async page => {
    await openMenu(page, '办事指南');
    await page.getByRole('link', { name: '申请出生一件事' }).click();
    await textbox(page, '申请人姓名').waitFor();
};

const fillForm = async (page, motherIdNumber) => {
    for (const [label, value] of Object.entries({ ...TEXT_FIELDS, 母亲身份证号: motherIdNumber })) {
        await textbox(page, label).fill(value);
    }
    for (const [label, option] of Object.entries(SELECTS)) {
        await page.getByRole('combobox', { name: label }).click();
        await page.getByRole('option', { name: option, exact: true }).click();
    }
    await page.getByLabel('出生日期').fill(BIRTH_DATE);
};

const uploadMaterials = async page => {
    for (const [label, file] of Object.entries(MATERIALS)) {
        await page.getByLabel(label, { exact: true }).setInputFiles(file);
        await page.getByText(`已上传：${file.name}`).waitFor();
    }
};

/** The 办理进度 table of a case page (or of a task page's 办件中各事项的进度). */
const itemsTable = page => page.locator('table').filter({ has: page.getByRole('columnheader', { name: '部门' }) });

/** The case page's items: name → status as shown, read from the 办理进度 table. */
const itemStatuses = async page => {
    const rows = itemsTable(page).locator('tbody tr');
    const statuses = {};
    for (const row of await rows.all()) {
        const cells = await row.locator('td').allInnerTexts();
        statuses[cells[0].trim()] = cells[2].trim();
    }
    return statuses;
};

/** Waits until the case page shows every item with a status, and returns them. */
const waitForItems = async page => {
    await until(async () => (await itemsTable(page).locator('tbody tr').count()) === 7, '办件页应列出 7 个事项');
    return itemStatuses(page);
};

/** Opens the case from 我的办件 (citizen) or 全部办件 (manager). */
const openCase = async (page, menu, caseNumber) => {
    await openMenu(page, menu);
    await rowsWith(page, caseNumber).getByText(caseNumber, { exact: true }).click();
    await page.getByText(`办件 ${caseNumber}`).first().waitFor();
};

// ---------------------------------------------------------------- steps of an officer

/** The task page's section 本事项所需信息: the item's fields and materials from the case. */
const itemSection = page =>
    page.locator('section').filter({ has: page.getByRole('heading', { name: '本事项所需信息' }) });

/**
 * Logs the officer in and opens, from the department's inbox (待办任务), the task of `itemName` of the
 * case; checks that the task page shows the case's form (`shows`: a value the item's fields must show).
 * `inboxScreenshot` names a screenshot of the inbox.
 */
const openTask = async (browser, officer, caseNumber, itemName, { shows, inboxScreenshot }) => {
    const session = await login(browser, officer);
    const { page } = session;
    await openInbox(page, '待认领');
    const row = rowsWith(page, caseNumber, itemName);
    await row
        .first()
        .waitFor({ timeout: 30_000 })
        .catch(() => assert.fail(`${officer} 的待办任务中没有办件 ${caseNumber} 的「${itemName}」`));
    assert.equal(await row.count(), 1, `${officer}: 办件 ${caseNumber} 的「${itemName}」应只有一条待办`);
    if (inboxScreenshot) {
        await assertNoErrorToast(page, `${officer} 的待办任务`);
        await screenshot(page, inboxScreenshot);
    }
    await row.getByText(itemName, { exact: true }).click();

    await page.getByText(`${itemName}：${caseNumber}`).first().waitFor(); // the page title
    const section = itemSection(page);
    await section.waitFor();
    await section
        .getByText(shows, { exact: true })
        .first()
        .waitFor()
        .catch(() => assert.fail(`${officer}: 任务页的本事项信息中应显示「${shows}」`));
    await page.getByRole('button', { name: '通过', exact: true }).waitFor();
    return session;
};

/** 认领 when the task is not yet anybody's. */
const claimIfNeeded = async page => {
    const claim = page.getByRole('button', { name: '认领', exact: true });
    if (await claim.isVisible()) {
        await claim.click();
        await page.getByText('已认领').first().waitFor();
        await claim.waitFor({ state: 'detached' });
    }
};

/**
 * Opens the decision dialog `kind` (通过 / 不予办理 / 退回补正) on the open task page, ticks `missing`,
 * writes `comment`; returns the dialog and `confirm`, which clicks 确认 and checks that the app goes back to
 * the inbox without the task.
 */
const decide = async (page, { caseNumber, itemName, kind, comment, missing = [] }) => {
    await claimIfNeeded(page);
    await page.getByRole('button', { name: kind, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `${kind}：${itemName}` });
    await dialog.waitFor();
    for (const label of missing) await dialog.getByRole('checkbox', { name: label, exact: true }).check();
    if (comment) await dialog.getByRole('textbox').last().fill(comment);
    return {
        dialog,
        confirm: async () => {
            await dialog.getByRole('button', { name: '确认' }).click();
            await page.getByText('办理结果已提交').first().waitFor();
            await page.waitForURL(url => url.pathname === '/tasks');
            await until(
                async () => (await rowsWith(page, caseNumber, itemName).count()) === 0,
                `办理后「${itemName}」应从待办任务中消失`
            );
            await assertNoErrorToast(page, `${itemName} 办理后`);
        },
    };
};

/**
 * One department approves its item (`itemCode`) of the case: inbox → task page (showing `shows`) → 认领 →
 * 通过 → 确认. `check(page)` may look at the task page first.
 */
const approve = async (browser, officer, caseNumber, itemCode, shows, check) => {
    const itemName = ITEMS[itemCode];
    const { context, page } = await openTask(browser, officer, caseNumber, itemName, { shows });
    await claimIfNeeded(page);
    await check?.(page);
    await assertNoErrorToast(page, `${officer} 的任务页`);
    await screenshot(page, `task-${itemCode}`);
    const { confirm } = await decide(page, { caseNumber, itemName, kind: '通过', comment: '材料齐全，同意办理' });
    await confirm();
    await context.close();
};

// ---------------------------------------------------------------- the walk

describe('出生一件事：申请、各部门联办、补正、办结', { timeout: 280_000 }, () => {
    let browser;
    let caseNumber;
    const step = walk();

    before(async () => {
        browser = await launchBrowser();
    });
    after(async () => {
        await browser?.close();
    });

    step('citizen1 logs in, fills the one form pre-filled from the token, is told of a wrong ID number, then files', async t => {
        const { context, page } = await login(browser, 'citizen1');
        await screenshot(page, 'login');

        await openBirthForm(page);
        for (const [code, label] of [
            ['applicantName', '申请人姓名'],
            ['applicantIdNumber', '申请人身份证号'],
            ['applicantPhone', '联系电话'],
        ]) {
            assert.equal(await textbox(page, label).inputValue(), PROFILE[code], `${label}应从身份令牌预填`);
        }
        assert.match(await description(textbox(page, '申请人姓名')), /已从个人资料预填/, '预填项应注明来源');
        await screenshot(page, 'form-prefilled');

        await fillForm(page, WRONG_MOTHER_ID);
        await uploadMaterials(page);
        await screenshot(page, 'form-filled');

        // the server's 400: the error next to 母亲身份证号 and in the summary at the top, nothing else
        const rejected = page.waitForResponse(r => r.url().endsWith('/api/cases') && r.request().method() === 'POST');
        await page.getByRole('button', { name: '提交申请' }).click();
        assert.equal((await rejected).status(), 400, '错误的身份证号应被后端拒绝（400）');
        const motherId = textbox(page, '母亲身份证号');
        await until(async () => /校验码/.test(await description(motherId)), '母亲身份证号旁应显示校验码错误');
        assert.equal(await motherId.getAttribute('aria-invalid'), 'true', '母亲身份证号应标为有误');
        const summary = page.getByRole('alert').filter({ hasText: '母亲身份证号：' });
        await summary.waitFor();
        assert.equal(await summary.locator('li').count(), 1, '只有母亲身份证号一处错误');
        assert.equal(
            await textbox(page, '父亲身份证号').getAttribute('aria-invalid'),
            'false',
            '没有错误的字段不应标红'
        );
        await motherId.scrollIntoViewIfNeeded();
        await screenshot(page, 'errors');
        const provoked = apiErrors.findIndex(entry => entry.endsWith('POST /api/cases → 400'));
        if (provoked >= 0) apiErrors.splice(provoked, 1); // the one error provoked on purpose

        await motherId.fill(TEXT_FIELDS.母亲身份证号);
        await page.getByRole('button', { name: '提交申请' }).click();
        await page.waitForURL(/\/cases\/[^/]+\/show/);
        const title = await page.getByText(/^办件 [A-Z]+-\d{8}-\S+$/).first().textContent();
        caseNumber = title.replace(/^办件 /, '').trim();
        const statuses = await waitForItems(page);
        const inProgress = Object.keys(statuses).filter(name => statuses[name] === '办理中');
        assert.deepEqual(inProgress.sort(), [...FIRST_ITEMS].sort(), `先办的 3 个事项应办理中：${JSON.stringify(statuses)}`);
        for (const name of Object.values(ITEMS).filter(name => !FIRST_ITEMS.includes(name))) {
            assert.equal(statuses[name], '待前置事项', `${name}应等待前置事项`);
        }
        await assertNoErrorToast(page, '提交后的办件页');
        await screenshot(page, 'case-submitted');
        t.diagnostic(`case ${caseNumber}`);
        await context.close();
    });

    step('officer-hospital returns 出生医学证明 for 补正: 母亲身份证号 and 分娩记录', async () => {
        const itemName = ITEMS.birthCertificate;
        const { context, page } = await openTask(browser, 'officer-hospital', caseNumber, itemName, {
            shows: '张小宝',
            inboxScreenshot: 'inbox-hospital',
        });
        const { dialog, confirm } = await decide(page, {
            caseNumber,
            itemName,
            kind: '退回补正',
            missing: ['母亲身份证号', '分娩记录（助产机构出具）'],
            comment: '母亲身份证号与分娩记录不一致，请核对身份证号并上传盖章的分娩记录',
        });
        await screenshot(page, 'return-dialog');
        assert.equal(await dialog.getByRole('checkbox', { checked: true }).count(), 2, '应勾选两项需补正内容');
        await confirm();
        await context.close();
    });

    step('citizen1 sees 待补正 with what is missing and answers it once', async () => {
        const { context, page } = await login(browser, 'citizen1');
        await openCase(page, '我的办件', caseNumber);
        const statuses = await waitForItems(page);
        assert.equal(statuses[ITEMS.birthCertificate], '待补正', '出生医学证明应待补正');

        const request = page.getByRole('region', { name: `${ITEMS.birthCertificate}：需要补正` });
        await request.waitFor();
        await request.getByText('需补正：母亲身份证号、分娩记录（助产机构出具）').waitFor();
        await request.getByText('部门说明：母亲身份证号与分娩记录不一致').waitFor();
        // only what was asked: the ID number (with the filed value) and the one material
        const motherId = textbox(request, '母亲身份证号');
        assert.equal(await motherId.inputValue(), TEXT_FIELDS.母亲身份证号, '补正表单应带出已填的母亲身份证号');
        assert.equal(await request.getByRole('textbox').count(), 2, '补正表单只问母亲身份证号和补充说明');
        await assertNoErrorToast(page, '待补正的办件页');
        await screenshot(page, 'supplement-requested');

        await motherId.fill(TEXT_FIELDS.母亲身份证号);
        await request.getByLabel('分娩记录（助产机构出具）', { exact: true }).setInputFiles(SUPPLEMENTED_RECORD);
        await request.getByText(`已上传：${SUPPLEMENTED_RECORD.name}`).waitFor();
        await textbox(request, '补充说明').fill('已核对身份证号，重新上传盖章的分娩记录');
        await screenshot(page, 'supplement-filled');
        await request.getByRole('button', { name: '提交补正' }).click();
        await page.getByText('补正材料已提交').first().waitFor();
        await request.waitFor({ state: 'detached' });
        await until(
            async () => (await itemStatuses(page))[ITEMS.birthCertificate] === '办理中',
            '补正后出生医学证明应回到办理中'
        );
        await assertNoErrorToast(page, '补正提交后');
        await screenshot(page, 'supplement-answered');
        await context.close();
    });

    step('officer-hospital approves 出生医学证明 with the corrected material', async () => {
        await approve(browser, 'officer-hospital', caseNumber, 'birthCertificate', '张小宝', async page => {
            await itemSection(page)
                .getByText(SUPPLEMENTED_RECORD.name, { exact: true })
                .waitFor()
                .catch(() => assert.fail('任务页应显示补正后的分娩记录'));
        });
    });

    step('officer-cdc approves 预防接种证', async () => {
        await approve(browser, 'officer-cdc', caseNumber, 'vaccination', '张小宝');
    });

    step('officer-medicare approves 生育保险待遇', async () => {
        await approve(browser, 'officer-medicare', caseNumber, 'maternityBenefit', '王丽');
    });

    step('officer-police approves 出生登记（户口） once 出生医学证明 is done', async () => {
        await approve(browser, 'officer-police', caseNumber, 'householdRegistration', '张小宝');
    });

    step('officer-hrss approves 社会保障卡', async () => {
        await approve(browser, 'officer-hrss', caseNumber, 'socialSecurityCard', '张小宝');
    });

    step('officer-medicare approves 城乡居民医保参保登记', async () => {
        await approve(browser, 'officer-medicare', caseNumber, 'medicalInsurance', '张小宝');
    });

    step('officer-union approves 少儿住院互助基金', async () => {
        await approve(browser, 'officer-union', caseNumber, 'childrenFund', '张小宝');
    });

    step('citizen1 sees the case completed, every item approved', async () => {
        const { context, page } = await login(browser, 'citizen1');
        await openCase(page, '我的办件', caseNumber);
        const statuses = await waitForItems(page);
        for (const name of Object.values(ITEMS)) {
            assert.equal(statuses[name], '已办结（通过）', `${name}应已办结（通过）：${JSON.stringify(statuses)}`);
        }
        const header = page.locator('.RaSimpleShowLayout-stack').first();
        await header.getByText('已办结', { exact: true }).waitFor();
        await assertNoErrorToast(page, '办结的办件页');
        await screenshot(page, 'case-completed');
        await context.close();
    });

    step('manager1 finds the case in 全部办件 and sees its BPMN diagram', async () => {
        const { context, page } = await login(browser, 'manager1');
        await openMenu(page, '全部办件');
        await rowsWith(page, caseNumber).first().waitFor();
        await screenshot(page, 'all-cases');
        await openCase(page, '全部办件', caseNumber);
        await page.getByRole('tab', { name: '流程图' }).click();
        const diagram = page.getByRole('img', { name: '流程图' });
        for (const code of Object.keys(ITEMS)) {
            const shape = diagram.locator(`g.djs-element.djs-shape[data-element-id="${code}"]`);
            await shape.waitFor({ timeout: 30_000 }).catch(() => assert.fail(`流程图中应有任务「${ITEMS[code]}」(${code})`));
            // the platform marks the activities the case went through
            await until(
                async () => /\both-completed\b/.test((await shape.getAttribute('class')) ?? ''),
                `流程图中「${ITEMS[code]}」应标为已完成`
            );
        }
        assert.ok(await diagram.locator('svg').first().isVisible(), '流程图应显示为 SVG');
        await assertNoErrorToast(page, '流程图');
        await screenshot(page, 'diagram');
        await context.close();
    });

    it('no API call failed except the one wrong application', () => {
        assert.deepEqual(apiErrors, [], 'unexpected API errors or page errors');
    });
});
