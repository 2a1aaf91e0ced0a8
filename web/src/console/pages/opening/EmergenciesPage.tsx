import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { oversightApi, type Emergency } from '../../../api/opening-oversight.ts';
import { useSession } from '../../../auth/session.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { EmergencyDrawer } from './EmergencyDrawer.tsx';
import { DeclareModal } from './EmergencyModals.tsx';
import { EmergencyStatusTag } from './oversight-shared.tsx';

/**
 * 应急开放: the emergencies of the region; the authority declares one, opens datasets under it
 * and, after its end, deletes or retains each. Department staff and auditors read.
 */
export default function EmergenciesPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const [declaring, setDeclaring] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['open/emergencies'],
    queryFn: ({ signal }) => oversightApi.emergencies(signal),
  });
  const columns: TableColumnsType<Emergency> = [
    {
      title: t('oversight.emergency.name'),
      key: 'name',
      render: (_: unknown, row) => (
        <Typography.Link strong onClick={() => setOpenId(row.id)} data-testid="emergency-open">
          {row.name}
        </Typography.Link>
      ),
    },
    { title: t('oversight.emergency.scope'), dataIndex: 'scope', key: 'scope', ellipsis: true },
    {
      title: t('oversight.emergency.period'),
      key: 'period',
      width: 220,
      render: (_: unknown, row) => `${formatDate(row.startsOn)} ~ ${formatDate(row.endsOn)}`,
    },
    {
      title: t('oversight.emergency.status'),
      key: 'status',
      width: 110,
      render: (_: unknown, row) => <EmergencyStatusTag status={row.status} />,
    },
    {
      title: t('oversight.emergency.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 170,
      render: formatDateTime,
    },
  ];
  return (
    <>
      <PageHeader
        title={t('oversight.emergencies.title')}
        description={t('oversight.emergencies.description')}
        extra={
          can('open.emergency.manage') ? (
            <Button type="primary" onClick={() => setDeclaring(true)} data-testid="emergency-declare">
              {t('oversight.emergency.declare')}
            </Button>
          ) : undefined
        }
      />
      <Card>
        {!can('open.emergency.manage') && (
          <Alert
            type="info"
            showIcon
            title={t('oversight.emergency.readOnly')}
            style={{ marginBottom: 12 }}
          />
        )}
        {list.isError && <QueryError error={list.error} onRetry={() => list.refetch()} />}
        <Table<Emergency>
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          columns={columns}
          pagination={false}
          locale={{ emptyText: t('oversight.emergencies.empty') }}
          scroll={{ x: 900 }}
          data-testid="emergencies-table"
        />
      </Card>
      {declaring && <DeclareModal onClose={() => setDeclaring(false)} onDeclared={(e) => setOpenId(e.id)} />}
      {openId && <EmergencyDrawer id={openId} onClose={() => setOpenId(null)} />}
    </>
  );
}
