// The public open-data portal (issue 7) in a real browser against the real server with the demo
// data: an anonymous visitor goes from the home page through search to a dataset with its chart;
// registers as a natural person (a mistyped citizen ID and a taken username are refused beside
// their fields), signs out and in again, downloads a CSV, creates an API key that is shown once;
// the English switch; a phone-sized screen without sideways scrolling; and the JS budget.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { measurePortal, overBudget, PORTAL_BUDGET_KB } from '../scripts/portal-size.ts';
import { citizenIdCheckChar } from '../server/src/platform/identifiers/citizen-id.ts';
import { useConsole } from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = useConsole('portal');
let server: RunningServer;
let page: Page;
beforeAll(() => {
  ({ server, page } = fixture);
});

const DATASET = '公交站点信息';
const USERNAME = `citizen${Date.now() % 1_000_000}`;
const PASSWORD = 'Portal-pass-1';
let datasetUrl = '';

/** A valid citizen ID number (GB 11643) that no other run uses. */
function citizenId(region = '110105'): string {
  const sequence = String(Date.now() % 1000).padStart(3, '0');
  const first17 = `${region}19880512${sequence}`;
  return first17 + citizenIdCheckChar(first17)!;
}

/** The registration form's input of a field. */
const input = (name: string) => page.getByTestId('register-natural').locator(`[name="${name}"]`);

/** Signs in on the portal's own page and waits for the page it goes to. */
async function signIn(expected: string | RegExp) {
  await page.getByTestId('field-username').fill(USERNAME);
  await page.getByTestId('field-password').fill(PASSWORD);
  await page.getByTestId('portal-login-submit').click();
  await page.waitForURL(expected);
}

