import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Select, Tabs, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { sharingApi, type DisputeSide, type ShareDispute } from '../../../api/sharing.ts';
import { useSession } from '../../../auth/session.tsx';
import { FilterBar } from '../../../components/FilterBar.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { levelColumn } from '../../../components/LevelTag.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useList } from '../../../lib/useList.ts';
import { DISPUTE_STATES, DisputeDrawer, DisputeStateTag, type DisputeState } from './DisputeDrawer.tsx';
import { ShareResourceSelect } from './GrantsPage.tsx';
import { DueCell, useRefreshSharing } from './shared.tsx';

interface Filters {
  side: DisputeSide;
  state?: DisputeState;
  [key: string]: string | undefined;
}

/** The tabs a user sees: a department the disputes it raised and those about its resources; the authority its region's. */
function useDisputeSides(): DisputeSide[] {
  const { can, info } = useSession();
  if (can('share.dispute.coordinate') || !info?.user.departmentId) return ['authority'];
  return ['applicant', 'provider'];
}

/** 异议: disputes about sharing (CQ19 §27) — raised by departments, coordinated by the authority. */
export default function DisputesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const sides = useDisputeSides();
  const [side, setSide] = useState<DisputeSide>(sides[0]!);
  const [params, setParams] = useSearchParams();
  const [raising, setRaising] = useState(false);
  const [openId, setOpenId] = useState<string | null>(params.get('dispute'));
  const close = () => {
    setOpenId(null);
    if (params.has('dispute')) setParams({}, { replace: true });
  };
  return (
    <>
      <PageHeader
        title={t('sharing.disputes.title')}
        description={t('sharing.disputes.description')}
        extra={
          can('share.request') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRaising(true)}
              data-testid="dispute-raise"
            >
              {t('sharing.action.dispute')}
            </Button>
          )
        }
      />
      <Card>
        {sides.length > 1 && (
          <Tabs
            activeKey={side}
            onChange={(key) => setSide(key as DisputeSide)}
            items={sides.map((key) => ({ key, label: t(`sharing.disputes.side.${key}`) }))}
          />
        )}
        <DisputeList key={side} side={side} onOpen={setOpenId} />
      </Card>
      {raising && <RaiseModal onClose={() => setRaising(false)} onRaised={setOpenId} />}
      {openId && <DisputeDrawer id={openId} onClose={close} />}
    </>
  );
}

function DisputeList({ side, onOpen }: { side: DisputeSide; onOpen(id: string): void }) {
  const { t } = useI18n();
  const list = useList<ShareDispute, Filters>('/share/disputes', { side });
  const [filterForm] = Form.useForm<{ state?: DisputeState }>();
  // Reset clears the state filter; the side is the tab.
  const filterList = { query: list.query, setFilters: () => list.setFilters({ side }) };
  const columns: TableColumnsType<ShareDispute> = [
    {
      title: t('sharing.field.resource'),
      key: 'resource',
      render: (_: unknown, row) => (
        <div>
          <Typography.Link strong onClick={() => onOpen(row.id)} data-testid="dispute-open">
            {row.resource.name}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {row.resource.code}
          </Typography.Text>
        </div>
      ),
    },
    levelColumn<ShareDispute>(t('sharing.field.level')),
    {
      title: t('sharing.field.applicant'),
      key: 'applicant',
      width: 180,
      render: (_: unknown, row) => row.applicant.name,
    },
    {
      title: t('sharing.field.provider'),
      key: 'provider',
      width: 180,
      render: (_: unknown, row) => row.provider.name,
    },
    { title: t('sharing.dispute.reason'), dataIndex: 'reason', key: 'reason', ellipsis: true },
    {
      title: t('sharing.field.state'),
      dataIndex: 'state',
      key: 'state',
      width: 100,
      render: (state: DisputeState) => <DisputeStateTag state={state} />,
    },
    {
      title: t('sharing.dispute.due'),
      key: 'dueOn',
      width: 170,
      render: (_: unknown, row) => (
        <DueCell
          dueOn={row.dueOn}
          overdue={row.overdue}
          workdaysLeft={row.workdaysLeft}
          waiting={row.state === 'open'}
        />
      ),
    },
    {
      title: t('sharing.field.createdAt'),
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
        <Typography.Link onClick={() => onOpen(row.id)}>
          <EyeOutlined /> {t('common.details')}
        </Typography.Link>
      ),
    },
  ];
  return (
    <>
      <FilterBar
        form={filterForm}
        list={filterList}
        onSearch={(values) => list.setFilters({ side, state: values.state })}
      >
        <Form.Item name="state" label={t('sharing.field.state')}>
          <Select
            allowClear
            placeholder={t('common.all')}
            style={{ width: 110 }}
            options={DISPUTE_STATES.map((state) => ({
              value: state,
              label: t(`sharing.dispute.state.${state}`),
            }))}
            onChange={() => filterForm.submit()}
          />
        </Form.Item>
      </FilterBar>
      <ListTable<ShareDispute>
        list={list}
        emptyText={t('sharing.disputes.empty')}
        columns={columns}
        scroll={{ x: 1100 }}
        data-testid="disputes-table"
      />
    </>
  );
}

function RaiseModal({ onClose, onRaised }: { onClose(): void; onRaised(id: string): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefreshSharing();
  return (
    <FormModal<{ resourceId: string; reason: string }>
      name="dispute"
      title={t('sharing.action.dispute')}
      okText={t('sharing.dispute.submit')}
      fieldNames={['resourceId', 'reason']}
      onClose={onClose}
      onSubmit={async (values) => {
        const dispute = await sharingApi.raiseDispute({
          resourceId: values.resourceId,
          reason: values.reason.trim(),
        });
        message.success(t('sharing.dispute.raised'));
        await refresh();
        onClose();
        onRaised(dispute.id);
      }}
    >
      <Typography.Paragraph type="secondary">{t('sharing.dispute.help')}</Typography.Paragraph>
      <Form.Item
        name="resourceId"
        label={t('sharing.field.resource')}
        rules={[
          { required: true, message: t('common.requiredSelect', { field: t('sharing.field.resource') }) },
        ]}
      >
        <ShareResourceSelect />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('sharing.dispute.reason')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.requiredField', { field: t('sharing.dispute.reason') }),
          },
        ]}
      >
        <Input.TextArea rows={5} maxLength={4000} placeholder={t('sharing.dispute.reasonPlaceholder')} />
      </Form.Item>
    </FormModal>
  );
}
