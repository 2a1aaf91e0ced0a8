import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of scheduled pulls and of the return flow. */
export const pullMessages = defineMessages({
  'what.pool_pull': { 'zh-CN': '定时拉取任务', en: 'pull' },
  'pool.pull.not_select': {
    'zh-CN':
      '查询语句只能是一条 SELECT 语句（不允许多条语句、注释、WITH、加锁或修改数据），不允许的内容：{reason}',
    en: 'The query must be a single SELECT (no several statements, comments, WITH, row locks or changes); refused: {reason}',
  },
  'pool.pull.query_length': {
    'zh-CN': '查询语句为空或超过 {max} 个字符',
    en: 'The query is empty or longer than {max} characters',
  },
  'pool.pull.query_required': {
    'zh-CN': '数据库拉取需要一条 SELECT 查询语句',
    en: 'A database pull needs a SELECT query',
  },
  'pool.pull.query_not_http': {
    'zh-CN': '接口拉取不使用查询语句',
    en: 'An API pull takes no query',
  },
  'pool.pull.header_not_postgres': {
    'zh-CN': '数据库拉取不使用请求头，密码请写在连接地址或密钥中',
    en: 'A database pull takes no header; put the password in the URL or the secret',
  },
  'pool.pull.bad_url': {
    'zh-CN': '地址无效：数据库拉取应为 postgres://用户@主机:端口/数据库，接口拉取应为 http(s):// 地址',
    en: 'Invalid URL: a database pull needs postgres://user@host:port/database, an API pull an http(s):// URL',
  },
  'pool.pull.url_param': {
    'zh-CN': '连接地址不支持参数“{param}”',
    en: 'The connection URL may not carry the parameter "{param}"',
  },
  'pool.pull.url_credentials': {
    'zh-CN': '接口地址中不能包含用户名或密码，令牌请放在请求头中',
    en: 'The API URL may not hold a user or password; send a token in the header',
  },
  'pool.pull.interval': {
    'zh-CN': '拉取间隔应在 {min} 至 {max} 分钟之间',
    en: 'The interval must be between {min} and {max} minutes',
  },
  'pool.pull.running': {
    'zh-CN': '该拉取任务正在运行，请稍后再试',
    en: 'The pull is running; try again when it has ended',
  },
  'pool.pull.connect_failed': {
    'zh-CN': '无法连接提供方数据库：{reason}',
    en: "The provider's database could not be reached: {reason}",
  },
  'pool.pull.query_failed': {
    'zh-CN': '提供方数据库执行查询失败：{reason}',
    en: "The provider's database failed the query: {reason}",
  },
  'pool.pull.unreachable': {
    'zh-CN': '无法访问提供方接口：{reason}',
    en: "The provider's API could not be reached: {reason}",
  },
  'pool.pull.http_status': {
    'zh-CN': '提供方接口返回 HTTP {status}，未导入任何数据',
    en: "The provider's API answered HTTP {status}; nothing was loaded",
  },
  'pool.pull.json_syntax': {
    'zh-CN': '提供方接口返回的不是 JSON 数组或 JSON Lines：{reason}',
    en: "The provider's API did not send a JSON array or JSON lines: {reason}",
  },
  'pool.pull.too_large': {
    'zh-CN': '提供方接口返回的 JSON 数组超过 {limit} MB，请改用 JSON Lines（每行一个对象）',
    en: "The provider's JSON array is larger than {limit} MB; send JSON lines (one object a line) instead",
  },
  'pool.pull.read_failed': {
    'zh-CN': '读取提供方数据时中断：{reason}',
    en: "Reading the provider's data broke off: {reason}",
  },
  'pool.return.forbidden': {
    'zh-CN': '只有资源所在地区的数据主管部门（或其应用）可以回流数据',
    en: "Only the data authority of the resource's region (or its application) may return records",
  },
});