/** Makes a public user through the console's user API (as an administrator would), identity unverified. */
async function createPublicUser(username: string) {
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: server.adminPassword }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const created = await fetch(`${server.baseUrl}/api/v1/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({
      username,
      displayName: '未认证公众',
      role: 'public_user',
      password: PASSWORD,
      personType: 'natural',
      identityNumber: citizenId('500103'),
    }),
  });
  expect(created.status).toBe(201);
}

/** Whether the page is wider than the window (sideways scrolling). */
const scrollsSideways = () =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('open-data portal', () => {
  it('takes an anonymous visitor from the home page through search to a dataset with a chart', async () => {
    await page.goto(`${server.baseUrl}/`);
    await expect.poll(() => page.getByTestId('count-datasets').textContent()).toMatch(/^[1-9]/);
    expect(await page.getByTestId('home-newest').getByTestId('dataset-card').count()).toBeGreaterThan(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

    await page.getByTestId('portal-search-input').fill('公交站点');
    await page.getByTestId('portal-search-submit').click();
    await page.waitForURL(/\/open\/datasets\?q=/);
    await expect.poll(() => page.getByTestId('search-total').textContent()).toMatch(/共 [1-9]/);
    await page.getByTestId('facet-openType').waitFor();

    await page.getByTestId('search-result').getByRole('link', { name: DATASET, exact: true }).click();
    await page.waitForURL(/\/open\/datasets\/[0-9a-f-]{36}$/);
    datasetUrl = page.url();
    await expect.poll(() => page.getByTestId('dataset-name').textContent()).toBe(DATASET);
    await page.getByTestId('dataset-items').waitFor();
    await page.getByTestId('dataset-quality').waitFor();

    // The chart (ECharts, loaded when its section nears the screen) draws an SVG.
    const chart = page.getByTestId('section-chart');
    await chart.scrollIntoViewIfNeeded();
    await page.getByTestId('dataset-chart').locator('svg').waitFor();
    expect(await page.getByTestId('dataset-chart').getAttribute('aria-label')).toContain('统计');

    // API documentation built from the access point, with the key placeholder.
    const curl = await page.getByTestId('api-curl').textContent();
    expect(curl).toContain('Authorization: Bearer $ZHENGSHU_KEY');
    expect(curl).toContain(`${datasetUrl.replace('/open/', '/api/v1/open/')}/records?limit=100`);
    await page.getByTestId('tab-python').click();
    expect(await page.getByTestId('api-python').textContent()).toContain("os.environ['ZHENGSHU_KEY']");

    // Anonymous visitors are sent to sign in before a download.
    await page.getByTestId('download-csv').click();
    await page.waitForURL(/\/open\/login\?next=/);
  });

  it('registers a natural person: refused beside the fields, then accepted with a verified identity', async () => {
    await page.goto(`${server.baseUrl}/open/register`);
    await input('realName').fill('张三');
    await input('citizenId').fill('110105198805120010');
    await input('mobile').fill('13800138000');
    await input('username').fill(USERNAME);
    await input('password').fill(PASSWORD);
    await input('passwordAgain').fill(PASSWORD);
    await page.getByTestId('register-submit').click();
    await expect
      .poll(() => page.getByTestId('error-citizenId').textContent())
      .toContain('公民身份号码不正确');
    expect(await input('citizenId').getAttribute('aria-invalid')).toBe('true');
    expect(page.url()).toMatch(/\/open\/register$/);

    // A good number but a taken username: the server's answer appears beside the username.
    const id = citizenId();
    await input('citizenId').fill(id);
    await input('username').fill('admin');
    await page.getByTestId('register-submit').click();
    await expect.poll(() => page.getByTestId('error-username').textContent()).toContain('已被使用');
    expect(await page.getByTestId('error-citizenId').count()).toBe(0);

    await input('username').fill(USERNAME);
    await page.getByTestId('register-submit').click();
    await page.waitForURL(/\/open\/account\?welcome=1$/);
    await page.getByTestId('account-welcome').waitFor();
    await expect.poll(() => page.getByTestId('account-masked-number').textContent()).toMatch(/^110105\*+/);
    expect(await page.getByTestId('account-masked-number').textContent()).not.toContain(id.slice(6, 14));
    expect(await page.getByTestId('account-verified').textContent()).toContain('已认证');
  });

  it('signs out and in again, and downloads a CSV whose first line is the header', async () => {
    await page.getByTestId('portal-sign-out').click();
    await page.waitForURL(`${server.baseUrl}/`);
    await page.getByTestId('portal-sign-in-link').waitFor();

    await page.goto(datasetUrl);
    await page.getByTestId('download-csv').click();
    await page.waitForURL(/\/open\/login\?next=/);
    await signIn(datasetUrl);
    await page.getByTestId('portal-account-link').waitFor();

    // Signed in: the masked preview, and the download itself.
    await page.getByTestId('preview-table').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-csv').click(),
    ]);
    await page.getByTestId('download-done').waitFor();
    const file = await download.path();
    const firstLine = fs
      .readFileSync(file, 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0]!;
    const id = datasetUrl.split('/').pop()!;
    const dataset = (await (await fetch(`${server.baseUrl}/api/v1/open/datasets/${id}`)).json()) as {
      items: { fieldName: string }[];
    };
    const fields = new Set(dataset.items.map((item) => item.fieldName));
    const header = firstLine.split(',');
    expect(header.length).toBeGreaterThan(1);
    for (const name of header) expect(fields.has(name.replace(/^"|"$/g, ''))).toBe(true);
  });

  it('creates an API key that is shown once', async () => {
    await page.getByTestId('portal-account-link').click();
    await page.waitForURL(/\/open\/account$/);
    await page.getByTestId('field-keyName').fill('课题数据分析');
    await page.getByTestId('key-create').click();
    const secret = (await page.getByTestId('key-secret').textContent()) ?? '';
    expect(secret).toMatch(/^zsk_/);
    await page.getByTestId('key-copy').waitFor();
    const row = page.getByTestId('key-row').filter({ hasText: '课题数据分析' });
    await expect.poll(() => row.getByTestId('key-state').textContent()).toBe('有效');
    expect(await page.getByTestId('key-table').textContent()).not.toContain(secret);

    // Once the page is left the key is gone: only its prefix remains.
    await page.reload();
    await row.waitFor();
    expect(await page.getByTestId('key-created').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain(secret);
  });

  it('speaks English after the switch, and keeps it', async () => {
    await page.getByTestId('portal-language').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('My account');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.goto(datasetUrl);
    await expect.poll(() => page.getByTestId('download-csv').textContent()).toBe('Download CSV');
    expect(await page.getByRole('navigation', { name: 'Main' }).textContent()).toContain('Datasets');
    await page.getByTestId('portal-language').click();
    await expect.poll(() => page.getByTestId('download-csv').textContent()).toBe('下载 CSV');
  });

  it('tells a public user without a verified identity why the data is refused', async () => {
    // An account an administrator made in the console: a public user whose identity nobody checked.
    const username = `unverified${Date.now() % 1_000_000}`;
    await createPublicUser(username);
    await page.getByTestId('portal-sign-out').click();
    await page.waitForURL(`${server.baseUrl}/`);
    await page.goto(
      `${server.baseUrl}/open/login?next=${encodeURIComponent(datasetUrl.replace(server.baseUrl, ''))}`,
    );
    await page.getByTestId('field-username').fill(username);
    await page.getByTestId('field-password').fill(PASSWORD);
    await page.getByTestId('portal-login-submit').click();
    await page.waitForURL(datasetUrl);
    await expect.poll(() => page.getByTestId('preview-error').textContent()).toContain('需要先完成身份认证');
    await page.getByTestId('download-csv').click();
    await expect.poll(() => page.getByTestId('download-error').textContent()).toContain('需要先完成身份认证');
    await page.goto(`${server.baseUrl}/open/account`);
    await expect.poll(() => page.getByTestId('account-verified').textContent()).toBe('未认证');
  });

  it('fits a phone-sized screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    try {
      for (const path of [
        '/',
        '/open/datasets?q=企业',
        datasetUrl.replace(server.baseUrl, ''),
        '/open/register',
      ]) {
        await page.goto(`${server.baseUrl}${path}`);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await scrollsSideways(), path).toBe(false);
      }
    } finally {
      await page.setViewportSize({ width: 1440, height: 900 });
    }
  });

  it(`keeps the first load of each public page within ${PORTAL_BUDGET_KB} KB of gzipped JS`, () => {
    const loads = measurePortal();
    for (const load of loads) console.log(`${load.name}: ${(load.gzipBytes / 1024).toFixed(1)} KiB gzipped`);
    expect(overBudget(loads)).toEqual([]);
    // And no script errors on the way.
    expect(fixture.browser.problems).toEqual([]);
  });
});
