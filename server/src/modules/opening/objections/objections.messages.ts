import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of objections (异议) and dataset suspensions. */
export const objectionMessages = defineMessages({
  'what.objection': { 'zh-CN': '异议', en: 'objection' },
  'what.evidence': { 'zh-CN': '证明材料', en: 'evidence file' },
  'what.suspension': { 'zh-CN': '暂停开放记录', en: 'suspension' },
  'open.objection.invalid': { 'zh-CN': '异议内容不完整', en: 'The objection is incomplete' },
  'open.objection.withdrawn': {
    'zh-CN': '数据集「{name}」已撤回开放，无需再提出异议',
    en: 'Dataset "{name}" has been withdrawn from opening; there is nothing left to object to',
  },
  'open.objection.closed': {
    'zh-CN': '该异议已办结（{state}），不能再变更',
    en: 'This objection is closed ({state}) and cannot change',
  },
  'open.objection.not_waiting': {
    'zh-CN': '该异议已处于暂停状态，不能重复暂停',
    en: 'The dataset is already suspended for this objection',
  },
  'open.objection.too_many': {
    'zh-CN': '今日提出的异议已达上限（{max} 件），请明日再试',
    en: 'You have filed the most objections allowed in a day ({max}); try again tomorrow',
  },
  'open.objection.statement_short': {
    'zh-CN': '请具体说明侵犯个人隐私或商业秘密的内容（至少 {min} 个字）',
    en: 'Say what infringes privacy or trade secrets (at least {min} characters)',
  },
  'open.objection.evidence_limit': {
    'zh-CN': '每件异议最多上传 {max} 份证明材料',
    en: 'An objection takes at most {max} evidence files',
  },
  'open.objection.evidence_type': {
    'zh-CN': '文件内容不是所声明的 {type} 格式；证明材料只接受 PDF、PNG、JPEG',
    en: 'The file is not the {type} it claims to be; evidence files are PDF, PNG or JPEG',
  },
  'open.objection.evidence_name': {
    'zh-CN': '请用 ?name= 给出文件名（不超过 200 字）',
    en: 'Give the file name as ?name= (at most 200 characters)',
  },
  'open.objection.evidence_empty': { 'zh-CN': '文件为空', en: 'The file is empty' },
  'open.suspension.active': {
    'zh-CN': '数据集「{name}」已暂停开放',
    en: 'Dataset "{name}" is already suspended',
  },
  'open.suspension.none': {
    'zh-CN': '数据集「{name}」当前未暂停开放',
    en: 'Dataset "{name}" is not suspended',
  },
  'open.suspension.withdrawn': {
    'zh-CN': '数据集「{name}」已撤回开放；恢复开放须修改其开放目录',
    en: 'Dataset "{name}" is withdrawn; to open it again change its open catalog entry',
  },
  'open.suspension.objections_waiting': {
    'zh-CN': '数据集「{name}」仍有 {count} 件异议待办结，须先逐件处理',
    en: 'Dataset "{name}" still has {count} objections waiting; decide them first',
  },
  'open.data.suspended': {
    'zh-CN': '数据集「{name}」暂停开放（自 {since} 起），暂不能下载或调用',
    en: 'Dataset "{name}" is suspended (since {since}); it cannot be downloaded or called for now',
  },
  'open.data.withdrawn': {
    'zh-CN': '数据集「{name}」已撤回开放',
    en: 'Dataset "{name}" has been withdrawn from opening',
  },
});
