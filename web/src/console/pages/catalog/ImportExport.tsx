import { DownloadOutlined, FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Dropdown, Modal, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { cellOf } from '../../../api/catalog.ts';
import { api, ApiError, apiUrl, type FieldError } from '../../../api/client.ts';
import { invalidateCatalog } from './meta.tsx';
import { useI18n } from '../../../i18n/index.tsx';
import { download } from '../../../lib/download.ts';
import { errorText } from '../../../lib/problems.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every bad cell of a refused import, by sheet, row and column. */
function ProblemsModal({
  problems,
  detail,
  onClose,
}: {
  problems: FieldError[];
  detail: string;
  onClose(): void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open
      width={860}
      title={t('catalog.import.refusedTitle', { count: problems.length })}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{detail}</Typography.Paragraph>
      <Table<FieldError & ReturnType<typeof cellOf> & { key: number }>
        size="small"
        bordered
        data-testid="import-problems"
        pagination={problems.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        dataSource={problems.map((problem, key) => ({ ...problem, ...cellOf(problem.path), key }))}
        columns={[
          {
            title: t('catalog.import.sheet'),
            dataIndex: 'sheet',
            width: 120,
            render: (v?: string) => v ?? '—',
          },
          { title: t('catalog.import.row'), dataIndex: 'row', width: 70, render: (v?: number) => v ?? '—' },
          {
            title: t('catalog.import.column'),
            dataIndex: 'column',
            width: 140,
            render: (v: string | undefined) => v ?? '—',
          },
          { title: t('catalog.import.message'), dataIndex: 'message' },
        ]}
      />
    </Modal>
  );
}

/**
 * 下载模板 / 导出 Excel / 导入 Excel for one department's list. The import is all or nothing: a refusal
 * lists every bad cell; a success says how many resources were created and updated as drafts.
 */
export function ImportExport({ departmentId }: { departmentId: string | undefined }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ problems: FieldError[]; detail: string } | null>(null);

  const upload = async (file: File) => {
    if (!departmentId) {
      message.warning(t('catalog.import.chooseDepartment'));
      return;
    }
    setBusy(true);
    try {
      const typed = file.type ? file : new File([file], file.name, { type: XLSX });
      const result = await api.upload<{ created: number; updated: number }>(
        '/catalog/resources/import',
        typed,
        { departmentId },
      );
      message.success(t('catalog.import.done', { created: result.created, updated: result.updated }));
      await invalidateCatalog(queryClient);
    } catch (error) {
      if (error instanceof ApiError && error.errors.length > 0) {
        setRefusal({ problems: error.errors, detail: error.detail });
      } else {
        message.error(errorText(error, t));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'template', icon: <DownloadOutlined />, label: t('catalog.import.template') },
            { key: 'export', icon: <FileExcelOutlined />, label: t('catalog.import.export') },
          ],
          onClick: ({ key }) => {
            if (key === 'template') download(apiUrl('/catalog/template.xlsx'));
            else download(apiUrl('/catalog/resources.xlsx', { departmentId }));
          },
        }}
      >
        <Button icon={<FileExcelOutlined />} data-testid="excel-menu">
          {t('catalog.import.excel')}
        </Button>
      </Dropdown>
      <Upload
        accept=".xlsx"
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-testid="excel-import">
          {t('catalog.import.import')}
        </Button>
      </Upload>
      {refusal && (
        <ProblemsModal problems={refusal.problems} detail={refusal.detail} onClose={() => setRefusal(null)} />
      )}
    </>
  );
}
