import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Flex, Form, Select, Tabs, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import {
  DEMAND_KINDS,
  DEMAND_STATES,
  type Demand,
  type DemandDetail,
  type DemandFilters,
  type DemandKind,
  type DemandState,
} from '../../../../api/catalog-demands.ts';
import { api } from '../../../../api/client.ts';
import type { Page } from '../../../../api/types.ts';
import { useSession } from '../../../../auth/session.tsx';
import { DepartmentSelect } from '../../../../components/DepartmentSelect.tsx';
import { FilterBar } from '../../../../components/FilterBar.tsx';
import { ListTable } from '../../../../components/ListTable.tsx';
import { PageHeader } from '../../../../components/PageHeader.tsx';
import { useI18n } from '../../../../i18n/index.tsx';
import { formatDate } from '../../../../lib/format.ts';
import { useList } from '../../../../lib/useList.ts';
import { invalidateCatalog, useCatalogLabels } from '../meta.tsx';
import { DemandDrawer } from './DemandDrawer.tsx';
import { DemandForm } from './DemandForm.tsx';
import { DemandDue, DemandStateTag, KindTag } from './parts.tsx';

type Tab = 'inbox' | 'all';

interface FilterValues {
  state?: DemandState;
  kind?: DemandKind;
  departmentId?: string;
  overdue?: 'yes' | 'no';
}

/**
 * 需求清单 (CQ19 §12) and public suggestions (CQO §14): 待我处理 (what the user's department must
 * answer now) and every demand the user may see, with filters; a department files a demand here;
 * the drawer shows a demand and takes the answers.
 */
