// Conditionally open data (有条件开放, CQO §24–25) in a real browser against the real server (profile
// cq19: both sides sign, the authority reviews). A public user registers and applies for a
// conditionally open dataset on its portal page (refused beside the fields first); the provider's
// officer approves in part in the console (not without a reason) and signs the generated agreement;
// the user reads the agreement (the browser's own SM3 of it matches the digest) and signs; the
// authority reviews; the user downloads exactly the agreed items and files usage feedback.
//
// The demo data has no conditionally open dataset with pool data (the one that offers downloads,
// 地质灾害隐患点信息 of the planning department, has an empty pool, and the demo has no planning
// officer), so the setup makes a planning officer and loads a CSV through the API, as the
// department would.
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { citizenIdCheckChar } from '../server/src/platform/identifiers/citizen-id.ts';
import * as ui from './support/console.ts';
import { SETTLED } from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = ui.useConsole('open-conditional');
let server: RunningServer;
let page: Page;

const DATASET = '地质灾害隐患点信息';
const PROVIDER = '重庆市规划和自然资源局';
const RUN = Date.now() % 1_000_000;
const OFFICER = `planning.officer${RUN}`;
const USERNAME = `researcher${RUN}`;
const PASSWORD = 'Conditional-pass-1';
/** The items the user asks for; the provider keeps all but 险情等级. */
const ASKED = ['yhdbh', 'yhdmc', 'zhlx', 'xzqhdm', 'wz', 'xqdj'];
const AGREED = ASKED.filter((field) => field !== 'xqdj');
let datasetId = '';

/** Today in China plus some days, as the date inputs take it. */
function chinaDay(plusDays = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + plusDays);
  return date.toISOString().slice(0, 10);
}

