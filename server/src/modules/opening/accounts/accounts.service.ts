// Registration of public users (数据利用主体) with identity authentication (CQ19 §33, CQO §23), and
// the account page. Only identity-authenticated users get open data; registering is how a user
// becomes one.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../../config.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import { hashPassword, passwordProblem } from '../../../platform/auth/secrets.ts';
import type { Keyring } from '../../../platform/crypto/keyring.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, invalid, notFound, type FieldProblem } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden } from '../../../platform/policy/policy.ts';
import type { Limit, RateLimiter } from '../../../platform/ratelimit/rate-limiter.ts';
import { usernameTaken } from '../../org/users.repository.ts';
import { findAccount, identityRegistered, insertAccount } from './accounts.repository.ts';
import type { OpenMe, RegisterBody, Registered } from './accounts.schemas.ts';
import type { IdentityVerifier } from './identity-verifier.ts';
import {
  identityDigests,
  identityProblem,
  kindOf,
  maskIdentity,
  maskMobile,
  normaliseNumber,
  protectIdentity,
  type AccountKind,
} from './identity.ts';
import './accounts.messages.ts';

/** What registration needs of the platform. */
export interface RegistrationPlatform {
  config: Pick<Config, 'registrationsPerIpHour'>;
  keyring: Keyring;
  rateLimiter: RateLimiter;
  verifier: IdentityVerifier;
}

const USERNAME = /^[a-zA-Z0-9][a-zA-Z0-9._-]{1,62}$/;
const MOBILE = /^1[3-9][0-9]{9}$/;
// Control characters (C0, DEL, C1) have no place in a name.
const CONTROL = /\p{Cc}/u;

/** A mobile number as people write it (spaces, hyphens, +86) made canonical: 11 digits, or null. */
export function normaliseMobile(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '').replace(/^(?:\+?86)(?=1[0-9]{10}$)/, '');
  return MOBILE.test(digits) ? digits : null;
}

/** A registration's fields after their checks: canonical, kind-specific parts resolved. */
interface CheckedRegistration {
  kind: AccountKind;
  username: string;
  password: string;
  mobile: string;
  email: string | null;
  displayName: string;
  contactName: string | null;
  number: string;
  numberField: 'citizenId' | 'creditCode';
  nameField: 'realName' | 'orgName';
}

const KIND_FIELDS = {
  natural: { name: 'realName', number: 'citizenId', extra: [] },
  organisation: { name: 'orgName', number: 'creditCode', extra: ['contactName'] },
} as const;

/** Checks every field at once, so that one answer names every mistake (each field's path). */
function checkRegistration(body: RegisterBody): CheckedRegistration {
  const fields: FieldProblem[] = [];
  const problem = (field: string, code: string) => fields.push({ path: `/body/${field}`, code });
  const own = KIND_FIELDS[body.kind];
  const other = KIND_FIELDS[body.kind === 'natural' ? 'organisation' : 'natural'];
  for (const field of [other.name, other.number, ...other.extra] as const)
    if (body[field] !== undefined) problem(field, 'open.account.not_for_kind');

  if (!USERNAME.test(body.username)) problem('username', 'open.account.bad_username');
  const weak = passwordProblem(body.password, body.username);
  if (weak) problem('password', weak);
  const mobile = normaliseMobile(body.mobile);
  if (!mobile) problem('mobile', 'open.account.bad_mobile');

  const text = (field: 'realName' | 'orgName' | 'contactName') => {
    const value = body[field]?.trim() ?? '';
    if (!value) problem(field, 'open.account.required');
    else if (CONTROL.test(value)) problem(field, 'open.account.bad_name');
    return value;
  };
  const displayName = text(own.name);
  const contactName = body.kind === 'organisation' ? text('contactName') : null;
  const number = normaliseNumber(body[own.number] ?? '');
  if (!number) problem(own.number, 'open.account.required');
  else {
    const refused = identityProblem(body.kind, number);
    if (refused) problem(own.number, refused);
  }
  if (fields.length) throw invalid('open.account.invalid', fields);
  return {
    kind: body.kind,
    username: body.username.toLowerCase(),
    password: body.password,
    mobile: mobile!,
    email: body.email?.trim() || null,
    displayName,
    contactName,
    number,
    numberField: own.number,
    nameField: own.name,
  };
}

const field = (name: string, code: string): FieldProblem => ({ path: `/body/${name}`, code });

/**
 * Runs the insert; a unique index that refuses it (a registration that landed between the check
 * and the insert) becomes the same 409 the check gives, not a 500.
 */
async function insertOnce<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const { code, constraint } = error as { code?: unknown; constraint?: unknown };
    if (code !== '23505') throw error;
    if (constraint === 'users_username')
      throw new AppError(409, 'open.account.username_taken', {}, [
        field('username', 'open.account.username_taken'),
      ]);
    throw new AppError(409, 'open.account.identity_taken');
  }
}

/** The registration limit of one IP: attempts per hour (0 in the configuration: none). */
function registrationLimits(config: RegistrationPlatform['config'], ip: string | null): Limit[] {
  const max = config.registrationsPerIpHour;
  return max > 0 ? [{ bucket: `register-ip:${ip ?? '-'}`, max, windowSeconds: 3600 }] : [];
}

