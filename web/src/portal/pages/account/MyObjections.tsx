import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { accountApi, type OwnObjection } from '../../account-api.ts';
import { Empty, ErrorMessage, Loading } from '../../components/States.tsx';
import { usePortalI18n } from '../../i18n/index.tsx';
import '../../account.css';

const EVIDENCE_TYPES = ['application/pdf', 'image/png', 'image/jpeg'];

/** Adding an evidence file while the objection waits: one file per upload, checked for its type. */
function AddEvidence({ objection }: { objection: OwnObjection }) {
  const { t } = usePortalI18n();
  const queryClient = useQueryClient();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();
  const upload = useMutation({
    mutationFn: (file: File) => accountApi.addEvidence(objection.id, file),
    onSuccess: (stored) => {
      setDone(t('acct.obj.uploaded', { name: stored.name }));
      if (input.current) input.current.value = '';
      void queryClient.invalidateQueries({ queryKey: ['open', 'my-objections'] });
      void queryClient.invalidateQueries({ queryKey: ['open', 'objection-evidence', objection.id] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    const file = input.current?.files?.[0];
    if (!file) return setError(t('acct.obj.evidencePick'));
    // The server checks the bytes too; this only spares a refused upload of a plainly wrong file.
    if (!EVIDENCE_TYPES.includes(file.type)) return setError(t('acct.obj.evidenceType'));
    setError(undefined);
    upload.mutate(file);
  };
  const describedBy = [`${inputId}-hint`, error ? `${inputId}-error` : ''].filter(Boolean).join(' ');
  return (
    <form noValidate onSubmit={submit} className="pt-form pt-form-inline" data-testid="evidence-form">
      <div className={error ? 'pt-field pt-field-invalid' : 'pt-field'}>
        <label htmlFor={inputId}>{t('acct.obj.addEvidence')}</label>
        <input
          id={inputId}
          ref={input}
          type="file"
          accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          data-testid="evidence-file"
          onChange={() => setError(undefined)}
        />
        <p id={`${inputId}-hint`} className="pt-field-hint">
          {t('acct.obj.evidenceHint')}
        </p>
        {error && (
          <p id={`${inputId}-error`} className="pt-field-error" data-testid="error-evidence">
            {error}
          </p>
        )}
      </div>
      <button type="submit" className="pt-button pt-button-small" disabled={upload.isPending}>
        {t('acct.obj.upload')}
      </button>
      {upload.isError && <ErrorMessage error={upload.error} testId="evidence-refused" />}
      {done && (
        <p className="pt-alert pt-alert-success" role="status">
          {done}
        </p>
      )}
    </form>
  );
}

/** The names of the files sent so far (fetched when the objection is opened). */
function EvidenceList({ objection }: { objection: OwnObjection }) {
  const { date } = usePortalI18n();
  const evidence = useQuery({
    queryKey: ['open', 'objection-evidence', objection.id],
    queryFn: () => accountApi.objectionEvidence(objection.id),
  });
  if (evidence.isPending) return <Loading />;
  if (evidence.isError) return <ErrorMessage error={evidence.error} />;
  return (
    <ul className="pt-plain-list">
      {evidence.data.map((file) => (
        <li key={file.id}>
          {file.name} <span className="pt-muted pt-small">({date(file.createdAt, true)})</span>
        </li>
      ))}
    </ul>
  );
}

/** One objection: dataset, ground, state, the provider's answer, and evidence while it waits. */
function ObjectionItem({ objection }: { objection: OwnObjection }) {
  const { t, date } = usePortalI18n();
  const waiting = objection.state === 'received' || objection.state === 'suspended';
  return (
    <li className="pt-account-item" data-testid="objection-row">
      <p className="pt-account-item-head">
        <Link to={`/open/datasets/${objection.resourceId}`}>
          {objection.resourceName ?? objection.resourceCode}
        </Link>
        <span className="pt-status" data-status={objection.state} data-testid="objection-state">
          {t(`acct.obj.state.${objection.state}`)}
        </span>
      </p>
      <p className="pt-small pt-muted">
        {t(`acct.obj.ground.${objection.ground}`)} · {objection.provider.name} · {date(objection.createdAt)}
      </p>
      <p className="pt-pre-line pt-clip">{objection.statement}</p>
      {objection.outcomeNote && (
        <p className="pt-pre-line" data-testid="objection-answer">
          <strong>{t('acct.obj.answer')}：</strong>
          {objection.outcomeNote}
          {objection.decidedAt && <span className="pt-muted pt-small"> ({date(objection.decidedAt)})</span>}
        </p>
      )}
      <details>
        <summary>{t('acct.obj.evidence', { count: objection.evidenceCount })}</summary>
        <EvidenceList objection={objection} />
        {waiting && <AddEvidence objection={objection} />}
      </details>
    </li>
  );
}

/** 我的异议: the user's objections with the outcome and the provider's answer (CQO §41). */
export function MyObjections() {
  const { t } = usePortalI18n();
  const objections = useQuery({
    queryKey: ['open', 'my-objections'],
    queryFn: () => accountApi.myObjections(),
  });
  const items = objections.data?.items;
  return (
    <section
      id="objections"
      aria-labelledby="objections-title"
      className="pt-section"
      data-testid="my-objections"
    >
      <h2 id="objections-title">{t('acct.obj.title')}</h2>
      <p className="pt-muted">{t('acct.obj.lead')}</p>
      {objections.isPending && <Loading />}
      {objections.isError && <ErrorMessage error={objections.error} />}
      {items?.length === 0 && <Empty>{t('acct.obj.none')}</Empty>}
      {items && items.length > 0 && (
        <ul className="pt-account-list">
          {items.map((objection) => (
            <ObjectionItem key={objection.id} objection={objection} />
          ))}
        </ul>
      )}
    </section>
  );
}
