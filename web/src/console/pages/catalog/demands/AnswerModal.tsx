import { Alert, Form, Input } from 'antd';
import type { DemandDetail } from '../../../../api/catalog-demands.ts';
import { api } from '../../../../api/client.ts';
import { DepartmentSelect } from '../../../../components/DepartmentSelect.tsx';
import { FormModal } from '../../../../components/FormModal.tsx';
import { useI18n } from '../../../../i18n/index.tsx';
import { ResourcePicker } from './parts.tsx';

/** The acts on a demand: the authority's match / route / reject, the routed provider's accept / decline / link. */
export type AnswerAct = 'match' | 'route' | 'reject' | 'accept' | 'decline' | 'link';

interface AnswerValues {
  resourceIds?: string[];
  resourceId?: string;
  departmentId?: string;
  reason?: string;
  note?: string;
}

// What each act sends; the server names its field errors by these names (/body/<field>).
const FIELDS: Record<AnswerAct, readonly string[]> = {
  match: ['resourceIds', 'note'],
  route: ['departmentId', 'note'],
  reject: ['reason'],
  accept: ['resourceId', 'note'],
  decline: ['reason'],
  link: ['resourceId', 'note'],
};

/** The body of an act: only its own fields, texts trimmed, empty optional ones left out. */
function bodyOf(act: AnswerAct, values: AnswerValues): Record<string, unknown> {
  const note = values.note?.trim();
  const body: Record<string, unknown> = {};
  for (const field of FIELDS[act]) {
    const value = field === 'note' ? note : values[field as keyof AnswerValues];
    if (typeof value === 'string') {
      if (value.trim()) body[field] = value.trim();
    } else if (value !== undefined) body[field] = value;
  }
  return body;
}

/**
 * The dialog of one answer to a demand. Each answer is final (the case moves on), so the dialog says
 * what follows; a refusal and a decline need a reason the requester will read. The server's field
 * errors (a resource that is not shared or not open, a department that cannot provide) land beside
 * their field, its other refusals above the form.
 */
export function AnswerModal({
  act,
  demand,
  ownDepartmentId,
  onDone,
  onClose,
}: {
  act: AnswerAct;
  demand: DemandDetail;
  ownDepartmentId?: string;
  onDone(act: AnswerAct, demand: DemandDetail): void;
  onClose(): void;
}) {
  const { t } = useI18n();
  const reasonRules = [
    {
      required: true,
      whitespace: true,
      message: t('common.requiredField', { field: t('catalog.demands.answer.reason') }),
    },
  ];
  const note = (
    <Form.Item name="note" label={t('catalog.demands.answer.note')}>
      <Input.TextArea
        maxLength={2000}
        autoSize={{ minRows: 2, maxRows: 5 }}
        placeholder={
          act === 'match'
            ? t(`catalog.demands.match.notePlaceholder.${demand.catalog}`)
            : act === 'route' || act === 'accept' || act === 'link'
              ? t(`catalog.demands.${act}.notePlaceholder`)
              : undefined
        }
      />
    </Form.Item>
  );
  const initialValues: AnswerValues =
    act === 'match'
      ? { resourceIds: demand.candidates.filter((c) => c.published).map((c) => c.id) }
      : act === 'route' && demand.suggestedProvider?.id !== demand.requesterDepartment?.id
        ? { departmentId: demand.suggestedProvider?.id }
        : {};
  const final = act !== 'link';

  return (
    <FormModal<AnswerValues>
      name={`answer-${act}`}
      title={t(`catalog.demands.${act}.title`)}
      okText={t(`catalog.demands.act.${act}`)}
      width={640}
      initialValues={initialValues}
      fieldNames={FIELDS[act]}
      onSubmit={async (values) =>
        onDone(act, await api.post<DemandDetail>(`/catalog/demands/${demand.id}/${act}`, bodyOf(act, values)))
      }
      onClose={onClose}
    >
      <Alert
        type={act === 'reject' || act === 'decline' ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        title={t(`catalog.demands.${act}.help`)}
        description={final ? t('catalog.demands.answer.final') : undefined}
      />
      {act === 'match' && (
        <>
          <Form.Item
            name="resourceIds"
            label={t('catalog.demands.match.resources')}
            extra={t(`catalog.demands.match.resourcesHelp.${demand.catalog}`)}
            rules={[{ required: true, message: t('catalog.demands.match.resourcesRequired') }]}
          >
            <ResourcePicker multiple audience={demand.catalog} known={demand.candidates} />
          </Form.Item>
          {note}
        </>
      )}
      {act === 'route' && (
        <>
          <Form.Item
            name="departmentId"
            label={t('catalog.demands.route.department')}
            rules={[
              {
                required: true,
                message: t('common.requiredSelect', { field: t('catalog.demands.route.department') }),
              },
            ]}
          >
            <DepartmentSelect
              excludeId={demand.requesterDepartment?.id}
              initialLabel={demand.suggestedProvider?.name}
            />
          </Form.Item>
          {note}
        </>
      )}
      {(act === 'reject' || act === 'decline') && (
        <Form.Item name="reason" label={t('catalog.demands.answer.reason')} rules={reasonRules}>
          <Input.TextArea
            maxLength={2000}
            autoSize={{ minRows: 3, maxRows: 6 }}
            placeholder={t(`catalog.demands.${act}.reasonPlaceholder`)}
          />
        </Form.Item>
      )}
      {(act === 'accept' || act === 'link') && (
        <>
          <Form.Item
            name="resourceId"
            label={t(`catalog.demands.${act}.resource`)}
            extra={t('catalog.demands.link.resourceHelp')}
            rules={
              act === 'link'
                ? [
                    {
                      required: true,
                      message: t('common.requiredSelect', { field: t('catalog.demands.link.resource') }),
                    },
                  ]
                : []
            }
          >
            <ResourcePicker audience={demand.catalog} departmentId={ownDepartmentId} />
          </Form.Item>
          {note}
        </>
      )}
    </FormModal>
  );
}
