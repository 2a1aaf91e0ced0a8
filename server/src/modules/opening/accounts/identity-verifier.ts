// Identity authentication (实名认证) behind one seam. The platform cannot reach a national real-name
// service from every installation, so the built-in verifier checks what can be checked locally
// (structure and check digit, done before a verifier runs); an installation that has a
// service names it in ZHENGSHU_IDENTITY_VERIFY_URL and every registration asks it.
import type { Config } from '../../../config.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import type { AccountKind, VerifyMethod } from './identity.ts';
import './accounts.messages.ts';

/** What is claimed: the kind, the (already checked, canonical) number and the name that goes with it. */
export interface IdentityClaim {
  kind: AccountKind;
  number: string;
  /** The real name of a person, or the registered name of an organisation. */
  name: string;
}

/**
 * Authenticates an identity claim. `verify` resolves to true when the identity is authenticated,
 * false when it is refused (the number and name do not match), and throws an AppError (502/503)
 * when it cannot tell.
 */
export interface IdentityVerifier {
  readonly method: VerifyMethod;
  verify(claim: IdentityClaim): Promise<boolean>;
}

/**
 * The built-in verifier: the number's structure and check digit, already checked by the service
 * before verification, are all it can know. It accepts every well-formed claim.
 */
export const checkDigitVerifier: IdentityVerifier = {
  method: 'check-digit',
  verify: () => Promise.resolve(true),
};

/**
 * A verifier that asks an HTTP service: POST `{kind, number, name}` as JSON (with a bearer token
 * when configured); only a 2xx answer whose JSON is `{"verified": true}` authenticates, `{"verified":
 * false}` refuses. A service that cannot be reached or does not answer within the timeout is a 503;
 * every other answer (an error status, not JSON, no boolean `verified`) is a 502. The claim is never
 * logged or put in an error.
 */
export function httpVerifier(options: { url: string; token?: string; timeoutMs: number }): IdentityVerifier {
  return {
    method: 'http',
    async verify(claim) {
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          },
          body: JSON.stringify({ kind: claim.kind, number: claim.number, name: claim.name }),
          signal: AbortSignal.timeout(options.timeoutMs),
          redirect: 'error',
        });
      } catch {
        // Refused connection, DNS failure, TLS failure or the timeout: the service is not there.
        throw new AppError(503, 'open.account.identity_service_unavailable');
      }
      let answer: unknown;
      try {
        answer = await response.json();
      } catch {
        answer = undefined;
      }
      if (response.status === 503 || response.status === 429)
        throw new AppError(503, 'open.account.identity_service_unavailable');
      const verified = (answer as { verified?: unknown } | null | undefined)?.verified;
      if (!response.ok || typeof verified !== 'boolean')
        throw new AppError(502, 'open.account.identity_service_bad_answer');
      return verified;
    },
  };
}

/** The verifier the configuration names: the HTTP service when ZHENGSHU_IDENTITY_VERIFY_URL is set. */
export function verifierFromConfig(
  config: Pick<Config, 'identityVerifyUrl' | 'identityVerifyToken' | 'identityVerifyTimeoutMs'>,
): IdentityVerifier {
  if (!config.identityVerifyUrl) return checkDigitVerifier;
  return httpVerifier({
    url: config.identityVerifyUrl,
    token: config.identityVerifyToken,
    timeoutMs: config.identityVerifyTimeoutMs,
  });
}
