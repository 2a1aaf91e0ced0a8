// Catalog update requests and supplementary filings in a real browser against the real server
// (profile cq19): the city authority registers a change of duties for 市公安局 dated some working
// days ago and sees its due date; it sees the supplementary-catalog notice of the profile; it cancels
// a second request, first without a reason (refused) then with one. The police officer, who has no
// cancel button, edits a resource and answers the request with it; the request shows as filed.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath, type Browser } from './support/browser.ts';
import * as ui from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = ui.useConsole('catalog-updates');
let server: RunningServer;
let browser: Browser;
let page: Page;
beforeAll(() => {
  ({ server, browser, page } = fixture);
});

// After signing in, wait for the home page itself: a menu click while the login page is still
// handing over to the console can be overridden by its own navigation to /console.
const signIn = async (username: string) => {
  await ui.signIn(page, server, username);
  await page.locator('h3', { hasText: '您好' }).waitFor();
};
const signOut = () => ui.signOut(page, server);
const openMenu = (entry: string, path: RegExp) => ui.openMenu(page, '数据目录', entry, path);
const fieldError = (inputId: string) => ui.fieldError(page, inputId);

const suffix = String(Date.now() % 100_000);
const BASIS = `《重庆市道路运输管理条例》（修订${suffix}）`;
const MISTAKE = `《重庆市户籍管理规定》（重复${suffix}）`;

/** A date n calendar days before today in China. */
function daysAgo(n: number): string {
  return new Date(Date.now() + 8 * 3_600_000 - n * 86_400_000).toISOString().slice(0, 10);
}

/** The server's due date for a change on `start` (its working-day calendar). */
async function dueAfter(start: string, workdays: number): Promise<string> {
  const response = await fetch(`${server.baseUrl}/api/v1/calendar/due?start=${start}&workdays=${workdays}`);
  return ((await response.json()) as { due: string }).due;
}

/** Fills and sends the 登记变更 dialog. */
async function register(changedOn: string, basis: string, reason: string) {
  await page.getByTestId('update-register').click();
  await ui.choose(page, 'update_departmentId', '公安', '重庆市公安局');
  await page.locator('#update_changedOn').fill(changedOn);
  await page.locator('#update_changedOn').press('Enter');
  await page.locator('#update_basis').fill(basis);
  await page.locator('#update_reason').fill(reason);
  await page.getByTestId('form-submit').click();
  await page.locator('.ant-modal:visible').first().waitFor({ state: 'hidden' });
}

const row = (text: string) => page.getByTestId('updates-table').locator('.ant-table-row', { hasText: text });

