// Usage supervision (利用监管, CQO §39) in the console, in a real browser against the real server. The
// setup brings an agreement into force through the API as open-conditional.test.ts does through the
// pages (a planning officer loads the pool, a public user applies, both sign, the authority
// approves). Then the provider's officer records a breach on the agreement (not without the breach,
// the demand and the date, each said beside its field): the user's download is refused, the breach
// is listed with its date; the user reports the rectification on the portal; the officer accepts
// (not without a note) and the download works again. A second breach ends in termination after a
// confirmation, and the agreement offers no more breach records. The auditor only reads, a security
// officer has no menu entry and gets the 403 page.
import { request, type Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { citizenIdCheckChar } from '../server/src/platform/identifiers/citizen-id.ts';
import { apiSession } from './support/api.ts';
import * as ui from './support/console.ts';
import { SETTLED } from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = ui.useConsole('open-supervision-console');
let server: RunningServer;
let page: Page;

const DATASET = '地质灾害隐患点信息';
const PROVIDER = '重庆市规划和自然资源局';
const RUN = Date.now() % 1_000_000;
const OFFICER = `planning.supervisor${RUN}`;
const USERNAME = `breacher${RUN}`;
const PASSWORD = 'Supervision-pass-1';
const FIELDS = ['yhdbh', 'yhdmc', 'zhlx', 'xzqhdm'];
const BREACH = '使用方将隐患点数据提供给第三方公司用于商业营销，违反协议约定的用途';
const DEMAND = '立即停止提供，删除第三方持有的全部数据并提交书面说明';
const REPORT = '已与第三方解除合作并删除全部数据，附删除证明';
let datasetId = '';
let agreementId = '';
let agreementNumber = '';
let user: Awaited<ReturnType<typeof httpSession>>;

/** Today in China plus some days, as the date inputs take it. */
function chinaDay(plusDays = 0): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + plusDays);
  return date.toISOString().slice(0, 10);
}

/** A valid citizen ID number (GB 11643) that no other run uses. */
function citizenId(): string {
  const first17 = `500103199205${String(10 + (RUN % 18)).padStart(2, '0')}${String(RUN % 1000).padStart(3, '0')}`;
  return first17 + citizenIdCheckChar(first17)!;
}

/**
 * A session for the calls whose answer is not JSON or not a success: loading a CSV into the pool,
 * and the download whose status says whether the user's access is open. The JSON calls of the
 * setup go through support/api.ts.
 */
async function httpSession(username: string, password: string) {
  const http = await request.newContext({ baseURL: `${server.baseUrl}/api/v1/` });
  const login = await http.post('auth/login', { data: { username, password } });
  expect(login.status(), await login.text()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    status: async (path: string) => (await http.get(path)).status(),
    csv: async (path: string, data: string) => {
      const loaded = await http.post(path, {
        data,
        headers: { 'content-type': 'text/csv', 'x-csrf-token': csrfToken },
      });
      expect(loaded.status(), await loaded.text()).toBe(201);
    },
  };
}

/** Ten hazard points for the dataset's pool. */
function hazardCsv(): string {
  const header = 'yhdbh,yhdmc,zhlx,xzqhdm,wz,jd,wd,wxhs,wxrs,wxcc,xqdj,jczrr';
  const rows = Array.from({ length: 10 }, (_, n) =>
    [
      `YHD5002${String(n).padStart(4, '0')}`,
      `监管隐患点${n + 1}`,
      '滑坡',
      '500103',
      `渝中区监管街道${n + 1}组`,
      (106.5 + n / 1000).toFixed(6),
      (29.5 + n / 1000).toFixed(6),
      String(n + 1),
      String(n + 2),
      '1.50',
      '小型',
      `责任人${n + 1}`,
    ].join(','),
  );
  return [header, ...rows].join('\n') + '\n';
}

