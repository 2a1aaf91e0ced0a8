// The account page's participation sections and the showcase, in a real browser against the real
// server. A person registers; 我的诉求 says there is nothing yet and 我发布的数据 is not offered (a
// natural person); a showcase entry with a javascript: address is refused beside the address, one
// with too short a description is refused by the server beside the description, then it is sent
// and waits for review; the authority approves it (API: the console has no showcase page yet) and it
// appears on /open/showcase. An organisation registers, sends a CSV file with a short row (the
// server's row problem beside the file), then a good one that waits; once approved it is listed on
// /open/contributions with its first rows.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { citizenIdCheckChar } from '../server/src/platform/identifiers/citizen-id.ts';
import { makeCreditCode } from '../server/src/test/factories.ts';
import * as ui from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = ui.useConsole('open-account');
let server: RunningServer;
let page: Page;

const RUN = Date.now() % 1_000_000;
const PASSWORD = 'Account-pass-1';
const PERSON = `maker${RUN}`;
const ORG = `orgdata${RUN}`;
const ENTRY = `公交到站提醒 ${RUN}`;
const CONTRIBUTION = `共享单车停放点 ${RUN}`;
let dataset = '';

/** A valid citizen ID number (GB 11643) that no other run uses. */
function citizenId(): string {
  const first17 = `500103199104${String(10 + (RUN % 18)).padStart(2, '0')}${String(RUN % 1000).padStart(3, '0')}`;
  return first17 + citizenIdCheckChar(first17)!;
}

/** A session on the API as a demo user: each call with its cookie and CSRF token. */
async function apiAs(username: string) {
  const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: server.demoPassword }),
  });
  expect(login.status, await login.clone().text()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.ok, await response.clone().text()).toBe(true);
    return (await response.json()) as T;
  };
}

/** Registers through the portal's form and waits for the account page it opens. */
async function register(kind: 'natural' | 'organisation', fields: Record<string, string>) {
  await page.goto(`${server.baseUrl}/open/register`);
  if (kind === 'organisation') await page.getByTestId('tab-organisation').click();
  const form = page.getByTestId(`register-${kind}`);
  for (const [name, value] of Object.entries(fields)) await form.locator(`[name="${name}"]`).fill(value);
  await form.locator('[name="password"]').fill(PASSWORD);
  await form.locator('[name="passwordAgain"]').fill(PASSWORD);
  await form.getByTestId('register-submit').click();
  await page.waitForURL(/\/open\/account\?welcome=1$/);
  await page.getByTestId('account-identity').waitFor();
}

beforeAll(async () => {
  ({ server, page } = fixture);
  const search = (await (
    await fetch(`${server.baseUrl}/api/v1/open-catalog/datasets?openType=unconditional&pageSize=1`)
  ).json()) as { items: { name: string }[] };
  expect(search.items.length, 'an unconditionally open demo dataset').toBe(1);
  dataset = search.items[0]!.name;
});

