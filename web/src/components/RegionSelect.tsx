import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { api } from '../api/client.ts';
import type { Page, Region } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';

/** Every region of the deployment (a few hundred at most), for pickers. */
export function useAllRegions() {
  return useQuery({
    queryKey: ['regions', 'all'],
    queryFn: ({ signal }) => api.get<Page<Region>>('/regions', { pageSize: 200 }, { signal }),
    staleTime: 60_000,
  });
}

/** Picks a region by name or code; works inside an antd Form.Item (value/onChange). */
export function RegionSelect({
  value,
  onChange,
  filter,
  allowClear = true,
  placeholder,
  style,
  id,
  ...rest
}: {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  filter?: (region: Region) => boolean;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
  'data-testid'?: string;
}) {
  const { t } = useI18n();
  const regions = useAllRegions();
  const options = (regions.data?.items ?? [])
    .filter((region) => (filter ? filter(region) : true))
    .map((region) => ({
      value: region.id,
      label: `${region.name}（${region.code}）`,
    }));
  return (
    <Select
      id={id}
      data-testid={rest['data-testid']}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? undefined)}
      options={options}
      loading={regions.isLoading}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder ?? t('region.select')}
      notFoundContent={regions.isLoading ? t('app.loading') : t('common.empty')}
      style={style}
    />
  );
}
