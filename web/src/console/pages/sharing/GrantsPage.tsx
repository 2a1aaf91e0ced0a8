import { EyeOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Collapse, Form, Input, Select, Tabs, Typography, type TableColumnsType } from 'antd';
import { useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { EntrySearchPage } from '../../../api/catalog.ts';
import { api } from '../../../api/client.ts';
import type { GrantSide, ShareGrant, UsageSide } from '../../../api/sharing.ts';
import { useSession } from '../../../auth/session.tsx';
import { FilterBar } from '../../../components/FilterBar.tsx';
import { levelColumn } from '../../../components/LevelTag.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useDebounced } from '../../../lib/useDebounced.ts';
import { useList } from '../../../lib/useList.ts';
import { GrantDrawer } from './GrantDrawer.tsx';
import { GrantStateTag } from './shared.tsx';
import { UsageChart } from './UsageChart.tsx';

interface Filters {
  side: GrantSide;
  active?: string;
  resourceId?: string;
  application?: string;
  [key: string]: string | undefined;
}

/** The tabs a user sees: department staff their use and their provision; the authority its region. */
export function useGrantSides(): GrantSide[] {
  const { can, info } = useSession();
  const sides: GrantSide[] = [];
  if (can('share.request') && info?.user.departmentId) sides.push('consumer');
  if (can('share.answer') && info?.user.departmentId) sides.push('provider');
  if (can('share.grant.open') || (can('share.read') && !info?.user.departmentId)) sides.push('region');
  return sides.length > 0 ? sides : ['consumer'];
}

/** 共享授权: the grants the department uses, those on its resources, or (the authority) the region's. */
export default function GrantsPage() {
  const { t } = useI18n();
  const sides = useGrantSides();
  const [params, setParams] = useSearchParams();
  const [side, setSide] = useState<GrantSide>(sides[0]!);
  const [openId, setOpenId] = useState<string | null>(params.get('grant'));
  const close = () => {
    setOpenId(null);
    if (params.has('grant')) setParams({}, { replace: true });
  };
  return (
    <>
      <PageHeader title={t('sharing.grants.title')} description={t('sharing.grants.description')} />
      <Card>
        <Tabs
          activeKey={side}
          onChange={(key) => setSide(key as GrantSide)}
          items={sides.map((key) => ({ key, label: t(`sharing.grants.side.${key}`) }))}
          data-testid="grant-tabs"
        />
        <GrantList key={side} side={side} onOpen={setOpenId} />
      </Card>
      {openId && <GrantDrawer id={openId} onClose={close} />}
    </>
  );
}

const USAGE_SIDE: Record<GrantSide, UsageSide> = {
  consumer: 'consumer',
  provider: 'provider',
  region: 'authority',
};

function GrantList({ side, onOpen }: { side: GrantSide; onOpen(id: string): void }) {
  const { t } = useI18n();
  const list = useList<ShareGrant, Filters>('/share/grants', { side, active: 'true' });
  const [filterForm] = Form.useForm<Omit<Filters, 'side'>>();
  // Reset goes back to the grants in force; the side is the tab, not a filter.
  const filterList = { query: list.query, setFilters: () => list.setFilters({ side, active: 'true' }) };
  const columns: TableColumnsType<ShareGrant> = [
    {
      title: t('sharing.field.resource'),
      key: 'resource',
      render: (_: unknown, row) => (
        <div>
          <Typography.Link strong onClick={() => onOpen(row.id)} data-testid="grant-open">
            {row.resource.name}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {row.resource.code} · {t(`sharing.basis.${row.basis}`)}
          </Typography.Text>
        </div>
      ),
    },
    levelColumn<ShareGrant>(t('sharing.field.level')),
    ...(side !== 'provider'
      ? [
          {
            title: t('sharing.field.provider'),
            key: 'provider',
            width: 180,
            render: (_: unknown, row: ShareGrant) => row.provider.name,
          },
        ]
      : []),
    ...(side !== 'consumer'
      ? [
          {
            title: t('sharing.field.consumer'),
            key: 'consumer',
            width: 180,
            render: (_: unknown, row: ShareGrant) => row.consumer.name,
          },
        ]
      : []),
    { title: t('sharing.field.application'), dataIndex: 'application', key: 'application', width: 150 },
    { title: t('sharing.field.purpose'), dataIndex: 'purpose', key: 'purpose', ellipsis: true },
    {
      title: t('sharing.field.period'),
      key: 'period',
      width: 190,
      render: (_: unknown, row) => `${formatDate(row.startsAt)} ~ ${formatDate(row.endsAt)}`,
    },
    {
      title: t('sharing.field.state'),
      key: 'state',
      width: 90,
      render: (_: unknown, row) => <GrantStateTag grant={row} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_: unknown, row) => (
        <Typography.Link onClick={() => onOpen(row.id)}>
          <EyeOutlined /> {t('common.details')}
        </Typography.Link>
      ),
    },
  ];
  return (
    <>
      <Collapse
        size="small"
        defaultActiveKey={['usage']}
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'usage',
            label: t('sharing.grants.usage'),
            children: <UsageChart side={USAGE_SIDE[side]} />,
          },
        ]}
      />
      <FilterBar
        form={filterForm}
        list={filterList}
        onSearch={(values) =>
          list.setFilters({
            side,
            active: values.active,
            resourceId: values.resourceId,
            application: values.application?.trim() || undefined,
          })
        }
      >
        <Form.Item name="active" label={t('sharing.field.state')} initialValue="true">
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 110 }}
            options={[
              { value: 'true', label: t('sharing.grant.state.active') },
              { value: 'false', label: t('sharing.grants.inactive') },
            ]}
            onChange={() => filterForm.submit()}
          />
        </Form.Item>
        <Form.Item name="resourceId" label={t('sharing.field.resource')}>
          <ShareResourceSelect onChange={() => filterForm.submit()} />
        </Form.Item>
        <Form.Item name="application" label={t('sharing.field.application')}>
          <Input allowClear style={{ width: 160 }} onPressEnter={() => filterForm.submit()} />
        </Form.Item>
      </FilterBar>
      <ListTable<ShareGrant>
        list={list}
        emptyText={t('sharing.grants.empty')}
        columns={columns}
        scroll={{ x: 1100 }}
        data-testid="grants-table"
      />
    </>
  );
}

/** Picks a resource of the share catalog, searching on the server as the user types. */
export function ShareResourceSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const labels = useRef(new Map<string, string>());
  const found = useQuery({
    queryKey: ['share', 'resource-options', q],
    queryFn: ({ signal }) => api.get<EntrySearchPage>('/catalog/entries', { q, pageSize: 20 }, { signal }),
    placeholderData: keepPreviousData,
  });
  for (const entry of found.data?.items ?? []) labels.current.set(entry.resourceId, entry.name);
  return (
    <Select
      id={id}
      allowClear
      value={value}
      onChange={onChange}
      style={{ width: 220 }}
      placeholder={t('common.all')}
      loading={found.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      options={[...labels.current].map(([key, label]) => ({ value: key, label }))}
      notFoundContent={found.isFetching ? t('app.loading') : t('common.empty')}
    />
  );
}
