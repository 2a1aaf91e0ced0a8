// Pieces the security register pages share: names from the profile, tags for due dates, the catalog
// resource picker, date fields that send what the API expects, and refreshing after a change.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { DatePicker, Select, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import type { ResourceSummary } from '../../../api/catalog.ts';
import { api } from '../../../api/client.ts';
import { useSecurityRules, type Names } from '../../../api/security-registers.ts';
import type { Page } from '../../../api/types.ts';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useDebounced } from '../../../lib/useDebounced.ts';

const SEVERITY_COLORS = ['red', 'volcano', 'orange', 'blue', 'default'];

/** The name of a coded profile value in the console's language. */
export function useProfileNames() {
  const { lang } = useI18n();
  const rules = useSecurityRules();
  const pick = (names: Names | undefined, code: string) => (names ? names[lang] : code);
  const severities = rules.data?.incidents.severities ?? [];
  const levels = rules.data?.riskAssessments.riskLevels ?? [];
  return {
    rules: rules.data,
    severityName: (code: string) => pick(severities.find((s) => s.code === code)?.name, code),
    severityColor: (code: string) =>
      SEVERITY_COLORS[
        Math.max(
          0,
          severities.findIndex((s) => s.code === code),
        )
      ]!,
    levelName: (code: string) => pick(levels.find((l) => l.code === code)?.name, code),
    severityOptions: severities.map((s) => ({ value: s.code, label: pick(s.name, s.code) })),
    levelOptions: levels.map((l) => ({ value: l.code, label: pick(l.name, l.code) })),
  };
}

/** A due date: red "overdue" when past, else the date (or "due now" when never done). */
export function DueTag({ due, overdue }: { due: string | null; overdue: boolean }) {
  const { t } = useI18n();
  if (overdue)
    return (
      <Tooltip title={due ? t('security.dueOn', { date: formatDate(due) }) : t('security.never')}>
        <Tag color="error" data-testid="due-overdue">
          {t('security.overdue')}
        </Tag>
      </Tooltip>
    );
  return (
    <Typography.Text type="secondary">
      {due ? t('security.dueOn', { date: formatDate(due) }) : '—'}
    </Typography.Text>
  );
}

/** Picks catalog resources, searching on the server as the user types. */
export function ResourcePicker({
  value,
  onChange,
  id,
  initial = [],
}: {
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
  initial?: { id: string; code: string; name: string }[];
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const labels = useRef(new Map(initial.map((r) => [r.id, `${r.code} ${r.name}`])));
  const found = useQuery({
    queryKey: ['catalog', 'resources', 'security-options', q],
    queryFn: ({ signal }) =>
      api.get<Page<ResourceSummary>>('/catalog/resources', { q, pageSize: 20, sort: 'code' }, { signal }),
    placeholderData: keepPreviousData,
  });
  for (const r of found.data?.items ?? []) labels.current.set(r.id, `${r.code} ${r.name}`);
  const options = [...labels.current].map(([value, label]) => ({ value, label }));
  return (
    <Select
      id={id}
      mode="multiple"
      value={value ?? []}
      onChange={onChange}
      options={options}
      loading={found.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      placeholder={t('security.resourcesPlaceholder')}
      notFoundContent={found.isFetching ? t('app.loading') : t('common.empty')}
    />
  );
}

/** Date and time fields: antd gives Dayjs values; the API takes ISO text. */
export const instant = (value: Dayjs | null | undefined) => (value ? value.toISOString() : undefined);
/** A calendar date for the API. */
export const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : undefined);
/** Dates after today cannot be picked (the server refuses them too). */
export const notAfterToday = (current: Dayjs) => current.isAfter(dayjs(), 'day');

/** A date-time picker that does not offer the future. */
export function InstantPicker({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: Dayjs;
  onChange?: (v: Dayjs | null) => void;
}) {
  return (
    <DatePicker
      id={id}
      showTime={{ format: 'HH:mm' }}
      format="YYYY-MM-DD HH:mm"
      value={value}
      onChange={onChange}
      disabledDate={notAfterToday}
      style={{ width: '100%' }}
    />
  );
}

/** Refreshes every security list and detail after a change. */
export function useRefreshSecurity() {
  const queryClient = useQueryClient();
  return () =>
    queryClient.invalidateQueries({ predicate: (query) => String(query.queryKey[0]).startsWith('security') });
}
