// The chart of an open dataset's data on its portal page: grouped counts of one item chosen by
// chartCandidates (an enumeration, a code or category, a date by month or year, a yes/no), with the
// profile's minimum cell size enforced by releaseGroups. Only counts are returned, never rows; a
// conditionally open dataset has no chart (its data is given only under an agreement).
import type { Kysely } from 'kysely';
import type { DB } from '../../../platform/db/schema.ts';
import { translate, type Locale } from '../../../platform/i18n/messages.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import type { Profile } from '../../../platform/profiles/profile.schema.ts';
import { findPoolTable, type PoolTableRow } from '../../pools/pool-tables.repository.ts';
import { resolveMasking } from '../../security/masking/masking.service.ts';
import {
  chartCandidates,
  informative,
  MAX_PERIODS,
  MAX_TRIES,
  periodsOf,
  releaseGroups,
  releaseLine,
  TOP_GROUPS,
  type ChartCandidate,
  type Group,
  type Released,
} from './chart.ts';
import { monthCounts, valueCounts } from './chart.repository.ts';
import { TtlCache } from './portal.cache.ts';
import { findOpenEntry } from './portal.repository.ts';
import { publicSuspension } from '../objections/suspensions.service.ts';
import type { Chart, ChartResponse } from './portal.schemas.ts';
import { auditRead, datasetNotFound } from './portal.service.ts';
import { isUuid } from '../../dcat/open-catalog.ts';

/** How long a computed chart is reused for the same version of a table and the same candidates. */
export const CHART_TTL_MS = 60 * 60_000;

/** A chart as computed from the data, before it is labelled in the caller's language. */
export interface ComputedChart {
  candidate: ChartCandidate;
  bucket: Chart['bucket'];
  released: Released;
}

/** The chart outcome of one version of a table: a chart, or why there is none. */
export type ChartOutcome = { chart: ComputedChart } | { reason: 'no_item' | 'suppressed' };

/** Charts computed per table version (per app). */
export function chartCache(): TtlCache<ChartOutcome> {
  return new TtlCache(CHART_TTL_MS, 500);
}

/** What a chart needs besides the database. */
export interface ChartEnv {
  profile: Profile;
  locale: Locale;
  cache: TtlCache<ChartOutcome>;
}

/** Grouped counts of one candidate, released under k; null when not worth a chart. */
async function tryCandidate(
  db: Kysely<DB>,
  table: PoolTableRow,
  candidate: ChartCandidate,
  k: number,
): Promise<ComputedChart | 'suppressed' | null> {
  let bucket: Chart['bucket'] = 'value';
  let released: Released | null;
  if (candidate.kind === 'bar') {
    const { top, stats } = await valueCounts(db, table, candidate.column, k, TOP_GROUPS);
    released = releaseGroups(top, stats, k);
  } else {
    const months: Group[] = await monthCounts(db, table, candidate.column, MAX_PERIODS + 1);
    if (months.length > MAX_PERIODS) return null;
    const periods = periodsOf(months);
    bucket = periods.bucket;
    released = releaseLine(periods.groups, k);
  }
  if (!released) return 'suppressed';
  return informative(candidate.kind, released) ? { candidate, bucket, released } : null;
}

/** Tries the best candidates in turn (at most MAX_TRIES scans) and keeps the first worth a chart. */
async function computeChart(
  db: Kysely<DB>,
  table: PoolTableRow,
  candidates: ChartCandidate[],
  k: number,
): Promise<ChartOutcome> {
  let suppressed = false;
  for (const candidate of candidates.slice(0, MAX_TRIES)) {
    const outcome = await tryCandidate(db, table, candidate, k);
    if (outcome === 'suppressed') suppressed = true;
    else if (outcome) return { chart: outcome };
  }
  return { reason: suppressed ? 'suppressed' : 'no_item' };
}

function labelOf(candidate: ChartCandidate, key: string | null, locale: Locale): string {
  if (key === null) return translate('open.portal.chart.missing', locale);
  if (candidate.column.dataType === 'L') return translate(`open.portal.chart.${key}`, locale);
  return key;
}

function present(computed: ComputedChart, k: number, locale: Locale): Chart {
  const { candidate, released } = computed;
  const series: Chart['series'] = released.shown.map((group) => ({
    label: labelOf(candidate, group.key, locale),
    count: group.count,
    kind: group.key === null ? ('missing' as const) : ('value' as const),
  }));
  if (candidate.kind === 'bar' && released.rest.groups > 0)
    series.push({
      label: translate('open.portal.chart.other', locale),
      count: released.rest.count,
      kind: 'other',
    });
  return {
    kind: candidate.kind,
    item: { fieldName: candidate.column.field, name: candidate.column.name },
    bucket: computed.bucket,
    series,
    suppressedBelow: k,
  };
}

/**
 * The chart of an open dataset (404 like its page when it is not open). 200 with `chart: null` and
 * a reason when it is conditionally open, has no data, no item fits, or suppression leaves nothing.
 */
export async function readChart(
  db: Kysely<DB>,
  context: RequestContext,
  env: ChartEnv,
  id: string,
): Promise<ChartResponse> {
  const entry = isUuid(id) ? await findOpenEntry(db, id) : undefined;
  if (!entry) throw datasetNotFound();
  const k = env.profile.disclosure.minCellSize;
  let response: ChartResponse;
  const table = await findPoolTable(db, entry.resource_id);
  if (entry.open_type === 'conditional') response = { chart: null, reason: 'conditional' };
  // A suspended dataset shows no aggregate either: the objection may be about these very values.
  else if (await publicSuspension(db, entry.resource_id)) response = { chart: null, reason: 'suspended' };
  else if (!table || table.current_version === 0 || Number(table.row_count) === 0)
    response = { chart: null, reason: 'no_data' };
  else {
    const masking = await resolveMasking(db, env.profile, entry.resource_id);
    const rules = new Map(masking.items.map(({ item, rule }) => [item.field_name, rule.kind]));
    const candidates = chartCandidates(table.columns, (field) => rules.get(field));
    const key = [table.resource_id, table.current_version, k, ...candidates.map((c) => c.column.field)].join(
      ':',
    );
    const outcome =
      candidates.length === 0
        ? ({ reason: 'no_item' } as const)
        : await env.cache.get(key, () => computeChart(db, table, candidates, k));
    response =
      'chart' in outcome ? { chart: present(outcome.chart, k, env.locale) } : { chart: null, ...outcome };
  }
  await auditRead(db, context, {
    action: 'open.portal.chart.read',
    targetType: 'catalog_resource',
    targetId: entry.resource_id,
    departmentId: entry.department_id,
    detail: {
      code: entry.code,
      field: response.chart?.item.fieldName ?? null,
      groups: response.chart?.series.length ?? 0,
      reason: response.reason ?? null,
      k,
    },
  });
  return response;
}
