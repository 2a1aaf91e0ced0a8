// What a pull may be registered with, checked before anything is stored: a provider URL of the
// right scheme with no secret left in it, and for a database a single SELECT by a rule that errs
// on the side of refusing. The secret (password, token) is split off to be kept apart.
import { invalid } from '../../../platform/errors/app-error.ts';
import './pulls.messages.ts';

/** Longest SELECT a pull may hold. */
export const QUERY_MAX_LENGTH = 20_000;

// Words that never occur in a plain SELECT's grammar but start or mark a statement that changes
// something, or change the session (set_config could lift the statement timeout). They are refused
// anywhere, even inside a string or a quoted name: a rule that reads no grammar must err that way.
const REFUSED_WORDS = [
  'insert', 'update', 'delete', 'merge', 'truncate', 'alter', 'drop', 'create', 'grant', 'revoke',
  'copy', 'call', 'do', 'execute', 'prepare', 'deallocate', 'lock', 'vacuum', 'analyze', 'into',
  'begin', 'commit', 'rollback', 'savepoint', 'listen', 'notify', 'set', 'reset', 'discard',
  'refresh', 'reindex', 'cluster', 'comment', 'security', 'declare', 'fetch', 'move', 'close',
  'import', 'load', 'set_config', 'dblink', 'nextval', 'setval',
]; // prettier-ignore
const REFUSED = new RegExp(`\\b(${REFUSED_WORDS.join('|')})\\b`, 'i');
// Server functions (pg_sleep, pg_terminate_backend, pg_read_file, lo_import …) are not for pulls.
const SERVER_FUNCTION = /\b(pg_|lo_)\w*\s*\(/i;

const refuse = (code: string, params: Record<string, unknown> = {}, path = '/body/query') =>
  invalid(code, [{ path, code, params }], params);

/**
 * Checks that a query is one SELECT and returns it without a trailing semicolon. Refused: more than
 * one statement (a `;` other than a last one), comments, anything not starting with SELECT (so also
 * WITH, whose parts may change data), row locks (FOR UPDATE/SHARE) and the words above. The
 * query is then run in a READ ONLY transaction with a statement timeout, as a second guard.
 */
export function checkSelect(query: string): string {
  const text = query.trim().replace(/;\s*$/, '').trim();
  if (text.length === 0 || text.length > QUERY_MAX_LENGTH)
    throw refuse('pool.pull.query_length', { max: QUERY_MAX_LENGTH });
  if (text.includes(';')) throw refuse('pool.pull.not_select', { reason: ';' });
  if (text.includes('--') || text.includes('/*')) throw refuse('pool.pull.not_select', { reason: '--, /*' });
  if (!/^select\b/i.test(text)) throw refuse('pool.pull.not_select', { reason: text.split(/\s/)[0] });
  const word = REFUSED.exec(text) ?? SERVER_FUNCTION.exec(text);
  if (word) throw refuse('pool.pull.not_select', { reason: word[0].trim() });
  if (/\bfor\s+(no\s+key\s+update|key\s+share|share)\b/i.test(text))
    throw refuse('pool.pull.not_select', { reason: 'FOR SHARE' });
  return text;
}

/** Connection-string parameters a provider URL may carry (others can name local files). */
const ALLOWED_PARAMS = new Set(['sslmode', 'application_name', 'connect_timeout']);

function parseUrl(raw: string): URL {
  try {
    return new URL(raw);
  } catch {
    throw refuse('pool.pull.bad_url', {}, '/body/url');
  }
}

/**
 * A provider database URL: postgres:// or postgresql:// with a host and a database. Its password,
 * if written into it, is taken out and returned apart.
 */
export function splitDatabaseUrl(raw: string): { url: string; password: string | null } {
  const url = parseUrl(raw);
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:')
    throw refuse('pool.pull.bad_url', {}, '/body/url');
  if (!url.hostname || url.pathname.length < 2) throw refuse('pool.pull.bad_url', {}, '/body/url');
  for (const key of url.searchParams.keys())
    if (!ALLOWED_PARAMS.has(key)) throw refuse('pool.pull.url_param', { param: key }, '/body/url');
  const password = url.password ? decodeURIComponent(url.password) : null;
  url.password = '';
  return { url: url.toString(), password };
}

/** An API URL: http or https, with no user name or password in it (a token goes in the header). */
export function checkHttpUrl(raw: string): string {
  const url = parseUrl(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw refuse('pool.pull.bad_url', {}, '/body/url');
  if (url.username || url.password) throw refuse('pool.pull.url_credentials', {}, '/body/url');
  return url.toString();
}

/** The database URL with its password put back, for connecting. */
export function withPassword(url: string, password: string | null): string {
  if (!password) return url;
  const parsed = new URL(url);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}
