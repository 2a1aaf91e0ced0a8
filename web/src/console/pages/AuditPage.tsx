import { DownloadOutlined } from '@ant-design/icons';
import {
  App,
  AutoComplete,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { apiUrl } from '../../api/client.ts';
import { AUDIT_OUTCOMES, type AuditEvent, type AuditOutcome } from '../../api/types.ts';
import { DepartmentSelect } from '../../components/DepartmentSelect.tsx';
import { FilterBar } from '../../components/FilterBar.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { isMessageKey, useI18n, type Translate } from '../../i18n/index.tsx';
import { zhCN } from '../../i18n/zh-CN.ts';
import { formatDateTimeSeconds } from '../../lib/format.ts';
import { useList } from '../../lib/useList.ts';

const OUTCOME_COLORS: Record<AuditOutcome, string> = { success: 'green', denied: 'orange', failure: 'red' };
const KNOWN_ACTIONS = Object.keys(zhCN)
  .filter((key) => key.startsWith('audit.action.'))
  .map((key) => key.slice('audit.action.'.length));
const KNOWN_TARGET_TYPES = ['user', 'region', 'department', 'api_key', 'route', 'session'];

function actionLabel(action: string, t: Translate): string {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

function roleLabel(role: string | null, t: Translate): string {
  if (!role) return '';
  const key = `role.${role}`;
  return isMessageKey(key) ? t(key) : role;
}

interface FilterForm {
  actor?: string;
  departmentId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  outcome?: AuditOutcome;
  period?: [Dayjs | null, Dayjs | null] | null;
}

type Filters = {
  actor?: string;
  departmentId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  outcome?: AuditOutcome;
  from?: string;
  to?: string;
};

function toFilters(values: FilterForm): Filters {
  const text = (value: string | undefined) => value?.trim() || undefined;
  return {
    actor: text(values.actor),
    departmentId: values.departmentId,
    action: text(values.action),
    targetType: text(values.targetType),
    targetId: text(values.targetId),
    outcome: values.outcome,
    from: values.period?.[0]?.startOf('day').toISOString(),
    to: values.period?.[1]?.endOf('day').toISOString(),
  };
}

function EventDrawer({ event, onClose }: { event: AuditEvent | null; onClose(): void }) {
  const { t } = useI18n();
  return (
    <Drawer
      open={event !== null}
      onClose={onClose}
      size={640}
      title={event ? t('audit.drawerTitle', { id: String(event.id) }) : ''}
      destroyOnHidden
    >
      {event && (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            styles={{ label: { width: 140 } }}
            items={[
              {
                key: 'time',
                label: t('audit.occurredAt'),
                children: formatDateTimeSeconds(event.occurredAt),
              },
              { key: 'seq', label: t('audit.seq'), children: event.seq ?? t('audit.unsequenced') },
              {
                key: 'actor',
                label: t('audit.actor'),
                children: (
                  <Space orientation="vertical" size={0}>
                    <span>{event.actorName ?? '—'}</span>
                    <Typography.Text type="secondary">
                      {t(`audit.actorType.${event.actorType}`)}
                      {event.actorRole ? ` · ${roleLabel(event.actorRole, t)}` : ''}
                      {event.actorId ? ` · ${event.actorId}` : ''}
                    </Typography.Text>
                  </Space>
                ),
              },
              { key: 'department', label: t('audit.department'), children: event.departmentName ?? '—' },
              {
                key: 'action',
                label: t('audit.action'),
                children: (
                  <span>
                    {actionLabel(event.action, t)} <Typography.Text code>{event.action}</Typography.Text>
                  </span>
                ),
              },
              {
                key: 'outcome',
                label: t('audit.outcome'),
                children: (
                  <Tag color={OUTCOME_COLORS[event.outcome]}>{t(`audit.outcome.${event.outcome}`)}</Tag>
                ),
              },
              { key: 'targetType', label: t('audit.targetType'), children: event.targetType ?? '—' },
              { key: 'targetId', label: t('audit.targetId'), children: event.targetId ?? '—' },
              { key: 'purpose', label: t('audit.purpose'), children: event.purpose ?? '—' },
              { key: 'requestId', label: t('audit.requestId'), children: event.requestId ?? '—' },
              { key: 'ip', label: t('audit.ip'), children: event.ip ?? '—' },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('audit.detail')}
          </Typography.Title>
          <pre className="zs-json" data-testid="audit-detail">
            {JSON.stringify(event.detail ?? {}, null, 2)}
          </pre>
        </>
      )}
    </Drawer>
  );
}

/** 审计日志: who did what, when, with what result; filter, inspect, export. */
export default function AuditPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const list = useList<AuditEvent, Filters>('/audit-events', {});
  const [form] = Form.useForm<FilterForm>();
  const [selected, setSelected] = useState<AuditEvent | null>(null);

  const columns: TableColumnsType<AuditEvent> = [
    {
      title: t('audit.occurredAt'),
      dataIndex: 'occurredAt',
      key: 'occurredAt',
      width: 170,
      render: formatDateTimeSeconds,
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      render: (_: unknown, event) => (
        <div>
          <div>{event.actorName ?? t(`audit.actorType.${event.actorType}`)}</div>
          {event.actorRole && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {roleLabel(event.actorRole, t)}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('audit.department'),
      dataIndex: 'departmentName',
      key: 'departmentName',
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      key: 'action',
      render: (action: string) => (
        <div>
          <div>{actionLabel(action, t)}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {action}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('audit.outcome'),
      dataIndex: 'outcome',
      key: 'outcome',
      width: 90,
      render: (outcome: AuditOutcome) => (
        <Tag color={OUTCOME_COLORS[outcome]}>{t(`audit.outcome.${outcome}`)}</Tag>
      ),
    },
    {
      title: t('audit.target'),
      key: 'target',
      ellipsis: true,
      render: (_: unknown, event) =>
        event.targetType || event.targetId
          ? `${event.targetType ?? ''}${event.targetId ? ` · ${event.targetId}` : ''}`
          : '—',
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_: unknown, event) => (
        <Button type="link" onClick={() => setSelected(event)}>
          {t('common.details')}
        </Button>
      ),
    },
  ];

  const exportCsv = () => {
    const link = document.createElement('a');
    link.href = apiUrl('/audit-events/export.csv', list.filters);
    link.download = '';
    document.body.appendChild(link);
    link.click();
    link.remove();
    message.info(t('audit.exportStarted'));
  };

  return (
    <>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.description')}
        extra={
          <Button icon={<DownloadOutlined />} onClick={exportCsv}>
            {t('audit.export')}
          </Button>
        }
      />
      <Card>
        <FilterBar form={form} list={list} onSearch={(values) => list.setFilters(toFilters(values))}>
          <Form.Item name="actor" label={t('audit.actor')}>
            <Input placeholder={t('audit.actorPlaceholder')} allowClear style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="departmentId" label={t('audit.department')}>
            <DepartmentSelect style={{ width: 200 }} placeholder={t('common.all')} />
          </Form.Item>
          <Form.Item name="action" label={t('audit.action')}>
            <AutoComplete
              style={{ width: 200 }}
              placeholder={t('audit.actionPlaceholder')}
              allowClear
              options={KNOWN_ACTIONS.map((action) => ({
                value: action,
                label: `${action} · ${actionLabel(action, t)}`,
              }))}
              showSearch={{
                filterOption: (input, option) =>
                  String(option?.label ?? '')
                    .toLowerCase()
                    .includes(input.toLowerCase()),
              }}
            />
          </Form.Item>
          <Form.Item name="targetType" label={t('audit.targetType')}>
            <AutoComplete
              style={{ width: 130 }}
              allowClear
              options={KNOWN_TARGET_TYPES.map((type) => ({ value: type }))}
            />
          </Form.Item>
          <Form.Item name="targetId" label={t('audit.targetId')}>
            <Input placeholder={t('audit.targetPlaceholder')} allowClear style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="outcome" label={t('audit.outcome')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 110 }}
              options={AUDIT_OUTCOMES.map((outcome) => ({
                value: outcome,
                label: t(`audit.outcome.${outcome}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="period" label={t('audit.period')}>
            <DatePicker.RangePicker allowEmpty={[true, true]} />
          </Form.Item>
        </FilterBar>
        <ListTable<AuditEvent>
          list={list}
          emptyText={t('audit.empty')}
          size="middle"
          columns={columns}
          onRow={(event) => ({ onDoubleClick: () => setSelected(event) })}
          scroll={{ x: 1000 }}
        />
      </Card>
      <EventDrawer event={selected} onClose={() => setSelected(null)} />
    </>
  );
}