/** A planning officer with the pool loaded, a public user, and their agreement in force. */
async function setUpAgreement() {
  const admin = await apiSession(server, 'admin', server.adminPassword);
  const departments = await admin<{ items: { id: string; name: string }[] }>(
    `/departments?q=${encodeURIComponent('规划')}&pageSize=50`,
  );
  const planning = departments.items.find((department) => department.name === PROVIDER)!;
  await admin('/users', {
    username: OFFICER,
    displayName: '冯监管（市规划自然资源局）',
    role: 'department_officer',
    departmentId: planning.id,
    password: PASSWORD,
  });
  const search = (await (
    await fetch(`${server.baseUrl}/api/v1/open-catalog/datasets?q=${encodeURIComponent(DATASET)}`)
  ).json()) as { items: { resourceId: string; name: string }[] };
  datasetId = search.items.find((item) => item.name === DATASET)!.resourceId;
  const loader = await httpSession(OFFICER, PASSWORD);
  await loader.csv(`pools/tables/${datasetId}/batches?wait=true&format=csv`, hazardCsv());

  const registered = await fetch(`${server.baseUrl}/api/v1/open/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'natural',
      username: USERNAME,
      password: PASSWORD,
      realName: '孙使用',
      citizenId: citizenId(),
      mobile: '13600136000',
    }),
  });
  expect(registered.status, await registered.clone().text()).toBe(201);
  const applicant = await apiSession(server, USERNAME, PASSWORD);
  const application = await applicant<{ id: string }>('/open/applications', {
    resourceId: datasetId,
    purpose: '地质灾害风险评估研究',
    scenario: '课题组内部建模分析',
    securityMeasures: '内网存放，专人管理，期满删除',
    fields: FIELDS,
    methods: ['download'],
    validUntil: chinaDay(90),
  });
  const officer = await apiSession(server, OFFICER, PASSWORD);
  const decided = await officer<{ agreement: { id: string; number: string } }>(
    `/open/applications/${application.id}/decision`,
    { decision: 'approve' },
  );
  ({ id: agreementId, number: agreementNumber } = decided.agreement);
  const { digest } = await officer<{ digest: string }>(`/open/agreements/${agreementId}`);
  await officer(`/open/agreements/${agreementId}/sign`, { digest });
  await applicant(`/open/agreements/${agreementId}/sign`, { digest });
  const authority = await apiSession(server, 'authority', server.demoPassword);
  const reviewed = await authority<{ status: string }>(`/open/agreements/${agreementId}/review`, {
    decision: 'approve',
  });
  expect(reviewed.status).toBe('active');
  user = await httpSession(USERNAME, PASSWORD);
}

beforeAll(async () => {
  ({ server, page } = fixture);
  await setUpAgreement();
});

/** The status of the user's download under the agreement. */
const downloadStatus = () => user.status(`open/datasets/${datasetId}/download?format=csv`);

/** Signs in to the console with a password other than the demo one. */
async function officerSignIn() {
  await page.goto(`${server.baseUrl}/login`);
  await ui.fillLogin(page, OFFICER, PASSWORD);
  await page.waitForURL(`${server.baseUrl}/console`);
  await page.getByTestId('welcome').waitFor();
}

/** Opens the agreement from the console's agreement list. */
async function openAgreement() {
  await page.goto(`${server.baseUrl}/console/opening/agreements?agreement=${agreementId}`);
  const drawer = page.getByTestId('agreement-drawer');
  await drawer.getByTestId('agreement-facts').waitFor();
  return drawer;
}

/** Records a breach from the agreement drawer; the breach opens on the supervision page. */
async function recordBreach() {
  const drawer = await openAgreement();
  await drawer.getByTestId('agreement-breach').click();
  await page.locator(SETTLED('.ant-modal')).waitFor();
  await page.locator('#breach-report_breach').fill(BREACH);
  await page.locator('#breach-report_demand').fill(DEMAND);
  await page.locator('#breach-report_rectifyBy').fill(chinaDay(10));
  // Enter takes the typed date and submits the form, as a keyboard user would.
  await page.locator('#breach-report_rectifyBy').press('Enter');
  await page.waitForURL(/\/console\/opening\/breaches\?breach=/);
  const breach = page.getByTestId('breach-drawer');
  await expect.poll(() => breach.getByTestId('breach-state').textContent()).toBe('待整改');
  return breach;
}

describe('usage supervision in the console', () => {
  it('the provider records a breach (not without its fields) and the user is suspended', async () => {
    expect(await downloadStatus()).toBe(200);
    await officerSignIn();
    const drawer = await openAgreement();
    await drawer.getByTestId('agreement-breach').click();
    await page.locator(SETTLED('.ant-modal')).waitFor();
    await page.getByTestId('form-submit').click();
    await expect.poll(() => ui.fieldError(page, 'breach-report_breach').textContent()).toBe('请填写违约情形');
    expect(await ui.fieldError(page, 'breach-report_demand').textContent()).toBe('请填写整改要求');
    expect(await ui.fieldError(page, 'breach-report_rectifyBy').textContent()).toBe('请选择整改期限');
    await page.keyboard.press('Escape');
    await page.locator('.ant-modal:visible').first().waitFor({ state: 'hidden' });
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });

    const breach = await recordBreach();
    expect(await breach.getByTestId('breach-breach').textContent()).toBe(BREACH);
    expect(await breach.getByTestId('breach-facts').textContent()).toContain('已暂停');
    // The dataset's security level stands beside its name, as wherever data is shown.
    await expect.poll(() => breach.getByTestId('level-tag').textContent()).toBe('重要数据');
    expect(await breach.getByTestId('breach-report').textContent()).toContain('使用方尚未提交整改情况');
    // Accepting waits for the user's report; terminating is offered at once.
    expect(await breach.getByTestId('breach-accept').count()).toBe(0);
    await breach.getByTestId('breach-terminate').waitFor();
    expect(await downloadStatus()).toBe(403);

    await breach.locator('.ant-drawer-close').click();
    await breach.waitFor({ state: 'detached' });
    const table = page.getByTestId('breaches-table');
    const row = table.locator('tr', { hasText: agreementNumber }).first();
    await expect.poll(() => row.getByTestId('breach-state').textContent()).toBe('待整改');
    expect(await row.textContent()).toContain('孙使用');
    // The list shows the dataset's level (分级) from its own answer.
    expect(await row.getByTestId('level-tag').textContent()).toBe('重要数据');
    expect(await row.getByTestId('breach-overdue').count()).toBe(0);
    // Nothing is overdue yet: the overdue filter empties the list and says so.
    await page.locator('#overdue').click();
    await page
      .locator(`${SETTLED('.ant-select-dropdown')} .ant-select-item-option`, { hasText: '是' })
      .click();
    await expect.poll(() => table.textContent()).toContain('暂无违约记录');
    await ui.signOut(page, server);
  });

  it('the user reports the rectification on the portal; the officer accepts and access reopens', async () => {
    await page.goto(`${server.baseUrl}/open/login?next=${encodeURIComponent('/open/account')}`);
    await page.getByTestId('field-username').fill(USERNAME);
    await page.getByTestId('field-password').fill(PASSWORD);
    await page.getByTestId('portal-login-submit').click();
    await page.waitForURL(`${server.baseUrl}/open/account`);
    const mine = page.getByTestId('breach-row').filter({ hasText: agreementNumber });
    await expect.poll(() => mine.textContent()).toContain(DEMAND);
    await mine.getByTestId('field-report').fill(REPORT);
    await mine.getByRole('button').click();
    await mine.getByTestId('rectification-form').waitFor({ state: 'detached' });
    await page.getByTestId('portal-sign-out').click();
    await page.waitForURL(`${server.baseUrl}/`);

    await officerSignIn();
    await ui.openMenu(page, '数据开放', '利用监管', /\/console\/opening\/breaches$/);
    const row = page.getByTestId('breaches-table').locator('tr', { hasText: agreementNumber }).first();
    await expect.poll(() => row.getByTestId('breach-state').textContent()).toBe('待确认整改');
    await row.getByTestId('breach-open').click();
    const breach = page.getByTestId('breach-drawer');
    await expect.poll(() => breach.getByTestId('breach-report').textContent()).toContain(REPORT);

    // Accepting needs a note for the user, said beside the field.
    await breach.getByTestId('breach-accept').click();
    await page.locator(SETTLED('.ant-modal')).waitFor();
    await page.getByTestId('form-submit').click();
    await expect.poll(() => ui.fieldError(page, 'breach-decide_note').textContent()).toBe('请填写处理说明');
    await page.locator('#breach-decide_note').fill('整改到位，恢复访问');
    await page.getByTestId('form-submit').click();
    await page.getByTestId('form-submit').waitFor({ state: 'detached' });
    await expect.poll(() => breach.getByTestId('breach-state').textContent()).toBe('已整改恢复');
    expect(await breach.getByTestId('breach-outcome').textContent()).toContain('整改到位，恢复访问');
    expect(await breach.getByTestId('breach-facts').textContent()).toContain('生效中');
    expect(await breach.getByTestId('breach-terminate').count()).toBe(0);
    expect(await downloadStatus()).toBe(200);
    await ui.signOut(page, server);
  });

  it('the auditor only reads; a security officer has no entry and is refused', async () => {
    await ui.signIn(page, server, 'auditor');
    await ui.openMenu(page, '数据开放', '利用监管', /\/console\/opening\/breaches$/);
    const row = page.getByTestId('breaches-table').locator('tr', { hasText: agreementNumber }).first();
    await row.getByTestId('breach-open').click();
    const breach = page.getByTestId('breach-drawer');
    await expect.poll(() => breach.getByTestId('breach-state').textContent()).toBe('已整改恢复');
    expect(await breach.getByTestId('breach-terminate').count()).toBe(0);
    await page.goto(`${server.baseUrl}/console/opening/agreements?agreement=${agreementId}`);
    await page.getByTestId('agreement-facts').waitFor();
    expect(await page.getByTestId('agreement-breach').count()).toBe(0);
    await ui.signOut(page, server);

    await ui.signIn(page, server, 'police.security');
    expect(await page.getByTestId('side-menu').getByText('利用监管', { exact: true }).count()).toBe(0);
    await page.goto(`${server.baseUrl}/console/opening/breaches`);
    await page.getByText('无权访问', { exact: true }).waitFor();
    await ui.signOut(page, server);
  });

  it('a second breach ends in termination after a confirmation', async () => {
    await officerSignIn();
    const breach = await recordBreach();
    expect(await downloadStatus()).toBe(403);
    await breach.getByTestId('breach-terminate').click();
    await page.locator(SETTLED('.ant-modal')).waitFor();
    expect(await page.getByTestId('breach-decide-help').textContent()).toContain('不可撤销');
    await page.locator('#breach-decide_note').fill('再次违约，终止协议');
    await page.getByTestId('form-submit').click();
    // Cancelled, nothing changes; confirmed, the agreement ends.
    const confirm = page.locator(SETTLED('.ant-modal-confirm'));
    expect(await confirm.textContent()).toContain(agreementNumber);
    await confirm.getByRole('button', { name: /取\s?消/ }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await breach.getByTestId('breach-state').textContent()).toBe('待整改');
    await page.getByTestId('form-submit').click();
    await page.locator(SETTLED('.ant-modal-confirm')).getByRole('button', { name: '终止协议' }).click();
    await page.getByTestId('form-submit').waitFor({ state: 'detached' });
    await expect.poll(() => breach.getByTestId('breach-state').textContent()).toBe('已终止协议');
    expect(await breach.getByTestId('breach-facts').textContent()).toContain('已终止');
    expect(await downloadStatus()).toBe(403);

    await breach.getByTestId('breach-agreement-link').click();
    await page.waitForURL(/\/console\/opening\/agreements\?agreement=/);
    const agreement = page.getByTestId('agreement-drawer');
    await expect.poll(() => agreement.getByTestId('agreement-status').first().textContent()).toBe('已终止');
    expect(await agreement.getByTestId('agreement-breach').count()).toBe(0);
    expect(fixture.browser.problems).toEqual([]);
  });
});
