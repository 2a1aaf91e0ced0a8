import { useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { isValidCitizenId } from '../../../../server/src/platform/identifiers/citizen-id.ts';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../auth/session.tsx';
import { isValidCreditCode } from '../../lib/creditCode.ts';
import { portalApi, type NaturalRegistration, type OrganisationRegistration } from '../api.ts';
import { Field } from '../components/Field.tsx';
import { ErrorMessage, usePageTitle } from '../components/States.tsx';
import { Tabs } from '../components/Tabs.tsx';
import { usePortalI18n, type PortalKey } from '../i18n/index.tsx';

type Kind = 'natural' | 'organisation';
type Values = Record<string, string>;

/** A field of a registration form: its label, input kind and the browser's own check. */
interface Spec {
  name: string;
  label: PortalKey;
  type?: 'text' | 'tel' | 'email' | 'password';
  autoComplete: string;
  optional?: boolean;
  hint?: PortalKey;
  upper?: boolean;
  /** The message key of what is wrong with a non-empty value, or null. */
  check?: (value: string, values: Values) => PortalKey | null;
}

const mobile = (v: string) => (/^1[3-9][0-9]{9}$/.test(v) ? null : 'register.error.mobile');
const email = (v: string) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? null : 'register.error.email');
const username = (v: string) =>
  /^[a-zA-Z0-9][a-zA-Z0-9._-]{1,62}$/.test(v) ? null : 'register.error.username';
// The server's rule (platform/auth/secrets.ts): 8 characters from three of four kinds.
const password = (v: string) =>
  v.length >= 8 && [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(v)).length >= 3
    ? null
    : 'register.error.password';

const ACCOUNT: Spec[] = [
  { name: 'mobile', label: 'register.mobile', type: 'tel', autoComplete: 'tel', check: mobile },
  {
    name: 'email',
    label: 'register.email',
    type: 'email',
    autoComplete: 'email',
    optional: true,
    check: email,
  },
  {
    name: 'username',
    label: 'register.username',
    autoComplete: 'username',
    hint: 'register.usernameHint',
    check: username,
  },
  {
    name: 'password',
    label: 'register.password',
    type: 'password',
    autoComplete: 'new-password',
    hint: 'register.passwordHint',
    check: password,
  },
  {
    name: 'passwordAgain',
    label: 'register.passwordAgain',
    type: 'password',
    autoComplete: 'new-password',
    check: (v, values) => (v === values.password ? null : 'register.error.passwordAgain'),
  },
];

const FIELDS: Record<Kind, Spec[]> = {
  natural: [
    { name: 'realName', label: 'register.realName', autoComplete: 'name' },
    {
      name: 'citizenId',
      label: 'register.citizenId',
      autoComplete: 'off',
      upper: true,
      hint: 'register.citizenIdHint',
      check: (v) => (isValidCitizenId(v) ? null : 'register.error.citizenId'),
    },
    ...ACCOUNT,
  ],
  organisation: [
    { name: 'orgName', label: 'register.orgName', autoComplete: 'organization' },
    {
      name: 'creditCode',
      label: 'register.creditCode',
      autoComplete: 'off',
      upper: true,
      hint: 'register.creditCodeHint',
      check: (v) => (isValidCreditCode(v) ? null : 'register.error.creditCode'),
    },
    { name: 'contactName', label: 'register.contactName', autoComplete: 'name' },
    ...ACCOUNT,
  ],
};

/** What is wrong with one field (a message key), or null. */
function problemOf(spec: Spec, values: Values): PortalKey | null {
  const value = values[spec.name]?.trim() ?? '';
  if (!value) return spec.optional ? null : 'register.error.required';
  return spec.check?.(value, values) ?? null;
}

/** The body of POST /open/accounts from a form's values (the repeated password stays here). */
function bodyOf(kind: Kind, values: Values): NaturalRegistration | OrganisationRegistration {
  const v = (name: string) => values[name]?.trim() ?? '';
  const common = { username: v('username'), password: values.password ?? '', mobile: v('mobile') };
  const withEmail = v('email') ? { email: v('email') } : {};
  return kind === 'natural'
    ? { kind, ...common, ...withEmail, realName: v('realName'), citizenId: v('citizenId') }
    : {
        kind,
        ...common,
        ...withEmail,
        orgName: v('orgName'),
        creditCode: v('creditCode'),
        contactName: v('contactName'),
      };
}

