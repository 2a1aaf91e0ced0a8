// Secrecy reviews (保密审查) in a real browser against the real server: the police compiler changes
// the share condition of a published resource and the authority publishes it (through the API, as
// setup), which opens a review; the police security officer opens 安全管理 → 保密审查, decides it
// 通过, and sees it among the passed reviews.
import { request, type Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as ui from './support/console.ts';
import { SETTLED } from './support/console.ts';
import type { RunningServer } from './support/server.ts';

const fixture = ui.useConsole('security-reviews');
let server: RunningServer;
let page: Page;
beforeAll(() => {
  ({ server, page } = fixture);
});

type Json = Record<string, unknown>;
type Revision = Json & { class: { id: string }; items: Json[]; shareType: string; shareCondition: string };

async function session(username: string) {
  const context = await request.newContext({ baseURL: server.baseUrl });
  const login = await context.post('/api/v1/auth/login', {
    data: { username, password: server.demoPassword },
  });
  expect(login.status(), await login.text()).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const send = async (method: 'get' | 'post' | 'put', url: string, data?: object) => {
    const response = await context[method](`/api/v1${url}`, { headers: { 'x-csrf-token': csrfToken }, data });
    expect(response.status(), await response.text()).toBeLessThan(300);
    return (await response.json()) as Json;
  };
  return { send, close: () => context.dispose() };
}

/** The ResourceInput of a published revision, with a new share condition. */
function inputOf(revision: Revision, shareCondition: string) {
  const items = revision.items.map((item) => {
    const { length, scale, ...rest } = item;
    return { ...rest, ...(length != null ? { length } : {}), ...(scale != null ? { scale } : {}) };
  });
  const { id: _i, number: _n, state: _s, class: cls, updatedAt: _u, updatedBy: _b, ...rest } = revision;
  return { ...rest, classId: cls.id, items, shareCondition };
}

/** Republishes a conditionally shared police resource with a changed condition; returns its name. */
async function openReview(): Promise<string> {
  const officer = await session('police.officer');
  const list = (await officer.send('get', '/catalog/resources?pageSize=100')) as {
    items: { id: string; name: string }[];
  };
  for (const summary of list.items) {
    const resource = (await officer.send('get', `/catalog/resources/${summary.id}`)) as {
      draft: Revision | null;
      published: Revision | null;
    };
    const published = resource.published;
    if (resource.draft || !published || published.shareType !== 'conditional') continue;
    await officer.send(
      'put',
      `/catalog/resources/${summary.id}/draft`,
      inputOf(published, `${published.shareCondition}（仅限本市政务部门）`),
    );
    const submission = (await officer.send('post', '/catalog/submissions', {
      resourceIds: [summary.id],
    })) as {
      id: string;
      entries: { id: string }[];
    };
    await officer.close();
    const authority = await session('authority');
    await authority.send('post', `/catalog/submissions/${submission.id}/decisions`, {
      decisions: submission.entries.map((entry) => ({ entryId: entry.id, decision: 'approved' })),
    });
    await authority.send('post', '/catalog/versions', {});
    await authority.close();
    return summary.name;
  }
  throw new Error('no conditionally shared police resource in the demo catalog');
}

describe('secrecy reviews in the console', () => {
  it('decides a pending review and finds it passed', async () => {
    const name = await openReview();
    await ui.signIn(page, server, 'police.security');
    await ui.openMenu(page, '安全管理', '保密审查', /\/console\/security\/reviews$/);
    const table = page.getByTestId('reviews-table');
    const row = table.locator('tr', { hasText: name });
    await row.getByTestId('review-open').click();

    await page.getByTestId('review-submit').click();
    await page.getByText('请选择审查结论').first().waitFor();
    await page.getByTestId('review-outcome').locator('label', { hasText: '通过（' }).click();
    await page.getByTestId('review-submit').click();
    await page.getByTestId('review-submit').waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');

    await page.getByTestId('filter-state').click();
    await page.locator(SETTLED('.ant-select-dropdown')).getByText('已通过', { exact: true }).click();
    await table.locator('tr', { hasText: name }).first().waitFor();
    expect(await table.locator('tr', { hasText: name }).first().textContent()).toContain('已通过');
  });
});
