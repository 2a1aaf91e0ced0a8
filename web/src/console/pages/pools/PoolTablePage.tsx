import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Space, Statistic, Tabs, Tag, Typography } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useSession } from '../../../auth/session.tsx';
import { FullPageSpin } from '../../../components/FullPageSpin.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useCatalogLabels, useResource } from '../catalog/meta.tsx';
import { CategoryTag, LevelTag } from '../../../components/LevelTag.tsx';
import { ColumnsTab } from './ColumnsTab.tsx';
import { LoadTab } from './LoadTab.tsx';
import { MigrationTag, usePoolTable } from './poolMeta.tsx';
import { RowsTab } from './RowsTab.tsx';
import { VersionsTab } from './VersionsTab.tsx';

const TABS = ['rows', 'load', 'versions', 'columns'] as const;
type TabKey = (typeof TABS)[number];

/**
 * One pool table: the resource's name and code, its figures (rows, version, last load, update
 * cycle), and the tabs 数据 / 导入 / 版本 / 结构. Loading, restoring and migrating show only to the
 * providing department's people who hold pool.load / pool.migrate (the server refuses others anyway).
 */
export default function PoolTablePage() {
  const { resourceId = '' } = useParams();
  const { t } = useI18n();
  const { info, can } = useSession();
  const labels = useCatalogLabels();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const table = usePoolTable(resourceId);

  if (table.isError) return <QueryError error={table.error} onRetry={() => table.refetch()} />;
  if (!table.data) return <FullPageSpin fullHeight={false} />;
  const detail = table.data;
  const own = !!info?.user.departmentId && info.user.departmentId === detail.departmentId;
  const canRead = own && can('pool.data.read');
  const canLoad = own && can('pool.load');
  const canMigrate = own && can('pool.migrate');
  const available: TabKey[] = TABS.filter((key) => key !== 'load' || canLoad);
  const asked = params.get('tab') as TabKey | null;
  const active: TabKey = asked && available.includes(asked) ? asked : 'rows';
  const show = (key: TabKey) => setParams(key === 'rows' ? {} : { tab: key }, { replace: true });

  const items = [
    {
      key: 'rows',
      label: t('pools.tab.rows'),
      children: canRead ? (
        <RowsTab table={detail} canLoad={canLoad} />
      ) : (
        <Alert type="info" showIcon title={t('pools.rows.noPermission')} />
      ),
    },
    ...(canLoad
      ? [
          {
            key: 'load',
            label: t('pools.tab.load'),
            children: <LoadTab table={detail} onViewRows={() => show('rows')} />,
          },
        ]
      : []),
    {
      key: 'versions',
      label: t('pools.tab.versions'),
      children: <VersionsTab table={detail} canLoad={canLoad} />,
    },
    {
      key: 'columns',
      label: (
        <Space size={4}>
          {t('pools.tab.columns')}
          {detail.migrationPending && (
            <Tag color="orange" style={{ marginInlineEnd: 0 }}>
              !
            </Tag>
          )}
        </Space>
      ),
      children: <ColumnsTab table={detail} canMigrate={canMigrate} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={detail.name}
        description={`${detail.code} · ${detail.departmentName}`}
        extra={
          <>
            <ResourceGrading resourceId={resourceId} />
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/console/pools')}>
              {t('pools.back')}
            </Button>
          </>
        }
      />
      <Card style={{ marginBottom: 16 }} data-testid="pool-stats">
        <Row gutter={[24, 16]}>
          <Col xs={12} md={6}>
            <Statistic title={t('pools.field.rows')} value={detail.rowCount} data-testid="stat-rows" />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('pools.field.version')}
              value={
                detail.currentVersion === 0
                  ? t('pools.noVersion')
                  : t('pools.versionN', { version: detail.currentVersion })
              }
              data-testid="stat-version"
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('pools.field.loadedAt')}
              value={detail.loadedAt ? formatDateTime(detail.loadedAt) : t('pools.neverLoaded')}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('pools.field.updateCycle')}
              value={labels.term('updateCycles', detail.updateCycle)}
            />
          </Col>
        </Row>
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('pools.field.table')}>
            <Typography.Text code>{detail.table}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('pools.field.keys')}>
            {detail.keyFields
              .map((field) => detail.columns.find((column) => column.field === field)?.name ?? field)
              .join('、') || t('common.none')}
          </Descriptions.Item>
          {detail.migrationPending && (
            <Descriptions.Item label={t('pools.tab.columns')}>
              <MigrationTag />
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card>
        <Tabs activeKey={active} onChange={(key) => show(key as TabKey)} items={items} />
      </Card>
    </>
  );
}

/** The published resource's level and category (分级分类) beside the table's name. */
function ResourceGrading({ resourceId }: { resourceId: string }) {
  const published = useResource(resourceId).data?.published;
  if (!published) return null;
  return (
    <span data-testid="pool-grading">
      <LevelTag level={published.securityLevel} subLevel={published.securitySubLevel} />
      <CategoryTag category={published.category} />
    </span>
  );
}
