import { CheckOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { sharingApi, type ShareAlert } from '../../../api/sharing.ts';
import { useSession } from '../../../auth/session.tsx';
import { FilterBar } from '../../../components/FilterBar.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useList } from '../../../lib/useList.ts';
import { GrantDrawer } from './GrantDrawer.tsx';
import { useCodeText, useRefreshSharing } from './shared.tsx';

type AlertState = ShareAlert['state'];
const STATES: readonly AlertState[] = ['open', 'acknowledged'];

interface Filters {
  state?: AlertState;
  [key: string]: string | undefined;
}

/** A value of the evidence in words: lists joined, a time span as start–end. */
function evidenceValue(value: unknown): string {
  if (Array.isArray(value)) return value.join('、');
  if (value && typeof value === 'object') {
    const span = value as { start?: unknown; end?: unknown };
    if (typeof span.start === 'string' && typeof span.end === 'string') return `${span.start}–${span.end}`;
    return JSON.stringify(value);
  }
  return String(value);
}

/** The evidence of an alert as short "name: value" lines (numbers, times, the thresholds crossed). */
function Evidence({ evidence }: { evidence: Record<string, unknown> }) {
  const text = useCodeText();
  // The key's id is for the records; people know a key by its prefix.
  const entries = Object.entries(evidence).filter(
    ([name, value]) => value !== null && value !== undefined && name !== 'keyId',
  );
  if (entries.length === 0) return <span>—</span>;
  return (
    <Flex vertical gap={0} data-testid="alert-evidence">
      {entries.map(([name, value]) => (
        <Typography.Text key={name} style={{ fontSize: 12 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {text('sharing.alert.evidence', name)}：
          </Typography.Text>
          {evidenceValue(value)}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/**
 * 使用监测: alerts on how grants are used (bulk scraping through lookups, calls out of hours, keys
 * never seen before), for the provider and the authority; each is acknowledged with a note.
 */
export default function AlertsPage() {
  const { t } = useI18n();
  const text = useCodeText();
  const { can } = useSession();
  const list = useList<ShareAlert, Filters>('/share/alerts', { state: 'open' });
  const [filterForm] = Form.useForm<Filters>();
  const [acknowledging, setAcknowledging] = useState<ShareAlert | null>(null);
  const [grantId, setGrantId] = useState<string | null>(null);
  const mayAcknowledge = can('share.answer') || can('share.grant.open');
  const filterList = { query: list.query, setFilters: () => list.setFilters({ state: 'open' }) };
  const columns: TableColumnsType<ShareAlert> = [
    {
      title: t('sharing.alert.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 150,
      render: (kind: string) => <Tag color="volcano">{text('sharing.alert.kind', kind)}</Tag>,
    },
    {
      title: t('sharing.alert.grant'),
      key: 'grant',
      render: (_: unknown, row) => (
        <div>
          {row.grantId ? (
            <Typography.Link onClick={() => setGrantId(row.grantId)}>
              {row.resource?.name ?? row.grantId}
            </Typography.Link>
          ) : (
            <span>{row.resource?.name ?? '—'}</span>
          )}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {row.consumer.name} · {row.application}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('sharing.alert.evidenceTitle'),
      key: 'evidence',
      render: (_: unknown, row) => <Evidence evidence={row.evidence} />,
    },
    {
      title: t('sharing.alert.raisedAt'),
      dataIndex: 'raisedAt',
      key: 'raisedAt',
      width: 150,
      render: formatDateTime,
    },
    {
      title: t('sharing.field.state'),
      key: 'state',
      width: 200,
      render: (_: unknown, row) =>
        row.state === 'open' ? (
          <Tag color="error">{t('sharing.alert.state.open')}</Tag>
        ) : (
          <div>
            <Tag color="default">{t('sharing.alert.state.acknowledged')}</Tag>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {row.acknowledgedByName} · {row.acknowledgementNote}
            </Typography.Text>
          </div>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      fixed: 'right',
      render: (_: unknown, row) =>
        row.state === 'open' && mayAcknowledge ? (
          <Button
            size="small"
            icon={<CheckOutlined />}
            onClick={() => setAcknowledging(row)}
            data-testid="alert-acknowledge"
          >
            {t('sharing.alert.acknowledge')}
          </Button>
        ) : null,
    },
  ];
  return (
    <>
      <PageHeader title={t('sharing.alerts.title')} description={t('sharing.alerts.description')} />
      <Card>
        <FilterBar
          form={filterForm}
          list={filterList}
          onSearch={(values) => list.setFilters({ state: values.state })}
        >
          <Form.Item name="state" label={t('sharing.field.state')} initialValue="open">
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 110 }}
              options={STATES.map((state) => ({ value: state, label: t(`sharing.alert.state.${state}`) }))}
              onChange={() => filterForm.submit()}
            />
          </Form.Item>
        </FilterBar>
        <ListTable<ShareAlert>
          list={list}
          emptyText={t('sharing.alerts.empty')}
          columns={columns}
          scroll={{ x: 1000 }}
          data-testid="alerts-table"
        />
      </Card>
      {acknowledging && <AcknowledgeModal alert={acknowledging} onClose={() => setAcknowledging(null)} />}
      {grantId && <GrantDrawer id={grantId} onClose={() => setGrantId(null)} />}
    </>
  );
}

function AcknowledgeModal({ alert, onClose }: { alert: ShareAlert; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refresh = useRefreshSharing();
  return (
    <FormModal<{ note: string }>
      name="alert-acknowledge"
      title={t('sharing.alert.acknowledge')}
      okText={t('sharing.alert.acknowledge')}
      fieldNames={['note']}
      onClose={onClose}
      onSubmit={async (values) => {
        await sharingApi.acknowledge(alert.id, values.note.trim());
        message.success(t('sharing.alert.acknowledged'));
        await refresh();
        onClose();
      }}
    >
      <Form.Item
        name="note"
        label={t('sharing.alert.note')}
        extra={t('sharing.alert.noteHelp')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.requiredField', { field: t('sharing.alert.note') }),
          },
        ]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
