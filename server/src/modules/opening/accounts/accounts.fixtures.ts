// Registered public users for tests (this module's and the open-data routes'): they come in
// through the real registration route, so their identity is verified as in production.
import type { AppInstance } from '../../../platform/http/types.ts';
import { login, makeCitizenId, makeCreditCode, type TestSession } from '../../../test/factories.ts';

let counter = 0;

/** The password every registered test user gets (meets the password rule). */
export const PUBLIC_PASSWORD = 'Open-data-2024!';

/** A valid natural-person registration with a fresh username and citizen ID. */
export function naturalRegistration(overrides: Record<string, unknown> = {}) {
  counter++;
  return {
    kind: 'natural' as const,
    username: `citizen${process.pid}x${counter}`,
    password: PUBLIC_PASSWORD,
    realName: '张三',
    citizenId: makeCitizenId('19900101'),
    mobile: '13812345678',
    ...overrides,
  };
}

/** A valid organisation registration with a fresh username and credit code. */
export function organisationRegistration(overrides: Record<string, unknown> = {}) {
  counter++;
  return {
    kind: 'organisation' as const,
    username: `org${process.pid}x${counter}`,
    password: PUBLIC_PASSWORD,
    orgName: '重庆某某数据科技有限公司',
    creditCode: makeCreditCode(),
    contactName: '李四',
    mobile: '13987654321',
    email: 'contact@example.com',
    ...overrides,
  };
}

/** A registered, identity-verified public user, signed in. */
export interface RegisteredUser {
  id: string;
  username: string;
  password: string;
  session: TestSession;
}

/**
 * Registers a public user through POST /open/accounts and signs them in. The app's registration
 * limit per IP must allow it (tests set `registrationsPerIpHour` high, or pass `remoteAddress`).
 */
export async function registerPublicUser(
  app: AppInstance,
  body: Record<string, unknown> = naturalRegistration(),
  remoteAddress?: string,
): Promise<RegisteredUser> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/open/accounts',
    payload: body,
    ...(remoteAddress ? { remoteAddress } : {}),
  });
  if (response.statusCode !== 201)
    throw new Error(`registration failed: ${response.statusCode} ${response.body}`);
  const { user } = response.json() as { user: { id: string; username: string } };
  const password = String(body.password);
  return {
    id: user.id,
    username: user.username,
    password,
    session: await login(app, user.username, password),
  };
}
