import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useRef, useState } from 'react';
import { api } from '../api/client.ts';
import type { Department, Page } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { useDebounced } from '../lib/useDebounced.ts';

/**
 * Picks a department, searching on the server as the user types (there may be thousands);
 * `initialLabel` names the current value before its page has been fetched (e.g. when editing).
 */
export function DepartmentSelect({
  value,
  onChange,
  regionId,
  initialLabel,
  excludeId,
  allowClear = true,
  placeholder,
  style,
  id,
}: {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  regionId?: string | null;
  initialLabel?: string | null;
  excludeId?: string;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const labels = useRef(new Map<string, string>());
  const departments = useQuery({
    queryKey: ['departments', 'options', regionId ?? null, q],
    queryFn: ({ signal }) =>
      api.get<Page<Department>>('/departments', { q, regionId, pageSize: 50, sort: 'name' }, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  for (const department of departments.data?.items ?? []) labels.current.set(department.id, department.name);
  if (value && initialLabel && !labels.current.has(value)) labels.current.set(value, initialLabel);

  const options = (departments.data?.items ?? [])
    .filter((department) => department.id !== excludeId)
    .map((department) => ({
      value: department.id,
      label: department.regionName ? `${department.name}（${department.regionName}）` : department.name,
    }));
  if (value && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: labels.current.get(value) ?? value });
  }
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next: string | undefined) => {
        setSearch('');
        onChange?.(next ?? undefined);
      }}
      options={options}
      loading={departments.isFetching}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      placeholder={placeholder ?? t('department.select')}
      notFoundContent={departments.isFetching ? t('app.loading') : t('common.empty')}
      style={style}
    />
  );
}
