// Masking (数据脱敏) in a real browser against the real server and the seeded demo pools: the police
// officer opens 安全管理 → 数据脱敏 for 人口基本信息 (2,000 pool rows), sees the resource's and each
// item's security level, is refused a rule that does not fit 姓名 (shown beside the rule-kind field
// in the dialog and beside the item), sets a
// name rule with another mask character, previews the masked sample, and runs a k-anonymity check
// that fails (with its breaking rows) and then passes with fewer quasi-identifiers. The security
// officer previews masked values only. The auditor, without security.masking.read, has no menu entry
// and is refused the page. (Encryption at rest has its own file: security-encryption.test.ts.)
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as ui from './support/console.ts';
import { SETTLED } from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = ui.useConsole('security-masking');
let server: RunningServer;
let page: Page;
beforeAll(() => {
  ({ server, page } = fixture);
});

const RESOURCE = '人口基本信息';
const VIEW = /\/api\/v1\/security\/masking\/resources\/[^/]+$/;

/** The row of an item in the items table, by its field name (shown under the item's name). */
const itemRow = (fieldName: string) =>
  page.getByTestId('masking-items').locator('tbody tr', { hasText: fieldName });

/** Opens the rule dialog of an item and waits until it has settled. */
async function openEditor(fieldName: string) {
  await itemRow(fieldName).getByTestId('rule-edit').click();
  await page.locator(SETTLED('.ant-modal')).waitFor();
}

/**
 * The kinds the rule dialog's select (id `kind`) offers, read by walking its list with the arrow
 * keys, as a keyboard user would: the list is virtual and renders only the options in view.
 */
