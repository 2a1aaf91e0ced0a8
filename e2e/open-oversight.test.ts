// Oversight of open data in the console, in a real browser against the real server: the authority's
// statistics page draws its charts from a download made just before; the provider's officer sees an
// objection filed through the API (with an evidence file), downloads the evidence, suspends the
// dataset (not without a reason) and decides restore (not without a note), and the data flows again;
// an auditor only reads, another department's officer gets "not found", a security officer the 403
// page; the authority declares an emergency, opens the dataset under it, ends it and deletes the
// dataset after a confirmation (last, since it deletes the pool's rows).
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { citizenIdCheckChar } from '../server/src/platform/identifiers/citizen-id.ts';
import * as ui from './support/console.ts';
import { SETTLED } from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = ui.useConsole('open-oversight');
let server: RunningServer;
let page: Page;

/** An open dataset of the market department with demo pool rows. */
const DATASET = '食品经营许可证信息';
const RUN = Date.now() % 1_000_000;
const USERNAME = `objector${RUN}`;
const PASSWORD = 'Oversight-pass-1';
const STATEMENT = '数据集中公开了个体经营者的身份证号码和住址，属于个人隐私，请核实后脱敏。';
/** A tiny PNG (the signature is what the server checks). */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(32, 1),
]);
let datasetId = '';
let objectionId = '';
let objector: Awaited<ReturnType<typeof apiSession>>;

/** A valid citizen ID number (GB 11643) that no other run uses. */
function citizenId(): string {
  const first17 = `500103198807${String(10 + (RUN % 18)).padStart(2, '0')}${String(RUN % 1000).padStart(3, '0')}`;
  return first17 + citizenIdCheckChar(first17)!;
}

/** A session on the API: its cookie and CSRF token. */
async function apiSession(username: string, password: string) {
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(login.status, await login.clone().text()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return (path: string, init: { method?: string; body?: BodyInit; type?: string } = {}) =>
    fetch(`${server.baseUrl}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { cookie, 'x-csrf-token': csrfToken, ...(init.type ? { 'content-type': init.type } : {}) },
      body: init.body,
    });
}

/** A public user registers, downloads the dataset once and objects to it with a screenshot. */
async function setUpObjection() {
  const registered = await fetch(`${server.baseUrl}/api/v1/open/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'natural',
      username: USERNAME,
      password: PASSWORD,
      realName: '钱异议',
      citizenId: citizenId(),
      mobile: '13700137000',
    }),
  });
  expect(registered.status, await registered.clone().text()).toBe(201);
  const search = (await (
    await fetch(`${server.baseUrl}/api/v1/open-catalog/datasets?q=${encodeURIComponent(DATASET)}`)
  ).json()) as { items: { resourceId: string; name: string }[] };
  datasetId = search.items.find((item) => item.name === DATASET)!.resourceId;

  objector = await apiSession(USERNAME, PASSWORD);
  const downloaded = await objector(`/open/datasets/${datasetId}/download?format=csv`);
  expect(downloaded.status, await downloaded.clone().text()).toBe(200);
  await downloaded.arrayBuffer();

  const filed = await objector('/open/objections', {
    method: 'POST',
    type: 'application/json',
    body: JSON.stringify({ resourceId: datasetId, ground: 'privacy', statement: STATEMENT }),
  });
  expect(filed.status, await filed.clone().text()).toBe(201);
  objectionId = ((await filed.json()) as { id: string }).id;
  const evidence = await objector(
    `/open/objections/${objectionId}/evidence?name=${encodeURIComponent('截图.png')}`,
    {
      method: 'POST',
      type: 'image/png',
      body: PNG,
    },
  );
  expect(evidence.status, await evidence.clone().text()).toBe(201);
}

beforeAll(async () => {
  ({ server, page } = fixture);
  await setUpObjection();
});

/** Picks an option of a Select without a search box, by clicking (once its list has settled). */
async function pick(selectId: string, optionText: string) {
  await page.locator(`#${selectId}`).click();
  await page
    .locator(`${SETTLED('.ant-select-dropdown')} .ant-select-item-option`, { hasText: optionText })
    .click();
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
}

/** A chart has drawn once its container holds ECharts' canvas. */
const drawn = (testId: string) => page.getByTestId(testId).locator('canvas').first().waitFor();