/**
 * Registers a public user: every field checked (one answer naming each mistake), one account per
 * username and per identity, the identity authenticated by the configured verifier, and then the
 * account written with its identity number only in protected forms, audited in the same
 * transaction (never the password or the plain number). Attempts are counted per IP and refused
 * past the limit, since each attempt could probe whether an identity is registered.
 */
export async function register(
  db: Kysely<DB>,
  platform: RegistrationPlatform,
  context: RequestContext,
  body: RegisterBody,
): Promise<Registered> {
  const attempt: RequestContext = { ...context, claimedName: body.username };
  const limits = registrationLimits(platform.config, context.ip);
  const throttled = await platform.rateLimiter.exceeded(limits);
  if (throttled) {
    await recordAudit(db, attempt, {
      action: 'open.account.register',
      outcome: 'denied',
      detail: { reason: 'rate_limited' },
    });
    throw new AppError(429, 'open.account.too_many_registrations', {
      seconds: throttled.retryAfterSeconds,
    });
  }
  if (limits.length)
    await platform.rateLimiter.addNow(
      limits.map((limit) => limit.bucket),
      3600,
    );

  const checked = checkRegistration(body);
  const maskedNumber = maskIdentity(checked.kind, checked.number);
  const refuse = async (reason: string, error: AppError) => {
    await recordAudit(db, attempt, {
      action: 'open.account.register',
      outcome: 'failure',
      detail: { reason, kind: checked.kind, maskedNumber },
    });
    return error;
  };
  const digests = identityDigests(platform.keyring, checked.kind, checked.number);
  const duplicate = async (trx: Kysely<DB>) => {
    if (await usernameTaken(trx, checked.username))
      return new AppError(409, 'open.account.username_taken', {}, [
        field('username', 'open.account.username_taken'),
      ]);
    if (await identityRegistered(trx, checked.kind, digests, checked.number))
      return refuse(
        'identity_taken',
        new AppError(409, 'open.account.identity_taken', {}, [
          field(checked.numberField, 'open.account.identity_taken'),
        ]),
      );
    return undefined;
  };
  const early = await duplicate(db);
  if (early) throw early;

  let verified: boolean;
  try {
    verified = await platform.verifier.verify({
      kind: checked.kind,
      number: checked.number,
      name: checked.displayName,
    });
  } catch (error) {
    if (error instanceof AppError) throw await refuse('identity_service', error);
    throw error;
  }
  if (!verified)
    throw await refuse(
      'identity_not_verified',
      new AppError(422, 'open.account.identity_not_verified', {}, [
        field(checked.numberField, 'open.account.identity_not_verified'),
        field(checked.nameField, 'open.account.identity_not_verified'),
      ]),
    );

  const passwordHash = await hashPassword(checked.password);
  const id = crypto.randomUUID();
  const identity = protectIdentity(platform.keyring, id, checked.kind, checked.number);
  const method = platform.verifier.method;
  const verifiedAt = await insertOnce(() =>
    db.transaction().execute(async (trx) => {
      // Checked again inside the transaction: another registration may have landed meanwhile.
      const late = await duplicate(trx);
      if (late) throw late;
      const at = await insertAccount(trx, {
        id,
        username: checked.username,
        displayName: checked.displayName,
        passwordHash,
        kind: checked.kind,
        contactName: checked.contactName,
        mobile: checked.mobile,
        email: checked.email,
        identity,
        method,
      });
      await recordAudit(trx, attempt, {
        action: 'open.account.register',
        targetType: 'user',
        targetId: id,
        detail: { kind: checked.kind, method, maskedNumber, mobile: maskMobile(checked.mobile) },
      });
      return at;
    }),
  );
  return {
    user: { id, username: checked.username, displayName: checked.displayName, role: 'public_user' },
    identity: {
      kind: checked.kind,
      verified: true,
      method,
      verifiedAt: verifiedAt.toISOString(),
      maskedNumber,
    },
  };
}

/**
 * The signed-in public user's account: kind, names, the identity (masked) and how it was
 * authenticated, the mobile number masked. Accounts an administrator made before self-registration
 * existed show their number masked from the plain column and count as not verified.
 */
export async function describeAccount(db: Kysely<DB>, context: RequestContext): Promise<OpenMe> {
  const actor = context.actor!;
  if (actor.role !== 'public_user') throw forbidden('open.account.not_public_user');
  const row = await findAccount(db, actor.id);
  if (!row || !row.personType) throw notFound('what.open_account');
  const kind = kindOf(row.personType);
  const verifiedAt = row.identityVerifiedAt ? new Date(row.identityVerifiedAt).toISOString() : null;
  return {
    id: row.id,
    username: row.username,
    kind,
    displayName: row.displayName,
    contactName: row.contactName,
    identity: {
      kind,
      verified: verifiedAt !== null,
      method: row.identityMethod,
      verifiedAt,
      maskedNumber: row.identityMasked ?? maskIdentity(kind, row.identityNumber ?? ''),
    },
    identityVerified: actor.identityVerified,
    mobile: row.phone ? maskMobile(row.phone) : null,
    email: row.email,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