async function kindOptions(): Promise<string[]> {
  await page.locator('#kind').click();
  const active = page.locator(`${SETTLED('.ant-select-dropdown')} .ant-select-item-option-active`);
  await active.waitFor();
  const seen: string[] = [];
  for (let step = 0; step < 30; step++) {
    const text = (await active.textContent()) ?? '';
    if (seen.includes(text)) break;
    seen.push(text);
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Escape');
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
  return seen;
}

/** Picks a kind in the rule dialog's select with the arrow keys and Enter (see kindOptions). */
async function pickKind(label: string) {
  await page.locator('#kind').click();
  const active = page.locator(`${SETTLED('.ant-select-dropdown')} .ant-select-item-option-active`);
  await active.waitFor();
  for (let step = 0; (await active.textContent()) !== label; step++) {
    if (step === 30) throw new Error(`the kind select offers no ${label}`);
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
  const field = page.locator('.ant-form-item', { has: page.locator('#kind') });
  expect(await field.textContent()).toContain(label);
}

/** Adds quasi-identifiers to the k-anonymity form's multiple select, one by typing its name. */
async function addQuasi(names: string[]) {
  const input = page.locator('#kanon_quasiIdentifiers');
  for (const name of names) {
    await input.click();
    await input.fill(name);
    await page
      .locator(`${SETTLED('.ant-select-dropdown')} .ant-select-item-option-active`, { hasText: name })
      .waitFor();
    await input.press('Enter');
  }
  await input.press('Escape');
}

async function runCheck(k: number) {
  await page.locator('#kanon_k').fill(String(k));
  await page.getByTestId('k-run').click();
}

describe('masking in the console', () => {
  it('shows levels, refuses an unfit rule beside the item, sets a rule and previews the masked sample', async () => {
    await ui.signIn(page, server, 'police.officer');
    await ui.openMenu(page, '安全管理', '数据脱敏', /\/console\/security\/masking$/);
    await ui.choose(page, 'masking-resource', RESOURCE, RESOURCE);

    // The classification level of the resource and of each item, beside its rule.
    // The resource's level with its sub-level (重要数据 · …), the item's without.
    const resourceLevel = page.getByTestId('masking-resource-level').getByTestId('level-tag');
    await resourceLevel.waitFor();
    expect(await resourceLevel.textContent()).toBe('重要数据 · 重要2级');
    await itemRow('xm').getByTestId('level-tag').waitFor();
    expect(await itemRow('xm').getByTestId('level-tag').textContent()).toBe('重要数据');
    expect(await itemRow('xm').textContent()).toContain('默认规则');

    // The dialog offers only the kinds that fit a text item: no date rule for 姓名.
    await openEditor('xm');
    const offered = await kindOptions();
    expect(offered).toContain('姓名');
    expect(offered).toContain('SM3 假名');
    expect(offered).not.toContain('日期截断');
    await page
      .locator(SETTLED('.ant-modal'))
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await page.locator('.ant-modal:visible').waitFor({ state: 'detached' });

    // The server is the last word: a page whose list of fitting kinds is out of date (as after the
    // item was retyped in another window; simulated here by adding 日期截断 to the list the page
    // received) sends a date rule for 姓名, and the server's refusal shows beside the item.
    await page.route(VIEW, async (route) => {
      const response = await route.fetch();
      const view = (await response.json()) as { items: { fieldName: string; fittingKinds: string[] }[] };
      for (const item of view.items) if (item.fieldName === 'xm') item.fittingKinds.push('date');
      await route.fulfill({ response, json: view });
    });
    await page.reload();
    await ui.choose(page, 'masking-resource', RESOURCE, RESOURCE);
    await openEditor('xm');
    await pickKind('日期截断');
    await page
      .locator(SETTLED('.ant-modal'))
      .getByRole('button', { name: /保\s*存/ })
      .click();
    // The dialog stays open with the refusal (path /body/rule/kind) under the rule-kind field.
    const kindError = ui.fieldError(page, 'kind');
    await kindError.getByText('“日期截断”不适用于字符型信息项“姓名”', { exact: false }).waitFor();
    const refused = itemRow('xm').getByTestId('rule-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('规则未保存');
    expect(await refused.textContent()).toContain('“日期截断”不适用于字符型信息项“姓名”');
    await page.unroute(VIEW);

    // A rule that fits: names masked with ○ instead of *; picking another kind clears the error.
    await pickKind('姓名');
    await expect.poll(() => ui.fieldError(page, 'kind').count()).toBe(0);
    await page.locator('#maskChar').fill('○');
    await page.locator('#note').fill('对外提供时姓名只保留姓氏');
    await page
      .locator(SETTLED('.ant-modal'))
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await page.locator('.ant-modal:visible').waitFor({ state: 'detached' });
    await itemRow('xm')
      .getByText(/本部门设置/)
      .waitFor();
    expect(await itemRow('xm').getByTestId('rule-refused').count()).toBe(0);

    // One click: the first 20 current rows, masked; the officer (pool.data.read) sees the stored
    // value under each masked one.
    await page.getByTestId('masking-preview').click();
    const card = page.getByTestId('masking-preview-card');
    await card.getByText('脱敏样例（前 20 条当前数据）').waitFor();
    const firstRow = card.locator('tbody tr.ant-table-row').first();
    const cells = await firstRow.locator('td').allTextContents();
    // Columns in item order: 公民身份号码, 姓名, …; each cell holds the masked value, then 原值：….
    expect(cells[0]).toMatch(/^\d{6}\*{8}\d{3}[\dX]原值：\d{17}[\dX]$/);
    expect(cells[1]).toMatch(/^\p{Script=Han}{1,2}○+原值：\p{Script=Han}{2,4}$/u);
    expect(await card.textContent()).toContain('灰色小字为原值');
  });

  it('fails a k-anonymity check with the rows that break it, and passes with fewer quasi-identifiers', async () => {
    const panel = page.getByTestId('k-anonymity');
    await runCheck(5);
    await panel.getByText('请至少选择一个准标识符').waitFor();

    await addQuasi(['性别', '出生日期', '民族']);
    await runCheck(5);
    await panel.getByText('脱敏后的数据不满足 5-匿名').waitFor();
    const breaking = panel.getByTestId('k-breaking-rows');
    await breaking.locator('tbody tr.ant-table-row').first().waitFor();
    const header = await breaking.locator('thead th').allTextContents();
    expect(header).toEqual(['记录号', '公民身份号码', '性别', '出生日期', '民族', '等价类大小']);
    const first = await breaking.locator('tbody tr.ant-table-row').first().locator('td').allTextContents();
    // The key and the quasi-identifiers as released (masked ID, birth year), and a class below k.
    expect(first[1]).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(first[3]).toMatch(/^\d{4}$/);
    expect(Number(first[5])).toBeLessThan(5);

    // Without 民族 every class of sex and birth year holds at least 5 people.
    await panel
      .locator('.ant-select-selection-item', { hasText: '民族' })
      .locator('.ant-select-selection-item-remove')
      .click();
    await runCheck(5);
    await panel.getByText('脱敏后的数据满足 5-匿名，可以提供').waitFor();
    expect(await panel.getByTestId('k-breaking-rows').count()).toBe(0);
  });

  it('shows the security officer masked values only, and the rule the officer set', async () => {
    await ui.signOut(page, server);
    await ui.signIn(page, server, 'police.security');
    await ui.openMenu(page, '安全管理', '数据脱敏', /\/console\/security\/masking$/);
    await ui.choose(page, 'masking-resource', RESOURCE, RESOURCE);
    await itemRow('xm')
      .getByText(/本部门设置（李警官/)
      .waitFor();
    await page.getByTestId('masking-preview').click();
    const card = page.getByTestId('masking-preview-card');
    await card.getByText('只显示脱敏后的值').waitFor();
    expect(await card.textContent()).not.toContain('原值：');
    const cells = await card.locator('tbody tr.ant-table-row').first().locator('td').allTextContents();
    expect(cells[0]).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(cells[1]).toMatch(/^\p{Script=Han}{1,2}○+$/u);
  });

  it('gives the auditor no masking entry and refuses the page', async () => {
    await ui.signOut(page, server);
    await ui.signIn(page, server, 'auditor');
    // The auditor may have other security pages; if so, the group is unfolded to look inside it.
    const menu = page.getByTestId('side-menu');
    const group = menu.getByText('安全管理', { exact: true });
    if (await group.count()) {
      await group.click();
      await menu.locator('.ant-menu-sub:visible').first().waitFor();
    }
    expect(await menu.getByText('数据脱敏', { exact: true }).count()).toBe(0);
    await page.goto(`${server.baseUrl}/console/security/masking`);
    await page.getByText('无权访问').waitFor();
    expect(await page.getByTestId('masking-items').count()).toBe(0);
  });
});
