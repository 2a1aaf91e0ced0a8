import { EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Select, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PROJECT_KINDS, PROJECT_STATES, type Project } from '../../../../api/catalog-projects.ts';
import { useSession } from '../../../../auth/session.tsx';
import { DepartmentSelect } from '../../../../components/DepartmentSelect.tsx';
import { FilterBar, FilterSearch } from '../../../../components/FilterBar.tsx';
import { ListTable } from '../../../../components/ListTable.tsx';
import { PageHeader } from '../../../../components/PageHeader.tsx';
import { useI18n } from '../../../../i18n/index.tsx';
import { formatDate } from '../../../../lib/format.ts';
import { useList } from '../../../../lib/useList.ts';
import { formatBudget, ProjectStateTag } from './projectMeta.tsx';
import { RegisterModal } from './RegisterModal.tsx';

interface Filters {
  q?: string;
  state?: string;
  kind?: string;
  departmentId?: string;
  [key: string]: string | undefined;
}

/**
 * 信息化项目: the project list (项目清单, CQ19 §48) — the region's approved and accepted projects and
 * the reader's own department's — with what approval still misses; department staff register here.
 */
export default function ProjectsPage() {
  const { t, lang } = useI18n();
  const { info, can } = useSession();
  const navigate = useNavigate();
  const list = useList<Project, Filters>('/catalog/projects', {});
  const [filterForm] = Form.useForm<Filters>();
  const [registering, setRegistering] = useState(false);
  const mayRegister = can('catalog.compile') && !!info?.user.departmentId;
  const open = (row: Project) => navigate(`/console/catalog/projects/${row.id}`);

  const columns: TableColumnsType<Project> = [
    {
      title: t('catalog.projects.field.code'),
      dataIndex: 'code',
      key: 'code',
      width: 215,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    {
      title: t('catalog.projects.field.name'),
      key: 'name',
      render: (_: unknown, row) => (
        <div>
          <Typography.Link strong onClick={() => open(row)}>
            {row.name}
          </Typography.Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {row.department.name}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('catalog.projects.field.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 90,
      render: (kind: Project['kind']) => t(`catalog.projects.kind.${kind}`),
    },
    {
      title: t('catalog.state'),
      dataIndex: 'state',
      key: 'state',
      width: 90,
      render: (state: Project['state']) => <ProjectStateTag state={state} />,
    },
    {
      title: t('catalog.projects.planned'),
      dataIndex: 'plannedCount',
      key: 'plannedCount',
      width: 96,
      align: 'right',
    },
    {
      title: t('catalog.projects.readiness'),
      key: 'readiness',
      width: 120,
      render: (_: unknown, row) => {
        if (row.state !== 'registered') return <Typography.Text type="secondary">—</Typography.Text>;
        return row.catalogProblemCount === 0 ? (
          <Tag color="success">{t('catalog.projects.readiness.ready')}</Tag>
        ) : (
          <Tooltip title={t('catalog.projects.readiness.help')}>
            <Tag color="warning" data-testid="project-missing">
              {t('catalog.projects.readiness.missing', { count: row.catalogProblemCount })}
            </Tag>
          </Tooltip>
        );
      },
    },
    {
      title: t('catalog.projects.field.budget'),
      dataIndex: 'budget',
      key: 'budget',
      width: 130,
      align: 'right',
      render: (budget: number | null) => formatBudget(budget, lang) || '—',
    },
    {
      title: t('catalog.projects.registeredAt'),
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
        <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => open(row)}>
          {t('catalog.view')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('catalog.projects.title')}
        description={t('catalog.projects.description')}
        extra={
          mayRegister && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRegistering(true)}
              data-testid="project-register"
            >
              {t('catalog.projects.register')}
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
              state: values.state,
              kind: values.kind,
              departmentId: values.departmentId,
            })
          }
        >
          <FilterSearch placeholder={t('catalog.projects.searchPlaceholder')} width={240} />
          <Form.Item name="state" label={t('catalog.state')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 120 }}
              options={PROJECT_STATES.map((state) => ({
                value: state,
                label: t(`catalog.projects.state.${state}`),
              }))}
              onChange={() => filterForm.submit()}
            />
          </Form.Item>
          <Form.Item name="kind" label={t('catalog.projects.field.kind')}>
            <Select
              allowClear
              placeholder={t('common.all')}
              style={{ width: 100 }}
              options={PROJECT_KINDS.map((kind) => ({
                value: kind,
                label: t(`catalog.projects.kind.${kind}`),
              }))}
              onChange={() => filterForm.submit()}
            />
          </Form.Item>
          <Form.Item name="departmentId" label={t('catalog.projects.field.department')}>
            <DepartmentSelect
              style={{ width: 220 }}
              placeholder={t('common.all')}
              onChange={() => filterForm.submit()}
            />
          </Form.Item>
        </FilterBar>
        <ListTable<Project>
          list={list}
          emptyText={t(mayRegister ? 'catalog.projects.emptyRegister' : 'catalog.projects.empty')}
          columns={columns}
          scroll={{ x: 1150 }}
          data-testid="projects-table"
        />
      </Card>
      {registering && info && (
        <RegisterModal
          departmentName={info.user.departmentName ?? ''}
          onClose={() => setRegistering(false)}
        />
      )}
    </>
  );
}
