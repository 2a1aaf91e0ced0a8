import { EditOutlined } from '@ant-design/icons';
import { Button, Progress, Typography, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router';
import type { CatalogEntry } from '../../../../api/catalog.ts';
import { useSession } from '../../../../auth/session.tsx';
import { ListTable } from '../../../../components/ListTable.tsx';
import { useI18n } from '../../../../i18n/index.tsx';
import { formatDate } from '../../../../lib/format.ts';
import { useList } from '../../../../lib/useList.ts';
import { ClassKindTag, useCatalogLabels } from '../meta.tsx';
import { QualityPanel, qualityColor } from '../QualityPanel.tsx';

/**
 * A department's published resources, lowest quality score first (the share catalog sorted by
 * `quality`); each row expands to the resource's criteria with what to fix. Remount it (key) for
 * another department.
 */
export function WeakestResources({ departmentId }: { departmentId: string }) {
  const { t } = useI18n();
  const { can, info } = useSession();
  const labels = useCatalogLabels();
  const navigate = useNavigate();
  const list = useList<CatalogEntry, { departmentId: string }>(
    '/catalog/entries',
    { departmentId },
    'quality',
  );
  // The editor is where the fix is made: for the department's compilers and the authority that compiles for it.
  const mayEdit =
    can('catalog.compile') &&
    (info?.user.role === 'authority_officer' || info?.user.departmentId === departmentId);

  const columns: TableColumnsType<CatalogEntry> = [
    {
      title: t('catalog.quality.page.score'),
      dataIndex: 'qualityScore',
      width: 150,
      render: (score: number) => (
        <Progress
          percent={score}
          size="small"
          strokeColor={qualityColor(score)}
          format={(value) => value}
          style={{ width: 120, margin: 0 }}
        />
      ),
    },
    {
      title: t('catalog.field.code'),
      dataIndex: 'code',
      width: 120,
      render: (code: string) => <Typography.Text code>{code}</Typography.Text>,
    },
    { title: t('catalog.field.name'), dataIndex: 'name' },
    {
      title: t('catalog.field.class'),
      key: 'class',
      width: 170,
      render: (_: unknown, row) => (
        <span>
          <ClassKindTag kind={row.classKind} /> {row.className}
        </span>
      ),
    },
    {
      title: t('catalog.field.updateCycle'),
      dataIndex: 'updateCycle',
      width: 90,
      render: (code: string) => labels.term('updateCycles', code),
    },
    {
      title: t('catalog.field.updatedAt'),
      dataIndex: 'modifiedAt',
      width: 110,
      render: formatDate,
    },
    ...(mayEdit
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, row: CatalogEntry) => (
              <Button
                type="link"
                size="small"
                icon={<EditOutlined />}
                onClick={() => navigate(`/console/catalog/resources/${row.resourceId}`)}
              >
                {t('catalog.quality.page.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <ListTable<CatalogEntry>
      list={list}
      rowKey="resourceId"
      size="middle"
      emptyText={t('catalog.quality.page.emptyDepartment')}
      columns={columns}
      scroll={{ x: 900 }}
      expandable={{
        expandedRowRender: (row) => <QualityPanel resourceId={row.resourceId} />,
        expandRowByClick: true,
      }}
      data-testid="quality-resources"
    />
  );
}
