import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Drawer, Flex, Select, Spin, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import type { EntrySearchPage } from '../../../../api/catalog.ts';
import type { DemandKind, DemandResource, DemandState } from '../../../../api/catalog-demands.ts';
import { isWaiting } from '../../../../api/catalog-demands.ts';
import { api } from '../../../../api/client.ts';
import { QueryError } from '../../../../components/QueryError.tsx';
import { useI18n } from '../../../../i18n/index.tsx';
import { formatDate } from '../../../../lib/format.ts';
import { useDebounced } from '../../../../lib/useDebounced.ts';
import { AccessTag, useResource } from '../meta.tsx';
import { RevisionView } from '../RevisionView.tsx';

const STATE_COLORS: Record<DemandState, string> = {
  open: 'processing',
  matched: 'success',
  routed: 'gold',
  rejected: 'error',
  accepted: 'success',
  declined: 'error',
};

/** 待答复 / 已匹配 / 已转交 / 不予受理 / 已接受 / 拒绝提供. */
export function DemandStateTag({ state }: { state: DemandState }) {
  const { t } = useI18n();
  return (
    <Tag color={STATE_COLORS[state]} style={{ marginInlineEnd: 0 }} data-testid="demand-state">
      {t(`catalog.demands.state.${state}`)}
    </Tag>
  );
}

/** 部门需求 / 公众建议. */
export function KindTag({ kind }: { kind: DemandKind }) {
  const { t } = useI18n();
  return (
    <Tag color={kind === 'public' ? 'purple' : 'blue'} bordered={false} style={{ marginInlineEnd: 0 }}>
      {t(`catalog.demands.kind.${kind}`)}
    </Tag>
  );
}

/**
 * A due date with the overdue tag. Once answered the flag only says the answer came late, so the
 * red tag is kept for what still waits.
 */
export function DueDate({
  dueOn,
  overdue,
  waiting,
}: {
  dueOn: string | null;
  overdue: boolean;
  waiting: boolean;
}) {
  const { t } = useI18n();
  return (
    <Flex gap={6} align="center" wrap>
      <span>{formatDate(dueOn) || t('catalog.demands.noDue')}</span>
      {overdue && (
        <Tag color={waiting ? 'red' : 'orange'} style={{ marginInlineEnd: 0 }} data-testid="demand-overdue">
          {waiting ? t('catalog.demands.overdue') : t('catalog.demands.answeredLate')}
        </Tag>
      )}
    </Flex>
  );
}

/** The due date of a demand's waiting case. */
export function DemandDue({
  demand,
}: {
  demand: { dueOn: string | null; overdue: boolean; state: DemandState };
}) {
  return <DueDate dueOn={demand.dueOn} overdue={demand.overdue} waiting={isWaiting(demand.state)} />;
}

/** A resource's name and code; a click opens its published revision (when it is published). */
export function ResourceLink({
  resource,
  onOpen,
}: {
  resource: Pick<DemandResource, 'id' | 'code' | 'name' | 'published'>;
  onOpen(id: string): void;
}) {
  const { t } = useI18n();
  return (
    <Flex gap={6} align="center" wrap>
      {resource.published && resource.name ? (
        <Typography.Link onClick={() => onOpen(resource.id)} data-testid="resource-link">
          {resource.name}
        </Typography.Link>
      ) : (
        <Tag style={{ marginInlineEnd: 0 }}>{t('catalog.demands.unpublished')}</Tag>
      )}
      {resource.code && <Typography.Text code>{resource.code}</Typography.Text>}
    </Flex>
  );
}

/** The published revision of a resource named in a demand, read-only, above the demand's drawer. */
export function ResourceDrawer({ id, onClose }: { id: string | null; onClose(): void }) {
  const resource = useResource(id ?? undefined);
  const published = resource.data?.published;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={820}
      title={published?.name}
      destroyOnHidden
      data-testid="resource-drawer"
    >
      {resource.isError && <QueryError error={resource.error} onRetry={() => resource.refetch()} />}
      {resource.isLoading && <Spin />}
      {resource.data && published && (
        <RevisionView
          revision={published}
          code={resource.data.code}
          provider={resource.data.provider}
          firstPublishedAt={resource.data.firstPublishedAt}
        />
      )}
    </Drawer>
  );
}