export default function DemandsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // Loads the share/open type names with the page, so that the drawer's tags never show raw codes.
  useCatalogLabels();
  const { info, can } = useSession();
  const ownDepartment = info?.user.departmentId ?? undefined;
  const mayFile = can('catalog.compile') && !!ownDepartment;
  // Readers over regions (authority, auditor, administrator) see many departments' demands.
  const broad = ['authority_officer', 'auditor', 'platform_admin'].includes(info?.user.role ?? '');
  // The authority's main work is its inbox; a department mostly follows what it filed. Without a
  // department there is nothing to answer, so no inbox.
  const [tab, setTab] = useState<Tab>(can('catalog.review') && ownDepartment ? 'inbox' : 'all');
  const list = useList<Demand, DemandFilters>('/catalog/demands', { inbox: tab === 'inbox' || undefined });
  const [filterForm] = Form.useForm<FilterValues>();
  const [openId, setOpenId] = useState<string | null>(null);
  const [filing, setFiling] = useState(false);
  // The count on the 待我处理 tab; its key starts with the list's path, so every change reloads it.
  const inbox = useQuery({
    queryKey: ['catalog/demands', 'inbox-count'],
    queryFn: ({ signal }) =>
      api.get<Page<Demand>>('/catalog/demands', { inbox: true, pageSize: 1 }, { signal }),
    enabled: !!ownDepartment,
  });

  const apply = (values: FilterValues, nextTab: Tab = tab) =>
    list.setFilters({
      inbox: nextTab === 'inbox' || undefined,
      state: values.state,
      kind: values.kind,
      departmentId: values.departmentId,
      overdue: values.overdue === undefined ? undefined : values.overdue === 'yes',
    });

  const filed = (demand: DemandDetail) => {
    setFiling(false);
    message.success(
      demand.candidates.length > 0
        ? t('catalog.demands.form.filedWithCandidates', { count: demand.candidates.length })
        : t('catalog.demands.form.filed'),
    );
    // The new demand waits for the authority: show it among all, and open it with its candidates.
    setTab('all');
    filterForm.resetFields();
    list.setFilters({});
    setOpenId(demand.id);
    void invalidateCatalog(queryClient);
  };

  const columns: TableColumnsType<Demand> = [
    {
      title: t('catalog.demands.field.title'),
      dataIndex: 'title',
      key: 'title',
      render: (title: string, row) => (
        <Flex vertical gap={2}>
          <Typography.Link strong onClick={() => setOpenId(row.id)} data-testid="demand-title">
            {title}
          </Typography.Link>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360, fontSize: 12 }}>
            {row.purpose}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('catalog.demands.requester'),
      key: 'requester',
      width: 190,
      render: (_: unknown, row) => (
        <Flex vertical gap={2}>
          <span>{row.requesterDepartment?.name ?? t('catalog.demands.publicRequester')}</span>
          {row.requesterName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.requesterName}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('catalog.demands.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 96,
      render: (kind: DemandKind) => <KindTag kind={kind} />,
    },
    {
      title: t('catalog.state'),
      dataIndex: 'state',
      key: 'state',
      width: 110,
      render: (state: DemandState) => <DemandStateTag state={state} />,
    },
    {
      title: t('catalog.demands.provider'),
      key: 'provider',
      width: 150,
      render: (_: unknown, row) => row.provider?.name ?? '—',
    },
    {
      title: t('catalog.demands.due'),
      key: 'due',
      width: 150,
      render: (_: unknown, row) => <DemandDue demand={row} />,
    },
    {
      title: t('catalog.demands.filedAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 110,
      render: formatDate,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_: unknown, row) => (
        <Button
          type="link"
          icon={<EyeOutlined />}
          onClick={() => setOpenId(row.id)}
          data-testid="demand-open"
        >
          {t('common.details')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('catalog.demands.title')}
        description={t('catalog.demands.description')}
        extra={
          mayFile && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setFiling(true)}
              data-testid="demand-create"
            >
              {t('catalog.demands.create')}
            </Button>
          )
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            setTab(key as Tab);
            apply(filterForm.getFieldsValue(), key as Tab);
          }}
          items={[
            ...(ownDepartment
              ? [
                  {
                    key: 'inbox',
                    label: (
                      <Flex gap={6} align="center" data-testid="tab-inbox">
                        {t('catalog.demands.tab.inbox')}
                        <Badge count={inbox.data?.total ?? 0} size="small" />
                      </Flex>
                    ),
                  },
                ]
              : []),
            { key: 'all', label: <span data-testid="tab-all">{t('catalog.demands.tab.all')}</span> },
          ]}
        />
        {/* Reset clears the filters but keeps the tab (待我处理 is a tab, not a filter). */}
        <FilterBar
          form={filterForm}
          list={{ setFilters: () => apply({}), query: list.query }}
          onSearch={(values) => apply(values)}
        >
          <Form.Item name="state" label={t('catalog.state')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 130 }}
              options={DEMAND_STATES.map((state) => ({
                value: state,
                label: t(`catalog.demands.state.${state}`),
              }))}
              onChange={() => filterForm.submit()}
            />
          </Form.Item>
          <Form.Item name="kind" label={t('catalog.demands.kind')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 120 }}
              options={DEMAND_KINDS.map((kind) => ({
                value: kind,
                label: t(`catalog.demands.kind.${kind}`),
              }))}
              onChange={() => filterForm.submit()}
            />
          </Form.Item>
          {broad && (
            <Form.Item name="departmentId" label={t('catalog.demands.requesterDepartment')}>
              <DepartmentSelect
                style={{ width: 220 }}
                placeholder={t('common.all')}
                onChange={() => filterForm.submit()}
              />
            </Form.Item>
          )}
          <Form.Item name="overdue" label={t('catalog.demands.overdueFilter')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 110 }}
              options={[
                { value: 'yes', label: t('catalog.demands.overdue') },
                { value: 'no', label: t('catalog.demands.notOverdue') },
              ]}
              onChange={() => filterForm.submit()}
            />
          </Form.Item>
        </FilterBar>
        <ListTable<Demand>
          list={list}
          emptyText={tab === 'inbox' ? t('catalog.demands.emptyInbox') : t('catalog.demands.empty')}
          columns={columns}
          scroll={{ x: 1100 }}
          data-testid="demands-table"
        />
      </Card>
      {filing && (
        <DemandForm ownDepartmentId={ownDepartment} onFiled={filed} onClose={() => setFiling(false)} />
      )}
      <DemandDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
