import { CloseCircleOutlined, EyeOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Card, Form, Select, Space, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { UpdateRequest } from '../../../../api/catalog-updates.ts';
import { useSession } from '../../../../auth/session.tsx';
import { DepartmentSelect } from '../../../../components/DepartmentSelect.tsx';
import { FilterBar } from '../../../../components/FilterBar.tsx';
import { ListTable } from '../../../../components/ListTable.tsx';
import { PageHeader } from '../../../../components/PageHeader.tsx';
import { useI18n } from '../../../../i18n/index.tsx';
import { formatDate } from '../../../../lib/format.ts';
import { useList } from '../../../../lib/useList.ts';
import { AnswerModal } from './AnswerModal.tsx';
import { CancelModal } from './CancelModal.tsx';
import { RegisterModal } from './RegisterModal.tsx';
import { DueCell, ruleText, UpdateStateTag, useUpdatesProfile } from './shared.tsx';
import { UpdateRequestDrawer } from './UpdateRequestDrawer.tsx';

interface Filters {
  departmentId?: string;
  open?: boolean;
  overdue?: boolean;
  [key: string]: string | boolean | undefined;
}

interface FilterValues {
  departmentId?: string;
  open?: 'open' | 'closed';
  overdue?: 'yes' | 'no';
}

// Users who see the requests of every department of their regions (the others see their own).
const REGIONAL_ROLES = ['authority_officer', 'auditor', 'platform_admin'];

/**
 * 目录更新: update requests after a change of law or duties (CQ19 §14, CQ18 §9). The authority (or a
 * department for itself) registers a change, which gives the department a due date in working
 * days; the department answers with its changed list; the authority may cancel a request.
 */
export default function UpdateRequestsPage() {
  const { t } = useI18n();
  const { info, can } = useSession();
  const profile = useUpdatesProfile().data;
  const regional = REGIONAL_ROLES.includes(info?.user.role ?? '');
  const ownDepartment = info?.user.departmentId ?? undefined;
  // Newest change first (the server's order); the filter narrows to the open ones.
  const list = useList<UpdateRequest, Filters>('/catalog/update-requests', {});
  const [filterForm] = Form.useForm<FilterValues>();
  const [openId, setOpenId] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  const [answering, setAnswering] = useState<UpdateRequest | null>(null);
  const [cancelling, setCancelling] = useState<UpdateRequest | null>(null);

  // The server has the last word (department scope, the authority of the region); these only hide
  // buttons it would refuse.
  const mayAnswer = (row: UpdateRequest) =>
    row.state === 'open' &&
    can('catalog.compile') &&
    (info?.user.role === 'authority_officer' || row.department.id === ownDepartment);
  const mayCancel = (row: UpdateRequest) => row.state === 'open' && can('catalog.review');

  const rule = ruleText(t, profile?.deadlines.catalogUpdateRequest);
  const columns: TableColumnsType<UpdateRequest> = [
    {
      title: t('catalog.updates.department'),
      key: 'department',
      width: 180,
      render: (_: unknown, row) => (
        <Typography.Link strong onClick={() => setOpenId(row.id)}>
          {row.department.name}
        </Typography.Link>
      ),
    },
    {
      title: t('catalog.updates.changedOn'),
      dataIndex: 'changedOn',
      key: 'changedOn',
      width: 110,
      render: formatDate,
    },
    {
      title: t('catalog.updates.basisAndReason'),
      key: 'basis',
      render: (_: unknown, row) => (
        <div style={{ minWidth: 0 }}>
          <Typography.Text ellipsis={{ tooltip: row.basis }} style={{ display: 'block' }}>
            {row.basis ?? '—'}
          </Typography.Text>
          <Typography.Text
            type="secondary"
            ellipsis={{ tooltip: row.reason }}
            style={{ display: 'block', fontSize: 12 }}
          >
            {row.reason}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('catalog.updates.due'),
      key: 'due',
      width: 230,
      render: (_: unknown, row) => <DueCell request={row} />,
    },
    {
      title: t('catalog.state'),
      dataIndex: 'state',
      key: 'state',
      width: 90,
      render: (_: unknown, row) => <UpdateStateTag state={row.state} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 210,
      fixed: 'right',
      render: (_: unknown, row) => (
        <Space size={0} wrap>
          <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => setOpenId(row.id)}>
            {t('common.details')}
          </Button>
          {mayAnswer(row) && (
            <Button
              type="link"
              size="small"
              icon={<SendOutlined />}
              onClick={() => setAnswering(row)}
              data-testid="update-answer"
            >
              {t('catalog.updates.answer')}
            </Button>
          )}
          {mayCancel(row) && (
            <Button
              type="link"
              size="small"
              danger
              icon={<CloseCircleOutlined />}
              onClick={() => setCancelling(row)}
              data-testid="update-cancel"
            >
              {t('catalog.updates.cancel')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('catalog.updates.title')}
        description={
          rule
            ? t('catalog.updates.description', { rule })
            : profile
              ? t('catalog.updates.descriptionNoRule')
              : undefined
        }
        extra={
          can('catalog.compile') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRegistering(true)}
              data-testid="update-register"
            >
              {t('catalog.updates.register')}
            </Button>
          )
        }
      />
      <Card>
        <FilterBar<FilterValues>
          form={filterForm}
          list={list}
          onSearch={(values) =>
            list.setFilters({
              departmentId: regional ? values.departmentId : undefined,
              open: values.open === undefined ? undefined : values.open === 'open',
              overdue: values.overdue === undefined ? undefined : values.overdue === 'yes',
            })
          }
        >
          {regional && (
            <Form.Item name="departmentId" label={t('catalog.updates.department')}>
              <DepartmentSelect
                style={{ width: 220 }}
                placeholder={t('common.all')}
                onChange={() => filterForm.submit()}
              />
            </Form.Item>
          )}
          <Form.Item name="open" label={t('catalog.updates.openFilter')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 120 }}
              options={[
                { value: 'open', label: t('catalog.updates.filter.open') },
                { value: 'closed', label: t('catalog.updates.filter.closed') },
              ]}
              onChange={() => filterForm.submit()}
              data-testid="filter-open"
            />
          </Form.Item>
          <Form.Item name="overdue" label={t('catalog.updates.overdueFilter')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 120 }}
              options={[
                { value: 'yes', label: t('catalog.updates.filter.overdue') },
                { value: 'no', label: t('catalog.updates.filter.notOverdue') },
              ]}
              onChange={() => filterForm.submit()}
            />
          </Form.Item>
        </FilterBar>
        <ListTable<UpdateRequest>
          list={list}
          emptyText={list.filters.open ? t('catalog.updates.emptyOpen') : t('catalog.updates.empty')}
          columns={columns}
          scroll={{ x: 1100 }}
          data-testid="updates-table"
        />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}>
          {t('catalog.updates.legend')}
        </Typography.Paragraph>
      </Card>
      <UpdateRequestDrawer
        id={openId}
        mayAnswer={mayAnswer}
        mayCancel={mayCancel}
        onAnswer={setAnswering}
        onCancel={setCancelling}
        onClose={() => setOpenId(null)}
      />
      {registering && <RegisterModal onClose={() => setRegistering(false)} />}
      {answering && <AnswerModal request={answering} onClose={() => setAnswering(null)} />}
      {cancelling && <CancelModal request={cancelling} onClose={() => setCancelling(null)} />}
    </>
  );
}
