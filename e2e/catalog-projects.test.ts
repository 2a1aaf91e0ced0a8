// IT projects (政务信息化项目) in a real browser against the real server: the police data officer
// registers a project (after the form names the missing fields) and sees no approve button; the
// city authority's approval is refused while the pre-compiled catalog is empty (CQ19 §48), and not
// approving needs a reason; the officer fills in one resource with its items (the missing legal
// basis shows beside its field first); the authority approves; the acceptance check shows the
// promise missing with a published resource of a similar name, which the officer links (it has no
// data yet); the authority accepts with an override reason, also shown in English.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath, type Browser } from './support/browser.ts';
import * as ui from './support/console.ts';
import { SETTLED } from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = ui.useConsole('projects');
let server: RunningServer;
let browser: Browser;
let page: Page;
beforeAll(() => {
  ({ server, browser, page } = fixture);
});

/**
 * Signs out and in as another user straight onto the project page (the login page returns there):
 * one page load instead of three.
 */
async function switchTo(username: string, projectUrl: string) {
  await signOut();
  await page.goto(projectUrl);
  await page.waitForURL(/\/login\?next=/);
  await ui.fillLogin(page, username, server.demoPassword);
  await page.waitForURL(projectUrl);
}

const choose = (selectId: string, search: string, optionText: string) =>
  ui.choose(page, selectId, search, optionText);
const signIn = (username: string) => ui.signIn(page, server, username);
// The account menu hangs from the sticky header: a click on its entry while the page is scrolled
// (a form scrolled to a field) can land beside it, so the page goes back to the top first.
const signOut = () => ui.signOut(page, server);
const fieldError = (inputId: string) => ui.fieldError(page, inputId);
const fieldWarning = (inputId: string) =>
  page
    .locator('.ant-form-item', { has: page.locator(`#${inputId}`) })
    .locator('.ant-form-item-explain-warning')
    .first();

const suffix = String(Date.now() % 100_000);
const CODE = `2025-500000-65-01-${suffix}`;
const NAME = `机动车登记业务系统升级项目${suffix}`;

/** Opens the project list from the menu and the project by a search for its code. */
async function openProject() {
  await ui.openMenu(page, '数据目录', '信息化项目', /\/console\/catalog\/projects$/);
  await page.getByPlaceholder('项目名称或编号').fill(CODE);
  await page.getByPlaceholder('项目名称或编号').press('Enter');
  const row = page.getByTestId('projects-table').locator('.ant-table-row', { hasText: CODE });
  await row.waitFor();
  await row.getByText(NAME).click();
  await page.waitForURL(/\/console\/catalog\/projects\/[0-9a-f-]{36}$/);
  await page.getByTestId('project-code').filter({ hasText: CODE }).waitFor();
}

