// The SQL gate of the sandbox (CQO §13(3)): decides whether a user's query may run in a project.
// The query is parsed by PostgreSQL's own parser (libpg_query, compiled to WebAssembly); only one
// SELECT is accepted whose every relation is a view of the project, every function, type and
// construct on an allow-list (sql-gate.allowlist.ts). An accepted query comes back deparsed from
// the checked tree, views qualified with the project's schema, so the executor runs what was
// checked and nothing a comment or an odd quoting might have hidden. Pure: no database is used.
import { loadModule, parseSync, type ParseResult } from 'libpg-query';
import { deparseSync } from 'pgsql-deparser';
import type { Locale } from '../../platform/i18n/messages.ts';
import { translate } from '../../platform/i18n/messages.ts';
import { sqlGateMessages as m } from './sql-gate.messages.ts';
import {
  GateWalk,
  Refused,
  statementKind,
  unwrap,
  type Json,
  type JsonObject,
  type SqlRefusalCode,
} from './sql-gate.walk.ts';

export type { SqlRefusalCode } from './sql-gate.walk.ts';

/** What the gate checks a query against: the project's views and schema. */
export interface SqlGateOptions {
  /** Names of the views the project may read (as PostgreSQL stores them, usually lower case). */
  allowedRelations: ReadonlySet<string>;
  /** The project's schema; the only schema a query may name, and the one views are qualified with. */
  schema: string;
  /** The longest query accepted, in characters (default 20,000). */
  maxLength?: number;
}

/** Why a query was refused, for the user: a message key's code, its parameters and where. */
export interface SqlRefusal {
  code: SqlRefusalCode;
  params: Record<string, string | number>;
  /** 1-based character position in the query (as PostgreSQL reports it); null: the parser gives none. */
  position: number | null;
}

/** An accepted query, ready for the executor. */
export interface AcceptedSql {
  /** The query deparsed from the checked tree, views qualified with the project's schema. */
  sql: string;
  /** The project's views the query reads, sorted. */
  relations: string[];
  /** Whether the outermost query has a LIMIT (or FETCH FIRST); LIMIT ALL and LIMIT NULL do not count. */
  hasLimit: boolean;
  /** The constant row limit of the outermost query; null when there is none or it is not a constant. */
  limit: number | null;
}

/** The gate's decision. */
export type SqlGateOutcome =
  { accepted: true; query: AcceptedSql } | { accepted: false; refusal: SqlRefusal };

const defaultMaxLength = 20_000;
let loading: Promise<void> | null = null;

/** Loads the parser's WebAssembly module once; checkSandboxSql awaits it, callers need not. */
export function loadSqlGate(): Promise<void> {
  loading ??= loadModule();
  return loading;
}

/** Checks a user's query for a project's sandbox; never throws for whatever text it is given. */
export async function checkSandboxSql(sql: string, options: SqlGateOptions): Promise<SqlGateOutcome> {
  await loadSqlGate();
  const max = options.maxLength ?? defaultMaxLength;
  if (sql.length > max) return refuse('too_long', { length: sql.length, max }, null);
  if (sql.trim() === '') return refuse('empty', {}, null);
  // The parser reads C strings: text after a NUL would not be checked (nor run, as the deparsed
  // SQL is what runs), so a NUL is refused rather than silently cut off.
  const nul = sql.indexOf('\0');
  if (nul >= 0)
    return refuse(
      'construct_not_allowed',
      { construct: 'NUL (\\0)' },
      Array.from(sql.slice(0, nul)).length + 1,
    );
  const parsed = parse(sql);
  if ('refusal' in parsed) return parsed.refusal;
  try {
    return accept(sql, parsed.tree, options);
  } catch (error) {
    if (error instanceof Refused)
      return refuse(
        error.code,
        error.params,
        error.byteOffset === null ? null : charPosition(sql, error.byteOffset),
      );
    if (error instanceof RangeError) return refuse('too_complex', {}, null);
    throw error;
  }
}

