import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of column encryption and key rotation. */
export const encryptionMessages = defineMessages({
  'security.encryption.no_keyring': {
    'zh-CN': '未配置数据密钥，无法读写加密字段',
    en: 'No data keys are configured, so encrypted columns cannot be read or written',
  },
  'security.encryption.unreadable': {
    'zh-CN': '字段 {field} 第 {row} 行的密文无法解密（{reason}）：数据可能被篡改或密钥缺失',
    en: 'The sealed value of {field} in row {row} cannot be opened ({reason}): it may have been altered or its key is missing',
  },
  'security.encryption.item_not_found': {
    'zh-CN': '该资源的数据表中没有信息项 {field}',
    en: 'The resource’s table has no item {field}',
  },
  'security.encryption.already_encrypted': {
    'zh-CN': '信息项 {field} 已加密存储',
    en: 'Item {field} is already encrypted at rest',
  },
  'security.encryption.key_item': {
    'zh-CN': '主键信息项 {field} 不能加密：查找和唯一性约束需要它的明文',
    en: 'Key item {field} cannot be encrypted: lookups and the unique key need its plain value',
  },
  'security.encryption.not_sensitive': {
    'zh-CN': '只有敏感或个人信息项可加密存储，{field} 的敏感级别为“{sensitivity}”',
    en: 'Only sensitive or personal items are encrypted at rest; {field} is {sensitivity}',
  },
  'security.encryption.sensitivity.general': { 'zh-CN': '一般', en: 'general' },
  'security.encryption.sensitivity.personal': { 'zh-CN': '个人信息', en: 'personal' },
  'security.encryption.sensitivity.sensitive': { 'zh-CN': '敏感信息', en: 'sensitive' },
  'security.encryption.not_character': {
    'zh-CN': '只有字符型信息项可加密存储，{field} 的类型为“{dataType}”',
    en: 'Only character items are encrypted at rest; {field} has type {dataType}',
  },
  'security.encryption.migration_pending': {
    'zh-CN': '数据表有待执行的结构变更，请先完成后再加密',
    en: 'The table waits for a migration step; finish it before encrypting',
  },
  'security.encryption.changed_during_load': {
    'zh-CN': '加载期间该表的加密字段发生变化，请重新加载',
    en: 'The table’s encrypted columns changed during the load; load the file again',
  },
  'security.keys.read_only': {
    'zh-CN': '密钥来自环境变量 ZHENGSHU_DATA_KEYS，平台无法轮换：请在变量中加入新密钥并设为启用',
    en: 'The keys come from ZHENGSHU_DATA_KEYS and cannot be rotated by the platform: add a key there and make it active',
  },
});
