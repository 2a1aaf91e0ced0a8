import { InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Progress, Radio, Result, Select, Space, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import {
  dataFileKind,
  LOAD_ENCODINGS,
  poolKeys,
  poolsApi,
  type Batch,
  type LoadEncoding,
  type LoadMode,
  type PoolTableDetail,
} from '../../../api/pools.ts';
import { useI18n, type MessageKey } from '../../../i18n/index.tsx';
import { errorText } from '../../../lib/problems.ts';
import { BatchReport } from './BatchReport.tsx';
import { invalidatePools } from './poolMeta.tsx';

interface LoadForm {
  /** The chosen file's name (the file itself is kept beside the form). */
  file?: string;
  mode: LoadMode;
  encoding: LoadEncoding | 'auto';
}

const PHASE_TEXT = {
  uploading: 'pools.load.uploading',
  validating: 'pools.load.validating',
  loading: 'pools.load.loading',
} as const satisfies Record<string, MessageKey>;

const running = (batch: Batch | undefined) => batch?.state === 'validating' || batch?.state === 'loading';

/** How far a batch has read its file, in percent (bytes read of the file's size). */
function percentOf(batch: Batch): number {
  if (batch.state === 'loaded') return 100;
  if (!batch.fileBytes) return 0;
  return Math.min(99, Math.floor((batch.bytesRead / batch.fileBytes) * 100));
}

/** Follows a batch until it has ended: polls GET /pools/batches/:id while it runs. */
function useBatch(started: Batch | null) {
  return useQuery({
    queryKey: poolKeys.batch(started?.id ?? ''),
    queryFn: ({ signal }) => poolsApi.batch(started!.id, signal),
    enabled: started !== null,
    initialData: started ?? undefined,
    // The answer of the upload is already the batch: poll only while it is still running.
    staleTime: (query) => (running(query.state.data) ? 0 : Infinity),
    refetchInterval: (query) => (running(query.state.data) ? 500 : false),
  });
}

/** The file's column names as the header may use them, required ones marked. */
function HeaderHint({ table }: { table: PoolTableDetail }) {
  const { t } = useI18n();
  const live = table.columns.filter((column) => !column.retired);
  return (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 16 }}>
      {t('pools.load.columns')}
      {live.map((column, index) => (
        <span key={column.field}>
          {index > 0 && '、'}
          <Typography.Text code>{column.name}</Typography.Text>
          {column.required && t('pools.load.requiredMark')}
        </span>
      ))}
    </Typography.Paragraph>
  );
}

/**
 * 导入: choose a file (dropped or picked; sent as the raw body, not multipart), the mode and the
 * encoding; a progress bar follows the batch on the server; then the new version, or the refusal
 * with its report (row, column, value, reason) and the CSV download.
 */