interface PickerOption {
  value: string;
  label: string;
  code: string;
  department: string;
  shareType?: string;
  openType?: string;
}

/** A resource the picker knows before searching (e.g. a demand's candidates), to label its value. */
export interface KnownResource {
  id: string;
  code: string;
  name: string | null;
  departmentName: string | null;
  shareType?: string | null;
  openType?: string | null;
}

/**
 * Picks published resources by searching the share catalog (`GET /catalog/entries?q=`) as the user
 * types; `departmentId` keeps to one provider's resources. The tag beside each option is the type
 * that decides whether it can answer (`audience`: shared for a department, open for the public).
 */
export function ResourcePicker({
  id,
  value,
  onChange,
  multiple = false,
  departmentId,
  audience,
  known = [],
  placeholder,
}: {
  id?: string;
  value?: string | string[];
  onChange?: (value: string | string[] | undefined) => void;
  multiple?: boolean;
  departmentId?: string;
  audience: 'share' | 'open';
  known?: KnownResource[];
  placeholder?: string;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  // Labels of values seen once stay, so a chosen resource keeps its name when the search moves on.
  const seen = useRef(new Map<string, PickerOption>());
  const entries = useQuery({
    queryKey: ['catalog', 'entries', 'picker', { q, departmentId }],
    queryFn: ({ signal }) =>
      api.get<EntrySearchPage>(
        '/catalog/entries',
        { q, departmentId, pageSize: 20, sort: q ? 'relevance' : 'name' },
        { signal },
      ),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  for (const resource of known) {
    if (!resource.name || seen.current.has(resource.id)) continue;
    seen.current.set(resource.id, {
      value: resource.id,
      label: resource.name,
      code: resource.code,
      department: resource.departmentName ?? '',
      shareType: resource.shareType ?? undefined,
      openType: resource.openType ?? undefined,
    });
  }
  const found = (entries.data?.items ?? []).map((entry) => {
    const option: PickerOption = {
      value: entry.resourceId,
      label: entry.name,
      code: entry.code,
      department: entry.departmentName,
      shareType: entry.shareType,
      openType: entry.openType,
    };
    seen.current.set(entry.resourceId, option);
    return option;
  });
  const chosen = (Array.isArray(value) ? value : value ? [value] : [])
    .filter((chosenId) => !found.some((option) => option.value === chosenId))
    .map(
      (chosenId) =>
        seen.current.get(chosenId) ?? { value: chosenId, label: chosenId, code: '', department: '' },
    );
  // What the search found comes first (the first match is the active option); chosen values the
  // search did not find follow, only so that their tags keep their names.
  const options = [...found, ...chosen];

  return (
    <Select<string | string[], PickerOption>
      id={id}
      mode={multiple ? 'multiple' : undefined}
      value={value}
      onChange={(next) => {
        setSearch('');
        onChange?.(next ?? undefined);
      }}
      options={options}
      loading={entries.isFetching}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      placeholder={placeholder ?? t('catalog.demands.picker.placeholder')}
      notFoundContent={
        entries.isError ? (
          <QueryError error={entries.error} onRetry={() => entries.refetch()} />
        ) : entries.isFetching ? (
          t('app.loading')
        ) : (
          t('catalog.demands.picker.empty')
        )
      }
      optionRender={(option) => {
        const data = option.data;
        const type = audience === 'share' ? data.shareType : data.openType;
        return (
          <Flex justify="space-between" gap={8} align="center">
            <Flex vertical style={{ minWidth: 0 }}>
              <Typography.Text ellipsis>{data.label}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                {data.code} · {data.department}
              </Typography.Text>
            </Flex>
            {type && <AccessTag kind={audience} type={type} />}
          </Flex>
        );
      }}
      style={{ width: '100%' }}
    />
  );
}
