// Sharing (数据共享) in a real browser against the real server (profile cq19: the provider's approval
// grants at once). The market officer gets access to an unconditionally shared police resource from
// the share catalog and applies for a conditionally shared one with a row condition; the police
// officer cannot refuse without a reason, then approves in part (one item fewer); the market officer
// sees the grant with exactly the approved items; the authority sees both grants of the region.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as ui from './support/console.ts';
import { SETTLED } from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = ui.useConsole('sharing');
let server: RunningServer;
let page: Page;
beforeAll(() => {
  ({ server, page } = fixture);
});

const APP = '市场主体登记系统';
const UNCONDITIONAL = '人口基本信息';
const CONDITIONAL = '居住证信息';

/** Searches the share catalog and returns the result card of `name`. */
async function findInCatalog(name: string) {
  await ui.openMenu(page, '数据目录', '目录查询', /\/console\/catalog\/search$/);
  const search = page.getByTestId('catalog-search').locator('input');
  await search.fill(name);
  await search.press('Enter');
  const card = page.getByTestId('search-result').filter({ hasText: name }).first();
  await card.waitFor();
  return card;
}

/** Types into the application field and takes the typed name (no key exists yet: free text). */
async function fillCommon(form: string, purpose: string) {
  await page.locator(`#${form}_application`).fill(APP);
  await page.locator(`#${form}_purpose`).fill(purpose);
}