function accept(sql: string, tree: ParseResult, options: SqlGateOptions): SqlGateOutcome {
  const stmts = tree.stmts ?? [];
  if (stmts.length === 0) return refuse('empty', {}, null);
  if (stmts.length > 1) {
    const second = stmts[1]?.stmt_location ?? null;
    return refuse(
      'multiple_statements',
      { count: stmts.length },
      second === null ? null : charPosition(sql, second),
    );
  }
  const statement = unwrap(stmts[0]?.stmt as unknown as Json);
  if (!statement) return refuse('empty', {}, null);
  const [type, fields] = statement;
  if (type !== 'SelectStmt') throw new Refused('statement_kind', { kind: statementKind(type) }, 0);
  const walk = new GateWalk(options);
  walk.select(fields);
  const normal = normalise(tree);
  if (normal === null) return refuse('normalisation_failed', {}, null);
  return {
    accepted: true,
    query: { sql: normal, relations: [...walk.relations].sort(), ...limitOf(fields) },
  };
}

/**
 * Deparses the checked (and rewritten) tree and parses the result again: the SQL is returned only
 * when it gives back the same tree, positions aside, so a deparser slip cannot change the query.
 */
function normalise(tree: ParseResult): string | null {
  let text: string;
  try {
    text = deparseSync(tree, { pretty: false });
    const again = parseSync(text);
    if ((again.stmts ?? []).length !== 1) return null;
    if (JSON.stringify(strip(again.stmts?.[0]?.stmt)) !== JSON.stringify(strip(tree.stmts?.[0]?.stmt)))
      return null;
  } catch {
    return null;
  }
  return text;
}

const positionKeys = new Set(['location', 'stmt_location', 'stmt_len', 'list_start', 'list_end']);

/** The tree without its positions and with sorted keys, for comparing two parses of one query. */
function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  const keys = Object.keys(value).sort();
  for (const key of keys)
    if (!positionKeys.has(key)) out[key] = strip((value as Record<string, unknown>)[key]);
  return out;
}

function limitOf(fields: JsonObject): Pick<AcceptedSql, 'hasLimit' | 'limit'> {
  const count = unwrap(fields.limitCount);
  if (!count) return { hasLimit: false, limit: null };
  const [type, value] = count;
  if (type === 'A_Const' && value.isnull === true) return { hasLimit: false, limit: null };
  const ival = value.ival;
  const constant =
    type === 'A_Const' && typeof ival === 'object' && ival !== null && !Array.isArray(ival)
      ? typeof ival.ival === 'number'
        ? ival.ival
        : 0 // protobuf JSON leaves a zero out
      : null;
  const exact = fields.limitOption === 'LIMIT_OPTION_COUNT';
  return { hasLimit: true, limit: exact ? constant : null };
}

function parse(sql: string): { tree: ParseResult } | { refusal: SqlGateOutcome } {
  try {
    return { tree: parseSync(sql) };
  } catch (error) {
    const details = (error as { sqlDetails?: { message?: string; cursorPosition?: number } }).sqlDetails;
    const message = details?.message ?? (error instanceof Error ? error.message : String(error));
    // The parser reports a 0-based character position; 0 may also mean "none", kept as position 1.
    const position = typeof details?.cursorPosition === 'number' ? details.cursorPosition + 1 : null;
    return { refusal: refuse('parse_error', { message }, position) };
  }
}

function refuse(code: SqlRefusalCode, params: Record<string, string | number>, position: number | null) {
  return { accepted: false as const, refusal: { code, params, position } };
}

/** The 1-based character position of a byte offset of the query's UTF-8 text (parser locations). */
function charPosition(sql: string, byteOffset: number): number {
  const prefix = Buffer.from(sql, 'utf8').subarray(0, byteOffset).toString('utf8');
  return Array.from(prefix).length + 1;
}

/** The refusal as a sentence in the user's language, with line and column when known. */
export function renderSqlRefusal(refusal: SqlRefusal, sql: string, locale: Locale): string {
  const text = translate(`sandbox.sql.${refusal.code}`, locale, refusal.params);
  if (refusal.position === null) return text;
  const before = Array.from(sql).slice(0, refusal.position - 1);
  const line = before.filter((ch) => ch === '\n').length + 1;
  const column = before.length - before.lastIndexOf('\n');
  return text + translate(m['sandbox.sql.position'], locale, { line, column });
}
