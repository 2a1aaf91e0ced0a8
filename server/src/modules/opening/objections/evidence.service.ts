// Evidence files of an objection (CQO §41: 提供相关证明材料). They may hold the very personal data or
// trade secret objected to, so they are sealed with the keyring (bound to their objection) and each
// reading is audited. Only PDF, PNG and JPEG are taken, checked by their bytes, not their name.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../../config.ts';
import { recordAudit } from '../../../platform/audit/audit.ts';
import type { Keyring } from '../../../platform/crypto/keyring.ts';
import { open, seal } from '../../../platform/crypto/seal.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { AppError, conflict, invalid, notFound } from '../../../platform/errors/app-error.ts';
import type { RequestContext } from '../../../platform/policy/actor.ts';
import { isUuid } from '../../dcat/open-catalog.ts';
import './objections.messages.ts';
import { mayRead } from './objections.reads.ts';
import {
  findEvidence,
  findListedObjection,
  insertEvidence,
  listEvidence,
  lockObjection,
  type EvidenceInfo,
} from './objections.repository.ts';
import type { EvidenceMediaType } from './objections.tables.ts';

/** What evidence handling needs of the platform. */
export interface EvidencePlatform {
  keyring: Keyring;
  config: Pick<Config, 'objectionEvidenceMaxFiles' | 'objectionEvidenceMaxBytes'>;
}

/** The media types taken, with the bytes each file of that type starts with. */
export const EVIDENCE_TYPES: Record<EvidenceMediaType, number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

const aadOf = (objectionId: string) => Buffer.from(`open_objection_evidence:${objectionId}`);

/** A file name safe to keep and to send back in a header: no path, no control characters. */
function cleanName(name: string | undefined): string | null {
  const base = (name ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/[\p{Cc}"]/gu, '')
    .trim();
  return base.length > 0 && base.length <= 200 ? base : null;
}

/**
 * Adds an evidence file to the caller's own objection while it waits. Refuses a file whose bytes
 * are not the declared type (422), an empty file (422), and more files than the configuration
 * allows (409); the size limit is the route's body limit (413).
 */
export async function addEvidence(
  db: Kysely<DB>,
  platform: EvidencePlatform,
  context: RequestContext,
  objectionId: string,
  file: { name: string | undefined; mediaType: EvidenceMediaType; content: Buffer },
): Promise<EvidenceInfo> {
  const name = cleanName(file.name);
  if (!name)
    throw invalid('open.objection.evidence_name', [{ path: '/name', code: 'open.objection.evidence_name' }]);
  if (file.content.length === 0) throw new AppError(422, 'open.objection.evidence_empty');
  const magic = EVIDENCE_TYPES[file.mediaType];
  if (!magic.every((byte, i) => file.content[i] === byte))
    throw new AppError(422, 'open.objection.evidence_type', { type: file.mediaType });
  return db.transaction().execute(async (trx) => {
    const objection = isUuid(objectionId) ? await lockObjection(trx, objectionId) : undefined;
    if (!objection || objection.objector_user_id !== context.actor?.id) throw notFound('what.objection');
    if (objection.state !== 'received' && objection.state !== 'suspended')
      throw conflict('open.objection.closed', { state: objection.state });
    const existing = await listEvidence(trx, objection.id);
    const max = platform.config.objectionEvidenceMaxFiles;
    if (existing.length >= max) throw conflict('open.objection.evidence_limit', { max });
    const digest = `sm3:${crypto.createHash('sm3').update(file.content).digest('hex')}`;
    const stored = await insertEvidence(trx, {
      objection_id: objection.id,
      file_name: name,
      media_type: file.mediaType,
      size_bytes: file.content.length,
      digest,
      content_sealed: seal(platform.keyring, file.content, aadOf(objection.id)),
    });
    await recordAudit(trx, context, {
      action: 'open.objection.evidence.add',
      targetType: 'open_objection',
      targetId: objection.id,
      departmentId: objection.department_id,
      detail: { evidenceId: stored.id, mediaType: file.mediaType, size: file.content.length, digest },
    });
    return stored;
  });
}

/** An evidence file opened for reading. */
export interface OpenedEvidence {
  info: EvidenceInfo;
  content: Buffer;
}

/** One evidence file for the objector or a handler of the objection; the reading is audited. */
export async function readEvidence(
  db: Kysely<DB>,
  platform: EvidencePlatform,
  context: RequestContext,
  objectionId: string,
  evidenceId: string,
): Promise<OpenedEvidence> {
  const objection = isUuid(objectionId) ? await findListedObjection(db, objectionId) : undefined;
  if (!objection || !mayRead(context.actor, objection)) throw notFound('what.objection');
  const row = isUuid(evidenceId) ? await findEvidence(db, objection.id, evidenceId) : undefined;
  if (!row) throw notFound('what.evidence');
  // PGlite hands bytea back as a Uint8Array, PostgreSQL as a Buffer.
  const content = open(platform.keyring, Buffer.from(row.content_sealed), aadOf(objection.id));
  await recordAudit(db, context, {
    action: 'open.objection.evidence.read',
    targetType: 'open_objection',
    targetId: objection.id,
    departmentId: objection.department_id,
    detail: { evidenceId: row.id },
  });
  const { content_sealed: _sealed, ...info } = row;
  return { info, content };
}
