// Pieces the oversight pages share: a picker of open datasets (the open catalog's own search) and
// the state tags of objections, suspensions and emergencies.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Tag } from 'antd';
import { useRef, useState } from 'react';
import {
  oversightApi,
  type Disposition,
  type EmergencyStatus,
  type ObjectionState,
} from '../../../api/opening-oversight.ts';
import { useSession } from '../../../auth/session.tsx';
import { isMessageKey, useI18n } from '../../../i18n/index.tsx';
import { useDebounced } from '../../../lib/useDebounced.ts';

/** A picked open dataset, kept with its name so the field can show it after the search changed. */
export interface PickedDataset {
  resourceId: string;
  name: string;
}

/**
 * Picks an open dataset by its name or code. Department staff see their own department's datasets
 * (the only ones they may act on); the authority and auditors see the open catalog of the region.
 */
export function OpenDatasetSelect({
  id,
  value,
  onChange,
  width = 320,
}: {
  id?: string;
  value?: string;
  onChange?: (resourceId: string | undefined, picked?: PickedDataset) => void;
  width?: number | string;
}) {
  const { t } = useI18n();
  const { info } = useSession();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const own = info?.user.role === 'department_officer' || info?.user.role === 'department_head';
  const departmentId = own ? (info?.user.departmentId ?? undefined) : undefined;
  const hits = useQuery({
    queryKey: ['open-catalog/datasets', 'picker', { q, departmentId }],
    queryFn: ({ signal }) => oversightApi.openDatasets(q, departmentId, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  // The chosen dataset keeps its name while later searches no longer list it.
  const labels = useRef(new Map<string, string>());
  for (const hit of hits.data ?? []) labels.current.set(hit.resourceId, `${hit.name}（${hit.code}）`);
  const options = (hits.data ?? []).map((hit) => ({
    value: hit.resourceId,
    label: `${hit.name}（${hit.code}）`,
    title: `${hit.name} · ${hit.departmentName}`,
  }));
  if (value && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: labels.current.get(value) ?? value, title: '' });
  }
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      allowClear
      value={value}
      placeholder={t('oversight.datasetPlaceholder')}
      loading={hits.isFetching}
      notFoundContent={hits.isFetching ? t('app.loading') : t('common.empty')}
      options={options}
      style={{ width }}
      onChange={(next: string | undefined) => {
        setSearch('');
        const hit = hits.data?.find((item) => item.resourceId === next);
        onChange?.(next, hit ? { resourceId: hit.resourceId, name: hit.name } : undefined);
      }}
    />
  );
}

const OBJECTION_COLORS: Record<ObjectionState, string> = {
  received: 'processing',
  suspended: 'orange',
  withdrawn: 'error',
  restored: 'success',
  reprocessed: 'cyan',
};

/** An objection's state as a tag. */
export function ObjectionStateTag({ state }: { state: ObjectionState }) {
  const { t } = useI18n();
  return (
    <Tag color={OBJECTION_COLORS[state]} data-testid="objection-state">
      {t(`oversight.state.${state}`)}
    </Tag>
  );
}

/** A stored suspension outcome (withdrawn / restored / reprocessed) in words. */
export function useOutcomeName() {
  const { t } = useI18n();
  return (outcome: string | null) => {
    if (!outcome) return '—';
    const key = `oversight.state.${outcome}`;
    return isMessageKey(key) ? t(key) : outcome;
  };
}

/** Where a suspension came from, in words. */
export function useSourceName() {
  const { t } = useI18n();
  return (source: string) => {
    const key = `oversight.source.${source}`;
    return isMessageKey(key) ? t(key) : source;
  };
}

const STATUS_COLORS: Record<EmergencyStatus, string> = {
  upcoming: 'blue',
  active: 'red',
  ended: 'default',
};

/** An emergency's status as a tag. */
export function EmergencyStatusTag({ status }: { status: EmergencyStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="emergency-status">
      {t(`oversight.status.${status}`)}
    </Tag>
  );
}

const DISPOSITION_COLORS: Record<Disposition, string> = {
  pending: 'gold',
  delete: 'error',
  retain: 'success',
};

/** What became of a dataset opened under an emergency (in force: opened for it). */
export function DispositionTag({ disposition }: { disposition: Disposition | null }) {
  const { t } = useI18n();
  if (!disposition) return <Tag color="processing">{t('oversight.emergency.inForce')}</Tag>;
  return (
    <Tag color={DISPOSITION_COLORS[disposition]} data-testid="emergency-disposition">
      {t(`oversight.disposition.${disposition}`)}
    </Tag>
  );
}
