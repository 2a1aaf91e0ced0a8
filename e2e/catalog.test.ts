// The catalog console in a real browser against the real server: a department officer compiles a
// resource (with the legal-basis rule and a server-side field error on the way) and submits it; the
// city authority reviews it with its diff, approves it and publishes a version; the department's
// security officer passes its secrecy review; the resource is then found in the share catalog by a
// Chinese word of its name.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { screenshotPath, type Browser } from './support/browser.ts';
import * as ui from './support/console.ts';
import { SETTLED } from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = ui.useConsole('catalog');
let server: RunningServer;
let browser: Browser;
let page: Page;
beforeAll(() => {
  ({ server, browser, page } = fixture);
});

const choose = (selectId: string, search: string, optionText: string) =>
  ui.choose(page, selectId, search, optionText);
const signIn = (username: string) => ui.signIn(page, server, username);
const signOut = () => ui.signOut(page, server);
const openMenu = (entry: string, path: RegExp) => ui.openMenu(page, '数据目录', entry, path);
const fieldError = (inputId: string) => ui.fieldError(page, inputId);

const suffix = String(Date.now() % 100_000);
const NAME = `养犬登记信息${suffix}`;

describe('catalog console', () => {
  it('compiles, reviews, publishes and finds a resource', async () => {
    // ── A police data officer compiles a resource. ─────────────────────────────────────────────
    await signIn('police.officer');
    await openMenu('目录编制', /\/console\/catalog\/resources$/);
    await page.locator('.ant-table-row').first().waitFor();
    await page.screenshot({ path: screenshotPath('catalog-resources-zh.png') });

    await page.getByTestId('resource-create').click();
    await page.waitForURL(/\/console\/catalog\/resources\/new$/);
    // Classification: 主题信息资源 › 公共服务 (a theme class: every share type is possible).
    await page.locator('#resource_classPath').click();
    await page.locator(SETTLED('.ant-cascader-dropdown')).getByText('2 主题信息资源').click();
    await page.locator(SETTLED('.ant-cascader-dropdown')).getByText('201 公共服务').click();
    await page.locator('#resource_name').fill(NAME);
    await page
      .locator('#resource_abstract')
      .fill('全市养犬登记、犬只免疫和年检信息，用于犬只管理和公共安全。');
    await choose('resource_formatType', '数据库', '数据库');
    await choose('resource_updateCycle', '每日', '每日');
    await page.locator('#resource_relatedCodes').fill('399/999999');
    await page.locator('#resource_relatedCodes').press('Enter');

    // Two information items.
    await page.locator('#resource_items_0_name').fill('登记编号');
    await page.locator('#resource_items_0_fieldName').fill('reg_no');
    await page.locator('#resource_items_0_length').fill('32');
    await page.locator('#resource_items_0_isKey').check();
    await page.getByTestId('item-add').click();
    await page.locator('#resource_items_1_name').fill('犬主姓名');
    await page.locator('#resource_items_1_fieldName').fill('owner_name');
    await page.locator('#resource_items_1_length').fill('50');
    await choose('resource_items_1_sensitivity', '个人', '个人信息');

    // 有条件共享 without a legal basis: the form says what is missing before anything is sent.
    await page.getByTestId('share-type').getByText('有条件共享', { exact: true }).click();
    await page.locator('#resource_shareCondition').fill('仅限公安、农业农村部门履行犬只管理职责时使用');
    await page.locator('#section-share').getByText('共享平台方式（接口）', { exact: true }).click();
    await page.getByTestId('open-type').getByText('不予开放', { exact: true }).click();
    await page.locator('#resource_openBasis').fill('《中华人民共和国个人信息保护法》第十三条');
    await page.getByTestId('resource-save').click();
    await expect.poll(() => fieldError('resource_shareBasis').textContent()).toContain('有条件共享必须注明');
    expect(await fieldError('resource_shareBasis').textContent()).toContain('CQ19 §25');
    await page.locator('#resource_shareBasis').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('catalog-editor-basis-error-zh.png') });

    // With the basis the form is complete; the server refuses the unknown related code beside its field.
    await page.locator('#resource_shareBasis').fill('《重庆市政务数据资源管理暂行办法》第二十五条');
    await page.getByTestId('resource-save').click();
    await expect.poll(() => fieldError('resource_relatedCodes').textContent()).toContain('399/999999');
    await page.screenshot({ path: screenshotPath('catalog-editor-server-error-zh.png') });
    await page
      .locator('.ant-form-item', { has: page.locator('#resource_relatedCodes') })
      .locator('.ant-select-selection-item-remove')
      .click();
    await page.getByTestId('resource-save').click();
    await page.waitForURL(/\/console\/catalog\/resources\/[0-9a-f-]{36}$/);
    const code = (await page.getByTestId('resource-code').textContent()) ?? '';
    expect(code).toMatch(/^201\/\d{6}$/);
    await page.getByTestId('resource-state').filter({ hasText: '草稿' }).waitFor();
    await page.screenshot({ path: screenshotPath('catalog-editor-saved-zh.png'), fullPage: true });

    // Submit it for review: the editor turns read-only.
    await page.getByTestId('editor-submit').click();
    await page.getByTestId('submit-confirm').click();
    await expect.poll(() => page.getByTestId('read-only-note').textContent()).toContain('审核中，暂不能修改');
    await page.getByTestId('resource-state').filter({ hasText: '审核中' }).waitFor();

    // The department sees its submission in 提交记录.
    await openMenu('提交记录', /\/console\/catalog\/submissions$/);
    await page.locator('.ant-table-row', { hasText: '重庆市公安局' }).first().waitFor();
    await signOut();

    // ── The city authority reviews the list. ───────────────────────────────────────────────────
    await signIn('authority');
    await openMenu('目录审核', /\/console\/catalog\/review$/);
    await page
      .locator('.ant-table-row', { hasText: '重庆市公安局' })
      .first()
      .getByTestId('submission-open')
      .click();
    const entries = page.getByTestId('submission-entries');
    const entry = entries.locator('.ant-collapse-item', { hasText: code });
    await entry.waitFor();
    // The diff of a new resource: every field with its value after.
    const diff = entry.getByTestId('diff-view');
    await expect.poll(() => diff.textContent()).toContain(NAME);
    await expect.poll(() => diff.textContent()).toContain('有条件共享');
    expect(await diff.textContent()).toContain('犬主姓名');
    await entry.getByTestId(`decision-${code}`).getByText('通过', { exact: true }).click();
    await page.screenshot({ path: screenshotPath('catalog-review-zh.png') });
    await page.getByTestId('decisions-submit').click();
    await entry.locator('.ant-tag', { hasText: '已通过' }).waitFor();
    await page.keyboard.press('Escape');

    // ── It publishes a new catalog version. ────────────────────────────────────────────────────
    await openMenu('目录版本', /\/console\/catalog\/versions$/);
    await page.getByTestId('pending-table').locator('.ant-table-row', { hasText: code }).waitFor();
    await page.getByTestId('version-publish').click();
    await page.locator('.ant-modal textarea').fill('端到端测试发布');
    await page.getByTestId('publish-confirm').click();
    const version = page
      .getByTestId('versions-table')
      .locator('.ant-table-row', { hasText: '端到端测试发布' });
    await version.waitFor();
    await page
      .getByTestId('pending-table')
      .locator('.ant-table-row', { hasText: code })
      .waitFor({ state: 'detached' });
    await page.screenshot({ path: screenshotPath('catalog-versions-zh.png'), fullPage: true });

    // ── The police security officer passes its secrecy review (保密审查): only then is it shared. ──
    await signOut();
    await signIn('police.security');
    await ui.openMenu(page, '安全管理', '保密审查', /\/console\/security\/reviews$/);
    await page
      .getByTestId('reviews-table')
      .locator('tr', { hasText: NAME })
      .getByTestId('review-open')
      .click();
    await page.getByTestId('review-outcome').locator('label', { hasText: '通过（' }).click();
    await page.getByTestId('review-submit').click();
    await page.getByTestId('review-submit').waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');

    // ── Anyone in government finds it in the share catalog by a Chinese word of its name. ─────
    await openMenu('目录查询', /\/console\/catalog\/search$/);
    await page.getByTestId('catalog-search').locator('input').fill('养犬');
    await page.getByTestId('catalog-search').locator('input').press('Enter');
    const result = page.getByTestId('search-result').filter({ hasText: NAME });
    await result.waitFor();
    expect(await result.textContent()).toContain(code);
    expect(await result.textContent()).toContain('重庆市公安局');
    await page.screenshot({ path: screenshotPath('catalog-search-zh.png') });
    await result.click();
    const detail = page.getByTestId('revision-view');
    await expect.poll(() => detail.textContent()).toContain('登记编号');
    expect(await detail.textContent()).toContain('《重庆市政务数据资源管理暂行办法》第二十五条');
    // Its metadata quality, with what to improve (no contact point was given).
    await expect
      .poll(() => page.getByTestId('quality-panel').textContent())
      .toContain('填写联系人及电话或邮箱');
    await page.screenshot({ path: screenshotPath('catalog-search-detail-zh.png') });

    expect(browser.problems).toEqual([]);
  });
});