describe('catalog update requests', () => {
  it('registers, answers and cancels update requests; shows the supplements notice', async () => {
    // ── The city authority registers a change of duties for 市公安局. ─────────────────────────
    await signIn('authority');
    await openMenu('目录更新', /\/console\/catalog\/updates$/);
    await page.getByRole('heading', { name: '目录更新申请' }).waitFor();
    await page.getByText('10 个工作日（CQ19 §14）内').first().waitFor();

    // An empty form is refused beside each field; a future date cannot be picked.
    await page.getByTestId('update-register').click();
    // A click while the dialog still slides in can be lost: submit once it has settled.
    await page.locator(ui.SETTLED('.ant-modal')).waitFor();
    await page.getByTestId('form-submit').click();
    await expect.poll(() => fieldError('update_departmentId').textContent()).toBe('请选择部门');
    expect(await fieldError('update_changedOn').textContent()).toBe('请选择变更日期');
    expect(await fieldError('update_basis').textContent()).toContain('请填写变更依据');
    await page.screenshot({ path: screenshotPath('updates-register-errors-zh.png') });
    await page
      .locator('.ant-modal:visible')
      .getByRole('button', { name: /取\s*消/ })
      .click();

    const changedOn = daysAgo(3);
    const due = await dueAfter(changedOn, 10);
    await register(changedOn, BASIS, '道路运输管理职责划入市公安局交通管理部门');
    const filedRow = row(BASIS);
    await filedRow.waitFor();
    expect(await filedRow.textContent()).toContain(due);
    expect(await filedRow.getByTestId('deadline-tag').textContent()).toMatch(/^剩 \d+ 个工作日$/);
    expect(await filedRow.getByTestId('update-state').textContent()).toBe('待更新');

    // A second one, dated long ago: overdue at once (red), even before the deadline sweep runs.
    await register(daysAgo(40), MISTAKE, '误将户籍管理职责登记为变更');
    const mistakeRow = row(MISTAKE);
    await mistakeRow.waitFor();
    await expect
      .poll(() => mistakeRow.getByTestId('deadline-tag').textContent())
      .toMatch(/^已超期 \d+ 个工作日$/);
    await page.screenshot({ path: screenshotPath('updates-list-zh.png') });

    // Cancelling needs a reason: without one the dialog refuses, with one the request is cancelled.
    await mistakeRow.getByTestId('update-cancel').click();
    await page.getByTestId('form-submit').click();
    await expect.poll(() => fieldError('cancelUpdate_reason').textContent()).toBe('请填写撤销理由');
    await page.screenshot({ path: screenshotPath('updates-cancel-refused-zh.png') });
    await page.locator('#cancelUpdate_reason').fill('重复登记');
    await page.getByTestId('form-submit').click();
    await expect.poll(() => mistakeRow.getByTestId('update-state').textContent()).toBe('已撤销');
    expect(await mistakeRow.getByTestId('update-cancel').count()).toBe(0);

    // ── The supplements page says that cq19 has no supplementary catalogs, and lists none. ─────
    await openMenu('补充目录', /\/console\/catalog\/supplements$/);
    const notice = page.getByTestId('supplements-notice');
    await expect.poll(() => notice.textContent()).toContain('未设补充目录制度');
    await page.getByTestId('supplements-table').getByText('没有下级区域报送的补充目录备案').waitFor();
    expect(await page.getByTestId('supplements-acknowledge').isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('updates-supplements-zh.png') });
    await signOut();

    // ── The police officer changes a resource and answers the request with it. ─────────────────
    await signIn('police.officer');
    await openMenu('目录编制', /\/console\/catalog\/resources$/);
    const resource = page.getByTestId('resources-table').locator('.ant-table-row').first();
    await resource.waitFor();
    const code = (await resource.locator('code').first().textContent()) ?? '';
    await resource.locator('a').first().click();
    await page.waitForURL(/\/console\/catalog\/resources\/[0-9a-f-]{36}$/);
    const abstract = page.locator('#resource_abstract');
    await abstract.waitFor();
    await abstract.fill(`${await abstract.inputValue()}（按道路运输管理职责调整更新）`);
    await page.getByTestId('resource-save').click();
    await page.getByTestId('resource-state').filter({ hasText: '草稿' }).waitFor();

    await openMenu('目录更新', /\/console\/catalog\/updates$/);
    await filedRow.waitFor();
    // A department sees no cancel button, and no department filter.
    expect(await page.getByTestId('update-cancel').count()).toBe(0);
    expect(await page.locator('#departmentId').count()).toBe(0);
    await filedRow.getByTestId('update-answer').click();
    const drafts = page.getByTestId('answer-drafts');
    const draft = drafts.locator('.ant-table-row', { hasText: code });
    await draft.waitFor();
    // Nothing ticked: the dialog says what is missing.
    await page.getByTestId('answer-confirm').click();
    await expect.poll(() => page.getByTestId('answer-problem').textContent()).toContain('请至少勾选一项');
    await draft.locator('.ant-checkbox-input').check();
    await page.screenshot({ path: screenshotPath('updates-answer-zh.png') });
    await page.getByTestId('answer-confirm').click();
    await page.locator('.ant-modal:visible').first().waitFor({ state: 'hidden' });
    await expect.poll(() => filedRow.getByTestId('update-state').textContent()).toBe('已提交');
    expect(await filedRow.getByTestId('update-answer').count()).toBe(0);

    // Its detail: the history and the list that answered it, open for review.
    await filedRow.locator('a').first().click();
    const history = page.getByTestId('update-history');
    await expect.poll(() => history.textContent()).toContain('提交更新清单');
    expect(await history.textContent()).toContain('登记变更');
    expect(await page.getByTestId('open-submission').textContent()).toContain('审核中');
    await page.locator(ui.SETTLED('.ant-drawer-content-wrapper')).waitFor();
    await page.screenshot({ path: screenshotPath('updates-detail-zh.png') });

    // In English: the drawer's labels and the history.
    await page.keyboard.press('Escape');
    await page.getByTestId('update-detail').waitFor({ state: 'detached' });
    await ui.pickFromMenu(page, 'language-switch', 'English');
    await filedRow.locator('a').first().click();
    await expect.poll(() => history.textContent()).toContain('Changed list submitted');
    expect(await page.getByTestId('update-detail').textContent()).toContain('10 working days (CQ19 §14)');
    await page.locator(ui.SETTLED('.ant-drawer-content-wrapper')).waitFor();
    await page.screenshot({ path: screenshotPath('updates-detail-en.png') });
    await page.keyboard.press('Escape');
    await page.getByTestId('update-detail').waitFor({ state: 'detached' });
    await ui.pickFromMenu(page, 'language-switch', '中文');

    expect(browser.problems).toEqual([]);
  });
});
