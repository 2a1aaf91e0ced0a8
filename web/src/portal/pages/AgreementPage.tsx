import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { agreementFileUrl, openingApi, type OpenAgreementDetail } from '../../api/opening.ts';
import { useSession } from '../../auth/session.tsx';
import { ErrorMessage, Loading, usePageTitle } from '../components/States.tsx';
import { AGREEMENT_STATUS_KEY } from '../conditional.ts';
import { usePortalI18n } from '../i18n/index.tsx';
import { AgreementDocument } from './agreement/AgreementDocument.tsx';
import { FeedbackSection } from './agreement/Feedback.tsx';
import { Signatures, SignPanel } from './agreement/Signing.tsx';
import '../conditional.css';

/** A titled section of the agreement page. */
function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="pt-section" data-testid={`agreement-${id}`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

/** What the status means for the user now, and what comes next. */
function StatusNote({ agreement }: { agreement: OpenAgreementDetail }) {
  const { t, date } = usePortalI18n();
  const note: Partial<Record<OpenAgreementDetail['status'], string>> = {
    awaiting_signatures: t('agreement.note.awaiting_signatures'),
    awaiting_review: t('agreement.note.awaiting_review'),
    refused: t('agreement.note.refused'),
    not_started: t('agreement.note.not_started', { date: date(agreement.validFrom) }),
    active: t('agreement.note.active', { date: date(agreement.validUntil) }),
    ended: t('agreement.note.ended', { days: agreement.disposalDays }),
    suspended: t('agreement.note.suspended'),
    terminated: t('agreement.note.terminated'),
  };
  const reason = agreement.review?.reason ?? agreement.stateReason;
  const tone = ['refused', 'suspended', 'terminated'].includes(agreement.status)
    ? 'pt-alert-error'
    : agreement.status === 'active'
      ? 'pt-alert-success'
      : 'pt-alert-info';
  return (
    <div className={`pt-alert ${tone}`} data-testid="agreement-note">
      <p>{note[agreement.status]}</p>
      {reason && ['refused', 'suspended', 'terminated'].includes(agreement.status) && (
        <p>{t('agreement.reason', { reason })}</p>
      )}
      {agreement.status === 'active' && (
        <p>
          <Link to={`/open/datasets/${agreement.resource.id}#data`} data-testid="agreement-get-data">
            {t('agreement.getData')}
          </Link>
        </p>
      )}
    </div>
  );
}

/** The agreed terms as facts (the document below is what was signed). */
function Terms({ agreement }: { agreement: OpenAgreementDetail }) {
  const { t, date } = usePortalI18n();
  const rows: [string, ReactNode][] = [
    [t('agreement.provider'), agreement.provider.name],
    [t('agreement.applicant'), agreement.applicant.name],
    [t('agreement.items'), agreement.items.map((item) => item.name).join('、')],
    [t('agreement.methods'), agreement.methods.map((method) => t(`apply.method.${method}`)).join('、')],
    [t('agreement.period'), `${date(agreement.validFrom)} — ${date(agreement.validUntil)}`],
    [t('apply.purpose'), agreement.purpose],
    [t('apply.scenario'), agreement.scenario],
    [t('apply.securityMeasures'), agreement.securityMeasures],
    [t('agreement.disposal'), t('agreement.disposalValue', { days: agreement.disposalDays })],
    ...(agreement.feedback
      ? ([
          [
            t('agreement.feedbackEvery'),
            t('agreement.feedbackEveryValue', { days: agreement.feedback.everyDays }),
          ],
        ] as [string, ReactNode][])
      : []),
    [
      t('agreement.digest'),
      <code key="digest" className="pt-break">
        {agreement.digest}
      </code>,
    ],
  ];
  return (
    <dl className="pt-facts pt-facts-wide" data-testid="agreement-facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd className="pt-pre-line">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The document and the signed package to save. */
function Files({ agreement }: { agreement: OpenAgreementDetail }) {
  const { t } = usePortalI18n();
  const signed = agreement.signatures.length > 0;
  return (
    <p className="pt-button-row">
      <a
        className="pt-button pt-button-quiet"
        href={agreementFileUrl(agreement.id, 'document')}
        download={`${agreement.number}.html`}
        data-testid="agreement-download-document"
      >
        {t('agreement.downloadDocument')}
      </a>
      {signed && (
        <a
          className="pt-button pt-button-quiet"
          href={agreementFileUrl(agreement.id, 'signed')}
          download={`${agreement.number}.signed.json`}
          data-testid="agreement-download-signed"
        >
          {t('agreement.downloadSigned')}
        </a>
      )}
    </p>
  );
}

/**
 * A data usage agreement (/open/agreements/:id) for its applicant: status and what comes next, the
 * terms, the document as signed, the signatures and the act of signing, files to save, and the
 * usage feedback with its schedule.
 */
export default function AgreementPage() {
  const { t } = usePortalI18n();
  const { id = '' } = useParams();
  const session = useSession();
  const signedIn = Boolean(session.info);
  const query = useQuery({
    queryKey: ['open', 'agreement', id],
    queryFn: ({ signal }) => openingApi.agreement(id, signal),
    enabled: signedIn,
  });
  const agreement = query.data;
  usePageTitle(agreement ? t('agreement.title', { number: agreement.number }) : t('agreement.titlePlain'));
  if (session.state.status === 'loading') return <Loading />;
  if (!signedIn)
    return <Navigate to={`/open/login?next=${encodeURIComponent(`/open/agreements/${id}`)}`} replace />;
  if (query.isPending) return <Loading />;
  if (query.isError) {
    const missing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <div className="pt-wrap pt-stack">
        <h1>{t('agreement.titlePlain')}</h1>
        {missing ? <p>{t('agreement.notFound')}</p> : <ErrorMessage error={query.error} />}
        <p>
          <Link to="/open/account#agreements">{t('agreement.backToAccount')}</Link>
        </p>
      </div>
    );
  }
  if (!agreement) return null;
  return (
    <div className="pt-wrap pt-stack" data-testid="agreement-page">
      <nav aria-label={t('nav.breadcrumb')} className="pt-breadcrumb">
        <ol>
          <li>
            <Link to="/open/account">{t('account.title')}</Link>
          </li>
          <li>
            <Link to="/open/account#agreements">{t('account.agreements')}</Link>
          </li>
          <li aria-current="page">{agreement.number}</li>
        </ol>
      </nav>
      <header className="pt-dataset-head">
        <h1 data-testid="agreement-title">{t('agreement.title', { number: agreement.number })}</h1>
        <p className="pt-lead">
          <Link to={`/open/datasets/${agreement.resource.id}`}>{agreement.resource.name}</Link>
          {' · '}
          <span className="pt-status" data-status={agreement.status} data-testid="agreement-status">
            {t(AGREEMENT_STATUS_KEY[agreement.status])}
          </span>
        </p>
      </header>
      <StatusNote agreement={agreement} />
      <Section id="terms" title={t('agreement.terms')}>
        <Terms agreement={agreement} />
      </Section>
      <Section id="document" title={t('agreement.document')}>
        <AgreementDocument agreement={agreement} />
        <Files agreement={agreement} />
      </Section>
      <Section id="signatures" title={t('agreement.signatures')}>
        <Signatures agreement={agreement} />
        <SignPanel agreement={agreement} />
      </Section>
      <Section id="feedback" title={t('agreement.feedback')}>
        <FeedbackSection agreement={agreement} />
      </Section>
    </div>
  );
}
