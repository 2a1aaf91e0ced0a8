import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { openingApi, type AgreementParty, type OpenAgreementDetail } from '../../../api/opening.ts';
import { Empty, ErrorMessage } from '../../components/States.tsx';
import { Table } from '../../components/Table.tsx';
import { useRefreshConditional } from '../../conditional.ts';
import { usePortalI18n } from '../../i18n/index.tsx';

const PARTIES: readonly AgreementParty[] = ['applicant', 'provider'];

/** Who signed, when, with which algorithm and key; a side still to sign is listed as waiting. */
export function Signatures({ agreement }: { agreement: OpenAgreementDetail }) {
  const { t, date } = usePortalI18n();
  if (!agreement.signaturesRequired) return <Empty>{t('agreement.noSignaturesNeeded')}</Empty>;
  return (
    <Table
      label={t('agreement.signatures')}
      testId="agreement-signatures"
      headers={[
        t('agreement.sig.party'),
        t('agreement.sig.signer'),
        t('agreement.sig.at'),
        t('agreement.sig.alg'),
        t('agreement.sig.keyId'),
      ]}
    >
      {PARTIES.map((party) => {
        const signature = agreement.signatures.find((one) => one.party === party);
        return (
          <tr key={party} data-testid={`signature-${party}`}>
            <th scope="row">{t(`agreement.party.${party}`)}</th>
            {signature ? (
              <>
                <td>{signature.signerName}</td>
                <td>{date(signature.signedAt, true)}</td>
                <td>{signature.alg}</td>
                <td>
                  <code className="pt-break">{signature.keyId}</code>
                </td>
              </>
            ) : (
              <td colSpan={4} className="pt-muted">
                {t('agreement.sig.waiting')}
              </td>
            )}
          </tr>
        );
      })}
    </Table>
  );
}

/**
 * 签署协议 for the applicant while the agreement waits for signatures: the digest shown is the one
 * sent, so a document changed after it was read is refused (409 open.agreement.changed) rather
 * than signed. The box "I have read…" must be ticked first.
 */
export function SignPanel({ agreement }: { agreement: OpenAgreementDetail }) {
  const { t } = usePortalI18n();
  const refresh = useRefreshConditional();
  const boxId = useId();
  const [agreed, setAgreed] = useState(false);
  const [missing, setMissing] = useState(false);
  const sign = useMutation({
    mutationFn: () => openingApi.sign(agreement.id, agreement.digest),
    onSuccess: () => void refresh(),
  });
  if (agreement.status !== 'awaiting_signatures') return null;
  if (agreement.mySide !== 'applicant') {
    if (!agreement.signatures.some((signature) => signature.party === 'applicant')) return null;
    return (
      <p className="pt-alert pt-alert-info" data-testid="agreement-signed-mine">
        {t('agreement.signedMine')}
      </p>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!agreed) return setMissing(true);
    sign.mutate();
  };
  return (
    <form noValidate className="pt-form" onSubmit={submit} data-testid="agreement-sign-form">
      <p>{t('agreement.signLead')}</p>
      <p className="pt-small">
        {t('agreement.digest')}:{' '}
        <code className="pt-break" data-testid="agreement-sign-digest">
          {agreement.digest}
        </code>
      </p>
      <div className={missing ? 'pt-field pt-field-invalid' : 'pt-field'}>
        <label className="pt-choice" htmlFor={boxId}>
          <input
            id={boxId}
            type="checkbox"
            checked={agreed}
            aria-invalid={missing ? true : undefined}
            aria-describedby={missing ? `${boxId}-error` : undefined}
            data-testid="agreement-sign-agree"
            onChange={(event) => {
              setAgreed(event.target.checked);
              if (event.target.checked) setMissing(false);
            }}
          />
          <span>{t('agreement.signAgree')}</span>
        </label>
        {missing && (
          <p id={`${boxId}-error`} className="pt-field-error">
            {t('agreement.signAgreeRequired')}
          </p>
        )}
      </div>
      {sign.isError && <ErrorMessage error={sign.error} testId="agreement-sign-error" />}
      <button type="submit" className="pt-button" disabled={sign.isPending} data-testid="agreement-sign">
        {sign.isPending ? t('agreement.signing') : t('agreement.sign')}
      </button>
    </form>
  );
}
