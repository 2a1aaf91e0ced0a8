import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Select,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { api } from '../../../api/client.ts';
import {
  ASSESSMENT_SCOPES,
  type Assessment,
  type AssessmentDetail,
  type AssessmentScope,
} from '../../../api/security-registers.ts';
import { useSession } from '../../../auth/session.tsx';
import { DepartmentSelect } from '../../../components/DepartmentSelect.tsx';
import { FilterBar } from '../../../components/FilterBar.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useList } from '../../../lib/useList.ts';
import { AssessmentDrawer } from './AssessmentDrawer.tsx';
import { day, notAfterToday, ResourcePicker, useProfileNames, useRefreshSecurity } from './shared.tsx';

interface Filters {
  departmentId?: string;
  riskLevel?: string;
  reidentification?: boolean;
  [key: string]: string | boolean | undefined;
}

/**
 * 风险评估 (CQ19 §43, CQO §37(4)): the department's periodic assessments, re-identification ones
 * with the expert committee's opinions. `expert` shows an expert the assessments asked of them.
 */
export default function AssessmentsPage({ expert = false }: { expert?: boolean }) {
  const { t } = useI18n();
  const { can, info } = useSession();
  const names = useProfileNames();
  const list = useList<Assessment, Filters>(
    expert ? '/security/expert/assessments' : '/security/assessments',
    {},
  );
  const [filterForm] = Form.useForm<Filters>();
  const [recording, setRecording] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const mayKeep = !expert && can('security.incident.manage') && !!info?.user.departmentId;

  const columns: TableColumnsType<Assessment> = [
    {
      title: t('security.assessment.field.title'),
      key: 'title',
      render: (_: unknown, row) => (
        <div>
          <Typography.Link strong onClick={() => setOpenId(row.id)}>
            {row.title}
          </Typography.Link>
          {row.reidentification && (
            <Tag color="purple" style={{ marginLeft: 8 }}>
              {t('security.assessment.reidentification')}
            </Tag>
          )}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {row.department.name}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('security.assessment.field.scopes'),
      dataIndex: 'scopes',
      key: 'scopes',
      width: 180,
      render: (scopes: AssessmentScope[]) =>
        scopes.map((s) => <Tag key={s}>{t(`security.assessment.scope.${s}`)}</Tag>),
    },
    {
      title: t('security.assessment.field.assessedOn'),
      dataIndex: 'assessedOn',
      key: 'assessedOn',
      width: 110,
      render: formatDate,
    },
    {
      title: t('security.assessment.field.riskLevel'),
      dataIndex: 'riskLevel',
      key: 'riskLevel',
      width: 90,
      render: (code: string) => names.levelName(code),
    },
    {
      title: t('security.assessment.experts'),
      key: 'experts',
      width: 110,
      render: (_: unknown, row) =>
        row.expertsAsked === 0
          ? '—'
          : t('security.assessment.opinions', { given: row.opinionsGiven, asked: row.expertsAsked }),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
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
        title={t(expert ? 'security.assessments.expertTitle' : 'security.assessments.title')}
        description={t(
          expert ? 'security.assessments.expertDescription' : 'security.assessments.description',
        )}
        extra={
          mayKeep && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRecording(true)}
              data-testid="assessment-register"
            >
              {t('security.assessments.register')}
            </Button>
          )
        }
      />
      <Card>
        <FilterBar
          form={filterForm}
          list={list}
          onSearch={(values) =>
            list.setFilters({
              departmentId: values.departmentId,
              riskLevel: values.riskLevel,
              reidentification: values.reidentification ? true : undefined,
            })
          }
        >
          {!expert && (
            <Form.Item name="departmentId" label={t('security.department')}>
              <DepartmentSelect
                style={{ width: 200 }}
                placeholder={t('common.all')}
                onChange={() => filterForm.submit()}
              />
            </Form.Item>
          )}
          <Form.Item name="riskLevel" label={t('security.assessment.field.riskLevel')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 100 }}
              options={names.levelOptions}
              onChange={() => filterForm.submit()}
            />
          </Form.Item>
          <Form.Item name="reidentification" valuePropName="checked">
            <Checkbox onChange={() => filterForm.submit()}>
              {t('security.assessment.reidentification')}
            </Checkbox>
          </Form.Item>
        </FilterBar>
        <ListTable<Assessment>
          list={list}
          columns={columns}
          emptyText={t(expert ? 'security.assessments.expertEmpty' : 'security.assessments.empty')}
          scroll={{ x: 860 }}
          data-testid="assessments-table"
        />
      </Card>
      {recording && <AssessmentModal onClose={() => setRecording(false)} onCreated={setOpenId} />}
      {openId && <AssessmentDrawer id={openId} asExpert={expert} onClose={() => setOpenId(null)} />}
    </>
  );
}

interface AssessmentValues {
  title: string;
  scopes: AssessmentScope[];
  assessedOn: Dayjs;
  riskLevel: string;
  findings: string;
  measures?: string;
  reidentification?: boolean;
  resourceIds?: string[];
}

function AssessmentModal({ onClose, onCreated }: { onClose(): void; onCreated(id: string): void }) {
  const { t } = useI18n();
  const names = useProfileNames();
  const refresh = useRefreshSecurity();
  const required = (field: string) => [
    { required: true, whitespace: true, message: t('common.requiredField', { field }) },
  ];
  const select = (field: string) => [{ required: true, message: t('common.requiredSelect', { field }) }];
  return (
    <FormModal<AssessmentValues>
      name="assessment"
      width={680}
      title={t('security.assessments.register')}
      initialValues={{ assessedOn: dayjs(), scopes: ['sharing'] }}
      fieldNames={[
        'title',
        'scopes',
        'assessedOn',
        'riskLevel',
        'findings',
        'measures',
        'reidentification',
        'resourceIds',
      ]}
      onClose={onClose}
      onSubmit={async (values) => {
        const created = await api.post<AssessmentDetail>('/security/assessments', {
          ...values,
          assessedOn: day(values.assessedOn),
          reidentification: values.reidentification ?? false,
          resourceIds: values.resourceIds ?? [],
        });
        await refresh();
        onClose();
        onCreated(created.id);
      }}
    >
      <Form.Item
        name="title"
        label={t('security.assessment.field.title')}
        rules={required(t('security.assessment.field.title'))}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item
        name="scopes"
        label={t('security.assessment.field.scopes')}
        rules={select(t('security.assessment.field.scopes'))}
      >
        <Checkbox.Group
          options={ASSESSMENT_SCOPES.map((s) => ({ value: s, label: t(`security.assessment.scope.${s}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="assessedOn"
        label={t('security.assessment.field.assessedOn')}
        rules={select(t('security.assessment.field.assessedOn'))}
      >
        <DatePicker disabledDate={notAfterToday} />
      </Form.Item>
      <Form.Item
        name="riskLevel"
        label={t('security.assessment.field.riskLevel')}
        rules={select(t('security.assessment.field.riskLevel'))}
      >
        <Select options={names.levelOptions} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="findings"
        label={t('security.assessment.field.findings')}
        rules={required(t('security.assessment.field.findings'))}
      >
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item name="measures" label={t('security.assessment.field.measures')}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item
        name="reidentification"
        valuePropName="checked"
        extra={t('security.assessment.field.reidentificationHelp')}
      >
        <Checkbox>{t('security.assessment.field.reidentification')}</Checkbox>
      </Form.Item>
      <Form.Item name="resourceIds" label={t('security.resources')}>
        <ResourcePicker />
      </Form.Item>
    </FormModal>
  );
}
