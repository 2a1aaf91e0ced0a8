import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Select, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import { DEPARTMENT_KINDS, type Department, type DepartmentKind } from '../../api/types.ts';
import { useSession } from '../../auth/session.tsx';
import { DepartmentSelect } from '../../components/DepartmentSelect.tsx';
import { FilterBar, FilterSearch } from '../../components/FilterBar.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { ListTable } from '../../components/ListTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RegionSelect } from '../../components/RegionSelect.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { isValidCreditCode } from '../../lib/creditCode.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useList } from '../../lib/useList.ts';

const KIND_COLORS: Record<DepartmentKind, string> = {
  authority: 'gold',
  department: 'blue',
  enterprise: 'purple',
};

interface DepartmentForm {
  name: string;
  shortName?: string;
  creditCode: string;
  regionId: string;
  parentId?: string;
  kind: DepartmentKind;
}

function DepartmentModal({ department, onClose }: { department: Department | null; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const editing = department !== null;
  return (
    <FormModal<DepartmentForm>
      name="department"
      title={editing ? t('department.edit') : t('department.create')}
      okText={editing ? t('common.save') : t('common.create')}
      fieldNames={['name', 'shortName', 'creditCode', 'regionId', 'parentId', 'kind']}
      initialValues={
        department
          ? {
              name: department.name,
              shortName: department.shortName ?? undefined,
              creditCode: department.creditCode,
              regionId: department.regionId,
              parentId: department.parentId ?? undefined,
              kind: department.kind,
            }
          : { kind: 'department' }
      }
      onSubmit={async (values) => {
        const shortName = values.shortName?.trim() || undefined;
        if (department) {
          await api.patch(`/departments/${department.id}`, {
            name: values.name.trim(),
            shortName: shortName ?? null,
            parentId: values.parentId ?? null,
          });
          message.success(t('common.saved'));
        } else {
          await api.post('/departments', {
            name: values.name.trim(),
            ...(shortName ? { shortName } : {}),
            creditCode: values.creditCode,
            regionId: values.regionId,
            ...(values.parentId ? { parentId: values.parentId } : {}),
            kind: values.kind,
          });
          message.success(t('common.created'));
        }
        await queryClient.invalidateQueries({ queryKey: ['departments'] });
        onClose();
      }}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label={t('department.name')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.requiredField', { field: t('department.name') }),
          },
        ]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="shortName" label={`${t('department.shortName')}（${t('common.optional')}）`}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label={t('department.creditCode')}
        extra={t('department.creditCodeHelp')}
        normalize={(value: string | undefined) => value?.toUpperCase().replace(/\s+/g, '')}
        validateTrigger={['onBlur', 'onSubmit']}
        rules={[
          { required: true, message: t('common.requiredField', { field: t('department.creditCode') }) },
          {
            validator: async (_, value: string | undefined) => {
              if (value && !isValidCreditCode(value)) throw new Error(t('department.creditCodeInvalid'));
            },
          },
        ]}
      >
        <Input
          maxLength={18}
          disabled={editing}
          style={{ fontFamily: 'ui-monospace, Menlo, Consolas, monospace' }}
        />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t('department.kind')}
        rules={[{ required: true, message: t('common.requiredSelect', { field: t('department.kind') }) }]}
      >
        <Select
          disabled={editing}
          options={DEPARTMENT_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="regionId"
        label={t('department.region')}
        rules={[{ required: true, message: t('common.requiredSelect', { field: t('department.region') }) }]}
      >
        {editing ? <Input disabled value={department.regionName ?? ''} /> : <RegionSelect />}
      </Form.Item>
      <Form.Item noStyle dependencies={['regionId']}>
        {({ getFieldValue }) => (
          <Form.Item name="parentId" label={`${t('department.parent')}（${t('common.optional')}）`}>
            <DepartmentSelect
              regionId={getFieldValue('regionId') as string | undefined}
              initialLabel={department?.parentName}
              excludeId={department?.id}
            />
          </Form.Item>
        )}
      </Form.Item>
    </FormModal>
  );
}

interface Filters {
  q?: string;
  regionId?: string;
  kind?: DepartmentKind;
  [key: string]: string | undefined;
}

/** 部门: government departments, data authorities and public-service enterprises. */
export default function DepartmentsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const list = useList<Department, Filters>('/departments', {}, 'name');
  const [modal, setModal] = useState<{ department: Department | null } | null>(null);
  const [filterForm] = Form.useForm<Filters>();
  const mayManage = can('org.department.manage');

  const columns: TableColumnsType<Department> = [
    {
      title: t('department.name'),
      dataIndex: 'name',
      key: 'name',
      sorter: true,
      sortOrder: list.sortOrderOf('name'),
      render: (name: string, department) => (
        <div>
          <Typography.Text strong>{name}</Typography.Text>
          {department.shortName && (
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              （{department.shortName}）
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('department.creditCode'),
      dataIndex: 'creditCode',
      key: 'creditCode',
      width: 200,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: t('department.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 200,
      render: (kind: DepartmentKind) => <Tag color={KIND_COLORS[kind]}>{t(`kind.${kind}`)}</Tag>,
    },
    { title: t('department.region'), dataIndex: 'regionName', key: 'regionName', width: 120 },
    {
      title: t('department.parent'),
      dataIndex: 'parentName',
      key: 'parentName',
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('department.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 160,
      sorter: true,
      sortOrder: list.sortOrderOf('createdAt'),
      render: formatDateTime,
    },
    ...(mayManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            fixed: 'right' as const,
            render: (_: unknown, department: Department) => (
              <Button type="link" icon={<EditOutlined />} onClick={() => setModal({ department })}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={t('department.title')}
        description={t('department.description')}
        extra={
          mayManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setModal({ department: null })}
              data-testid="department-create"
            >
              {t('department.create')}
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
              q: values.q?.trim() || undefined,
              regionId: values.regionId,
              kind: values.kind,
            })
          }
        >
          <FilterSearch placeholder={t('department.searchPlaceholder')} width={260} />
          <Form.Item name="regionId" label={t('department.region')}>
            <RegionSelect
              style={{ width: 200 }}
              placeholder={t('common.all')}
              onChange={() => filterForm.submit()}
            />
          </Form.Item>
          <Form.Item name="kind" label={t('department.kind')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 160 }}
              options={DEPARTMENT_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
              onChange={() => filterForm.submit()}
            />
          </Form.Item>
        </FilterBar>
        <ListTable<Department>
          list={list}
          emptyText={t('department.empty')}
          columns={columns}
          scroll={{ x: 960 }}
          data-testid="departments-table"
        />
      </Card>
      {modal && <DepartmentModal department={modal.department} onClose={() => setModal(null)} />}
    </>
  );
}
