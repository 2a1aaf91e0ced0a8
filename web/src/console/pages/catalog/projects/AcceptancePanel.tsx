import { CheckCircleOutlined, DisconnectOutlined, LinkOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import {
  PROMISE_STATUSES,
  projectKeys,
  projectsApi,
  type ProjectDetail,
  type PromiseCheck,
} from '../../../../api/catalog-projects.ts';
import { ApiError } from '../../../../api/client.ts';
import { FullPageSpin } from '../../../../components/FullPageSpin.tsx';
import { QueryError } from '../../../../components/QueryError.tsx';
import { RefreshButton } from '../../../../components/FilterBar.tsx';
import { useI18n } from '../../../../i18n/index.tsx';
import { formatDateTime } from '../../../../lib/format.ts';
import { errorText } from '../../../../lib/problems.ts';
import { invalidateCatalog } from '../meta.tsx';
import { AcceptModal } from './DecisionModals.tsx';
import { LinkModal } from './LinkModal.tsx';
import { PromiseStatusTag, useAcceptance } from './projectMeta.tsx';

/**
 * 验收检查: each promised resource as connected / not connected / not published / missing, with the
 * catalog resource that fulfils it and suggestions of a similar name. The owner links or unlinks its
 * own published resources while the project is approved; the authority accepts (with an override
 * reason when promises are unmet). Once accepted, the report kept at acceptance is shown.
 */
export function AcceptancePanel({
  project,
  mayLink,
  mayAccept,
}: {
  project: ProjectDetail;
  mayLink: boolean;
  mayAccept: boolean;
}) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const report = useAcceptance(project.id, true);
  const [linking, setLinking] = useState<PromiseCheck | null>(null);
  const [accepting, setAccepting] = useState(false);
  const open = project.state === 'approved';

  // Links are saved with the plan (PUT …/catalog): the same rows, one `resourceId` changed.
  const link = async (index: number, resourceId: string | null) => {
    const rows = project.plannedResources.map((row, i) => (i === index ? { ...row, resourceId } : row));
    try {
      const saved = await projectsApi.saveCatalog(project.id, rows);
      queryClient.setQueryData(projectKeys.detail(project.id), saved);
      await invalidateCatalog(queryClient);
      message.success(t(resourceId ? 'catalog.projects.link.done' : 'catalog.projects.unlink.done'));
    } catch (error) {
      // The refusals of a link name the row's resourceId; say them as sentences.
      if (error instanceof ApiError && error.errors.length > 0)
        throw new ApiError({ ...error, detail: error.errors.map((e) => e.message).join('；'), errors: [] });
      throw error;
    }
  };
  const unlink = (row: PromiseCheck) =>
    modal.confirm({
      title: t('catalog.projects.unlink.title', { name: row.name ?? '' }),
      content: t('catalog.projects.unlink.content', { code: row.resource?.code ?? '' }),
      okText: t('catalog.projects.unlink.ok'),
      cancelText: t('common.cancel'),
      onOk: () => link(row.index, null).catch((error: unknown) => message.error(errorText(error, t))),
    });

  if (report.isError) return <QueryError error={report.error} onRetry={() => report.refetch()} />;
  if (!report.data) return <FullPageSpin fullHeight={false} />;
  const data = report.data;

  const columns: TableColumnsType<PromiseCheck> = [
    { title: '#', dataIndex: 'index', key: 'index', width: 40, render: (index: number) => index + 1 },
    {
      title: t('catalog.projects.accept.promise'),
      key: 'promise',
      width: 200,
      render: (_: unknown, row) => (
        <div>
          <Typography.Text strong>{row.name ?? '—'}</Typography.Text>
          {row.classCode && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {row.classCode}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: t('catalog.state'),
      dataIndex: 'status',
      key: 'status',
      width: 100,
      render: (status: PromiseCheck['status']) => <PromiseStatusTag status={status} />,
    },
    {
      title: t('catalog.projects.field.resource'),
      key: 'resource',
      render: (_: unknown, row) =>
        row.resource ? (
          <div>
            <Space size={4} wrap>
              <Typography.Text code>{row.resource.code}</Typography.Text>
              <span>{row.resource.name}</span>
              <Tag style={{ marginInlineEnd: 0 }}>
                {t(`catalog.projects.matchedBy.${row.matchedBy ?? 'name'}`)}
              </Tag>
            </Space>
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {row.resource.dataUpdatedAt
                ? t('catalog.projects.accept.loadedAt', { at: formatDateTime(row.resource.dataUpdatedAt) })
                : t('catalog.projects.accept.noData')}
            </Typography.Text>
          </div>
        ) : row.suggestions.length > 0 ? (
          <div data-testid="promise-suggestions">
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('catalog.projects.accept.suggestions')}
            </Typography.Text>
            {row.suggestions.map((s) => (
              <div key={s.id}>
                {mayLink && open ? (
                  <Button
                    type="link"
                    size="small"
                    icon={<LinkOutlined />}
                    style={{ paddingInline: 0 }}
                    onClick={() =>
                      link(row.index, s.id).catch((e: unknown) => message.error(errorText(e, t)))
                    }
                  >
                    {s.code} {s.name}
                  </Button>
                ) : (
                  <Typography.Text>
                    {s.code} {s.name}
                  </Typography.Text>
                )}
              </div>
            ))}
          </div>
        ) : (
          <Typography.Text type="secondary">{t('catalog.projects.accept.nothingFound')}</Typography.Text>
        ),
    },
    ...(mayLink && open
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 170,
            render: (_: unknown, row: PromiseCheck) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<LinkOutlined />}
                  onClick={() => setLinking(row)}
                  data-testid="promise-link"
                >
                  {t(row.matchedBy === 'link' ? 'catalog.projects.link.change' : 'catalog.projects.link')}
                </Button>
                {row.matchedBy === 'link' && (
                  <Button
                    type="link"
                    size="small"
                    danger
                    icon={<DisconnectOutlined />}
                    onClick={() => unlink(row)}
                  >
                    {t('catalog.projects.unlink')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]
      : []),
  ];

  const summary = PROMISE_STATUSES.filter((status) => data.summary[status] > 0).map((status) => (
    <span key={status}>
      {t(`catalog.projects.status.${status}`)} {data.summary[status]}
    </span>
  ));

  return (
    <Card
      title={t('catalog.projects.accept.section')}
      extra={
        <Flex gap={8} align="center">
          {open && <RefreshButton onRefresh={() => report.refetch()} />}
          {mayAccept && open && (
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              onClick={() => setAccepting(true)}
              data-testid="project-accept"
            >
              {t('catalog.projects.accept')}
            </Button>
          )}
        </Flex>
      }
      data-testid="acceptance-report"
    >
      {data.acceptance && (
        <Alert
          type={data.acceptance.override ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t('catalog.projects.accept.kept', {
            at: formatDateTime(data.acceptance.at),
            by: data.acceptance.byName,
          })}
          description={
            data.acceptance.override &&
            t('catalog.projects.accept.overridden', { reason: data.acceptance.override })
          }
          data-testid="acceptance-kept"
        />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('catalog.projects.accept.verdict')}>
          <Tag color={data.verdict === 'passed' ? 'success' : 'error'} data-testid="acceptance-verdict">
            {t(`catalog.projects.verdict.${data.verdict}`)}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.projects.accept.summary', { count: data.summary.promised })}>
          <Space separator="·" wrap>
            {summary}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('catalog.projects.accept.checkedAt')}>
          {formatDateTime(data.generatedAt)}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {data.criterion}
        {data.catalogRule.required &&
          data.catalogRule.article &&
          ` ${t('catalog.projects.accept.rule', { article: data.catalogRule.article })}`}
      </Typography.Paragraph>
      <Table<PromiseCheck>
        size="small"
        rowKey="index"
        pagination={false}
        columns={columns}
        dataSource={data.resources}
        scroll={{ x: 900 }}
        locale={{ emptyText: t('catalog.projects.plan.none') }}
        data-testid="acceptance-table"
      />
      {linking && (
        <LinkModal
          promise={linking}
          departmentId={project.department.id}
          onLink={(resourceId) => link(linking.index, resourceId)}
          onClose={() => setLinking(null)}
        />
      )}
      {accepting && <AcceptModal project={project} report={data} onClose={() => setAccepting(false)} />}
    </Card>
  );
}
