import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Select,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import { INCIDENT_STATES, type Incident, type IncidentDetail } from '../../../api/security-registers.ts';
import { useSession } from '../../../auth/session.tsx';
import { DepartmentSelect } from '../../../components/DepartmentSelect.tsx';
import { FilterBar } from '../../../components/FilterBar.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useList } from '../../../lib/useList.ts';
import { IncidentChart } from './IncidentChart.tsx';
import { IncidentDrawer, IncidentStateTag, ReportStatus } from './IncidentDrawer.tsx';
import { instant, InstantPicker, ResourcePicker, useProfileNames, useRefreshSecurity } from './shared.tsx';

interface Filters {
  state?: string;
  severity?: string;
  departmentId?: string;
  reportOverdue?: boolean;
  [key: string]: string | boolean | undefined;
}

interface RegisterValues {
  title: string;
  severity: string;
  occurredAt?: Dayjs;
  detectedAt: Dayjs;
  scope: string;
  recordEstimate?: number | null;
  resourceIds?: string[];
}

/** 安全事件登记 (CQ19 §44): the department's incidents with state, severity and report duty; register here. */
export default function IncidentsPage() {
  const { t } = useI18n();
  const { can, info } = useSession();
  const names = useProfileNames();
  const list = useList<Incident, Filters>('/security/incidents', {});
  const [filterForm] = Form.useForm<Filters>();
  const [registering, setRegistering] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const mayKeep = can('security.incident.manage') && !!info?.user.departmentId;

  const columns: TableColumnsType<Incident> = [
    {
      title: t('security.incident.field.title'),
      key: 'title',
      render: (_: unknown, row) => (
        <div>
          <Typography.Link strong onClick={() => setOpenId(row.id)}>
            {row.title}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {row.department.name}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('security.incident.field.severity'),
      dataIndex: 'severity',
      key: 'severity',
      width: 100,
      render: (code: string) => <Tag color={names.severityColor(code)}>{names.severityName(code)}</Tag>,
    },
    {
      title: t('security.incident.field.detectedAt'),
      dataIndex: 'detectedAt',
      key: 'detectedAt',
      width: 150,
      render: formatDateTime,
    },
    {
      title: t('security.incident.state'),
      dataIndex: 'state',
      key: 'state',
      width: 90,
      render: (state: Incident['state']) => <IncidentStateTag state={state} />,
    },
    {
      title: t('security.incident.report'),
      key: 'report',
      width: 200,
      render: (_: unknown, row) => <ReportStatus incident={row} short />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_: unknown, row) => (
        <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setOpenId(row.id)}>
          {t('common.details')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('security.incidents.title')}
        description={t('security.incidents.description')}
        extra={
          mayKeep && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRegistering(true)}
              data-testid="incident-register"
            >
              {t('security.incidents.register')}
            </Button>
          )
        }
      />
      <IncidentChart />
      <Card>
        <FilterBar
          form={filterForm}
          list={list}
          onSearch={(values) =>
            list.setFilters({
              state: values.state,
              severity: values.severity,
              departmentId: values.departmentId,
              reportOverdue: values.reportOverdue ? true : undefined,
            })
          }
        >
          <Form.Item name="state" label={t('security.incident.state')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 110 }}
              options={INCIDENT_STATES.map((state) => ({
                value: state,
                label: t(`security.incident.state.${state}`),
              }))}
              onChange={() => filterForm.submit()}
            />
          </Form.Item>
          <Form.Item name="severity" label={t('security.incident.field.severity')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 110 }}
              options={names.severityOptions}
              onChange={() => filterForm.submit()}
            />
          </Form.Item>
          <Form.Item name="departmentId" label={t('security.department')}>
            <DepartmentSelect
              style={{ width: 200 }}
              placeholder={t('common.all')}
              onChange={() => filterForm.submit()}
            />
          </Form.Item>
          <Form.Item name="reportOverdue" valuePropName="checked">
            <Checkbox onChange={() => filterForm.submit()}>{t('security.incidents.overdueOnly')}</Checkbox>
          </Form.Item>
        </FilterBar>
        <ListTable<Incident>
          list={list}
          emptyText={t('security.incidents.empty')}
          columns={columns}
          scroll={{ x: 900 }}
          data-testid="incidents-table"
        />
      </Card>
      {registering && <RegisterIncidentModal onClose={() => setRegistering(false)} onCreated={setOpenId} />}
      {openId && <IncidentDrawer id={openId} onClose={() => setOpenId(null)} />}
    </>
  );
}

function RegisterIncidentModal({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const names = useProfileNames();
  const refresh = useRefreshSecurity();
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('common.requiredField', { field }) },
  ];
  return (
    <FormModal<RegisterValues>
      name="incident"
      title={t('security.incidents.register')}
      width={640}
      fieldNames={['title', 'severity', 'occurredAt', 'detectedAt', 'scope', 'recordEstimate', 'resourceIds']}
      onClose={onClose}
      onSubmit={async (values) => {
        const created = await api.post<IncidentDetail>('/security/incidents', {
          title: values.title,
          severity: values.severity,
          occurredAt: instant(values.occurredAt) ?? null,
          detectedAt: instant(values.detectedAt),
          scope: values.scope,
          recordEstimate: values.recordEstimate ?? null,
          resourceIds: values.resourceIds ?? [],
        });
        message.success(t('common.created'));
        await refresh();
        onClose();
        onCreated(created.id);
      }}
    >
      <Form.Item
        name="title"
        label={t('security.incident.field.title')}
        rules={required(t('security.incident.field.title'))}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="severity"
        label={t('security.incident.field.severity')}
        rules={[
          {
            required: true,
            message: t('common.requiredSelect', { field: t('security.incident.field.severity') }),
          },
        ]}
      >
        <Select options={names.severityOptions} />
      </Form.Item>
      <Form.Item
        name="detectedAt"
        label={t('security.incident.field.detectedAt')}
        rules={[
          {
            required: true,
            message: t('common.requiredSelect', { field: t('security.incident.field.detectedAt') }),
          },
        ]}
      >
        <InstantPicker />
      </Form.Item>
      <Form.Item
        name="occurredAt"
        label={`${t('security.incident.field.occurredAt')}（${t('common.optional')}）`}
      >
        <InstantPicker />
      </Form.Item>
      <Form.Item
        name="scope"
        label={t('security.incident.field.scope')}
        extra={t('security.incident.field.scopeHelp')}
        rules={required(t('security.incident.field.scope'))}
      >
        <Input.TextArea rows={3} maxLength={4000} />
      </Form.Item>
      <Form.Item name="resourceIds" label={t('security.resources')}>
        <ResourcePicker />
      </Form.Item>
      <Form.Item name="recordEstimate" label={t('security.incident.field.recordEstimate')}>
        <InputNumber min={0} precision={0} style={{ width: 200 }} />
      </Form.Item>
    </FormModal>
  );
}
