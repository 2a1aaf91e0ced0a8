import { EditOutlined, EyeOutlined, PlusOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Form, Select, Space, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { REVISION_STATES, type ResourceSummary } from '../../../api/catalog.ts';
import { useSession } from '../../../auth/session.tsx';
import { DepartmentSelect } from '../../../components/DepartmentSelect.tsx';
import { FilterBar, FilterSearch } from '../../../components/FilterBar.tsx';
import { ListTable } from '../../../components/ListTable.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useList } from '../../../lib/useList.ts';
import { ImportExport } from './ImportExport.tsx';
import { AccessTag, ClassKindTag, StateTag, useCatalogLabels } from './meta.tsx';
import { SubmitModal, type NamedResource } from './SubmitModal.tsx';

interface Filters {
  q?: string;
  status?: string;
  revisionState?: string;
  departmentId?: string;
  [key: string]: string | undefined;
}

const SUBMITTABLE = ['draft', 'returned'];
const submittable = (row: ResourceSummary) =>
  row.status !== 'withdrawn' && SUBMITTABLE.includes(row.revisionState);
const removable = (row: ResourceSummary) =>
  row.status === 'published' && !['submitted', 'approved'].includes(row.revisionState);

/** 目录编制: the department's working list of catalog resources; create, edit, submit, withdraw, Excel. */
export default function ResourcesPage() {
  const { t } = useI18n();
  const { info } = useSession();
  const labels = useCatalogLabels();
  const navigate = useNavigate();
  const list = useList<ResourceSummary, Filters>('/catalog/resources', {}, 'code');
  const [filterForm] = Form.useForm<Filters>();
  const [selected, setSelected] = useState<ResourceSummary[]>([]);
  const [dialog, setDialog] = useState<{ resources: NamedResource[]; removal: boolean } | null>(null);
  // An authority officer works on the lists of its region's departments; others on their own.
  const isAuthority = info?.user.role === 'authority_officer';
  const departmentId = isAuthority ? list.filters.departmentId : (info?.user.departmentId ?? undefined);
  const open = (row: ResourceSummary) => navigate(`/console/catalog/resources/${row.id}`);

  const columns: TableColumnsType<ResourceSummary> = [
    {
      title: t('catalog.field.code'),
      dataIndex: 'code',
      key: 'code',
      width: 150,
      sorter: true,
      sortOrder: list.sortOrderOf('code'),
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: t('catalog.field.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
      render: (name: string, row) => (
        <div>
          <Typography.Link strong onClick={() => open(row)}>
            {name}
          </Typography.Link>
          {isAuthority && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {row.providerName}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('catalog.state'),
      key: 'state',
      width: 100,
      render: (_: unknown, row) => <StateTag status={row.status} revisionState={row.revisionState} />,
    },
    {
      title: t('catalog.field.class'),
      key: 'class',
      width: 150,
      render: (_: unknown, row) => (
        <Flex gap={4} align="center" wrap>
          <ClassKindTag kind={row.classKind} />
          <span>{row.className}</span>
        </Flex>
      ),
    },
    {
      title: t('catalog.field.shareType'),
      dataIndex: 'shareType',
      key: 'shareType',
      width: 110,
      render: (type: string) => <AccessTag kind="share" type={type} />,
    },
    {
      title: t('catalog.field.openType'),
      dataIndex: 'openType',
      key: 'openType',
      width: 110,
      render: (type: string) => <AccessTag kind="open" type={type} />,
    },
    {
      title: t('catalog.field.updateCycle'),
      dataIndex: 'updateCycle',
      key: 'updateCycle',
      width: 90,
      render: (code: string) => labels.term('updateCycles', code),
    },
    { title: t('catalog.itemCount'), dataIndex: 'itemCount', key: 'itemCount', width: 80, align: 'right' },
    {
      title: t('catalog.field.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 140,
      sorter: true,
      sortOrder: list.sortOrderOf('updatedAt'),
      render: formatDateTime,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_: unknown, row) => {
        const locked = row.status === 'withdrawn' || ['submitted', 'approved'].includes(row.revisionState);
        return (
          <Space size={0}>
            <Button
              type="link"
              size="small"
              icon={locked ? <EyeOutlined /> : <EditOutlined />}
              onClick={() => open(row)}
            >
              {locked ? t('catalog.view') : t('common.edit')}
            </Button>
            {removable(row) && (
              <Button
                type="link"
                size="small"
                danger
                icon={<RollbackOutlined />}
                onClick={() => setDialog({ resources: [row], removal: true })}
              >
                {t('catalog.requestRemoval')}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader
        title={t('catalog.resources.title')}
        description={t('catalog.resources.description')}
        extra={
          <>
            <ImportExport departmentId={departmentId} />
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() =>
                navigate(
                  `/console/catalog/resources/new${departmentId && isAuthority ? `?departmentId=${departmentId}` : ''}`,
                )
              }
              data-testid="resource-create"
            >
              {t('catalog.newResource')}
            </Button>
          </>
        }
      />
      <Card>
        <FilterBar
          form={filterForm}
          list={list}
          onSearch={(values) =>
            list.setFilters({
              q: values.q?.trim() || undefined,
              revisionState: values.revisionState,
              status: values.status,
              departmentId: values.departmentId,
            })
          }
        >
          <FilterSearch placeholder={t('catalog.resources.searchPlaceholder')} width={220} />
          {isAuthority && (
            <Form.Item name="departmentId" label={t('catalog.field.provider')}>
              <DepartmentSelect
                style={{ width: 220 }}
                placeholder={t('common.all')}
                onChange={() => filterForm.submit()}
              />
            </Form.Item>
          )}
          <Form.Item name="revisionState" label={t('catalog.state')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 120 }}
              options={REVISION_STATES.map((state) => ({ value: state, label: t(`catalog.state.${state}`) }))}
              onChange={() => filterForm.submit()}
            />
          </Form.Item>
          <Form.Item name="status" label={t('catalog.status')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 120 }}
              options={(['draft', 'published', 'withdrawn'] as const).map((status) => ({
                value: status,
                label: t(`catalog.status.${status}`),
              }))}
              onChange={() => filterForm.submit()}
            />
          </Form.Item>
        </FilterBar>
        <Flex gap={12} align="center" style={{ marginBottom: 12 }}>
          <Button
            icon={<SendOutlined />}
            disabled={selected.length === 0}
            onClick={() => setDialog({ resources: selected, removal: false })}
            data-testid="submit-selected"
          >
            {t('catalog.submitSelected', { count: selected.length })}
          </Button>
          <Typography.Text type="secondary">{t('catalog.submitHint')}</Typography.Text>
        </Flex>
        <ListTable<ResourceSummary>
          list={list}
          emptyText={t('catalog.resources.empty')}
          columns={columns}
          scroll={{ x: 1300 }}
          data-testid="resources-table"
          rowSelection={{
            selectedRowKeys: selected.map((row) => row.id),
            preserveSelectedRowKeys: true,
            onChange: (_keys, rows) => setSelected(rows.filter(Boolean)),
            getCheckboxProps: (row) => ({ disabled: !submittable(row) }),
          }}
        />
      </Card>
      {dialog && (
        <SubmitModal
          resources={dialog.resources}
          removal={dialog.removal}
          onClose={() => setDialog(null)}
          onDone={() => setSelected([])}
        />
      )}
    </>
  );
}
