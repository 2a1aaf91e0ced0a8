import type { encryptionZhCN } from './security-encryption.zh-CN.ts';

// English texts of the encryption-at-rest page; the keys are those of security-encryption.zh-CN.ts.
export const encryptionEn: Record<keyof typeof encryptionZhCN, string> = {
  'encryption.menu': 'Encryption at rest',
  'encryption.description':
    'Sensitive and personal items are stored encrypted in the pools (SM4); the keys are not in the database. After a key rotation values are re-encrypted in the background while they stay readable.',
  'encryption.columns': 'Encrypted columns',
  'encryption.resource': 'Resource',
  'encryption.field': 'Item',
  'encryption.department': 'Department',
  'encryption.state': 'State',
  'encryption.state.encrypted': 'Encrypted',
  'encryption.state.rotating': 'Rotating',
  'encryption.progress': 'Re-encryption progress',
  'encryption.keysInUse': 'Keys in use',
  'encryption.empty': 'No item is encrypted at rest yet',
  'encryption.keys': 'Data keys',
  'encryption.keyId': 'Key id',
  'encryption.algorithm': 'Algorithm',
  'encryption.created': 'Created',
  'encryption.active': 'Active',
  'encryption.usedBy': 'Columns using it',
  'encryption.rotate': 'Rotate keys',
  'encryption.rotateConfirm':
    'Make a new active key and re-encrypt every encrypted column in the background? Old keys are kept for old data and backups.',
  'encryption.rotated': 'New key {keyId}; re-encryption runs in the background',
  'encryption.enable': 'Encrypt an item',
  'encryption.enableHint':
    'Pick one of your department’s pool tables, then the item to encrypt. Only character items that are not the key and are marked personal or sensitive can be encrypted.',
  'encryption.pickTable': 'Table (resource)',
  'encryption.pickTablePlaceholder': 'Pick a pool table of your department; type a name or code to search',
  'encryption.pickTableRequired': 'Pick a table',
  'encryption.pickItem': 'Item',
  'encryption.pickTableFirst': 'Pick a table first',
  'encryption.pickItemPlaceholder': 'Pick the item to encrypt',
  'encryption.pickItemRequired': 'Pick an item',
  'encryption.tag.key': 'Key',
  'encryption.tag.encrypted': 'Encrypted',
  'encryption.why.encrypted': 'Item “{item}” is already encrypted at rest',
  'encryption.why.key':
    '“{item}” is the key item and cannot be encrypted: lookups and the unique key need its plain value',
  'encryption.why.type': 'Only character items are encrypted at rest; “{item}” is {type}',
  'encryption.enableConfirmTitle': 'Encrypt item “{item}”?',
  'encryption.enableConfirmWhat': 'Table: {resource}; item: {item}',
  'encryption.enableConfirm':
    'Every stored value of this item will be encrypted, and the platform cannot undo it.',
  'encryption.enabled': '{field} is encrypted',
};