/** One registration form; checks in the browser first, then shows the server's field errors beside the fields. */
function RegisterForm({ kind }: { kind: Kind }) {
  const { t } = usePortalI18n();
  const session = useSession();
  const navigate = useNavigate();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const specs = FIELDS[kind];
  const setError = (name: string, problem: PortalKey | null) =>
    setErrors((old) => {
      const next = { ...old };
      if (problem) next[name] = t(problem);
      else delete next[name];
      return next;
    });

  const focusFirstError = (names: string[]) => {
    const first = specs.find((spec) => names.includes(spec.name));
    form.current?.querySelector<HTMLInputElement>(`[name="${first?.name}"]`)?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found: Record<string, string> = {};
    for (const spec of specs) {
      const problem = problemOf(spec, values);
      if (problem) found[spec.name] = t(problem);
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return focusFirstError(Object.keys(found));
    setBusy(true);
    try {
      const body = bodyOf(kind, values);
      await portalApi.register(body);
      await session.login(body.username, body.password).then(
        () => navigate('/open/account?welcome=1'),
        () => navigate(`/open/login?registered=${encodeURIComponent(body.username)}`),
      );
    } catch (error) {
      const byField: Record<string, string> = {};
      if (error instanceof ApiError) {
        for (const problem of error.errors) {
          const name = /^\/body\/([^/]+)/.exec(problem.path)?.[1];
          if (name && specs.some((spec) => spec.name === name)) byField[name] = problem.message;
        }
      }
      setErrors(byField);
      if (Object.keys(byField).length > 0) focusFirstError(Object.keys(byField));
      else setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={form}
      noValidate
      onSubmit={(event) => void submit(event)}
      className="pt-form"
      data-testid={`register-${kind}`}
    >
      {specs.map((spec) => (
        <Field
          key={spec.name}
          name={spec.name}
          label={t(spec.label)}
          type={spec.type ?? 'text'}
          autoComplete={spec.autoComplete}
          required={!spec.optional}
          hint={spec.hint ? t(spec.hint) : undefined}
          error={errors[spec.name]}
          value={values[spec.name] ?? ''}
          onChange={(event) => {
            const value = spec.upper ? event.target.value.toUpperCase() : event.target.value;
            const next = { ...values, [spec.name]: value };
            setValues(next);
            // A field being corrected loses its error as soon as it is right (the server's too), so
            // nothing moves under the pointer on the way to the submit button.
            if (errors[spec.name]) setError(spec.name, problemOf(spec, next));
          }}
          onBlur={() => {
            // Say what is wrong with a field just filled in.
            if (values[spec.name]) setError(spec.name, problemOf(spec, values));
          }}
        />
      ))}
      {failure !== null && <ErrorMessage error={failure} testId="register-error" />}
      <button type="submit" className="pt-button" disabled={busy} data-testid="register-submit">
        {busy ? t('register.busy') : t('register.submit')}
      </button>
    </form>
  );
}

/** Registration with identity authentication (/open/register): a natural person or an organisation. */
export default function RegisterPage() {
  const { t } = usePortalI18n();
  usePageTitle(t('register.title'));
  const [kind, setKind] = useState<Kind>('natural');
  return (
    <div className="pt-wrap pt-narrow pt-stack">
      <h1>{t('register.title')}</h1>
      <p className="pt-muted">{t('register.lead')}</p>
      <Tabs
        label={t('register.kind')}
        active={kind}
        onChange={(key) => setKind(key === 'organisation' ? 'organisation' : 'natural')}
        testId="register-tabs"
        tabs={[
          { key: 'natural', label: t('register.natural'), content: <RegisterForm kind="natural" /> },
          {
            key: 'organisation',
            label: t('register.organisation'),
            content: <RegisterForm kind="organisation" />,
          },
        ]}
      />
      <p>
        {t('register.haveAccount')} <Link to="/open/login">{t('nav.signIn')}</Link>
      </p>
    </div>
  );
}
