import { EyeOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Form, Select, Tabs, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  OBJECTION_GROUNDS,
  OBJECTION_STATES,
  type Objection,
  type ObjectionGround,
  type ObjectionState,
} from '../../../api/opening-oversight.ts';
import { useSession } from '../../../auth/session.tsx';
import { FilterBar } from '../../../components/FilterBar.tsx';
import { levelColumn } from '../../../components/LevelTag.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useList } from '../../../lib/useList.ts';
import { ObjectionDrawer } from './ObjectionDrawer.tsx';
import { ObjectionStateTag, OpenDatasetSelect, type PickedDataset } from './oversight-shared.tsx';
import { SuspendModal } from './SuspensionModals.tsx';
import { SuspensionRecord } from './SuspensionRecord.tsx';

interface Filters {
  state?: ObjectionState;
  ground?: ObjectionGround;
  resourceId?: string;
  [key: string]: string | undefined;
}

/**
 * 异议与暂停: objections to the own department's open data (the region's for the authority and
 * auditors), filtered by state, ground and dataset; a row opens the objection with its evidence
 * and the acts. A second tab follows one dataset's suspensions, where those on an own finding end.
 */
export default function ObjectionsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  // Who handles objections starts on what waits for verification.
  const first: Filters = can('open.suspension.manage') ? { state: 'received' } : {};
  const list = useList<Objection, Filters>('/open/objections', first);
  const [filterForm] = Form.useForm<Filters>();
  const [openId, setOpenId] = useState<string | null>(params.get('objection'));
  const [tab, setTab] = useState('objections');
  const [dataset, setDataset] = useState<PickedDataset | null>(null);
  const [finding, setFinding] = useState(false);
  const close = () => {
    setOpenId(null);
    if (params.has('objection')) setParams({}, { replace: true });
  };

  const columns: TableColumnsType<Objection> = [
    {
      title: t('oversight.field.dataset'),
      key: 'dataset',
      render: (_: unknown, row) => (
        <div>
          <Typography.Link strong onClick={() => setOpenId(row.id)} data-testid="objection-open">
            {row.resourceName ?? row.resourceCode}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {row.resourceCode} · {row.provider.name}
          </Typography.Text>
        </div>
      ),
    },
    levelColumn<Objection>(t('oversight.field.level')),
    {
      title: t('oversight.field.ground'),
      key: 'ground',
      width: 110,
      render: (_: unknown, row) => t(`oversight.ground.${row.ground}`),
    },
    { title: t('oversight.field.statement'), dataIndex: 'statement', key: 'statement', ellipsis: true },
    {
      title: t('oversight.field.objector'),
      key: 'objector',
      width: 120,
      render: (_: unknown, row) => row.objector?.name ?? '—',
    },
    {
      title: t('oversight.field.evidenceCount'),
      dataIndex: 'evidenceCount',
      key: 'evidenceCount',
      width: 70,
      align: 'right',
    },
    {
      title: t('oversight.field.state'),
      key: 'state',
      width: 130,
      render: (_: unknown, row) => <ObjectionStateTag state={row.state} />,
    },
    {
      title: t('oversight.field.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 150,
      render: formatDateTime,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_: unknown, row) => (
        <Typography.Link onClick={() => setOpenId(row.id)}>
          <EyeOutlined /> {t('common.details')}
        </Typography.Link>
      ),
    },
  ];

  const filterList = { query: list.query, setFilters: () => list.setFilters(first) };
  return (
    <>
      <PageHeader
        title={t('oversight.objections.title')}
        description={t('oversight.objections.description')}
        extra={
          can('open.suspension.manage') && (
            <Button danger icon={<StopOutlined />} onClick={() => setFinding(true)} data-testid="own-finding">
              {t('oversight.action.ownFinding')}
            </Button>
          )
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'objections',
              label: t('oversight.tab.objections'),
              children: (
                <>
                  <FilterBar
                    form={filterForm}
                    list={filterList}
                    onSearch={(values) =>
                      list.setFilters({
                        state: values.state,
                        ground: values.ground,
                        resourceId: values.resourceId,
                      })
                    }
                  >
                    <Form.Item name="state" label={t('oversight.field.state')} initialValue={first.state}>
                      <Select
                        allowClear
                        placeholder={t('common.all')}
                        style={{ width: 140 }}
                        options={OBJECTION_STATES.map((state) => ({
                          value: state,
                          label: t(`oversight.state.${state}`),
                        }))}
                        onChange={() => filterForm.submit()}
                        data-testid="filter-state"
                      />
                    </Form.Item>
                    <Form.Item name="ground" label={t('oversight.field.ground')}>
                      <Select
                        allowClear
                        placeholder={t('common.all')}
                        style={{ width: 120 }}
                        options={OBJECTION_GROUNDS.map((ground) => ({
                          value: ground,
                          label: t(`oversight.ground.${ground}`),
                        }))}
                        onChange={() => filterForm.submit()}
                        data-testid="filter-ground"
                      />
                    </Form.Item>
                    <Form.Item name="resourceId" label={t('oversight.field.dataset')}>
                      <OpenDatasetSelect
                        id="filter-dataset"
                        width={280}
                        onChange={() => filterForm.submit()}
                      />
                    </Form.Item>
                  </FilterBar>
                  <ListTable<Objection>
                    list={list}
                    emptyText={t('oversight.objections.empty')}
                    columns={columns}
                    scroll={{ x: 1100 }}
                    data-testid="objections-table"
                  />
                </>
              ),
            },
            {
              key: 'suspensions',
              label: t('oversight.tab.suspensions'),
              children: <SuspensionRecord dataset={dataset} onPick={setDataset} />,
            },
          ]}
        />
      </Card>
      {openId && <ObjectionDrawer id={openId} onClose={close} />}
      {finding && (
        <SuspendModal
          onClose={() => setFinding(false)}
          onDone={(picked) => {
            // The new suspension is followed where it ends: on its dataset's record.
            if (picked) setDataset(picked);
            setTab('suspensions');
          }}
        />
      )}
    </>
  );
}
