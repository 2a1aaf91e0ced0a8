// Open-data statistics (issue 7; CQ19 §37 service evaluation, CQO §37 supervision): what providers
// see of their datasets (downloads, API calls, rows, users, applications, agreements, usage-feedback
// duty) and what the data authority sees of its region, per day, per dataset and per department.
import type { Kysely } from 'kysely';
import { addDays, dayNumber, todayInChina } from '../../../platform/calendar/dates.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { invalid } from '../../../platform/errors/app-error.ts';
import type { Actor } from '../../../platform/policy/actor.ts';
import { forbidden } from '../../../platform/policy/policy.ts';
import './statistics.messages.ts';
import {
  agreementsByState,
  applicationsByState,
  countOpenDatasets,
  departmentsOfRegions,
  distinctUsers,
  usePerDataset,
  usePerDay,
  usePerDepartment,
  type StatisticsScope,
} from './statistics.repository.ts';

/** The longest period one request covers: a year of days keeps the daily series readable. */
export const MAX_PERIOD_DAYS = 366;
/** The default period: the last 30 days up to today. */
const DEFAULT_DAYS = 30;
/** Datasets listed, most used first. */
const TOP_DATASETS = 50;

function periodOf(query: { from?: string; to?: string }): { from: string; to: string } {
  const to = query.to ?? todayInChina();
  const from = query.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  const span = dayNumber(to)! - dayNumber(from)! + 1;
  if (span < 1)
    throw invalid('open.statistics.invalid', [{ path: '/to', code: 'open.statistics.to_before_from' }]);
  if (span > MAX_PERIOD_DAYS)
    throw invalid('open.statistics.invalid', [
      { path: '/from', code: 'open.statistics.period_too_long', params: { days: MAX_PERIOD_DAYS } },
    ]);
  return { from, to };
}

async function scopeOf(
  db: Kysely<DB>,
  actor: Actor,
): Promise<{ kind: 'department' | 'region'; departmentIds: string[] }> {
  if (actor.role === 'authority_officer' || actor.role === 'auditor')
    return { kind: 'region', departmentIds: await departmentsOfRegions(db, actor.regionScope) };
  if (actor.type === 'user' && actor.departmentId)
    return { kind: 'department', departmentIds: [actor.departmentId] };
  throw forbidden();
}

const countsOf = (rows: { state: string; n: number }[]) =>
  Object.fromEntries(rows.map((row) => [row.state, Number(row.n)])) as Record<string, number>;

/**
 * The statistics of the caller's scope over a period (default: the last 30 days): totals, a daily
 * series, datasets most used first, per department (the authority's view), applications filed in
 * the period and agreements by state.
 */
export async function openStatistics(db: Kysely<DB>, actor: Actor, query: { from?: string; to?: string }) {
  const period = periodOf(query);
  const { kind, departmentIds } = await scopeOf(db, actor);
  const scope: StatisticsScope = { departmentIds, ...period };
  const [daily, datasets, users, applications, agreements, departments, open] = await Promise.all([
    usePerDay(db, scope),
    usePerDataset(db, scope, TOP_DATASETS),
    distinctUsers(db, scope),
    applicationsByState(db, scope),
    agreementsByState(db, departmentIds),
    kind === 'region' ? usePerDepartment(db, scope) : Promise.resolve([]),
    countOpenDatasets(db, departmentIds),
  ]);
  const sum = (key: 'downloads' | 'apiCalls' | 'rows') => daily.reduce((total, day) => total + day[key], 0);
  return {
    scope: kind,
    period,
    totals: {
      datasets: open,
      downloads: sum('downloads'),
      apiCalls: sum('apiCalls'),
      rows: sum('rows'),
      users,
    },
    daily,
    datasets,
    departments,
    applications: countsOf(applications),
    agreements: countsOf(agreements),
  };
}