/** A valid citizen ID number (GB 11643) that no other run uses. */
function citizenId(): string {
  const first17 = `500103199003${String(10 + (RUN % 18)).padStart(2, '0')}${String(RUN % 1000).padStart(3, '0')}`;
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
  return (path: string, init: { method?: string; body?: string; type?: string } = {}) =>
    fetch(`${server.baseUrl}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(init.type ? { 'content-type': init.type } : {}),
      },
      body: init.body,
    });
}

/** Twenty hazard points for the dataset's pool. */
function hazardCsv(): string {
  const header = 'yhdbh,yhdmc,zhlx,xzqhdm,wz,jd,wd,wxhs,wxrs,wxcc,xqdj,jczrr';
  const kinds = ['滑坡', '崩塌', '泥石流', '地面塌陷'];
  const rows = Array.from({ length: 20 }, (_, n) =>
    [
      `YHD5001${String(n).padStart(4, '0')}`,
      `测试隐患点${n + 1}`,
      kinds[n % kinds.length],
      '500103',
      `渝中区测试街道${n + 1}组`,
      (106.5 + n / 1000).toFixed(6),
      (29.5 + n / 1000).toFixed(6),
      String(n + 1),
      String((n + 1) * 3),
      ((n + 1) * 1.5).toFixed(2),
      n % 2 ? '小型' : '中型',
      `责任人${n + 1}`,
    ].join(','),
  );
  return [header, ...rows].join('\n') + '\n';
}

/**
 * The provider's side the demo lacks: a planning department officer (made by the administrator)
 * who loads the dataset's pool.
 */
async function setUpProvider() {
  const admin = await apiSession('admin', server.adminPassword);
  const departments = (await (
    await admin(`/departments?q=${encodeURIComponent('规划')}&pageSize=50`)
  ).json()) as {
    items: { id: string; name: string }[];
  };
  const planning = departments.items.find((department) => department.name === PROVIDER);
  expect(planning, 'the demo planning department').toBeDefined();
  const created = await admin('/users', {
    method: 'POST',
    type: 'application/json',
    body: JSON.stringify({
      username: OFFICER,
      displayName: '韩专员（市规划自然资源局）',
      role: 'department_officer',
      departmentId: planning!.id,
      password: PASSWORD,
    }),
  });
  expect(created.status, await created.clone().text()).toBe(201);

  const search = (await (
    await fetch(`${server.baseUrl}/api/v1/open-catalog/datasets?q=${encodeURIComponent(DATASET)}`)
  ).json()) as { items: { resourceId: string; name: string; openType: string }[] };
  const entry = search.items.find((item) => item.name === DATASET);
  expect(entry?.openType).toBe('conditional');
  datasetId = entry!.resourceId;

  const officer = await apiSession(OFFICER, PASSWORD);
  const loaded = await officer(`/pools/tables/${datasetId}/batches?wait=true&format=csv`, {
    method: 'POST',
    type: 'text/csv',
    body: hazardCsv(),
  });
  expect(loaded.status, await loaded.clone().text()).toBe(201);
}

beforeAll(async () => {
  ({ server, page } = fixture);
  await setUpProvider();
});

/** Signs in on the portal's own page and waits for the page it goes to. */
async function portalSignIn(next: string) {
  await page.goto(`${server.baseUrl}/open/login?next=${encodeURIComponent(next)}`);
  await page.getByTestId('field-username').fill(USERNAME);
  await page.getByTestId('field-password').fill(PASSWORD);
  await page.getByTestId('portal-login-submit').click();
  await page.waitForURL(`${server.baseUrl}${next}`);
}

/** Signs out of the portal (header button) and waits for the home page. */
async function portalSignOut() {
  await page.getByTestId('portal-sign-out').click();
  await page.waitForURL(`${server.baseUrl}/`);
  await page.getByTestId('portal-sign-in-link').waitFor();
}

/** Signs in to the console with a password other than the demo one. */
async function consoleSignIn(username: string, password: string) {
  await page.goto(`${server.baseUrl}/login`);
  await ui.fillLogin(page, username, password);
  await page.waitForURL(`${server.baseUrl}/console`);
  await page.getByTestId('welcome').waitFor();
}

/** Opens the agreement of the dataset from the console's agreement list. */
async function openAgreementInConsole() {
  await ui.openMenu(page, '数据开放', '数据利用协议', /\/console\/opening\/agreements/);
  const row = page.getByTestId('agreements-table').locator('tr', { hasText: DATASET }).first();
  await row.getByTestId('agreement-open').click();
  const drawer = page.getByTestId('agreement-drawer');
  await drawer.getByTestId('agreement-facts').waitFor();
  return drawer;
}

describe('conditionally open data', () => {
  it('a visitor is asked to sign in; registered, the user applies (refused beside the fields first)', async () => {
    const datasetPath = `/open/datasets/${datasetId}`;
    await page.goto(`${server.baseUrl}${datasetPath}`);
    await page.getByTestId('section-apply').waitFor();
    await page.getByTestId('apply-sign-in').waitFor();

    // Register as a natural person; the portal signs in and opens the account page.
    await page.goto(`${server.baseUrl}/open/register`);
    const form = page.getByTestId('register-natural');
    await form.locator('[name="realName"]').fill('刘研究');
    await form.locator('[name="citizenId"]').fill(citizenId());
    await form.locator('[name="mobile"]').fill('13900139000');
    await form.locator('[name="username"]').fill(USERNAME);
    await form.locator('[name="password"]').fill(PASSWORD);
    await form.locator('[name="passwordAgain"]').fill(PASSWORD);
    await page.getByTestId('register-submit').click();
    await page.waitForURL(/\/open\/account\?welcome=1$/);
    await page.getByTestId('applications-table').or(page.locator('#applications-title')).first().waitFor();

    await page.goto(`${server.baseUrl}${datasetPath}`);
    const apply = page.getByTestId('apply-form');
    await apply.waitFor();
    // Nothing is sent without the texts, an item and a method; each problem is beside its field.
    await page.getByTestId('apply-submit').click();
    await expect.poll(() => page.getByTestId('error-purpose').textContent()).toBe('请填写此项');
    expect(await page.getByTestId('error-fields').textContent()).toContain('至少选择一个数据项');
    expect(await page.getByTestId('error-validUntil').textContent()).toBe('请填写此项');
    expect(await page.getByTestId('field-purpose').getAttribute('aria-invalid')).toBe('true');

    await page.getByTestId('field-purpose').fill('开展渝中区地质灾害风险评估研究');
    await page.getByTestId('field-scenario').fill('课题组内部建模分析，成果以论文形式发表');
    await page.getByTestId('field-securityMeasures').fill('数据存放于单位内网服务器，专人管理，期满删除');
    for (const field of ASKED) await apply.locator(`input[name="fields"][value="${field}"]`).check();
    await apply.locator('input[name="methods"][value="download"]').check();
    // Longer than the profile allows (365 days, both ends counted): refused in the browser.
    await page.getByTestId('field-validUntil').fill(chinaDay(400));
    await page.getByTestId('apply-submit').click();
    await expect.poll(() => page.getByTestId('error-validUntil').textContent()).toContain('365');
    await page.getByTestId('field-validUntil').fill(chinaDay(90));
    await page.getByTestId('apply-submit').click();
    await page.getByTestId('apply-sent').waitFor();
    // The form is gone while the answer is awaited, and the account lists the application.
    await page.goto(`${server.baseUrl}${datasetPath}`);
    await page.getByTestId('apply-waiting').waitFor();
    await page.goto(`${server.baseUrl}/open/account`);
    const row = page.getByTestId('application-row').filter({ hasText: DATASET });
    await expect.poll(() => row.getByTestId('application-state').textContent()).toContain('待答复');
    await row.getByTestId('application-due').waitFor();
    await portalSignOut();
  });

  it('the provider cannot approve in part without a reason, then does, and signs the agreement', async () => {
    await consoleSignIn(OFFICER, PASSWORD);
    await ui.openMenu(page, '数据开放', '开放申请', /\/console\/opening\/applications$/);
    const row = page.getByTestId('applications-table').locator('tr', { hasText: DATASET }).first();
    await row.getByTestId('application-open').click();
    const drawer = page.getByTestId('application-drawer');
    await drawer.getByTestId('application-facts').waitFor();
    await page.getByTestId('application-decide').click();
    const modal = page.locator(SETTLED('.ant-modal'));
    await modal.waitFor();

    await page.getByTestId('decision-kind').getByText('部分同意', { exact: true }).click();
    await modal.getByTestId('decision-fields').getByText('险情等级', { exact: true }).click();
    await page.getByTestId('form-submit').click();
    await expect
      .poll(() => ui.fieldError(page, 'open-decision_reason').textContent())
      .toContain('部分同意必须说明理由');
    await page.locator('#open-decision_reason').fill('险情等级尚在复核，暂不提供');
    await page.getByTestId('form-submit').click();
    await page.getByTestId('form-submit').waitFor({ state: 'detached' });
    await expect
      .poll(() => drawer.getByTestId('application-state').first().textContent())
      .toContain('已同意');
    expect(await drawer.getByTestId('application-state').first().textContent()).toContain('部分同意');

    await drawer.getByTestId('application-agreement-link').click();
    await page.waitForURL(/\/console\/opening\/agreements\?agreement=/);
    const agreement = page.getByTestId('agreement-drawer');
    await expect.poll(() => agreement.getByTestId('agreement-status').first().textContent()).toBe('待签署');
    expect(await agreement.getByTestId('agreement-facts').textContent()).not.toContain('险情等级');
    await agreement.getByTestId('agreement-sign').click();
    await page
      .locator(SETTLED('.ant-popover'))
      .getByRole('button', { name: /签\s?署/ })
      .click();
    await expect.poll(() => agreement.getByTestId('agreement-signatures').textContent()).toContain('韩专员');
    expect(await agreement.getByTestId('agreement-sign').count()).toBe(0);
    await page.keyboard.press('Escape');
    await ui.signOut(page, server);
  });

  it('the user reads the agreement, checks its digest and signs it', async () => {
    await portalSignIn('/open/account');
    const row = page.getByTestId('application-row').filter({ hasText: DATASET });
    await expect.poll(() => row.getByTestId('application-state').textContent()).toContain('已同意');
    await row.getByTestId('application-agreement').click();
    await page.waitForURL(/\/open\/agreements\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('agreement-status').textContent()).toBe('待签署');
    // The document runs no script, and this browser's SM3 of it is the digest to be signed.
    expect(await page.getByTestId('agreement-document-frame').getAttribute('sandbox')).toBe('');
    await expect
      .poll(() => page.getByTestId('agreement-digest-check').getAttribute('data-matches'))
      .toBe('true');
    const frame = page.frameLocator('[data-testid="agreement-document-frame"]');
    await expect.poll(() => frame.locator('h1').textContent()).toBe('公共数据利用协议');
    expect(await page.getByTestId('signature-provider').textContent()).toContain('韩专员');

    await page.getByTestId('agreement-sign').click();
    await page.getByText('请先勾选同意协议条款').waitFor();
    await page.getByTestId('agreement-sign-agree').check();
    await page.getByTestId('agreement-sign').click();
    await expect.poll(() => page.getByTestId('agreement-status').textContent()).toBe('待审核');
    expect(await page.getByTestId('signature-applicant').textContent()).toContain('刘研究');
    await page.getByTestId('agreement-download-signed').waitFor();
    await portalSignOut();
  });

  it('the authority reviews the signed agreement and it comes into force', async () => {
    await ui.signIn(page, server, 'authority');
    const drawer = await openAgreementInConsole();
    await expect.poll(() => drawer.getByTestId('agreement-status').first().textContent()).toBe('待审核');
    await drawer.getByTestId('agreement-review').click();
    await page.locator(SETTLED('.ant-modal')).waitFor();
    // A refusal needs a reason; the approval does not.
    await page.getByTestId('review-kind').getByText('不通过', { exact: true }).click();
    await page.getByTestId('form-submit').click();
    await expect
      .poll(() => ui.fieldError(page, 'open-review_reason').textContent())
      .toContain('不通过必须说明理由');
    await page.getByTestId('review-kind').getByText('通过', { exact: true }).click();
    await page.getByTestId('form-submit').click();
    await page.getByTestId('form-submit').waitFor({ state: 'detached' });
    await expect.poll(() => drawer.getByTestId('agreement-status').first().textContent()).toBe('生效中');
    await page.keyboard.press('Escape');
    await ui.signOut(page, server);
  });

  it('the user downloads exactly the agreed items and files usage feedback', async () => {
    await portalSignIn('/open/account');
    const agreementRow = page.getByTestId('agreement-row').filter({ hasText: DATASET });
    await expect.poll(() => agreementRow.getByTestId('agreement-status').textContent()).toBe('生效中');
    await agreementRow.getByTestId('agreement-link').click();
    await page.waitForURL(/\/open\/agreements\//);
    const agreementUrl = page.url();
    await page.getByTestId('agreement-get-data').click();
    await page.waitForURL(new RegExp(`/open/datasets/${datasetId}`));

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-csv').click(),
    ]);
    await page.getByTestId('download-done').waitFor();
    const lines = fs
      .readFileSync(await download.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const header = lines[0]!.split(',').map((name) => name.replace(/^"|"$/g, ''));
    expect([...header].sort()).toEqual([...AGREED].sort());
    expect(lines.length).toBe(21);

    await page.goto(agreementUrl);
    await page.getByTestId('feedback-form').waitFor();
    await page.getByTestId('feedback-submit').click();
    await expect.poll(() => page.getByTestId('error-summary').textContent()).toBe('请填写此项');
    await page.getByTestId('field-summary').fill('完成了渝中区隐患点的初步风险分级');
    await page.getByTestId('feedback-add-outcome').click();
    await page.getByTestId('field-outcomeTitle1').fill('渝中区地质灾害风险初评报告');
    await page.getByTestId('feedback-submit').click();
    await page.getByTestId('feedback-sent').waitFor();
    await expect
      .poll(() => page.getByTestId('feedback-history').textContent())
      .toContain('渝中区地质灾害风险初评报告');
    expect(fixture.browser.problems).toEqual([]);
  });
});