describe('IT projects console', () => {
  it('registers, is refused, fills in the catalog, is approved and accepted with an override', async () => {
    // ── The police data officer registers a project. ───────────────────────────────────────────
    await signIn('police.officer');
    await ui.openMenu(page, '数据目录', '信息化项目', /\/console\/catalog\/projects$/);
    await page.getByTestId('project-register').click();
    await page.getByTestId('form-submit').click();
    await expect.poll(() => fieldError('project_code').textContent()).toContain('请填写项目编号');
    expect(await fieldError('project_name').textContent()).toContain('请填写项目名称');
    await page.locator('#project_code').fill(CODE);
    await page.locator('#project_name').fill(NAME);
    await page.locator('#project_budget').fill('3500000.5');
    await page.locator('#project_description').fill('机动车登记业务系统升级改造');
    await page.screenshot({ path: screenshotPath('projects-register-zh.png') });
    await page.getByTestId('form-submit').click();
    await page.waitForURL(/\/console\/catalog\/projects\/[0-9a-f-]{36}$/);
    const projectUrl = page.url();
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await page.getByTestId('project-state').filter({ hasText: '已登记' }).waitFor();
    await expect
      .poll(() => page.getByTestId('plan-readiness').textContent())
      .toContain('目录清单中还没有资源');
    // A department officer decides nothing.
    expect(await page.getByTestId('project-approve').count()).toBe(0);
    expect(await page.getByTestId('project-reject').count()).toBe(0);
    await signOut();

    // ── The authority tries to approve it with an empty catalog: refused, citing the article. ──
    await ui.fillLogin(page, 'authority', server.demoPassword);
    await page.waitForURL(`${server.baseUrl}/console`);
    await openProject();
    // Not approving needs a reason; the authority thinks better of it.
    await page.getByTestId('project-reject').click();
    await page.getByTestId('form-submit').click();
    await expect.poll(() => fieldError('reject_reason').textContent()).toContain('请填写理由');
    await page.keyboard.press('Escape');
    await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    await page.getByTestId('project-approve').click();
    await page.getByTestId('approve-confirm').click();
    const refusal = page.getByTestId('decision-problem');
    await expect.poll(() => refusal.textContent()).toContain('CQ19 §48');
    expect(await refusal.textContent()).toContain('目录清单中还没有资源');
    expect(await page.getByTestId('project-state').textContent()).toBe('已登记');
    await page.locator('.ant-modal-confirm').waitFor({ state: 'hidden' });
    await page.screenshot({ path: screenshotPath('projects-approve-refused-zh.png') });
    // ── The officer pre-compiles the catalog: one resource with two items. ─────────────────────
    await switchTo('police.officer', projectUrl);
    await page.getByTestId('plan-add').click();
    await page.locator('#plan_plannedResources_0_name').fill('机动车登记');
    await page.locator('#plan_plannedResources_0_classCode').click();
    await page.locator('#plan_plannedResources_0_classCode').fill('201');
    await page.locator(SETTLED('.ant-select-dropdown')).getByText('201 公共服务', { exact: true }).click();
    await choose('plan_plannedResources_0_shareType', '无条件', '无条件共享');
    await choose('plan_plannedResources_0_openType', '不予', '不予开放');
    await page.locator('#plan_plannedResources_0_items_0_name').fill('号牌号码');
    await choose('plan_plannedResources_0_items_0_dataType', '字符', '字符型');
    await page.getByTestId('plan-item-add-0').click();
    await page.locator('#plan_plannedResources_0_items_1_name').fill('通过时间');
    await choose('plan_plannedResources_0_items_1_dataType', '日期时间', '日期时间型');
    // Saved without the legal basis 不予开放 needs: approval's gap shows beside the field.
    await page.getByTestId('plan-save').click();
    await expect
      .poll(() => fieldWarning('plan_plannedResources_0_openBasis').textContent())
      .toContain('不予开放');
    expect(await page.getByTestId('plan-readiness').textContent()).toContain('开放法律依据');
    await page.screenshot({ path: screenshotPath('projects-plan-gap-zh.png'), fullPage: true });
    await page.locator('#plan_plannedResources_0_openBasis').fill('《中华人民共和国道路交通安全法》');
    await page.getByTestId('plan-save').click();
    await expect.poll(() => page.getByTestId('plan-readiness').textContent()).toContain('目录清单内容完整');
    // ── The authority approves; the plan is frozen and the promise is missing. ─────────────────
    await switchTo('authority', projectUrl);
    await page.getByTestId('project-approve').click();
    await page.getByTestId('approve-confirm').click();
    // Approval publishes the planned resources (pool tables included), which can take a while on a
    // loaded machine; a refusal instead shows its problem, which the failure then names.
    const approved = page.getByTestId('project-state').filter({ hasText: '已批准' });
    await approved.or(refusal).first().waitFor({ timeout: 60_000 });
    if (await refusal.isVisible()) expect(await refusal.textContent()).toBe('');
    await approved.waitFor();
    await page.getByTestId('plan-frozen').waitFor();
    expect(await page.getByTestId('plan-save').count()).toBe(0);
    const report = page.getByTestId('acceptance-table');
    await expect.poll(() => report.getByTestId('promise-status').first().textContent()).toBe('缺失');
    expect(await page.getByTestId('acceptance-verdict').textContent()).toBe('未全部接入');
    expect(await report.getByTestId('promise-suggestions').textContent()).toContain('机动车登记信息');
    expect(await page.getByTestId('promise-link').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('projects-acceptance-zh.png'), fullPage: true });
    // ── The officer links the promise to its published resource (no data loaded yet). ──────────
    await switchTo('police.officer', projectUrl);
    await page.getByTestId('promise-link').click();
    await expect.poll(() => page.locator('.ant-modal .ant-select').textContent()).toContain('机动车登记信息');
    await page.getByTestId('form-submit').click();
    await expect.poll(() => report.getByTestId('promise-status').first().textContent()).toBe('未接入');
    expect(await report.textContent()).toContain('已关联');
    await page.screenshot({ path: screenshotPath('projects-linked-zh.png'), fullPage: true });

    await switchTo('authority', projectUrl);
    // Acceptance despite the unmet promise needs a reason.
    await page.getByTestId('project-accept').click();
    await page.getByTestId('form-submit').click();
    await expect.poll(() => fieldError('accept_override').textContent()).toContain('请填写验收理由');
    const reason = '机动车登记信息待数据资源池上线后汇聚，已列入下一阶段工作';
    await page.locator('#accept_override').fill(reason);
    await fieldError('accept_override').waitFor({ state: 'hidden' });
    await page.screenshot({ path: screenshotPath('projects-accept-override-zh.png') });
    await page.getByTestId('form-submit').click();
    await page.getByTestId('project-state').filter({ hasText: '已验收' }).waitFor();
    await expect.poll(() => page.getByTestId('acceptance-kept').textContent()).toContain(reason);
    expect(await page.getByTestId('project-accept').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('projects-accepted-zh.png'), fullPage: true });

    // The list shows the state.
    await ui.openMenu(page, '数据目录', '信息化项目', /\/console\/catalog\/projects$/);
    const row = page.getByTestId('projects-table').locator('.ant-table-row', { hasText: CODE });
    await expect.poll(() => row.getByTestId('project-state').textContent()).toBe('已验收');
    await page.screenshot({ path: screenshotPath('projects-list-zh.png') });

    // In English too (then back to Chinese for whoever comes next).
    await ui.pickFromMenu(page, 'language-switch', 'English');
    await page.getByText('Government IT projects', { exact: true }).waitFor();
    await expect.poll(() => row.getByTestId('project-state').textContent()).toBe('Accepted');
    await row.getByText(NAME).click();
    await expect.poll(() => page.getByTestId('acceptance-kept').textContent()).toContain('Accepted on');
    await page.screenshot({ path: screenshotPath('projects-accepted-en.png'), fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await ui.pickFromMenu(page, 'language-switch', '中文');
    await page.getByTestId('project-state').filter({ hasText: '已验收' }).waitFor();

    expect(browser.problems).toEqual([]);
  });
});
