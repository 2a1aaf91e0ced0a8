// Multi-source opening (多源开放, CQO §31): an organisation's account (enterprise, institution,
// association — not a natural person) publishes its own dataset as a CSV file with its description,
// licence and source; the data authority at the top of the region tree reviews it before it
// appears; identity-authenticated users then download it, counted and audited. The file is checked
// row by row on arrival and stored re-written: UTF-8, LF, formula cells neutralised.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import Papa from 'papaparse';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, conflict, notFound, type FieldProblem } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden, requireVerifiedIdentity } from '../../../platform/policy/policy.ts';
import { isUuid } from '../../dcat/open-catalog.ts';
import { csvCell } from '../../sharing/api/serialize.ts';
import './contributions.messages.ts';
import {
  findPersonType,
  findTopRegion,
  insertContribution,
  lockContribution,
  takeDownload,
  updateContribution,
} from './contributions.repository.ts';

/** What an organisation sends: the description and the CSV file's text. */
export interface ContributionInput {
  name: string;
  description: string;
  keywords?: string[];
  licence: string;
  updateCycle: string;
  sourceNote: string;
  csv: string;
}

const MAX_COLUMNS = 200;
const MAX_REPORTED = 20;

/** A parsed and re-written CSV file. */
export interface CheckedCsv {
  columns: string[];
  rows: number;
  content: Buffer;
}

/**
 * Checks a CSV file: a header of distinct, non-empty names (at most 200), at least one row, every
 * row as long as the header. Problems are reported by row (the first 20); the rewritten file has
 * LF line ends and a leading apostrophe before cells a spreadsheet would run as formulas.
 */
export function checkCsv(text: string): CheckedCsv {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header, ...rows] = parsed.data;
  const problems: FieldProblem[] = [];
  const names = (header ?? []).map((name) => name.trim());
  if (names.length === 0 || names.some((name) => name === ''))
    problems.push({ path: '/csv/1', code: 'open.contribution.header_blank' });
  if (new Set(names).size !== names.length)
    problems.push({ path: '/csv/1', code: 'open.contribution.header_repeated' });
  if (names.length > MAX_COLUMNS)
    problems.push({
      path: '/csv/1',
      code: 'open.contribution.too_many_columns',
      params: { max: MAX_COLUMNS },
    });
  if (rows.length === 0) problems.push({ path: '/csv', code: 'open.contribution.no_rows' });
  rows.forEach((row, i) => {
    if (row.length !== names.length && problems.length < MAX_REPORTED)
      problems.push({
        path: `/csv/${i + 2}`,
        code: 'open.contribution.row_length',
        params: { row: i + 2, expected: names.length, got: row.length },
      });
  });
  if (problems.length > 0)
    throw new AppError(422, 'open.contribution.invalid_file', { count: problems.length }, problems);
  const line = (cells: readonly string[]) => cells.map((cell) => csvCell(cell, cells.length === 1)).join(',');
  const content = Buffer.from(`${[line(names), ...rows.map(line)].join('\n')}\n`, 'utf8');
  return { columns: names, rows: rows.length, content };
}

/** Submits an organisation's dataset for the authority's review. */
export async function submitContribution(
  db: Kysely<DB>,
  context: RequestContext,
  input: ContributionInput,
): Promise<string> {
  const actor = context.actor;
  requireVerifiedIdentity(actor);
  const type = await findPersonType(db, actor.id);
  if (type !== 'legal' && type !== 'other') throw forbidden('open.contribution.organisations_only');
  const file = checkCsv(input.csv);
  const region = await findTopRegion(db);
  if (!region) throw notFound('what.region');
  return db.transaction().execute(async (trx) => {
    const digest = `sm3:${crypto.createHash('sm3').update(file.content).digest('hex')}`;
    const { id } = await insertContribution(trx, {
      publisher_user_id: actor.id,
      region_id: region,
      name: input.name.trim(),
      description: input.description.trim(),
      keywords: [...new Set((input.keywords ?? []).map((k) => k.trim()).filter(Boolean))],
      licence: input.licence.trim(),
      update_cycle: input.updateCycle.trim(),
      source_note: input.sourceNote.trim(),
      columns: file.columns,
      row_count: file.rows,
      size_bytes: file.content.length,
      digest,
      content: file.content,
    });
    await recordAudit(trx, context, {
      action: 'open.contribution.submit',
      targetType: 'open_contribution',
      targetId: id,
      detail: { name: input.name, rows: file.rows, columns: file.columns.length, digest },
    });
    return id;
  });
}

/** The authority's review: approve (the dataset appears) or reject with a reason. */
export async function reviewContribution(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
  decision: { decision: 'approve' | 'reject'; reason?: string },
): Promise<void> {
  const reason = decision.reason?.trim() || null;
  if (decision.decision === 'reject' && !reason)
    throw new AppError(422, 'open.contribution.reason_required', {}, [
      { path: '/body/reason', code: 'open.contribution.reason_required' },
    ]);
  await db.transaction().execute(async (trx) => {
    const row = isUuid(id) ? await lockContribution(trx, id) : undefined;
    const actor = context.actor;
    if (!row || actor?.role !== 'authority_officer' || !actor.regionScope.includes(row.region_id))
      throw notFound('what.contribution');
    if (row.state !== 'submitted') throw conflict('open.contribution.not_waiting', { state: row.state });
    const state = decision.decision === 'approve' ? 'approved' : 'rejected';
    await updateContribution(trx, row.id, {
      state,
      review_reason: reason,
      reviewed_by: actor.id,
      reviewed_at: new Date(),
    });
    await recordAudit(trx, context, {
      action: `open.contribution.${decision.decision}`,
      targetType: 'open_contribution',
      targetId: row.id,
      detail: { name: row.name, reason },
    });
  });
}

/** The publisher withdraws its own dataset (it disappears from the portal). */
export async function withdrawContribution(
  db: Kysely<DB>,
  context: RequestContext,
  id: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = isUuid(id) ? await lockContribution(trx, id) : undefined;
    if (!row || row.publisher_user_id !== context.actor?.id) throw notFound('what.contribution');
    if (row.state === 'withdrawn') throw conflict('open.contribution.not_waiting', { state: row.state });
    await updateContribution(trx, row.id, { state: 'withdrawn' });
    await recordAudit(trx, context, {
      action: 'open.contribution.withdraw',
      targetType: 'open_contribution',
      targetId: row.id,
      detail: { name: row.name },
    });
  });
}

/** The file of an approved dataset for an identity-authenticated user; counted and audited. */
export async function downloadContribution(db: Kysely<DB>, context: RequestContext, id: string) {
  requireVerifiedIdentity(context.actor);
  return db.transaction().execute(async (trx) => {
    const row = isUuid(id) ? await takeDownload(trx, id) : undefined;
    if (!row) throw notFound('what.contribution');
    await recordAudit(trx, context, {
      action: 'open.contribution.download',
      targetType: 'open_contribution',
      targetId: row.id,
      detail: { rows: row.row_count, digest: row.digest },
    });
    return { name: row.name, content: Buffer.from(row.content) };
  });
}
