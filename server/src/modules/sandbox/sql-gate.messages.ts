import { defineMessages } from '../../platform/i18n/messages.ts';

/**
 * Messages of the SQL gate of the sandbox (CQO §13(3)): why a user's query may not run in the
 * project, naming the statement kind, relation, function, type or construct refused.
 */
export const sqlGateMessages = defineMessages({
  'sandbox.sql.parse_error': {
    'zh-CN': 'SQL 语法错误：{message}',
    en: 'SQL syntax error: {message}',
  },
  'sandbox.sql.too_long': {
    'zh-CN': '查询过长（{length} 个字符），最多 {max} 个字符',
    en: 'The query is too long ({length} characters); at most {max} are accepted',
  },
  'sandbox.sql.empty': {
    'zh-CN': '没有可执行的语句',
    en: 'There is no statement to run',
  },
  'sandbox.sql.multiple_statements': {
    'zh-CN': '一次只能执行一条语句，收到 {count} 条',
    en: 'Only one statement may run at a time; {count} were given',
  },
  'sandbox.sql.statement_kind': {
    'zh-CN': '只允许 SELECT 查询，不允许 {kind} 语句',
    en: 'Only SELECT queries may run; {kind} statements are refused',
  },
  'sandbox.sql.data_modifying_cte': {
    'zh-CN': 'WITH 子句“{name}”中含有 {kind} 语句，不允许修改数据',
    en: 'The WITH query “{name}” holds a {kind} statement; data may not be changed',
  },
  'sandbox.sql.select_into': {
    'zh-CN': '不允许 SELECT INTO（会创建表）',
    en: 'SELECT INTO is refused (it creates a table)',
  },
  'sandbox.sql.locking_clause': {
    'zh-CN': '不允许加锁子句 {clause}',
    en: 'The locking clause {clause} is refused',
  },
  'sandbox.sql.system_catalog': {
    'zh-CN': '不允许访问系统目录“{relation}”',
    en: 'The system catalog {relation} may not be queried',
  },
  'sandbox.sql.schema_not_allowed': {
    'zh-CN': '“{relation}”不在本项目的模式“{schema}”中，不允许访问',
    en: '{relation} is outside the project’s schema {schema}, so it may not be queried',
  },
  'sandbox.sql.relation_not_allowed': {
    'zh-CN': '“{relation}”不是本项目可用的数据视图',
    en: '{relation} is not one of the project’s data views',
  },
  'sandbox.sql.function_not_allowed': {
    'zh-CN': '不允许调用函数 {function}',
    en: 'The function {function} may not be called',
  },
  'sandbox.sql.type_not_allowed': {
    'zh-CN': '不允许转换为类型 {type}',
    en: 'Casting to the type {type} is refused',
  },
  'sandbox.sql.construct_not_allowed': {
    'zh-CN': '查询中含有不允许的语法成分：{construct}',
    en: 'The query uses a construct that is refused: {construct}',
  },
  'sandbox.sql.too_complex': {
    'zh-CN': '查询嵌套过深，无法检查',
    en: 'The query is nested too deeply to be checked',
  },
  'sandbox.sql.normalisation_failed': {
    'zh-CN': '查询无法规范化为等价的形式，为安全起见不予执行',
    en: 'The query could not be rewritten into an equivalent normal form, so it is not run',
  },
  'sandbox.sql.position': {
    'zh-CN': '（第 {line} 行第 {column} 列）',
    en: ' (line {line}, column {column})',
  },
});