describe('opening oversight in the console', () => {
  it('the statistics page draws its charts for the authority', async () => {
    await ui.signIn(page, server, 'authority');
    await ui.openMenu(page, '数据开放', '开放统计', /\/console\/opening\/statistics$/);
    await page.getByTestId('stats-totals').waitFor();
    await drawn('chart-daily');
    await drawn('chart-datasets');
    await drawn('chart-departments');
    expect(await page.getByTestId('chart-daily').getAttribute('aria-label')).toContain('每日使用情况');
    const totals = await page.getByTestId('stats-totals').textContent();
    expect(totals).toContain('下载次数');
    expect(totals).toContain('使用人数（去重）');
    // Another period redraws from the server's answer.
    await page.getByTestId('stats-quick').getByText('最近 7 天', { exact: true }).click();
    await drawn('chart-daily');
    await page.screenshot({ path: 'test-results/open-oversight-statistics.png', fullPage: true });
    await ui.signOut(page, server);
  });

  it("the provider's officer suspends the objected dataset and decides restore", async () => {
    await ui.signIn(page, server, 'market.officer');
    await ui.openMenu(page, '数据开放', '异议与暂停', /\/console\/opening\/objections$/);
    const table = page.getByTestId('objections-table');
    const row = table.locator('tr', { hasText: DATASET }).first();
    await expect.poll(() => row.getByTestId('objection-state').textContent()).toBe('待核实');

    // Filtered by the other ground the list is empty, and says so.
    await pick('ground', '商业秘密');
    await expect.poll(() => table.textContent()).toContain('暂无异议');
    await pick('ground', '个人隐私');
    await row.getByTestId('objection-open').click();

    const drawer = page.getByTestId('objection-drawer');
    await expect.poll(() => drawer.getByTestId('objection-statement').textContent()).toBe(STATEMENT);
    expect(await drawer.getByTestId('objection-suspension').textContent()).toContain('数据集目前正常开放');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      drawer.getByTestId('evidence-download').first().click(),
    ]);
    expect(file.suggestedFilename()).toBe('截图.png');

    // Suspending needs a reason, said beside the field.
    await drawer.getByTestId('objection-suspend').click();
    await page.locator(SETTLED('.ant-modal')).waitFor();
    await page.getByTestId('form-submit').click();
    await expect.poll(() => ui.fieldError(page, 'open-suspend_reason').textContent()).toBe('请填写暂停原因');
    await page.locator('#open-suspend_reason').fill('正在核实异议所指字段');
    await page.getByTestId('form-submit').click();
    await page.getByTestId('form-submit').waitFor({ state: 'detached' });
    await expect.poll(() => drawer.getByTestId('objection-state').textContent()).toBe('已暂停开放');
    expect(await drawer.getByTestId('objection-suspension').textContent()).toContain('正在核实异议所指字段');
    expect((await objector(`/open/datasets/${datasetId}/download?format=csv`)).status).toBe(409);

    // Deciding needs the answer to the objector.
    await drawer.getByTestId('objection-decide').click();
    await page.locator(SETTLED('.ant-modal')).waitFor();
    await page.getByTestId('decide-outcome').getByText('恢复开放', { exact: true }).click();
    await page.getByTestId('form-submit').click();
    await expect.poll(() => ui.fieldError(page, 'open-decide_note').textContent()).toBe('请填写处理说明');
    await page
      .locator('#open-decide_note')
      .fill('经核实，所列字段为经营场所地址，不含个人身份信息，异议不成立。');
    await page.getByTestId('form-submit').click();
    await page.getByTestId('form-submit').waitFor({ state: 'detached' });
    await expect.poll(() => drawer.getByTestId('objection-state').textContent()).toBe('已恢复开放');
    expect(await drawer.getByTestId('objection-outcome').textContent()).toContain('异议不成立');
    expect(await drawer.getByTestId('objection-decide').count()).toBe(0);
    const again = await objector(`/open/datasets/${datasetId}/download?format=csv`);
    expect(again.status).toBe(200);
    await again.arrayBuffer();
    await ui.signOut(page, server);
  });

  it('a wrong role cannot act: the auditor reads, another department gets not found, security 403', async () => {
    await ui.signIn(page, server, 'auditor');
    await page.goto(`${server.baseUrl}/console/opening/objections?objection=${objectionId}`);
    const drawer = page.getByTestId('objection-drawer');
    await expect.poll(() => drawer.getByTestId('objection-statement').textContent()).toBe(STATEMENT);
    await drawer.getByTestId('objection-facts').waitFor();
    expect(await page.getByTestId('own-finding').count()).toBe(0);
    expect(await drawer.getByTestId('objection-suspend').count()).toBe(0);
    expect(await drawer.getByTestId('objection-decide').count()).toBe(0);
    await ui.signOut(page, server);

    await ui.signIn(page, server, 'police.officer');
    await page.goto(`${server.baseUrl}/console/opening/objections?objection=${objectionId}`);
    await expect.poll(() => page.getByTestId('objection-drawer').textContent()).toContain('找不到该异议');
    await ui.signOut(page, server);

    await ui.signIn(page, server, 'police.security');
    expect(await page.getByTestId('side-menu').getByText('异议与暂停', { exact: true }).count()).toBe(0);
    await page.goto(`${server.baseUrl}/console/opening/objections`);
    await page.getByText('无权访问', { exact: true }).waitFor();
    await ui.signOut(page, server);
  });

  it('the authority declares an emergency, opens the dataset, ends it and deletes the dataset', async () => {
    await ui.signIn(page, server, 'authority');
    await ui.openMenu(page, '数据开放', '应急开放', /\/console\/opening\/emergencies$/);
    await page.getByTestId('emergency-declare').click();
    const modal = page.locator(SETTLED('.ant-modal'));
    await modal.waitFor();
    await page.getByTestId('form-submit').click();
    await expect
      .poll(() => ui.fieldError(page, 'emergency-declare_period').textContent())
      .toBe('请选择起止日期');
    await page.locator('#emergency-declare_name').fill('主城区食品安全突发事件');
    await page
      .locator('#emergency-declare_scope')
      .fill('食品经营许可证信息，向社会公开，用于排查问题食品来源');
    await page.locator('#emergency-declare_basis').fill('市政府突发事件应急响应通知');
    await page.locator('#emergency-declare_period').click();
    const today = page.locator(`${SETTLED('.ant-picker-dropdown')} .ant-picker-cell-today`).first();
    await today.click();
    await today.click();
    await page.getByTestId('form-submit').click();
    await page.getByTestId('form-submit').waitFor({ state: 'detached' });

    const drawer = page.getByTestId('emergency-drawer');
    await expect.poll(() => drawer.getByTestId('emergency-status').textContent()).toBe('应急中');
    await drawer.getByTestId('emergency-open-dataset').click();
    await page.locator(SETTLED('.ant-modal')).waitFor();
    await ui.choose(page, 'emergency-open_resourceId', '食品经营', DATASET);
    await page.getByTestId('form-submit').click();
    await page.getByTestId('form-submit').waitFor({ state: 'detached' });
    await expect.poll(() => drawer.getByTestId('emergency-datasets').textContent()).toContain(DATASET);

    await drawer.getByTestId('emergency-end').click();
    await page.locator(SETTLED('.ant-modal-confirm')).getByRole('button', { name: '提前结束' }).click();
    await expect.poll(() => drawer.getByTestId('emergency-pending').textContent()).toContain('1 个数据集');

    // Deleting asks first; cancelled, nothing changes.
    await drawer.getByTestId('emergency-delete').click();
    const confirm = page.locator(SETTLED('.ant-modal-confirm'));
    expect(await confirm.textContent()).toContain('永久删除');
    await confirm.getByRole('button', { name: /取\s?消/ }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await drawer.getByTestId('emergency-disposition').textContent()).toBe('待处置');
    await drawer.getByTestId('emergency-delete').click();
    await page.locator(SETTLED('.ant-modal-confirm')).getByRole('button', { name: '确认删除' }).click();
    await expect.poll(() => drawer.getByTestId('emergency-disposition').textContent()).toBe('已删除');
    expect(await drawer.getByTestId('emergency-pending').textContent()).toContain('所有数据集均已处置');
    expect((await objector(`/open/datasets/${datasetId}/download?format=csv`)).status).toBe(409);
    // After the confirmation dialog the focus is outside the drawer, so Escape would not reach it.
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'detached' });
    await ui.signOut(page, server);
  });
});
