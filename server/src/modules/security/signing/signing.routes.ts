import type { AppInstance } from '../../../platform/http/types.ts';
import { SM2_DEFAULT_USER_ID } from '../../../platform/crypto/sm2.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { EnvelopeBody, SigningKeyList, VerifyResult } from './signing.schemas.ts';
import { signingMessages } from './signing.messages.ts';

const tags = ['security'];

/**
 * The platform's signatures, public by design: anyone holding a document the platform signed
 * (CQ19 §28: shared data is as valid as the original) can fetch the keys and check it.
 */
export async function signingRoutes(app: AppInstance) {
  const { signer } = app.platform;

  app.get(
    '/security/signing-keys',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary:
          'The public signing keys: the current one and every retired one (old signatures still verify)',
        response: { 200: SigningKeyList },
      },
    },
    async () => {
      const keys = await signer.publishedKeys();
      return {
        sm2UserId: SM2_DEFAULT_USER_ID,
        keys: keys.map((key) => ({
          keyId: key.keyId,
          alg: key.alg,
          status: key.retiredAt ? ('retired' as const) : ('current' as const),
          publicKeyPem: key.publicKeyPem,
          firstUsedAt: key.firstUsedAt.toISOString(),
          retiredAt: key.retiredAt?.toISOString() ?? null,
        })),
      };
    },
  );

  app.post(
    '/security/signatures/verify',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary:
          'Check a signed envelope: 200 when valid; 422 naming why not (altered data, unknown key, wrong algorithm)',
        body: EnvelopeBody,
        response: { 200: VerifyResult },
      },
    },
    async (request) => {
      const verdict = await signer.verify(request.body);
      if (!verdict.valid) {
        const keyId = (request.body as { keyId?: unknown }).keyId;
        throw new AppError(422, signingMessages[`signing.${verdict.problem}`], {
          detail: verdict.detail,
          keyId: typeof keyId === 'string' ? keyId : '',
        });
      }
      return verdict;
    },
  );
}
