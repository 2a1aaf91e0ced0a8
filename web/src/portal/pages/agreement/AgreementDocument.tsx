import { useQuery } from '@tanstack/react-query';
import type { OpenAgreementDetail } from '../../../api/opening.ts';
import { usePortalI18n } from '../../i18n/index.tsx';
import { sm3Digest } from './digest.ts';

/**
 * The agreement's document exactly as signed, in a frame that runs no script (`sandbox` without
 * `allow-scripts`, content from `srcdoc`), with this browser's own SM3 of it beside the digest the
 * signatures cover: a person signs what they read here, not only what the server says it sent.
 */
export function AgreementDocument({ agreement }: { agreement: OpenAgreementDetail }) {
  const { t } = usePortalI18n();
  const local = useQuery({
    queryKey: ['open', 'agreement', agreement.id, 'sm3', agreement.digest],
    queryFn: () => sm3Digest(agreement.document),
    staleTime: Infinity,
  });
  const matches = local.data === agreement.digest;
  const tone = local.data === undefined ? 'pt-alert-info' : matches ? 'pt-alert-success' : 'pt-alert-error';
  return (
    <>
      <iframe
        className="pt-document"
        title={t('agreement.documentFrame', { number: agreement.number })}
        sandbox=""
        srcDoc={agreement.document}
        data-testid="agreement-document-frame"
      />
      <p
        className={`pt-alert ${tone}`}
        role="status"
        data-testid="agreement-digest-check"
        data-matches={local.data === undefined ? undefined : String(matches)}
      >
        {local.isError
          ? t('agreement.digestUnchecked')
          : local.data === undefined
            ? t('agreement.digestChecking')
            : matches
              ? t('agreement.digestMatches')
              : t('agreement.digestDiffers', { local: local.data })}
      </p>
    </>
  );
}