describe('sharing in the console', () => {
  it('gets access to an unconditionally shared resource at once', async () => {
    await ui.signIn(page, server, 'market.officer');
    const card = await findInCatalog(UNCONDITIONAL);
    await card.getByTestId('share-action-grant').click();
    await page.locator(SETTLED('.ant-modal')).waitFor();
    await fillCommon('share-request', '企业开办登记时核验投资人身份');
    await page.getByTestId('form-submit').click();

    await page.waitForURL(/\/console\/sharing\/grants\?grant=/);
    const drawer = page.getByTestId('grant-drawer');
    await drawer.getByTestId('grant-items').waitFor();
    expect(await drawer.getByTestId('grant-status').textContent()).toBe('生效中');
    expect(await drawer.getByTestId('grant-items').textContent()).toContain('公民身份号码');

    // The developer's guide: the four ways, with the key and the purpose on every call.
    await drawer.getByRole('tab', { name: '接口说明' }).click();
    const lookup = await drawer.getByTestId('api-lookup').textContent();
    expect(lookup).toContain('Authorization: Bearer $ZHENGSHU_KEY');
    expect(lookup).toContain('X-Purpose: 企业开办登记时核验投资人身份');
    for (const way of ['query', 'export', 'changes']) await drawer.getByTestId(`api-${way}`).waitFor();
    // Closed as a user would, so the side menu is in reach again.
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
  });

  it('files a conditional request with a row condition', async () => {
    const card = await findInCatalog(CONDITIONAL);
    await card.getByTestId('share-action-apply').click();
    await page.locator(SETTLED('.ant-modal')).waitFor();
    await fillCommon('share-request', '个体工商户登记时核验经营者居住情况');
    // Nothing is sent without a legal basis and at least one item.
    await page.getByTestId('form-submit').click();
    await expect
      .poll(() => ui.fieldError(page, 'share-request_legalBasis').textContent())
      .toContain('请填写依据');
    await page.locator('#share-request_legalBasis').fill('《个体工商户条例》第八条');
    const items = page.getByTestId('items-picker');
    await items.getByRole('button', { name: /^全\s?选$/ }).click();
    await page.getByTestId('condition-add').click();
    await ui.choose(page, 'share-request_rowScope_0_field', '居住地行政区划', '居住地行政区划');
    await page.locator('#share-request_rowScope_0_value').fill('500103');
    await page.getByTestId('form-submit').click();

    await page.waitForURL(/\/console\/sharing\/requests\?request=/);
    const drawer = page.getByTestId('request-drawer');
    await drawer.getByTestId('request-facts').waitFor();
    expect(await drawer.getByTestId('request-state').first().textContent()).toContain('待答复');
    expect(await drawer.getByTestId('condition-tags').textContent()).toContain('居住地行政区划 等于 500103');
    await ui.signOut(page, server);
  });

  it('the provider cannot refuse without a reason, then approves in part', async () => {
    await ui.signIn(page, server, 'police.officer');
    await ui.openMenu(page, '数据共享', '待我答复', /\/console\/sharing\/inbox$/);
    const row = page.getByTestId('requests-table').locator('tr', { hasText: CONDITIONAL }).first();
    // The list shows the resource's level (分级) from its answer, by the profile's name.
    await expect.poll(() => row.getByTestId('level-tag').textContent()).toBe('重要数据');
    await row.getByTestId('request-open').click();
    await page.getByTestId('request-decide').click();
    const modal = page.locator(SETTLED('.ant-modal'));
    await modal.waitFor();

    await page.getByTestId('decision-kind').getByText('不予同意', { exact: true }).click();
    await page.getByTestId('form-submit').click();
    await expect
      .poll(() => ui.fieldError(page, 'share-decision_reason').textContent())
      .toContain('不予同意必须说明理由');
    expect(await page.getByTestId('form-submit').isVisible()).toBe(true);

    await page.getByTestId('decision-kind').getByText('部分同意', { exact: true }).click();
    await modal.getByTestId('items-picker').getByText('居住地址', { exact: true }).click();
    await page.locator('#share-decision_reason').fill('居住地址属于敏感个人信息，核验居住情况无需详细地址');
    await page.getByTestId('form-submit').click();
    await page.getByTestId('form-submit').waitFor({ state: 'detached' });

    const drawer = page.getByTestId('request-drawer');
    await expect.poll(() => drawer.getByTestId('request-state').first().textContent()).toContain('已授权');
    expect(await drawer.getByTestId('request-state').first().textContent()).toContain('部分同意');
    await ui.signOut(page, server);
  });

  it('the applicant sees the grant with the approved items only', async () => {
    await ui.signIn(page, server, 'market.officer');
    await ui.openMenu(page, '数据共享', '共享授权', /\/console\/sharing\/grants$/);
    const row = page.getByTestId('grants-table').locator('tr', { hasText: CONDITIONAL }).first();
    await row.getByTestId('grant-open').click();
    const items = page.getByTestId('grant-drawer').getByTestId('grant-items');
    // Item names arrive with the resource's catalog entry, after the grant itself.
    await expect.poll(() => items.textContent()).toContain('居住证编号');
    expect(await items.textContent()).not.toContain('居住地址');
    expect(await page.getByTestId('grant-drawer').getByTestId('condition-tags').textContent()).toContain(
      '居住地行政区划 等于 500103',
    );
    await page.keyboard.press('Escape');
    await ui.signOut(page, server);
  });

  it('the authority sees every grant of its region', async () => {
    await ui.signIn(page, server, 'authority');
    await ui.openMenu(page, '数据共享', '共享授权', /\/console\/sharing\/grants$/);
    const table = page.getByTestId('grants-table');
    await table.locator('tr', { hasText: UNCONDITIONAL }).first().waitFor();
    await table.locator('tr', { hasText: CONDITIONAL }).first().waitFor();
    // Each row shows its resource's level and sub-level (分级).
    const level = (name: string) =>
      table.locator('tr', { hasText: name }).first().getByTestId('level-tag').textContent();
    await expect.poll(() => level(UNCONDITIONAL)).toBe('重要数据 · 重要2级');
    expect(await level(CONDITIONAL)).toBe('重要数据');
    // This profile (cq19) has the provider's approval grant access: no 待开通 entry.
    expect(await page.getByTestId('side-menu').getByText('待开通', { exact: true }).count()).toBe(0);
    expect(fixture.browser.problems).toEqual([]);
  });
});