describe('the account page and the showcase', () => {
  it('a person sees the sections of a natural person, and a showcase entry is refused beside its fields, then sent', async () => {
    await register('natural', {
      realName: '孙开发',
      citizenId: citizenId(),
      mobile: '13700137000',
      username: PERSON,
    });
    const requests = page.getByTestId('my-requests');
    await expect.poll(() => requests.textContent()).toContain('您还没有提出更正');
    await page.getByTestId('my-showcase').waitFor();
    await page.getByTestId('my-objections').waitFor();
    expect(await page.getByTestId('my-contributions').count()).toBe(0);

    const form = page.getByTestId('showcase-form');
    await form.getByTestId('field-name').fill(ENTRY);
    await form.getByTestId('field-description').fill('好用');
    await form.getByTestId('field-url').fill('javascript:alert(1)');
    await form.getByTestId('field-citation').fill('数据来源：政数公共数据开放平台');
    await form.getByTestId('field-kind').selectOption('app');
    await form.getByTestId('showcase-dataset-search').fill(dataset);
    await form.getByTestId('showcase-dataset-search').press('Enter');
    await form.getByTestId('showcase-hits').getByTestId('showcase-hit-add').first().click();
    await expect.poll(() => form.getByTestId('showcase-chosen').textContent()).toContain(dataset);

    // A javascript: link would run when followed: refused beside the address before sending.
    await form.getByTestId('showcase-submit').click();
    await expect.poll(() => form.getByTestId('error-url').textContent()).toContain('http');
    expect(await form.getByTestId('field-url').getAttribute('aria-invalid')).toBe('true');

    // The server's own check: a description of 2 characters is too short, said beside it.
    await form.getByTestId('field-url').fill(`https://example.org/bus-${RUN}`);
    await form.getByTestId('showcase-submit').click();
    await form.getByTestId('error-description').waitFor();
    expect(await form.getByTestId('error-url').count()).toBe(0);

    await form.getByTestId('field-description').fill('根据实时公交数据提醒乘客车辆到站时间的手机应用。');
    await form.getByTestId('showcase-submit').click();
    await form.getByTestId('showcase-sent').waitFor();
    const row = page.getByTestId('showcase-table').locator('tr', { hasText: ENTRY });
    await expect.poll(() => row.getByTestId('showcase-state').textContent()).toBe('待审核');

    // Not shown publicly while it waits.
    await page.goto(`${server.baseUrl}/open/showcase`);
    await page.getByRole('heading', { level: 1, name: '应用展示' }).waitFor();
    await page.getByTestId('showcase-kind').waitFor();
    await expect.poll(() => page.locator('main').textContent()).not.toContain('正在加载');
    expect(await page.getByTestId('showcase-card').filter({ hasText: ENTRY }).count()).toBe(0);
  });

  it('approved by the authority, the entry is on /open/showcase with its link', async () => {
    const authority = await apiAs('authority');
    const waiting = await authority<{ items: { id: string; name: string }[] }>('/open/showcase/entries');
    const entry = waiting.items.find((item) => item.name === ENTRY);
    expect(entry, 'the entry waits for the authority').toBeDefined();
    await authority(`/open/showcase/${entry!.id}/review`, { decision: 'approve' });

    await page.goto(`${server.baseUrl}/open/showcase?kind=app`);
    const card = page.getByTestId('showcase-card').filter({ hasText: ENTRY });
    await card.waitFor();
    expect(await card.textContent()).toContain(dataset);
    expect(await card.getByRole('link', { name: `访问 ${ENTRY}` }).getAttribute('href')).toBe(
      `https://example.org/bus-${RUN}`,
    );
    // Another kind does not list it.
    await page.getByTestId('showcase-kind').selectOption('paper');
    await page.waitForURL(/kind=paper/);
    await expect.poll(() => page.getByTestId('showcase-card').filter({ hasText: ENTRY }).count()).toBe(0);

    await page.goto(`${server.baseUrl}/open/account`);
    const row = page.getByTestId('showcase-table').locator('tr', { hasText: ENTRY });
    await expect.poll(() => row.getByTestId('showcase-state').textContent()).toBe('已通过');
    await page.getByTestId('portal-sign-out').click();
    await page.waitForURL(`${server.baseUrl}/`);
  });

  it('an organisation publishes a CSV dataset: a short row is refused beside the file, a good file waits, approved it is public', async () => {
    await register('organisation', {
      orgName: `重庆测试数据科技有限公司${RUN}`,
      creditCode: makeCreditCode(),
      contactName: '钱联系',
      mobile: '13600136000',
      username: ORG,
    });
    const section = page.getByTestId('my-contributions');
    await section.waitFor();
    const form = page.getByTestId('contribution-form');
    await form.getByTestId('field-name').fill(CONTRIBUTION);
    await form.getByTestId('field-description').fill('本公司运营的共享单车规范停放点位置。');
    await form.getByTestId('field-keywords').fill('共享单车, 停放点');
    await form.getByTestId('field-licence').fill('署名 4.0 国际（CC BY 4.0）');
    await form.getByTestId('field-updateCycle').fill('每月');
    await form.getByTestId('field-sourceNote').fill('本公司运维系统导出，运营部负责。');
    const file = (text: string) => ({ name: 'points.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await form.getByTestId('field-csv').setInputFiles(file('编号,名称,经度\nP1,解放碑,106.58\nP2,朝天门\n'));
    await form.getByTestId('contribution-submit').click();
    await expect.poll(() => form.getByTestId('error-csv').textContent()).toContain('第 3 行');

    const rows = ['编号,名称,经度', 'P1,解放碑,106.58', 'P2,朝天门,106.59', 'P3,=危险公式,106.60'];
    await form.getByTestId('field-csv').setInputFiles(file(`${rows.join('\n')}\n`));
    await form.getByTestId('contribution-submit').click();
    await form.getByTestId('contribution-sent').waitFor();
    const row = page.getByTestId('contributions-table').locator('tr', { hasText: CONTRIBUTION });
    await expect.poll(() => row.getByTestId('contribution-state').textContent()).toBe('待审核');

    const authority = await apiAs('authority');
    const waiting = await authority<{ id: string; name: string }[]>('/open/contributions/review');
    const mine = waiting.find((item) => item.name === CONTRIBUTION);
    expect(mine, 'the dataset waits for review').toBeDefined();
    await authority(`/open/contributions/${mine!.id}/review`, { decision: 'approve' });

    await page.goto(`${server.baseUrl}/open/contributions`);
    await page.getByTestId('contribution-card').filter({ hasText: CONTRIBUTION }).getByRole('link').click();
    await page.waitForURL(new RegExp(`/open/contributions/${mine!.id}$`));
    const preview = page.getByTestId('contribution-preview');
    await expect.poll(() => preview.textContent()).toContain('朝天门');
    // The formula cell is stored neutralised: a spreadsheet would not run it.
    expect(await preview.textContent()).toContain("'=危险公式");

    await page.goto(`${server.baseUrl}/open/contributions/00000000-0000-4000-8000-000000000000`);
    await page.getByTestId('contribution-missing').waitFor();
  });
});
