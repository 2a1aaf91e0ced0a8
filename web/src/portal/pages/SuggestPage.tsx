// 建议开放 (/open/suggest): a member of the public suggests data to open, or applies to open data
// not yet open (CQO §14, CQ17 §22 — both are the catalog's demand list, kind 'public'). The page
// says what happens next with the profile's deadline, takes the title, description and use
// scenario, and says where to follow the answer. `?q=` (from a search that found nothing) fills in
// the title.
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { Field, TextAreaField } from '../components/Field.tsx';
import { Loading, usePageTitle } from '../components/States.tsx';
import { usePortalI18n } from '../i18n/index.tsx';
import {
  ACCOUNT_SUGGESTIONS,
  SUGGESTION_FIELDS,
  SUGGESTION_LIMITS,
  suggestApi,
  useSuggestDeadline,
  type Suggestion,
  type SuggestionInput,
} from '../suggest-api.ts';
import { FormProblems, SendButton, useFormErrors } from './dataset/ReportParts.tsx';

type FieldName = (typeof SUGGESTION_FIELDS)[number];

/** What happens to a suggestion, with the profile's deadline for the answer. */
function WhatHappens() {
  const { t } = usePortalI18n();
  const deadline = useSuggestDeadline();
  const rule = deadline.rule;
  return (
    <section aria-labelledby="suggest-how" className="pt-section" data-testid="suggest-how">
      <h2 id="suggest-how">{t('suggest.how')}</h2>
      {!deadline.loaded ? (
        <Loading />
      ) : (
        <p data-testid="suggest-deadline">
          {rule
            ? t(rule.policy ? 'suggest.step.deadlinePolicy' : 'suggest.step.deadline', {
                days: rule.workdays,
                article: rule.article,
              })
            : t('suggest.step.noDeadline')}
        </p>
      )}
      <ul>
        <li>{t('suggest.step.match')}</li>
        <li>{t('suggest.step.route')}</li>
        <li>{t('suggest.step.reject')}</li>
      </ul>
      <p>{t('suggest.step.follow')}</p>
      <p className="pt-muted pt-small" data-testid="suggest-identity">
        {t('suggest.identity')}
      </p>
    </section>
  );
}

/** The suggestion just filed: who takes it, by when it is answered, where to follow it. */
function Sent({ suggestion, onAnother }: { suggestion: Suggestion; onAnother(): void }) {
  const { t, date } = usePortalI18n();
  const { rule } = useSuggestDeadline();
  return (
    <div className="pt-alert pt-alert-success" role="status" data-testid="suggest-sent">
      <p>
        <strong>{t('suggest.sent', { name: suggestion.authority.name })}</strong>
      </p>
      <p data-testid="suggest-due">
        {suggestion.dueOn
          ? rule
            ? t('suggest.sentDueRule', { date: date(suggestion.dueOn), days: rule.workdays })
            : t('suggest.sentDue', { date: date(suggestion.dueOn) })
          : t('suggest.sentNoDue')}
      </p>
      <p className="pt-button-row">
        <Link to={ACCOUNT_SUGGESTIONS} data-testid="suggest-account">
          {t('suggest.seeAccount')}
        </Link>
        <button type="button" className="pt-button pt-button-small pt-button-quiet" onClick={onAnother}>
          {t('suggest.another')}
        </button>
      </p>
    </div>
  );
}

/** The form: each field's problem beside it (the browser's check first, then the server's). */
function SuggestForm({ initialTitle, onSent }: { initialTitle: string; onSent(s: Suggestion): void }) {
  const { t } = usePortalI18n();
  const errors = useFormErrors(SUGGESTION_FIELDS);
  const [values, setValues] = useState<SuggestionInput>({
    title: initialTitle,
    description: '',
    purpose: '',
  });
  // The server refuses an account whose identity it requires and lacks: say why, not the form.
  const [unverified, setUnverified] = useState(false);
  const send = useMutation({
    mutationFn: suggestApi.file,
    onSuccess: onSent,
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'open.identity_required') setUnverified(true);
      else errors.refused(error);
    },
  });
  if (unverified)
    return (
      <p className="pt-alert pt-alert-info" data-testid="suggest-unverified">
        {t('suggest.unverified')}
      </p>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<FieldName, string>> = {};
    for (const name of SUGGESTION_FIELDS) if (!values[name].trim()) found[name] = t('suggest.required');
    if (!errors.check(found)) return;
    send.mutate({
      title: values.title.trim(),
      description: values.description.trim(),
      purpose: values.purpose.trim(),
    });
  };
  const bind = (name: FieldName) => ({
    name,
    label: t(`suggest.field.${name}`),
    hint: t(`suggest.field.${name}Hint`),
    required: true,
    maxLength: SUGGESTION_LIMITS[name],
    value: values[name],
    error: errors.errors[name],
    onChange: (event: { target: { value: string } }) => {
      const value = event.target.value;
      setValues((old) => ({ ...old, [name]: value }));
      errors.clear(name);
    },
  });
  return (
    <form ref={errors.form} noValidate className="pt-form" onSubmit={submit} data-testid="suggest-form">
      <h2>{t('suggest.form')}</h2>
      {initialTitle && (
        <p className="pt-muted pt-small" data-testid="suggest-prefilled">
          {t('suggest.prefilled')}
        </p>
      )}
      <Field {...bind('title')} />
      <TextAreaField {...bind('description')} rows={6} />
      <TextAreaField {...bind('purpose')} />
      <FormProblems problems={errors.others} testId="suggest-problems" />
      <SendButton busy={send.isPending} testId="suggest-submit" />
    </form>
  );
}

/** Who may file here: signed-out visitors sign in (and come back), staff are sent to the console. */
function Gate({ children }: { children: ReactNode }) {
  const { t } = usePortalI18n();
  const session = useSession();
  const location = useLocation();
  if (session.state.status === 'loading') return <Loading />;
  if (!session.info) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return (
      <div data-testid="suggest-signed-out">
        <p>{t('suggest.signedOut')}</p>
        <p className="pt-button-row">
          <Link to={`/open/login?next=${next}`} className="pt-button" data-testid="suggest-sign-in">
            {t('suggest.signIn')}
          </Link>
          <Link to="/open/register" className="pt-button pt-button-quiet">
            {t('suggest.register')}
          </Link>
        </p>
      </div>
    );
  }
  if (!session.can('catalog.demand.suggest'))
    return (
      <p className="pt-alert pt-alert-info" data-testid="suggest-staff">
        {t('suggest.staff')}
      </p>
    );
  return <>{children}</>;
}

/** The page /open/suggest. */
export default function SuggestPage() {
  const { t } = usePortalI18n();
  usePageTitle(t('suggest.title'));
  const [params] = useSearchParams();
  const query = (params.get('q') ?? '').trim().slice(0, SUGGESTION_LIMITS.title);
  const [sent, setSent] = useState<Suggestion | null>(null);
  // A new key after "suggest another" gives an empty form rather than the one just sent.
  const [round, setRound] = useState(0);
  return (
    <div className="pt-wrap pt-narrow pt-stack">
      <h1>{t('suggest.title')}</h1>
      <p className="pt-lead">{t('suggest.lead')}</p>
      <WhatHappens />
      <Gate>
        {sent ? (
          <Sent
            suggestion={sent}
            onAnother={() => {
              setSent(null);
              setRound((n) => n + 1);
            }}
          />
        ) : (
          <SuggestForm key={round} initialTitle={round === 0 ? query : ''} onSent={setSent} />
        )}
      </Gate>
    </div>
  );
}
