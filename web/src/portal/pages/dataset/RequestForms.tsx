// The three requests a verified public user sends about a dataset and that are answered in the
// portal: a correction of its open-catalog entry (CQ19 §32) and a data error report (CQO §22), both
// answered by the provider within the profile's days, and an opinion (CQ19 §37) for the authority.
import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { DatasetPage } from '../../api.ts';
import { ChoiceGroup, Field, TextAreaField } from '../../components/Field.tsx';
import { usePortalI18n } from '../../i18n/index.tsx';
import {
  CATALOG_TOPICS,
  reportApi,
  type CatalogTopic,
  type ParticipationRequest,
} from '../../participation-forms.ts';
import { FormProblems, SendButton, StatementField, useFormErrors } from './ReportParts.tsx';

/** The longest statement the server takes. */
const TEXT_LIMIT = 2000;

interface FormProps {
  dataset: DatasetPage;
  onSent(request: ParticipationRequest): void;
}

const optional = (text: string) => (text.trim() ? text.trim() : undefined);

const CORRECTION_FIELDS = ['topic', 'statement', 'proposal'] as const;

/** 开放目录更正申请: which part of the entry, what is wrong, and what it should say. */
export function CorrectionForm({ dataset, onSent }: FormProps) {
  const { t } = usePortalI18n();
  const id = useId();
  const errors = useFormErrors(CORRECTION_FIELDS);
  const [topic, setTopic] = useState<CatalogTopic | ''>('');
  const [statement, setStatement] = useState('');
  const [proposal, setProposal] = useState('');
  const send = useMutation({
    mutationFn: (body: { topic: CatalogTopic; statement: string; proposal?: string }) =>
      reportApi.correction(dataset.id, body),
    onSuccess: onSent,
    onError: errors.refused,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<(typeof CORRECTION_FIELDS)[number], string>> = {};
    if (!topic) found.topic = t('correction.topicRequired');
    if (!statement.trim()) found.statement = t('participation.required');
    if (!errors.check(found) || !topic) return;
    send.mutate({ topic, statement: statement.trim(), proposal: optional(proposal) });
  };
  const topicError = errors.errors.topic;
  return (
    <form ref={errors.form} noValidate className="pt-form" onSubmit={submit} data-testid="correction-form">
      <h3>{t('correction.title')}</h3>
      <p className="pt-muted pt-small">{t('correction.lead')}</p>
      <div className={topicError ? 'pt-field pt-field-invalid' : 'pt-field'} data-field="topic">
        <label htmlFor={`${id}-topic`}>
          {t('correction.topic')}
          <span className="pt-required" aria-hidden="true">
            {' '}
            *
          </span>
        </label>
        <select
          id={`${id}-topic`}
          name="topic"
          required
          className="pt-select"
          value={topic}
          aria-invalid={topicError ? true : undefined}
          aria-describedby={topicError ? `${id}-topic-error` : undefined}
          data-testid="field-topic"
          onChange={(event) => {
            setTopic(CATALOG_TOPICS.find((value) => value === event.target.value) ?? '');
            errors.clear('topic');
          }}
        >
          <option value="">{t('correction.topicChoose')}</option>
          {CATALOG_TOPICS.map((value) => (
            <option key={value} value={value}>
              {t(`correction.topic.${value}`)}
            </option>
          ))}
        </select>
        {topicError && (
          <p id={`${id}-topic-error`} className="pt-field-error" data-testid="error-topic">
            {topicError}
          </p>
        )}
      </div>
      <StatementField
        form="correction"
        maxLength={TEXT_LIMIT}
        value={statement}
        error={errors.errors.statement}
        onChange={(value) => {
          setStatement(value);
          errors.clear('statement');
        }}
      />
      <TextAreaField
        name="proposal"
        label={t('correction.proposal')}
        hint={t('correction.proposalHint')}
        maxLength={TEXT_LIMIT}
        value={proposal}
        error={errors.errors.proposal}
        onChange={(event) => {
          setProposal(event.target.value);
          errors.clear('proposal');
        }}
      />
      <FormProblems problems={errors.others} testId="correction-problems" />
      <SendButton busy={send.isPending} testId="correction-submit" />
    </form>
  );
}

const ERROR_FIELDS = ['statement', 'fields', 'location'] as const;

/** 数据校核申请: what is wrong, which of the dataset's items, and where. */
export function DataErrorForm({ dataset, onSent }: FormProps) {
  const { t } = usePortalI18n();
  const errors = useFormErrors(ERROR_FIELDS);
  const [statement, setStatement] = useState('');
  const [fields, setFields] = useState<string[]>([]);
  const [location, setLocation] = useState('');
  const send = useMutation({
    mutationFn: (body: { statement: string; fields: string[]; location?: string }) =>
      reportApi.errorReport(dataset.id, body),
    onSuccess: onSent,
    onError: errors.refused,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!errors.check(statement.trim() ? {} : { statement: t('participation.required') })) return;
    // In the order of the dataset's items, as the provider reads them.
    const chosen = dataset.items.map((item) => item.fieldName).filter((name) => fields.includes(name));
    send.mutate({ statement: statement.trim(), fields: chosen, location: optional(location) });
  };
  return (
    <form ref={errors.form} noValidate className="pt-form" onSubmit={submit} data-testid="error-report-form">
      <h3>{t('dataError.title')}</h3>
      <p className="pt-muted pt-small">{t('dataError.lead')}</p>
      <StatementField
        form="dataError"
        maxLength={TEXT_LIMIT}
        value={statement}
        error={errors.errors.statement}
        onChange={(value) => {
          setStatement(value);
          errors.clear('statement');
        }}
      />
      {dataset.items.length > 0 && (
        <ChoiceGroup
          name="fields"
          legend={t('dataError.fields')}
          hint={t('dataError.fieldsHint', { checked: fields.length, total: dataset.items.length })}
          choices={dataset.items.map((item) => ({
            value: item.fieldName,
            label: item.name,
            note: item.fieldName,
          }))}
          value={fields}
          error={errors.errors.fields}
          onChange={(next) => {
            setFields(next);
            errors.clear('fields');
          }}
        />
      )}
      <Field
        name="location"
        label={t('dataError.location')}
        hint={t('dataError.locationHint')}
        maxLength={500}
        value={location}
        error={errors.errors.location}
        onChange={(event) => {
          setLocation(event.target.value);
          errors.clear('location');
        }}
      />
      <FormProblems problems={errors.others} testId="error-report-problems" />
      <SendButton busy={send.isPending} testId="error-report-submit" />
    </form>
  );
}

const OPINION_FIELDS = ['statement'] as const;

/** 开放工作意见 about this dataset, for the data authority of its region. */
export function OpinionForm({ dataset, onSent }: FormProps) {
  const { t } = usePortalI18n();
  const errors = useFormErrors(OPINION_FIELDS);
  const [statement, setStatement] = useState('');
  const send = useMutation({
    mutationFn: (text: string) => reportApi.opinion({ resourceId: dataset.id, statement: text }),
    onSuccess: onSent,
    onError: errors.refused,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!errors.check(statement.trim() ? {} : { statement: t('participation.required') })) return;
    send.mutate(statement.trim());
  };
  return (
    <form ref={errors.form} noValidate className="pt-form" onSubmit={submit} data-testid="opinion-form">
      <h3>{t('opinion.title')}</h3>
      <p className="pt-muted pt-small">{t('opinion.lead')}</p>
      <StatementField
        form="opinion"
        maxLength={TEXT_LIMIT}
        value={statement}
        error={errors.errors.statement}
        onChange={(value) => {
          setStatement(value);
          errors.clear('statement');
        }}
      />
      <FormProblems problems={errors.others} testId="opinion-problems" />
      <SendButton busy={send.isPending} testId="opinion-submit" />
    </form>
  );
}
