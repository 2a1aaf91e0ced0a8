import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import {
  openingApi,
  OUTCOME_KINDS,
  type FeedbackOutcome,
  type OpenAgreementDetail,
  type OutcomeKind,
} from '../../../api/opening.ts';
import { Field, TextAreaField } from '../../components/Field.tsx';
import { Empty, ErrorMessage } from '../../components/States.tsx';
import { fieldProblems, useRefreshConditional } from '../../conditional.ts';
import { usePortalI18n } from '../../i18n/index.tsx';

/** Statuses in which access has been opened, so use can be reported. */
const REPORTABLE = new Set(['active', 'ended', 'suspended']);

interface OutcomeDraft {
  key: number;
  kind: OutcomeKind;
  title: string;
  citation: string;
  url: string;
}

/** When the next report is due, and a warning once it is late. */
function Schedule({ agreement }: { agreement: OpenAgreementDetail }) {
  const { t, date } = usePortalI18n();
  const schedule = agreement.feedback;
  if (!schedule) return null;
  return (
    <div data-testid="feedback-schedule">
      <p>{t('agreement.feedbackEveryValue', { days: schedule.everyDays })}</p>
      {schedule.nextDueOn && <p>{t('feedback.nextDue', { date: date(schedule.nextDueOn) })}</p>}
      {schedule.finalReportIn && <p>{t('feedback.finalIn')}</p>}
      {schedule.overdue && (
        <p className="pt-alert pt-alert-error" role="alert" data-testid="feedback-overdue">
          {t('feedback.overdue')}
        </p>
      )}
    </div>
  );
}

