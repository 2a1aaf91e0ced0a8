// Encryption at rest (加密存储) in a real browser against the real server and the seeded demo pools:
// the police security officer picks the table 人口基本信息 and an item from lists (no ids to copy).
// The page refuses the key item and a date item beside the item field before sending; the server
// refuses a general item (人口状态), and its refusal shows beside the same field; 姓名 is then
// encrypted after a confirmation naming the table and the item, and the page lists it with its key.
// A second try on 姓名 is refused as already encrypted. The auditor reads the page without the form.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as ui from './support/console.ts';
import { SETTLED } from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = ui.useConsole('security-encryption');
let server: RunningServer;
let page: Page;
beforeAll(() => {
  ({ server, page } = fixture);
});

const RESOURCE = '人口基本信息';
const form = () => page.getByTestId('encrypt-form');
/** What a form field shows (its label, the chosen option or the placeholder, its error). */
const fieldText = async (inputId: string) =>
  (await page.locator('.ant-form-item', { has: page.locator(`#${inputId}`) }).textContent()) ?? '';
const submit = () => form().getByRole('button', { name: '加密信息项' }).click();

/**
 * Picks an item in the item select (id `field`) by typing its name, and returns what its option
 * showed (name, field name and the tags: type, sensitivity, key, encrypted).
 */
async function pickItem(name: string): Promise<string> {
  const input = page.locator('#field');
  await input.click();
  await input.fill(name);
  const active = page.locator(`${SETTLED('.ant-select-dropdown')} .ant-select-item-option-active`, {
    hasText: name,
  });
  await active.waitFor();
  const shown = (await active.textContent()) ?? '';
  await input.press('Enter');
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
  return shown;
}

/** Confirms the dialog that asks before sealing, after checking that it names the table and item. */
async function confirm(item: string) {
  const dialog = page.locator(SETTLED('.ant-modal-confirm'));
  await dialog.waitFor();
  expect(await dialog.textContent()).toContain(`加密信息项“${item}”？`);
  expect(await dialog.textContent()).toContain(`数据表：${RESOURCE}；信息项：${item}`);
  await dialog.getByRole('button', { name: '加密信息项' }).click();
  await page.locator('.ant-modal-confirm:visible').waitFor({ state: 'detached' });
}

describe('encryption at rest in the console', () => {
  it('asks for a table first, and refuses the key item and a date item beside the item field', async () => {
    await ui.signIn(page, server, 'police.security');
    await ui.openMenu(page, '安全管理', '加密存储', /\/console\/security\/encryption$/);
    await page.getByText('尚无加密存储的信息项').waitFor();

    // Nothing chosen: both fields say what is missing; the item list waits for a table.
    expect(await page.locator('#field').isDisabled()).toBe(true);
    await submit();
    await ui.fieldError(page, 'resourceId').getByText('请选择数据表').waitFor();
    expect(await ui.fieldError(page, 'field').textContent()).toBe('请选择信息项');

    await ui.choose(page, 'resourceId', RESOURCE, RESOURCE);
    expect(await page.locator('#field').isDisabled()).toBe(false);
    await expect.poll(() => ui.fieldError(page, 'resourceId').count()).toBe(0);

    // The key item: its option says so, and choosing it is refused before anything is sent.
    const key = await pickItem('公民身份号码');
    expect(key).toContain('gmsfhm');
    expect(key).toContain('字符型');
    expect(key).toContain('个人信息');
    expect(key).toContain('主键');
    await ui
      .fieldError(page, 'field')
      .getByText('“公民身份号码”是主键信息项，不能加密：查找和唯一性约束需要它的明文')
      .waitFor();

    const date = await pickItem('出生日期');
    expect(date).toContain('日期型');
    await ui.fieldError(page, 'field').getByText('只有字符型信息项可加密存储，“出生日期”为日期型').waitFor();
    await submit();
    // Still refused on the page: no confirmation comes up.
    expect(await page.locator('.ant-modal-confirm:visible').count()).toBe(0);
  });

  it('shows the server’s refusal of a general item beside the item field', async () => {
    const general = await pickItem('人口状态');
    expect(general).toContain('一般');
    await expect.poll(() => ui.fieldError(page, 'field').count()).toBe(0);
    await submit();
    await confirm('人口状态');
    await ui
      .fieldError(page, 'field')
      .getByText('只有敏感或个人信息项可加密存储，人口状态 的敏感级别为“一般”')
      .waitFor();
    // The choices stay as they were, so the officer can pick another item.
    expect(await fieldText('resourceId')).toContain(RESOURCE);
    expect(await fieldText('field')).toContain('人口状态');
    expect(await page.getByText('尚无加密存储的信息项').count()).toBe(1);
  });

  it('encrypts 姓名 after the confirmation and lists it with its key; a second try is refused', async () => {
    await pickItem('姓名');
    await expect.poll(() => ui.fieldError(page, 'field').count()).toBe(0);
    await submit();
    await confirm('姓名');
    await page.getByText('已加密 姓名').waitFor();

    const row = page.locator('.ant-card', { hasText: '加密字段' }).locator('tbody tr.ant-table-row');
    await row.first().waitFor();
    const cells = await row.first().locator('td').allTextContents();
    expect(cells.slice(0, 4)).toEqual([`${RESOURCE}101/000001`, 'xm', '重庆市公安局', '已加密']);
    // Sealed in one transaction: the progress bar is full (green, with a tick instead of a figure).
    expect(await row.first().locator('.ant-progress-status-success').count()).toBe(1);
    // The keys table names the key in use, never its material.
    const keys = page.locator('.ant-card', { hasText: '数据密钥' }).locator('tbody tr.ant-table-row');
    const key = await keys.first().locator('td').allTextContents();
    expect(key[1]).toBe('sm4-cbc-hmac-sm3');
    expect(key.slice(3)).toEqual(['启用中', '1']);
    expect(cells[5]).toBe(key[0]);

    // The form was cleared; 姓名 now shows as encrypted and is refused on the page.
    expect(await fieldText('resourceId')).not.toContain(RESOURCE);
    expect(await fieldText('field')).toContain('请先选择数据表');
    await ui.choose(page, 'resourceId', RESOURCE, RESOURCE);
    expect(await pickItem('姓名')).toContain('已加密');
    await ui.fieldError(page, 'field').getByText('信息项“姓名”已加密存储').waitFor();
  });

  it('shows the auditor the encrypted columns without the form', async () => {
    await ui.signOut(page, server);
    await ui.signIn(page, server, 'auditor');
    await page.goto(`${server.baseUrl}/console/security/encryption`);
    const row = page.locator('.ant-card', { hasText: '加密字段' }).locator('tbody tr.ant-table-row');
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain('xm');
    expect(await form().count()).toBe(0);
  });
});
