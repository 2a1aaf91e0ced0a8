// The platform's API as one user, for the setup and the "other side" of browser tests (an
// authority's answer, a department's decision) where the console is not what the test is about.
import { expect } from 'vitest';
import type { RunningServer } from './server.ts';

/** A call of the API under a session: a GET without a body, a POST with one. */
export type ApiCall = <T>(path: string, body?: unknown) => Promise<T>;

/**
 * Signs in on the API (POST /auth/login) and returns a call with the session's cookie and CSRF
 * token; the call parses the JSON answer and fails the test, with the server's words, on a refusal.
 */
export async function apiSession(
  server: RunningServer,
  username: string,
  password: string,
): Promise<ApiCall> {
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
