import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of public participation on the open-data portal. */
export const participationMessages = defineMessages({
  'what.open_participation_dataset': { 'zh-CN': '开放数据集', en: 'open dataset' },
  'what.open_comment': { 'zh-CN': '评论', en: 'comment' },
  'what.open_showcase': { 'zh-CN': '应用展示', en: 'showcase entry' },
  'what.open_participation_request': { 'zh-CN': '公众诉求', en: 'request' },
  'open.participation.invalid': {
    'zh-CN': '填写有误，请按提示修改',
    en: 'There are problems; see the fields named',
  },
  'open.participation.text_required': { 'zh-CN': '此项不能为空', en: 'This must not be blank' },
  'open.participation.text_short': {
    'zh-CN': '请至少写 {min} 个字',
    en: 'Write at least {min} characters',
  },
  'open.participation.text_control': {
    'zh-CN': '不能包含控制字符或不可见的文字方向控制符',
    en: 'Control characters and invisible direction marks are not allowed',
  },
  'open.participation.text_links': {
    'zh-CN': '内容主要是链接（或超过 {max} 个链接），不予发布',
    en: 'The text is mostly links (or has more than {max}); it is not taken',
  },
  'open.participation.text_repeats': {
    'zh-CN': '内容大量重复，不予发布',
    en: 'The text mostly repeats itself; it is not taken',
  },
  'open.participation.staff_only': {
    'zh-CN': '只有数据提供部门和数据主管部门处理公众参与事项',
    en: 'Only providing departments and the data authority handle public participation',
  },
  'open.participation.no_authority': {
    'zh-CN': '未找到负责的数据主管部门，请联系平台管理员',
    en: 'No data authority is set up to take this; contact the platform administrator',
  },
  'open.comment.duplicate': {
    'zh-CN': '您最近已发表过相同的评论',
    en: 'You posted the same comment recently',
  },
  'open.comment.too_many': {
    'zh-CN': '1 小时内最多发表 {max} 条评论，请约 {minutes} 分钟后再试',
    en: 'At most {max} comments an hour; try again in about {minutes} minutes',
  },
  'open.comment.already_hidden': { 'zh-CN': '该评论已被屏蔽', en: 'The comment is hidden already' },
  'open.showcase.not_open': {
    'zh-CN': '不是开放目录中的数据集',
    en: 'This is not a dataset of the open catalog',
  },
  'open.showcase.url_invalid': { 'zh-CN': '网址格式不正确', en: 'This is not a web address' },
  'open.showcase.url_scheme': {
    'zh-CN': '网址须以 http:// 或 https:// 开头',
    en: 'The address must start with http:// or https://',
  },
  'open.showcase.url_credentials': {
    'zh-CN': '网址不能包含用户名或密码',
    en: 'The address must not hold a user name or password',
  },
  'open.showcase.too_many': {
    'zh-CN': '24 小时内最多提交 {max} 个应用展示，请约 {hours} 小时后再试',
    en: 'At most {max} showcase entries a day; try again in about {hours} hours',
  },
  'open.showcase.not_pending': {
    'zh-CN': '该应用展示已审核（{state}），不能再次审核',
    en: 'The entry is reviewed already ({state})',
  },
  'open.showcase.reason_required': {
    'zh-CN': '不予展示时须说明理由',
    en: 'A rejection needs its reason',
  },
  'open.request.not_pending': {
    'zh-CN': '该事项已答复（{state}），不能再次答复',
    en: 'This is answered already ({state})',
  },
  'open.request.provider_answers': {
    'zh-CN': '开放目录更正申请和数据校核申请由数据提供部门答复',
    en: 'Catalog corrections and data error reports are answered by the providing department',
  },
  'open.request.authority_answers': {
    'zh-CN': '对开放工作的意见由数据主管部门答复',
    en: 'Opinions on the open service are answered by the data authority',
  },
  'open.request.unknown_field': {
    'zh-CN': '数据集没有信息项 {field}',
    en: 'The dataset has no item {field}',
  },
  'open.request.field_repeated': { 'zh-CN': '信息项 {field} 重复', en: 'Item {field} is listed twice' },
});
