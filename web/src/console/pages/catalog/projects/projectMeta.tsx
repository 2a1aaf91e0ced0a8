// Small pieces the project pages share: the state and status tags, labels of a plan's fields and
// problems, the budget in yuan, and the queries of a project and its acceptance report.
import { useQuery } from '@tanstack/react-query';
import { Tag } from 'antd';
import {
  projectKeys,
  type AcceptanceReport,
  type ProjectDetail,
  type ProjectState,
  type PromiseStatus,
} from '../../../../api/catalog-projects.ts';
import { api } from '../../../../api/client.ts';
import { useI18n, type MessageKey, type Translate } from '../../../../i18n/index.tsx';
import { placeOf } from './planModel.ts';

const STATE_COLORS: Record<ProjectState, string> = {
  registered: 'processing',
  approved: 'cyan',
  rejected: 'error',
  accepted: 'success',
};

/** 已登记 / 已批准 / 未批准 / 已验收. */
export function ProjectStateTag({ state }: { state: ProjectState }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLORS[state]} style={{ marginInlineEnd: 0 }} data-testid="project-state">
      {t(`catalog.projects.state.${state}`)}
    </Tag>
  );
}

const STATUS_COLORS: Record<PromiseStatus, string> = {
  connected: 'success',
  not_connected: 'warning',
  not_published: 'orange',
  missing: 'error',
};

/** 已接入 / 未接入 / 未发布 / 缺失: how a promised resource stands at acceptance. */
export function PromiseStatusTag({ status }: { status: PromiseStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="promise-status">
      {t(`catalog.projects.status.${status}`)}
    </Tag>
  );
}

/** A budget in yuan with two decimals, grouped by thousands, in the reader's language. */
export function formatBudget(value: number | null, lang: string): string {
  if (value === null) return '';
  return new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}

const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'catalog.field.name',
  classCode: 'catalog.field.class',
  items: 'catalog.field.items',
  shareType: 'catalog.field.shareType',
  shareBasis: 'catalog.field.shareBasis',
  openType: 'catalog.field.openType',
  openBasis: 'catalog.field.openBasis',
  updateCycle: 'catalog.field.updateCycle',
  note: 'catalog.projects.field.note',
  resourceId: 'catalog.projects.field.resource',
};
const ITEM_LABELS: Record<string, MessageKey> = {
  name: 'catalog.item.name',
  dataType: 'catalog.item.dataType',
};

/**
 * Where a problem of the plan is, in words: 第 2 个资源「卡口过车记录」· 信息项 1 · 数据类型.
 * `names` are the resources' names as they are now (the problem may be about a row not yet named).
 */
export function problemPlace(t: Translate, path: string, names: readonly (string | null | undefined)[]) {
  const place = placeOf(path);
  if (place.row === undefined) return '';
  const name = names[place.row]?.trim();
  const parts = [
    name
      ? t('catalog.projects.problem.rowNamed', { row: place.row + 1, name })
      : t('catalog.projects.problem.row', { row: place.row + 1 }),
  ];
  if (place.item !== undefined) {
    parts.push(t('catalog.projects.problem.item', { item: place.item + 1 }));
    const label = place.field ? ITEM_LABELS[place.field] : undefined;
    if (label) parts.push(t(label));
  } else {
    const label = place.field ? FIELD_LABELS[place.field] : undefined;
    if (label) parts.push(t(label));
  }
  return parts.join(' · ');
}

/** GET /catalog/projects/:id. */
export function useProject(id: string) {
  return useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: ({ signal }) => api.get<ProjectDetail>(`/catalog/projects/${id}`, undefined, { signal }),
  });
}

/** GET /catalog/projects/:id/acceptance, only when the reader may see it. */
export function useAcceptance(id: string, enabled: boolean) {
  return useQuery({
    queryKey: projectKeys.acceptance(id),
    queryFn: ({ signal }) =>
      api.get<AcceptanceReport>(`/catalog/projects/${id}/acceptance`, undefined, { signal }),
    enabled,
  });
}
