import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session.tsx';
import { portalApi, type CreatedKey, type PersonalKey, type PortalMe } from '../api.ts';
import { CopyButton } from '../components/CopyButton.tsx';
import { Field } from '../components/Field.tsx';
import { Empty, ErrorMessage, Loading, usePageTitle } from '../components/States.tsx';
import { Table } from '../components/Table.tsx';
import { usePortalI18n } from '../i18n/index.tsx';
import { MyBreaches } from './account/MyBreaches.tsx';
import { MyAgreements, MyApplications } from './account/MyConditional.tsx';
import { MyContributions } from './account/MyContributions.tsx';
import { MyObjections } from './account/MyObjections.tsx';
import { MyRequests } from './account/MyRequests.tsx';
import { MyShowcase } from './account/MyShowcase.tsx';
import { MySuggestions } from './account/MySuggestions.tsx';

const EXPIRY_DAYS = [30, 90, 180, 365] as const;

/** Who the account is and how its identity was verified (masked numbers only). */
function IdentitySummary({ me }: { me: PortalMe }) {
  const { t, date } = usePortalI18n();
  const { identity } = me;
  const organisation = me.kind === 'organisation';
  const method = identity.method === 'http' ? t('account.method.http') : t('account.method.checkDigit');
  const rows: [string, string, string?][] = [
    [t('register.username'), me.username],
    [t(organisation ? 'register.orgName' : 'register.realName'), me.displayName],
    [t('account.kind'), t(organisation ? 'register.organisation' : 'register.natural')],
    [
      t(organisation ? 'register.creditCode' : 'register.citizenId'),
      identity.maskedNumber,
      'account-masked-number',
    ],
    [
      t('account.verification'),
      me.identityVerified
        ? [t('account.verified', { method }), identity.verifiedAt ? date(identity.verifiedAt, true) : '']
            .filter(Boolean)
            .join(' · ')
        : t('account.notVerified'),
      'account-verified',
    ],
    ...(me.contactName ? ([[t('register.contactName'), me.contactName]] as [string, string][]) : []),
    [t('register.mobile'), me.mobile ?? '—'],
    [t('account.email'), me.email ?? '—'],
    [t('account.since'), date(me.createdAt)],
  ];
  return (
    <dl className="pt-facts" data-testid="account-identity">
      {rows.map(([term, value, testId]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd data-testid={testId}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** A new key, shown this once, with a copy button. */
function NewKey({ created, onDone }: { created: CreatedKey; onDone(): void }) {
  const { t } = usePortalI18n();
  return (
    <div className="pt-alert pt-alert-success pt-new-key" role="status" data-testid="key-created">
      <p>
        <strong>{t('keys.createdTitle', { name: created.apiKey.name })}</strong>
      </p>
      <p>{t('keys.shownOnce')}</p>
      <p>
        <code className="pt-secret" data-testid="key-secret">
          {created.key}
        </code>
      </p>
      <p className="pt-button-row">
        <CopyButton text={created.key} label={t('keys.copy')} testId="key-copy" />
        <button type="button" className="pt-button pt-button-small pt-button-quiet" onClick={onDone}>
          {t('keys.saved')}
        </button>
      </p>
    </div>
  );
}

/** A key's state in words. */
function keyState(key: PersonalKey, t: ReturnType<typeof usePortalI18n>['t']): string {
  if (key.revokedAt) return t('keys.revoked');
  if (key.expiresAt && new Date(key.expiresAt).getTime() < Date.now()) return t('keys.expired');
  return t('keys.active');
}

/** The personal API keys: list, create (shown once), revoke (asked twice). */
function Keys() {
  const { t, date } = usePortalI18n();
  const queryClient = useQueryClient();
  const expiryId = useId();
  const keys = useQuery({ queryKey: ['open', 'keys'], queryFn: portalApi.keys });
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [nameError, setNameError] = useState<string>();
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['open', 'keys'] });
  const create = useMutation({
    mutationFn: () => portalApi.createKey(name.trim(), days ? Number(days) : undefined),
    onSuccess: (answer) => {
      setCreated(answer);
      setName('');
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => portalApi.revokeKey(id),
    onSuccess: () => {
      setConfirming(null);
      void refresh();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setNameError(t('register.error.required'));
    setNameError(undefined);
    create.mutate();
  };
  return (
    <section aria-labelledby="keys-title" className="pt-section" data-testid="account-keys">
      <h2 id="keys-title">{t('keys.title')}</h2>
      <p className="pt-muted">{t('keys.lead')}</p>
      {created && <NewKey created={created} onDone={() => setCreated(null)} />}
      <form noValidate onSubmit={submit} className="pt-form pt-form-inline" data-testid="key-form">
        <Field
          name="keyName"
          label={t('keys.name')}
          hint={t('keys.nameHint')}
          required
          maxLength={100}
          value={name}
          error={nameError}
          onChange={(event) => setName(event.target.value)}
        />
        <div className="pt-field">
          <label htmlFor={expiryId}>{t('keys.expiry')}</label>
          <select
            id={expiryId}
            value={days}
            onChange={(event) => setDays(event.target.value)}
            data-testid="key-expiry"
          >
            {EXPIRY_DAYS.map((n) => (
              <option key={n} value={String(n)}>
                {t('keys.days', { days: n })}
              </option>
            ))}
            <option value="">{t('keys.never')}</option>
          </select>
        </div>
        <button type="submit" className="pt-button" disabled={create.isPending} data-testid="key-create">
          {t('keys.create')}
        </button>
      </form>
      {create.isError && <ErrorMessage error={create.error} testId="key-error" />}
      {revoke.isError && <ErrorMessage error={revoke.error} />}
      {keys.isPending && <Loading />}
      {keys.isError && <ErrorMessage error={keys.error} />}
      {keys.data && keys.data.length === 0 && <Empty>{t('keys.none')}</Empty>}
      {keys.data && keys.data.length > 0 && (
        <Table
          label={t('keys.title')}
          testId="key-table"
          headers={[
            t('keys.name'),
            t('keys.prefix'),
            t('keys.created'),
            t('keys.expires'),
            t('keys.lastUsed'),
            t('keys.state'),
            <span key="actions" className="pt-visually-hidden">
              {t('keys.actions')}
            </span>,
          ]}
        >
          {keys.data.map((key) => (
            <tr key={key.id} data-testid="key-row">
              <th scope="row">{key.name}</th>
              <td>
                <code>{key.tokenPrefix}…</code>
              </td>
              <td>{date(key.createdAt)}</td>
              <td>{key.expiresAt ? date(key.expiresAt) : t('keys.never')}</td>
              <td>{key.lastUsedAt ? date(key.lastUsedAt, true) : '—'}</td>
              <td data-testid="key-state">{keyState(key, t)}</td>
              <td>
                {!key.revokedAt &&
                  (confirming === key.id ? (
                    <span className="pt-button-row">
                      <button
                        type="button"
                        className="pt-button pt-button-small pt-button-danger"
                        disabled={revoke.isPending}
                        data-testid="key-revoke-confirm"
                        onClick={() => revoke.mutate(key.id)}
                      >
                        {t('keys.revokeConfirm')}
                      </button>
                      <button type="button" className="pt-link-button" onClick={() => setConfirming(null)}>
                        {t('common.cancel')}
                      </button>
                    </span>
                  ) : (
                    <button
                      type="button"
                      className="pt-link-button"
                      data-testid="key-revoke"
                      aria-label={t('keys.revokeNamed', { name: key.name })}
                      onClick={() => setConfirming(key.id)}
                    >
                      {t('keys.revoke')}
                    </button>
                  ))}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

/**
 * The account page (/open/account): identity summary, the applications and agreements of
 * conditionally open data (with the rectification of breaches), the requests, objections and
 * showcase entries, an organisation's own published data, and personal API keys; signed-in only.
 */
export default function AccountPage() {
  const { t } = usePortalI18n();
  usePageTitle(t('account.title'));
  const session = useSession();
  const [params] = useSearchParams();
  const signedIn = Boolean(session.info);
  const me = useQuery({ queryKey: ['open', 'me'], queryFn: portalApi.me, enabled: signedIn });
  if (session.state.status === 'loading') return <Loading />;
  if (!signedIn) return <Navigate to="/open/login?next=%2Fopen%2Faccount" replace />;
  return (
    <div className="pt-wrap pt-stack">
      <h1>{t('account.title')}</h1>
      {params.get('welcome') && (
        <p className="pt-alert pt-alert-success" role="status" data-testid="account-welcome">
          {t('account.welcome')}
        </p>
      )}
      <section aria-labelledby="identity-title" className="pt-section">
        <h2 id="identity-title">{t('account.identity')}</h2>
        {me.isPending && <Loading />}
        {me.isError && <ErrorMessage error={me.error} />}
        {me.data && <IdentitySummary me={me.data} />}
      </section>
      {session.can('open.apply') && (
        <>
          <MyApplications />
          <MyAgreements />
          <MyBreaches />
        </>
      )}
      {session.can('open.participate') && <MyRequests />}
      {session.can('catalog.demand.suggest') && <MySuggestions />}
      {session.can('open.objection.file') && <MyObjections />}
      {session.can('open.participate') && <MyShowcase />}
      {/* Natural persons hold the permission too, but only organisations publish (CQO §31). */}
      {session.can('open.publish') && me.data?.kind === 'organisation' && <MyContributions />}
      <Keys />
    </div>
  );
}