export function LoadTab({ table, onViewRows }: { table: PoolTableDetail; onViewRows(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<LoadForm>();
  const [file, setFile] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [started, setStarted] = useState<Batch | null>(null);
  const batch = useBatch(started).data;
  const ended = batch !== undefined && !running(batch);

  useEffect(() => {
    if (ended) void invalidatePools(queryClient);
  }, [ended, queryClient]);

  const submit = async (values: LoadForm) => {
    if (!file) return;
    setUploading(true);
    try {
      const next = await poolsApi.load(table.resourceId, file, {
        mode: values.mode,
        encoding: values.encoding === 'auto' ? undefined : values.encoding,
      });
      queryClient.setQueryData(poolKeys.batch(next.id), next);
      setStarted(next);
    } catch (error) {
      message.error(errorText(error, t));
    } finally {
      setUploading(false);
    }
  };

  const reset = () => {
    setStarted(null);
    setFile(null);
    form.setFieldValue('file', undefined);
  };

  if (batch && ended && batch.state === 'loaded') {
    return (
      <Result
        status="success"
        title={t('pools.load.success', { version: batch.version ?? '', rows: batch.rowsLoaded })}
        subTitle={t('pools.load.successDetail', { read: batch.rowsRead, replaced: batch.rowsReplaced })}
        extra={[
          <Button key="rows" type="primary" onClick={onViewRows} data-testid="load-view-rows">
            {t('pools.load.viewRows')}
          </Button>,
          <Button key="again" onClick={reset} data-testid="load-again">
            {t('pools.load.again')}
          </Button>,
        ]}
        data-testid="load-success"
      />
    );
  }

  if (batch && ended) {
    return (
      <div data-testid="load-failed">
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('pools.load.failed')}
          description={
            <>
              <div data-testid="load-failure">
                {batch.failureMessage ?? t('pools.load.failedRows', { count: batch.errorCount })}
              </div>
            </>
          }
          action={
            <Button onClick={reset} data-testid="load-again">
              {t('pools.load.again')}
            </Button>
          }
        />
        <BatchReport batchId={batch.id} />
      </div>
    );
  }

  if (uploading || batch) {
    const phase = uploading || !batch ? 'uploading' : batch.state === 'loading' ? 'loading' : 'validating';
    return (
      <div style={{ maxWidth: 640, padding: '24px 0' }} data-testid="load-progress">
        <Typography.Text strong>{t(PHASE_TEXT[phase])}</Typography.Text>
        {file && (
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {file.name}
          </Typography.Text>
        )}
        <Progress percent={batch ? percentOf(batch) : 0} status="active" />
        {batch && (
          <Typography.Text type="secondary">
            {t('pools.load.progress', { rows: batch.rowsRead })}
          </Typography.Text>
        )}
      </div>
    );
  }

  const pending = table.pendingChanges.length > 0;
  const keyless = table.keyFields.length === 0;
  return (
    <>
      <Typography.Paragraph>{t('pools.load.intro')}</Typography.Paragraph>
      <HeaderHint table={table} />
      {pending && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('pools.load.migrateFirst')} />
      )}
      <Form<LoadForm>
        form={form}
        name="poolLoad"
        layout="vertical"
        style={{ maxWidth: 640 }}
        initialValues={{ mode: 'replace', encoding: 'auto' }}
        onFinish={submit}
        disabled={pending}
      >
        <Form.Item
          name="file"
          label={t('pools.load.file')}
          rules={[
            {
              validator: () =>
                file ? Promise.resolve() : Promise.reject(new Error(t('pools.load.fileRequired'))),
            },
          ]}
        >
          <Upload.Dragger
            accept=".csv,.txt,.xlsx,.jsonl,.ndjson"
            maxCount={1}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            beforeUpload={(picked) => {
              if (!dataFileKind(picked.name)) {
                message.error(t('pools.load.fileType'));
                return Upload.LIST_IGNORE;
              }
              setFile(picked);
              form.setFieldValue('file', picked.name);
              void form.validateFields(['file']);
              return false;
            }}
            onRemove={() => {
              setFile(null);
              form.setFieldValue('file', undefined);
            }}
            data-testid="load-dragger"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('pools.load.drag')}</p>
            <p className="ant-upload-hint">{t('pools.load.dragHint')}</p>
          </Upload.Dragger>
        </Form.Item>
        <Form.Item
          name="mode"
          label={t('pools.load.mode')}
          extra={keyless ? t('pools.load.noKey') : undefined}
        >
          <Radio.Group>
            <Space orientation="vertical">
              {(['replace', 'upsert'] as const).map((mode) => (
                <Radio
                  key={mode}
                  value={mode}
                  disabled={mode === 'upsert' && keyless}
                  data-testid={`load-mode-${mode}`}
                >
                  {t(`pools.load.mode.${mode}`)}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    {t(`pools.load.mode.${mode}Help`)}
                  </Typography.Text>
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="encoding" label={t('pools.load.encoding')} extra={t('pools.load.encodingHelp')}>
          <Select
            style={{ width: 200 }}
            options={(['auto', ...LOAD_ENCODINGS] as const).map((encoding) => ({
              value: encoding,
              label: t(`pools.load.encoding.${encoding}`),
            }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<UploadOutlined />} data-testid="load-start">
          {t('pools.load.start')}
        </Button>
      </Form>
    </>
  );
}
