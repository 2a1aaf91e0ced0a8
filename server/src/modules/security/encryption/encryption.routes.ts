import { Type } from 'typebox';
import type { AppInstance } from '../../../platform/http/types.ts';
import type { EncryptedColumnRow } from './encryption.repository.ts';
import { encryptColumn, encryptionStatus, rotateKeys } from './encryption.service.ts';

const tags = ['security'];
const DateTime = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

const EncryptedColumn = Type.Object({
  resourceId: Type.String(),
  resourceCode: Type.Union([Type.String(), Type.Null()]),
  resourceName: Type.Union([Type.String(), Type.Null()]),
  departmentId: Type.String(),
  departmentName: Type.Union([Type.String(), Type.Null()]),
  field: Type.String(),
  state: Type.Union([Type.Literal('encrypted'), Type.Literal('rotating')]),
  targetKeyId: Type.String(),
  keyIds: Type.Array(Type.String()),
  rowsTotal: Type.Integer(),
  rowsDone: Type.Integer(),
  enabledAt: DateTime,
  rotatedAt: DateTime,
});

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function presentColumn(
  row: EncryptedColumnRow & {
    resource_code?: string | null;
    resource_name?: string | null;
    department_name?: string | null;
  },
) {
  return {
    resourceId: row.resource_id,
    resourceCode: row.resource_code ?? null,
    resourceName: row.resource_name ?? null,
    departmentId: row.department_id,
    departmentName: row.department_name ?? null,
    field: row.field,
    state: row.state,
    targetKeyId: row.target_key_id,
    keyIds: row.key_ids,
    rowsTotal: Number(row.rows_total),
    rowsDone: Number(row.rows_done),
    enabledAt: iso(row.enabled_at),
    rotatedAt: iso(row.rotated_at),
  };
}

/**
 * Encryption at rest of pool columns and the data keys: the status (columns, keys, rotation
 * progress), turning it on for an item (the providing department) and rotating the keys (the
 * platform administrator). See docs/security-encryption.md.
 */
export async function encryptionRoutes(app: AppInstance) {
  const { database, keyring } = app.platform;

  app.get(
    '/security/encryption',
    {
      config: { permission: 'security.encryption.read' },
      schema: {
        tags,
        summary: 'Encrypted columns in scope, the data keys (no material) and rotation progress; audited',
        response: {
          200: Type.Object({
            source: Type.String(),
            algorithm: Type.String(),
            keys: Type.Array(
              Type.Object({
                id: Type.String(),
                algorithm: Type.String(),
                created: Type.String(),
                active: Type.Boolean(),
                columns: Type.Integer(),
              }),
            ),
            columns: Type.Array(EncryptedColumn),
          }),
        },
      },
    },
    async (request) => {
      const status = await encryptionStatus(database.db, keyring, request.ctx);
      return { ...status, columns: status.columns.map(presentColumn) };
    },
  );

  app.post(
    '/security/encryption/columns',
    {
      config: { permission: 'security.encryption.manage' },
      schema: {
        tags,
        summary:
          'Encrypt an item’s column at rest (sensitive or personal, not a key item); seals stored values',
        body: Type.Object(
          {
            resourceId: Type.String({ format: 'uuid' }),
            field: Type.String({ minLength: 1, maxLength: 63 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: EncryptedColumn },
      },
    },
    async (request, reply) => {
      const row = await encryptColumn(database.db, keyring, request.ctx, request.body);
      return reply.code(201).send(presentColumn(row));
    },
  );

  app.post(
    '/security/keys/rotate',
    {
      config: { permission: 'security.keys.manage' },
      schema: {
        tags,
        summary: 'Add a new active data key; old values are re-encrypted in the background',
        response: {
          202: Type.Object({
            keyId: Type.String(),
            previous: Type.String(),
            algorithm: Type.String(),
            columns: Type.Integer(),
          }),
        },
      },
    },
    async (request, reply) => reply.code(202).send(await rotateKeys(database.db, keyring, request.ctx)),
  );
}
