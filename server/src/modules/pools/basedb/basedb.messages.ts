import { defineMessages } from '../../../platform/i18n/messages.ts';

/** Messages of the base and theme databases. */
export const baseDbMessages = defineMessages({
  'what.base_source': { 'zh-CN': '基础库数据项来源', en: 'base item source' },
  'what.base_record': { 'zh-CN': '基础库记录', en: 'base database record' },
  'what.theme_database': { 'zh-CN': '主题数据库', en: 'theme database' },
  'basedb.authority_only': {
    'zh-CN': '只有市级数据主管部门可以管理基础数据库和主题数据库',
    en: 'Only the top-level data authority manages the base and theme databases',
  },
  'basedb.source.taken': {
    'zh-CN': '基础库数据项“{item}”（{field}）已指定来源，请修改原有来源',
    en: 'The base item "{item}" ({field}) already has a source; change that one instead',
  },
  'basedb.source.no_field': {
    'zh-CN': '来源资源没有信息项“{field}”',
    en: 'The source resource has no item "{field}"',
  },
  'basedb.source.is_key': {
    'zh-CN': '“{field}”是来源资源的主键，基础库按主键融合，无需指定为数据项',
    en: '"{field}" is the key of the source; the base database is joined on it, it is not an item',
  },
  'basedb.source.no_key': {
    'zh-CN': '来源资源须以{key}为唯一主键，才能融合进该基础库',
    en: 'The source resource must have {key} as its only key to feed this base database',
  },
  'basedb.source.key_column': {
    'zh-CN': '“{field}”是基础库的主键列名，请换一个字段名',
    en: '"{field}" is the key column of the base database; choose another field name',
  },
  'basedb.key.citizen_id': { 'zh-CN': '公民身份号码', en: 'the citizen ID number' },
  'basedb.key.credit_code': { 'zh-CN': '统一社会信用代码', en: 'the unified social credit code' },
  'basedb.key.single': { 'zh-CN': '一个信息项', en: 'one item' },
  'basedb.build.no_sources': {
    'zh-CN': '该基础库还没有指定任何数据项来源',
    en: 'No item of this base database has a source yet',
  },
  'basedb.build.source_gone': {
    'zh-CN': '数据项“{item}”的来源“{field}”已不在资源池中（目录变更待执行），请先处理',
    en: 'The source "{field}" of "{item}" is no longer in the pool (a catalog change waits); settle it first',
  },
  'basedb.build.column_in_use': {
    'zh-CN': '主题数据库仍在使用基础库的列，无法变更：{reason}',
    en: 'A theme database still uses a column of the base database: {reason}',
  },
  'basedb.build.failed': {
    'zh-CN': '基础库融合失败，数据保持原样：{reason}',
    en: 'The build failed; the base database is unchanged: {reason}',
  },
  'basedb.not_built': {
    'zh-CN': '基础库“{base}”尚未融合生成',
    en: 'The base database "{base}" has not been built yet',
  },
  'basedb.theme.code_taken': {
    'zh-CN': '主题库编码“{code}”已被使用',
    en: 'The theme database code "{code}" is taken',
  },
  'basedb.theme.invalid': {
    'zh-CN': '主题库声明有误，请检查标出的字段',
    en: 'The theme database declaration is wrong; see the fields named',
  },
  'basedb.theme.unknown_table': { 'zh-CN': '没有这个资源池数据表', en: 'There is no such pool table' },
  'basedb.theme.unknown_field': {
    'zh-CN': '表中没有列“{field}”',
    en: 'The table has no column "{field}"',
  },
  'basedb.theme.type_mismatch': {
    'zh-CN': '关联键类型不一致：{left} 与 {right}',
    en: 'The join keys differ in type: {left} and {right}',
  },
  'basedb.theme.bad_table_index': {
    'zh-CN': '表序号 {table} 不存在（0 为主表，其后为关联表）',
    en: 'There is no table {table} (0 is the driving table, then the joins)',
  },
  'basedb.theme.duplicate_column': {
    'zh-CN': '列名“{column}”重复，请用别名区分',
    en: 'The column name "{column}" repeats; give one an alias',
  },
});
