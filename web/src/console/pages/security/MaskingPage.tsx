import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { poolsApi } from '../../../api/pools.ts';
import {
  maskingApi,
  type MaskingItem,
  type MaskingPreview,
  type MaskRule,
} from '../../../api/security-masking.ts';
import { LevelTag } from '../../../components/LevelTag.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useI18n, type MessageKey } from '../../../i18n/index.tsx';
import { errorText } from '../../../lib/problems.ts';
import { KAnonymityPanel } from './KAnonymityPanel.tsx';
import { ResourceLevelTag } from './ResourceLevel.tsx';
import { RuleEditor, ruleSummary } from './RuleEditor.tsx';

const SENSITIVITY_COLOR: Record<string, string> = {
  general: 'default',
  personal: 'orange',
  sensitive: 'red',
};
const cell = (value: unknown) => (value === null || value === undefined ? '—' : String(value));

/**
 * 数据脱敏: pick a resource, see each item's type, sensitivity, level and the rule in force (its own
 * or the profile's default), edit a rule, preview a masked sample in one click, and check k-anonymity.
 */
export default function MaskingPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [resourceId, setResourceId] = useState<string | undefined>();
  const [editing, setEditing] = useState<MaskingItem | null>(null);
  const [preview, setPreview] = useState<MaskingPreview | null>(null);
  // The server's refusal of a rule, by field name: shown in the item's row so that it stays beside
  // the item once the dialog is closed (the toast goes away).
  const [refused, setRefused] = useState<Record<string, string>>({});
  const tables = useQuery({
    queryKey: ['pools', 'tables'],
    queryFn: ({ signal }) => poolsApi.tables(signal),
  });
  const view = useQuery({
    queryKey: ['masking', resourceId],
    queryFn: ({ signal }) => maskingApi.view(resourceId!, signal),
    enabled: Boolean(resourceId),
  });
  const done = (data: unknown) => {
    client.setQueryData(['masking', resourceId], data);
    setPreview(null);
  };
  const save = useMutation({
    mutationFn: ({ item, rule, note }: { item: MaskingItem; rule: MaskRule; note?: string }) =>
      maskingApi.setRule(resourceId!, item.fieldName, rule, note),
    onSuccess: (data, { item }) => {
      done(data);
      setEditing(null);
      setRefused(({ [item.fieldName]: _gone, ...rest }) => rest);
      message.success(t('masking.saved'));
    },
    // The dialog stays open and shows the refusal beside the field it names (see RuleEditor).
    onError: (error, { item }) => {
      const reason = errorText(error, t);
      setRefused((current) => ({ ...current, [item.fieldName]: reason }));
    },
  });
  // A refusal of the last save is for the dialog it was made in, not for the next one.
  const edit = (item: MaskingItem | null) => {
    save.reset();
    setEditing(item);
  };
  const clear = useMutation({
    mutationFn: (item: MaskingItem) => maskingApi.clearRule(resourceId!, item.fieldName),
    onSuccess: (data) => {
      done(data);
      message.success(t('masking.cleared'));
    },
    onError: (error) => message.error(errorText(error, t)),
  });
  const sample = useMutation({
    mutationFn: () => maskingApi.preview(resourceId!, 20),
    onSuccess: setPreview,
    onError: (error) => message.error(errorText(error, t)),
  });
  const data = view.data;

  const columns: TableColumnsType<MaskingItem> = [
    {
      title: t('masking.item'),
      dataIndex: 'name',
      render: (name: string, item) => (
        <Flex vertical>
          <Typography.Text>
            {name} {item.isKey && <Tag>{t('masking.key')}</Tag>}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.fieldName}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('masking.type'),
      dataIndex: 'dataType',
      render: (type: string) => t(`masking.type.${type}` as MessageKey),
    },
    {
      title: t('masking.sensitivity'),
      dataIndex: 'sensitivity',
      filters: ['general', 'personal', 'sensitive'].map((v) => ({
        value: v,
        text: t(`masking.sensitivity.${v}` as MessageKey),
      })),
      onFilter: (value, item) => item.sensitivity === value,
      render: (s: string) => (
        <Tag color={SENSITIVITY_COLOR[s]}>{t(`masking.sensitivity.${s}` as MessageKey)}</Tag>
      ),
    },
    {
      title: t('masking.levelColumn'),
      dataIndex: 'level',
      render: (level: string) => <LevelTag level={level} />,
    },
    {
      title: t('masking.rule'),
      render: (_, item) => (
        <Flex vertical>
          <Typography.Text>{ruleSummary(item.rule, t)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {item.source === 'rule'
              ? t('masking.source.rule', { by: item.updatedByName ?? '—' })
              : t('masking.source.default')}
          </Typography.Text>
          {refused[item.fieldName] && (
            <Typography.Text type="danger" role="alert" data-testid="rule-refused">
              {t('masking.refused', { reason: refused[item.fieldName]! })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: t('common.actions'),
      render: (_, item) =>
        data?.canManage ? (
          <Space>
            <Button size="small" data-testid="rule-edit" onClick={() => edit(item)}>
              {t('masking.edit')}
            </Button>
            {item.source === 'rule' && (
              <Popconfirm title={t('masking.clearConfirm')} onConfirm={() => clear.mutate(item)}>
                <Button size="small" type="link">
                  {t('masking.clear')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader title={t('masking.title')} description={t('masking.description')} />
      <Card>
        <Flex gap={12} align="center" wrap>
          <label htmlFor="masking-resource">{t('masking.pickResource')}</label>
          <Select
            id="masking-resource"
            showSearch
            style={{ minWidth: 420 }}
            placeholder={t('masking.pickPlaceholder')}
            loading={tables.isLoading}
            value={resourceId}
            optionFilterProp="label"
            onChange={(id: string) => {
              setResourceId(id);
              setPreview(null);
              setRefused({});
            }}
            options={(tables.data ?? []).map((row) => ({
              value: row.resourceId,
              label: `${row.name}（${row.code}，${row.departmentName}）`,
            }))}
          />
          {data && (
            <Button
              type="primary"
              data-testid="masking-preview"
              onClick={() => sample.mutate()}
              loading={sample.isPending}
              disabled={!data.hasTable}
            >
              {t('masking.preview')}
            </Button>
          )}
        </Flex>
        {tables.isError && <QueryError error={tables.error} />}
        {view.isError && <QueryError error={view.error} />}
        {!resourceId && <Empty style={{ marginTop: 24 }} description={t('masking.empty')} />}
        {data && (
          <Flex gap={8} align="center" style={{ marginTop: 16 }} data-testid="masking-resource-level">
            <Typography.Text>{t('masking.resourceLevel')}</Typography.Text>
            {/* From the catalog entry: it carries the sub-level, which the masking view does not. */}
            <ResourceLevelTag resourceId={data.resourceId} />
          </Flex>
        )}
        {data && (
          <Table
            data-testid="masking-items"
            style={{ marginTop: 16 }}
            rowKey="fieldName"
            size="middle"
            pagination={false}
            columns={columns}
            dataSource={data.items}
          />
        )}
      </Card>
      {preview && <PreviewCard preview={preview} />}
      {data && data.hasTable && <KAnonymityPanel resourceId={data.resourceId} items={data.items} />}
      <RuleEditor
        item={editing}
        saving={save.isPending}
        error={save.error}
        onCancel={() => edit(null)}
        onSave={(rule, note) => editing && save.mutate({ item: editing, rule, note })}
      />
    </>
  );
}

function PreviewCard({ preview }: { preview: MaskingPreview }) {
  const { t } = useI18n();
  const rows = preview.rows.map((row, index) => ({ ...row, _index: index }));
  return (
    <Card
      title={t('masking.previewTitle', { count: preview.rows.length })}
      style={{ marginTop: 16 }}
      data-testid="masking-preview-card"
    >
      {preview.rows.length === 0 ? (
        <Empty description={t('masking.previewEmpty')} />
      ) : (
        <Table
          size="small"
          rowKey="_index"
          pagination={false}
          scroll={{ x: true }}
          dataSource={rows}
          columns={preview.fields.map((field) => ({
            title: field.name,
            render: (_: unknown, row: Record<string, unknown>) => (
              <Flex vertical>
                <span>{cell(row[field.fieldName])}</span>
                {preview.original && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('masking.originalValue', {
                      value: cell(preview.original[row._index as number]?.[field.fieldName]),
                    })}
                  </Typography.Text>
                )}
              </Flex>
            ),
          }))}
        />
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {preview.original ? t('masking.previewWithOriginal') : t('masking.previewMaskedOnly')}
      </Typography.Paragraph>
    </Card>
  );
}