/** One outcome's fields (kind, title, citation, address) with its remove button. */
function OutcomeFields({
  draft,
  index,
  onChange,
  onRemove,
  titleError,
}: {
  draft: OutcomeDraft;
  index: number;
  onChange(draft: OutcomeDraft): void;
  onRemove(): void;
  titleError?: string | undefined;
}) {
  const { t } = usePortalI18n();
  const kindId = useId();
  const n = index + 1;
  return (
    <fieldset className="pt-outcome" data-testid="feedback-outcome">
      <legend>{t('feedback.outcomeN', { n })}</legend>
      <div className="pt-field">
        <label htmlFor={kindId}>{t('feedback.kind')}</label>
        <select
          id={kindId}
          value={draft.kind}
          onChange={(event) => onChange({ ...draft, kind: event.target.value as OutcomeKind })}
        >
          {OUTCOME_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`feedback.kind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <Field
        name={`outcomeTitle${n}`}
        label={t('feedback.outcomeTitle')}
        required
        maxLength={300}
        value={draft.title}
        error={titleError}
        onChange={(event) => onChange({ ...draft, title: event.target.value })}
      />
      <Field
        name={`outcomeCitation${n}`}
        label={t('feedback.citation')}
        hint={t('feedback.citationHint')}
        maxLength={500}
        value={draft.citation}
        onChange={(event) => onChange({ ...draft, citation: event.target.value })}
      />
      <Field
        name={`outcomeUrl${n}`}
        type="url"
        label={t('feedback.url')}
        maxLength={500}
        value={draft.url}
        onChange={(event) => onChange({ ...draft, url: event.target.value })}
      />
      <button type="button" className="pt-link-button" onClick={onRemove}>
        {t('feedback.removeOutcome', { n })}
      </button>
    </fieldset>
  );
}

/** The report form: what the data was used for, and the outcomes that cite it. */
function FeedbackForm({ agreement }: { agreement: OpenAgreementDetail }) {
  const { t } = usePortalI18n();
  const refresh = useRefreshConditional();
  const [summary, setSummary] = useState('');
  const [outcomes, setOutcomes] = useState<OutcomeDraft[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [next, setNext] = useState(1);
  const send = useMutation({
    mutationFn: (body: { summary: string; outcomes: FeedbackOutcome[] }) =>
      openingApi.feedback(agreement.id, body),
    onSuccess: () => {
      setSummary('');
      setOutcomes([]);
      void refresh();
    },
    onError: (error) => setErrors(fieldProblems(error, ['summary', 'outcomes']).byField),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!summary.trim()) found.summary = t('register.error.required');
    outcomes.forEach((draft) => {
      if (!draft.title.trim()) found[`title${draft.key}`] = t('register.error.required');
    });
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    send.mutate({
      summary: summary.trim(),
      outcomes: outcomes.map((draft) => ({
        kind: draft.kind,
        title: draft.title.trim(),
        ...(draft.citation.trim() ? { citation: draft.citation.trim() } : {}),
        ...(draft.url.trim() ? { url: draft.url.trim() } : {}),
      })),
    });
  };
  return (
    <form noValidate className="pt-form" onSubmit={submit} data-testid="feedback-form">
      <h3>{t('feedback.formTitle')}</h3>
      <TextAreaField
        name="summary"
        label={t('feedback.summary')}
        hint={t('feedback.summaryHint')}
        required
        maxLength={4000}
        value={summary}
        error={errors.summary}
        onChange={(event) => setSummary(event.target.value)}
      />
      {outcomes.map((draft, index) => (
        <OutcomeFields
          key={draft.key}
          draft={draft}
          index={index}
          titleError={errors[`title${draft.key}`]}
          onChange={(changed) =>
            setOutcomes((all) => all.map((one) => (one.key === draft.key ? changed : one)))
          }
          onRemove={() => setOutcomes((all) => all.filter((one) => one.key !== draft.key))}
        />
      ))}
      {errors.outcomes && <p className="pt-field-error">{errors.outcomes}</p>}
      <p>
        <button
          type="button"
          className="pt-button pt-button-small pt-button-quiet"
          data-testid="feedback-add-outcome"
          onClick={() => {
            setOutcomes((all) => [...all, { key: next, kind: 'paper', title: '', citation: '', url: '' }]);
            setNext(next + 1);
          }}
        >
          {t('feedback.addOutcome')}
        </button>
      </p>
      {send.isError && Object.keys(errors).length === 0 && (
        <ErrorMessage error={send.error} testId="feedback-error" />
      )}
      <div aria-live="polite">
        {send.isSuccess && (
          <p className="pt-alert pt-alert-success" data-testid="feedback-sent">
            {t('feedback.sent')}
          </p>
        )}
      </div>
      <button type="submit" className="pt-button" disabled={send.isPending} data-testid="feedback-submit">
        {t('feedback.submit')}
      </button>
    </form>
  );
}

/** The reports filed, newest first. */
function History({ agreement }: { agreement: OpenAgreementDetail }) {
  const { t, date } = usePortalI18n();
  if (agreement.feedbackList.length === 0) return <Empty>{t('feedback.none')}</Empty>;
  return (
    <ol className="pt-feedback-list" data-testid="feedback-history">
      {agreement.feedbackList.map((report) => (
        <li key={report.id} data-testid="feedback-entry">
          <p className="pt-muted pt-small">
            {date(report.createdAt, true)}
            {` · ${report.submittedByName}`}
          </p>
          <p className="pt-pre-line">{report.summary}</p>
          {report.outcomes.length > 0 && (
            <ul>
              {report.outcomes.map((outcome, index) => (
                <li key={index}>
                  {t(`feedback.kind.${outcome.kind}`)}：{outcome.title}
                  {outcome.citation ? ` — ${outcome.citation}` : ''}
                  {outcome.url && /^https?:\/\//i.test(outcome.url) && (
                    <>
                      {' '}
                      <a href={outcome.url} rel="noopener noreferrer nofollow" target="_blank">
                        {t('feedback.link')}
                      </a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

/** 数据利用反馈: the schedule, the form (once access has opened) and the reports so far. */
export function FeedbackSection({ agreement }: { agreement: OpenAgreementDetail }) {
  const { t } = usePortalI18n();
  const reportable = REPORTABLE.has(agreement.status);
  return (
    <>
      <p className="pt-muted">{t('feedback.lead')}</p>
      <Schedule agreement={agreement} />
      {reportable ? <FeedbackForm agreement={agreement} /> : <Empty>{t('feedback.notYet')}</Empty>}
      <h3>{t('feedback.history')}</h3>
      <History agreement={agreement} />
    </>
  );
}
