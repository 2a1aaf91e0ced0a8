// A provider's own system for real-time pass-through (CQ18 §18): the providing department registers
// a URL template (`{key}` where the record key goes) and, if its system needs one, an authentication
// header whose value is sealed with the data keys before it is stored. Only the providing
// department's officers register or remove it; every change is audited, never with the value.
import type { Kysely } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Keyring } from '../../../platform/crypto/keyring.ts';
import { open, seal } from '../../../platform/crypto/seal.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { invalid, notFound } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { forbidden } from '../../../platform/policy/policy.ts';
import { findSharedResource } from '../grants/grants.repository.ts';
import {
  deleteProviderSystem,
  findProviderSystem,
  upsertProviderSystem,
  type ProviderSystemRow,
} from './provider-systems.repository.ts';
import './api.messages.ts';

/** What a provider registers. `authHeader` null removes the header; left out, the stored one stays. */
export interface ProviderSystemInput {
  urlTemplate: string;
  authHeader?: { name: string; value: string } | null;
}

const aadOf = (resourceId: string) => Buffer.from(`share-provider-system:${resourceId}`, 'utf8');

/**
 * Checks a URL template: http or https, a host, `{key}` somewhere, no user name or password (a
 * token belongs in the sealed header). Returns the template as given.
 */
export function checkUrlTemplate(template: string): string {
  const refuse = () =>
    invalid('share.provider_system.invalid', [
      { path: '/body/urlTemplate', code: 'share.provider_system.bad_url' },
    ]);
  if (!template.includes('{key}')) throw refuse();
  let url: URL;
  try {
    url = new URL(template.replaceAll('{key}', 'key'));
  } catch {
    throw refuse();
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) throw refuse();
  if (url.username || url.password) throw refuse();
  return template;
}

async function ownResource(db: Kysely<DB>, context: RequestContext, code: string) {
  const resource = await findSharedResource(db, code);
  if (!resource) throw notFound('what.shared_resource');
  if (context.actor?.departmentId !== resource.department_id)
    throw forbidden('share.provider_system.own_department');
  return resource;
}

function present(code: string, row: ProviderSystemRow) {
  return {
    resourceCode: code,
    urlTemplate: row.url_template,
    authHeaderName: row.auth_header_name,
    authHeaderSet: row.auth_header_value !== null,
    updatedAt: new Date(row.updated_at).toISOString(),
    updatedByName: row.updated_by_name,
  };
}

/** Registers (or replaces) the system of one of the department's resources; audited. */
export async function setProviderSystem(
  db: Kysely<DB>,
  keyring: Keyring,
  context: RequestContext,
  code: string,
  input: ProviderSystemInput,
) {
  const resource = await ownResource(db, context, code);
  const urlTemplate = checkUrlTemplate(input.urlTemplate);
  return db.transaction().execute(async (trx) => {
    const kept = await findProviderSystem(trx, resource.resource_id);
    const header =
      input.authHeader === undefined
        ? { name: kept?.auth_header_name ?? null, value: kept?.auth_header_value ?? null }
        : input.authHeader === null
          ? { name: null, value: null }
          : {
              name: input.authHeader.name,
              value: seal(keyring, Buffer.from(input.authHeader.value, 'utf8'), aadOf(resource.resource_id)),
            };
    const before = await upsertProviderSystem(trx, {
      resource_id: resource.resource_id,
      department_id: resource.department_id,
      url_template: urlTemplate,
      auth_header_name: header.name,
      auth_header_value: header.value,
      updated_by: context.actor?.id ?? null,
      updated_by_name: context.actor?.displayName ?? null,
    });
    await recordAudit(trx, context, {
      action: 'share.provider_system.set',
      targetType: 'catalog_resource',
      targetId: resource.resource_id,
      detail: {
        resourceCode: code,
        urlTemplate,
        authHeaderName: header.name,
        authHeaderChanged: input.authHeader !== undefined,
        before: before ? { urlTemplate: before.url_template, authHeaderName: before.auth_header_name } : null,
      },
    });
    return present(code, (await findProviderSystem(trx, resource.resource_id))!);
  });
}

/** The registered system of one of the department's resources (never the header's value). */
export async function readProviderSystem(db: Kysely<DB>, context: RequestContext, code: string) {
  const resource = await ownResource(db, context, code);
  const row = await findProviderSystem(db, resource.resource_id);
  if (!row) throw notFound('what.provider_system');
  return present(code, row);
}

/** Removes the registered system; pass-through calls are refused from then on. Audited. */
export async function removeProviderSystem(db: Kysely<DB>, context: RequestContext, code: string) {
  const resource = await ownResource(db, context, code);
  await db.transaction().execute(async (trx) => {
    const removed = await deleteProviderSystem(trx, resource.resource_id);
    if (!removed) throw notFound('what.provider_system');
    await recordAudit(trx, context, {
      action: 'share.provider_system.delete',
      targetType: 'catalog_resource',
      targetId: resource.resource_id,
      detail: { resourceCode: code, urlTemplate: removed.url_template },
    });
  });
}

/** The header to send to the provider's system, opened from its sealed form. */
export function providerHeader(keyring: Keyring, row: ProviderSystemRow): Record<string, string> {
  if (!row.auth_header_name || !row.auth_header_value) return {};
  const value = open(keyring, Buffer.from(row.auth_header_value), aadOf(row.resource_id)).toString('utf8');
  return { [row.auth_header_name]: value };
}
