import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of correction requests (疑义/错误校核). */
export const correctionMessages = defineMessages({
  'what.pool_record': { 'zh-CN': '数据记录', en: 'record' },
  'what.pool_correction': { 'zh-CN': '校核申请', en: 'correction request' },
  'pool.correction.invalid': {
    'zh-CN': '校核申请有误，请检查标出的字段',
    en: 'The correction request has problems; see the fields named',
  },
  'pool.correction.own_data': {
    'zh-CN': '提供部门不能对本部门的数据申请校核，请直接导入更正后的数据',
    en: 'The providing department cannot report on its own data; load the corrected data instead',
  },
  'pool.correction.not_shared': {
    'zh-CN': '该资源不予共享，不能通过共享申请校核',
    en: 'The resource is not shared, so no correction can be requested through sharing',
  },
  'pool.correction.not_open': {
    'zh-CN': '该资源不予开放，公众不能申请校核',
    en: 'The resource is not open, so the public cannot request a correction',
  },
  'pool.correction.provider_only': {
    'zh-CN': '只有资源的提供部门可以答复校核申请',
    en: 'Only the providing department may answer a correction request',
  },
  'pool.correction.not_yours': {
    'zh-CN': '只有申请方和提供部门可以查看该校核申请',
    en: 'Only the reporter and the providing department may see this correction request',
  },
  'pool.correction.record_gone': {
    'zh-CN': '该记录已不在当前数据中（已被重新导入的数据替换），请驳回并说明',
    en: 'The record is no longer in the current data (a load replaced it); reject the request saying so',
  },
  'pool.correction.key_missing': {
    'zh-CN': '缺少主键信息项“{field}”',
    en: 'The key item "{field}" is missing',
  },
  'pool.correction.key_unknown': {
    'zh-CN': '“{field}”不是该资源的主键信息项',
    en: '"{field}" is not a key item of the resource',
  },
  'pool.correction.field_unknown': {
    'zh-CN': '“{field}”不是该资源的信息项',
    en: '"{field}" is not an item of the resource',
  },
  'pool.correction.field_is_key': {
    'zh-CN': '主键信息项“{field}”不能通过校核更正（它标识记录本身），请由提供部门重新导入',
    en: 'The key item "{field}" identifies the record and cannot be corrected here; the provider reloads it',
  },
  'pool.correction.field_repeated': {
    'zh-CN': '信息项“{field}”重复',
    en: 'The item "{field}" is named twice',
  },
  'pool.correction.field_not_reported': {
    'zh-CN': '信息项“{field}”不在校核申请中',
    en: 'The item "{field}" is not part of the request',
  },
  'pool.correction.value_required': {
    'zh-CN': '申请未提出“{field}”的正确值，请给出更正后的值',
    en: 'The request proposes no value for "{field}"; give the corrected value',
  },
  'pool.correction.key_json': {
    'zh-CN': '主键应为 JSON 对象，例如 {"sfzh":"…"}',
    en: 'The key must be a JSON object, e.g. {"sfzh":"…"}',
  },
  'pool.correction.reason_required': {
    'zh-CN': '请说明理由',
    en: 'A reason is required',
  },
});
