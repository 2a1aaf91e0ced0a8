import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Typography } from 'antd';
import {
  projectKeys,
  projectsApi,
  type AcceptanceReport,
  type ProjectDetail,
} from '../../../../api/catalog-projects.ts';
import { FormModal } from '../../../../components/FormModal.tsx';
import { useI18n } from '../../../../i18n/index.tsx';
import { invalidateCatalog } from '../meta.tsx';

/** After a decision: the project as the server answered, and every catalog query reloaded. */
function useDecided(project: ProjectDetail) {
  const queryClient = useQueryClient();
  return async (next: ProjectDetail) => {
    queryClient.setQueryData(projectKeys.detail(project.id), next);
    await invalidateCatalog(queryClient);
  };
}

/** 退回项目: the authority rejects a registered project; the reason is required and the act final. */
export function RejectModal({ project, onClose }: { project: ProjectDetail; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const decided = useDecided(project);
  return (
    <FormModal<{ reason: string }>
      name="reject"
      title={t('catalog.projects.reject.title', { name: project.name })}
      okText={t('catalog.projects.reject.ok')}
      fieldNames={['reason']}
      onClose={onClose}
      onSubmit={async ({ reason }) => {
        await decided(await projectsApi.reject(project.id, reason.trim()));
        message.success(t('catalog.projects.reject.done'));
        onClose();
      }}
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('catalog.projects.reject.warning')}
      />
      <Form.Item
        name="reason"
        label={t('catalog.projects.reject.reason')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.requiredField', { field: t('catalog.projects.reject.reason') }),
          },
        ]}
      >
        <Input.TextArea
          rows={4}
          maxLength={2000}
          showCount
          placeholder={t('catalog.projects.reject.placeholder')}
        />
      </Form.Item>
    </FormModal>
  );
}

/**
 * 验收: the authority accepts an approved project. When a promise is unmet (and the profile makes the
 * catalog a condition) acceptance needs an explicit override reason, which is kept with the project.
 */
export function AcceptModal({
  project,
  report,
  onClose,
}: {
  project: ProjectDetail;
  report: AcceptanceReport;
  onClose(): void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const decided = useDecided(project);
  const blocked = report.catalogRule.required && report.verdict === 'failed';
  const unmet = report.resources.filter((row) => row.status !== 'connected');
  return (
    <FormModal<{ override?: string }>
      name="accept"
      title={t('catalog.projects.accept.title', { name: project.name })}
      okText={t(blocked ? 'catalog.projects.accept.overrideOk' : 'catalog.projects.accept.ok')}
      fieldNames={['override']}
      width={620}
      onClose={onClose}
      onSubmit={async ({ override }) => {
        await decided(await projectsApi.accept(project.id, blocked ? override?.trim() : undefined));
        message.success(t('catalog.projects.accept.done'));
        onClose();
      }}
    >
      {blocked ? (
        <>
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('catalog.projects.accept.unmet', {
              count: unmet.length,
              article: report.catalogRule.article ?? '',
            })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {unmet.map((row) => (
                  <li key={row.index}>
                    {row.name ?? `#${row.index + 1}`}：{t(`catalog.projects.status.${row.status}`)}
                  </li>
                ))}
              </ul>
            }
          />
          <Form.Item
            name="override"
            label={t('catalog.projects.accept.override')}
            extra={t('catalog.projects.accept.overrideHelp')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.requiredField', { field: t('catalog.projects.accept.override') }),
              },
            ]}
          >
            <Input.TextArea
              rows={4}
              maxLength={2000}
              showCount
              placeholder={t('catalog.projects.accept.overridePlaceholder')}
            />
          </Form.Item>
        </>
      ) : (
        <Typography.Paragraph>
          {t('catalog.projects.accept.confirm', { count: report.summary.promised })}
        </Typography.Paragraph>
      )}
    </FormModal>
  );
}
