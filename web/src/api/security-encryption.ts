// Shapes of encryption at rest (加密存储) as server/src/modules/security/encryption/encryption.routes.ts
// sends them, and the calls the console makes.
import { api } from './client.ts';

/** An encrypted pool column with the keys its values use and the progress of a rotation. */
export interface EncryptedColumn {
  resourceId: string;
  resourceCode: string | null;
  resourceName: string | null;
  departmentId: string;
  departmentName: string | null;
  field: string;
  state: 'encrypted' | 'rotating';
  targetKeyId: string;
  keyIds: string[];
  rowsTotal: number;
  rowsDone: number;
  enabledAt: string | null;
  rotatedAt: string | null;
}

/** A data key as listed: never its material. */
export interface DataKey {
  id: string;
  algorithm: string;
  created: string;
  active: boolean;
  columns: number;
}

/** GET /security/encryption. */
export interface EncryptionStatus {
  source: string;
  algorithm: string;
  keys: DataKey[];
  columns: EncryptedColumn[];
}

/** What POST /security/encryption/columns takes: the pool table (by resource) and the item's field. */
export interface EncryptColumnInput {
  resourceId: string;
  field: string;
}

/** The encryption calls the console makes. */
export const encryptionApi = {
  status: (signal?: AbortSignal) => api.get<EncryptionStatus>('/security/encryption', undefined, { signal }),
  encrypt: (input: EncryptColumnInput) => api.post<EncryptedColumn>('/security/encryption/columns', input),
  rotate: () =>
    api.post<{ keyId: string; previous: string; algorithm: string; columns: number }>(
      '/security/keys/rotate',
    ),
};

/** The query key of the status, which the page polls while a rotation runs. */
export const encryptionKey = ['security', 'encryption'] as const;
