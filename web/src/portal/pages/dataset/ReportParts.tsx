// What the report forms of the dataset page share: field errors (the browser's and the server's,
// beside their fields, focus on the first), the problems that name no field, the button, and the
// confirmation with the answer's due date.
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client.ts';
import { TextAreaField } from '../../components/Field.tsx';
import { problemText } from '../../components/States.tsx';
import { usePortalI18n } from '../../i18n/index.tsx';
import { problemsByField, type ParticipationRequest } from '../../participation-forms.ts';

/** Where the requester follows requests and objections (the account page's lists). */
export const ACCOUNT_PARTICIPATION = '/open/account#requests';
/** Where the objector follows objections. */
export const ACCOUNT_OBJECTIONS = '/open/account#objections';

/**
 * A form's errors by field and the problems that name none. `check` shows the browser's own
 * findings, `refused` the server's; both focus the first field in error, in the form's order.
 */
export function useFormErrors<F extends string>(fields: readonly F[]) {
  const { t } = usePortalI18n();
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [others, setOthers] = useState<string[]>([]);
  const focusFirst = (names: string[]) => {
    const first = fields.find((name) => names.includes(name));
    if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };
  return {
    form,
    errors,
    others,
    /** Shows what the browser found; true when nothing is wrong. */
    check(found: Partial<Record<F, string>>): boolean {
      setErrors(found);
      setOthers([]);
      focusFirst(Object.keys(found));
      return Object.keys(found).length === 0;
    },
    /** Shows a refusal: each field problem beside its field, the rest above the button. */
    refused(error: unknown) {
      const { byField, rest } = problemsByField(error, fields);
      setErrors(byField as Partial<Record<F, string>>);
      // A 429's own sentence says how long to wait; the generic one would not.
      const limited = error instanceof ApiError && error.status === 429 && error.detail;
      const general = limited || problemText(error, t);
      setOthers(rest.length > 0 ? rest : Object.keys(byField).length > 0 ? [] : [general]);
      focusFirst(Object.keys(byField));
    },
    /** Drops a field's error once the user changes it. */
    clear(name: F) {
      setErrors((old) => (old[name] ? { ...old, [name]: undefined } : old));
    },
  };
}

/** The forms whose statement field this is: its label and hint are `<form>.statement(Hint)`. */
export type StatementForm = 'correction' | 'dataError' | 'opinion' | 'objection';

/** The required statement of a report form: what is wrong, as the user tells it. */
export function StatementField(props: {
  form: StatementForm;
  value: string;
  error: string | undefined;
  maxLength: number;
  onChange(value: string): void;
}) {
  const { t } = usePortalI18n();
  return (
    <TextAreaField
      name="statement"
      label={t(`${props.form}.statement`)}
      hint={t(`${props.form}.statementHint`)}
      required
      maxLength={props.maxLength}
      value={props.value}
      error={props.error}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}

/** The problems of a refusal that name no field, above the button. */
export function FormProblems({ problems, testId }: { problems: string[]; testId: string }) {
  if (problems.length === 0) return null;
  return (
    <div className="pt-alert pt-alert-error" role="alert" data-testid={testId}>
      {problems.join('；')}
    </div>
  );
}

/** The submit button, saying so while sending. */
export function SendButton({ busy, testId }: { busy: boolean; testId: string }) {
  const { t } = usePortalI18n();
  return (
    <button type="submit" className="pt-button" disabled={busy} data-testid={testId}>
      {busy ? t('participation.sending') : t('participation.send')}
    </button>
  );
}

/** A correction, error report or opinion just sent: who handles it, by when, where to follow it. */
export function RequestSent({ request, onAnother }: { request: ParticipationRequest; onAnother(): void }) {
  const { t, date } = usePortalI18n();
  return (
    <div className="pt-alert pt-alert-success" role="status" data-testid="report-sent">
      <p>
        <strong>{t('report.sent', { name: request.responsible.name })}</strong>
      </p>
      <p data-testid="report-due">
        {request.dueOn
          ? request.replyRule
            ? t('report.sentDueRule', { date: date(request.dueOn), days: request.replyRule.workdays })
            : t('report.sentDue', { date: date(request.dueOn) })
          : t('report.sentNoDue')}
      </p>
      <p className="pt-button-row">
        <Link to={ACCOUNT_PARTICIPATION}>{t('report.seeAccount')}</Link>
        <button type="button" className="pt-button pt-button-small pt-button-quiet" onClick={onAnother}>
          {t('report.another')}
        </button>
      </p>
    </div>
  );
}
