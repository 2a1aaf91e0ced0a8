import { defineMessages } from '../../platform/i18n/messages.ts';

/** Messages of the data pools: loads, their reports, versions and table migrations. */
export const poolMessages = defineMessages({
  'what.pool_table': { 'zh-CN': '资源池数据表', en: 'pool table' },
  'what.pool_batch': { 'zh-CN': '数据批次', en: 'batch' },
  'what.pool_version': { 'zh-CN': '数据版本', en: 'data version' },
  'pool.own_department': {
    'zh-CN': '只有资源的提供部门可以操作其资源池数据',
    en: "Only the providing department may work with its pool's data",
  },
  'pool.migration_pending': {
    'zh-CN': '目录信息项已变更（类型变更、删除或主键变更），请先执行数据表变更，再导入数据',
    en: 'The items changed (a type, a removal or the key); apply the table migration before loading',
  },
  'pool.no_key': {
    'zh-CN': '该资源没有主键信息项，无法按主键更新，请整表导入',
    en: 'The resource has no key item, so rows cannot be upserted; load the whole table instead',
  },
  'pool.restore.current': { 'zh-CN': '该版本就是当前版本', en: 'That version is the current one' },
  'pool.migrate.nothing': { 'zh-CN': '没有待执行的数据表变更', en: 'No table migration is waiting' },
  'pool.migrate.cast_failed': {
    'zh-CN': '信息项“{field}”的现有数据无法转换为新类型，变更未执行：{reason}',
    en: 'Current values of "{field}" do not convert to the new type; nothing was changed: {reason}',
  },
  'pool.migrate.duplicate_keys': {
    'zh-CN': '现有数据中主键（{key}）有重复，无法建立主键，变更未执行',
    en: 'Current rows repeat the key ({key}); nothing was changed',
  },
  'pool.upload.empty': { 'zh-CN': '没有收到文件', en: 'No file was received' },
  'pool.upload.too_large': {
    'zh-CN': '文件超过 {limit} MB 上限',
    en: 'The file is larger than the limit of {limit} MB',
  },
  'pool.upload.aborted': {
    'zh-CN': '文件上传中断，未导入任何数据',
    en: 'The upload broke off; nothing was loaded',
  },
  'pool.upload.format': {
    'zh-CN': '无法判断文件格式，请选择 CSV、XLSX 或 JSON Lines',
    en: 'The file format is unknown; choose CSV, XLSX or JSON lines',
  },
  'pool.push.too_many': {
    'zh-CN': '一次最多推送 {limit} 条记录，请分批推送或上传文件',
    en: 'At most {limit} records per push; push in parts or upload a file',
  },
  'pool.ingest.rows_refused': {
    'zh-CN': '数据未导入：发现 {count} 处问题，数据保持原样，请下载问题清单逐行修改',
    en: 'Nothing was loaded: {count} problems found; the data is unchanged. Download the report and fix each row',
  },
  'pool.ingest.interrupted': {
    'zh-CN': '导入被中断（服务重启或进程终止），数据保持原样，请重新导入',
    en: 'The load was interrupted (restart or killed process); the data is unchanged. Load again',
  },
  'pool.ingest.internal': {
    'zh-CN': '导入时平台出错，数据保持原样',
    en: 'The platform failed during the load; the data is unchanged',
  },
  'pool.ingest.database_refused': {
    'zh-CN': '数据库拒绝了数据：{reason}',
    en: 'The database refused the data: {reason}',
  },
  'pool.ingest.encoding': {
    'zh-CN': '文件不是 {encoding} 编码（第 {offset} 字节附近），请另存为 UTF-8 或选择正确的编码',
    en: 'The file is not {encoding} (near byte {offset}); save it as UTF-8 or choose its encoding',
  },
  'pool.ingest.csv_syntax': {
    'zh-CN': '第 {row} 行附近的 CSV 格式有误（{reason}），例如引号未闭合',
    en: 'The CSV is malformed near row {row} ({reason}), e.g. an unclosed quote',
  },
  'pool.ingest.unreadable': { 'zh-CN': '无法读取文件', en: 'The file cannot be read' },
  'pool.ingest.empty_file': { 'zh-CN': '文件为空或没有表头行', en: 'The file is empty or has no header row' },
  'pool.ingest.unknown_column': {
    'zh-CN': '表头“{column}”不是该资源的信息项',
    en: 'Header "{column}" is not an item of the resource',
  },
  'pool.ingest.repeated_column': { 'zh-CN': '表头“{column}”重复', en: 'Header "{column}" appears twice' },
  'pool.ingest.missing_column': {
    'zh-CN': '缺少必填信息项“{column}”（{field}）的列',
    en: 'The required item "{column}" ({field}) has no column',
  },
  'pool.ingest.ragged': {
    'zh-CN': '本行有 {found} 列，表头有 {expected} 列',
    en: 'The row has {found} columns; the header has {expected}',
  },
  'pool.ingest.json_syntax': { 'zh-CN': '本行不是合法的 JSON', en: 'The line is not valid JSON' },
  'pool.ingest.json_object': { 'zh-CN': '本行应为一个 JSON 对象', en: 'The line must be a JSON object' },
  'pool.ingest.unknown_field': {
    'zh-CN': '“{field}”不是该资源的信息项',
    en: '"{field}" is not an item of the resource',
  },
  'pool.ingest.formula': {
    'zh-CN': '“{column}”列是公式，请粘贴为数值后再导入',
    en: 'Column "{column}" holds a formula; paste it as values first',
  },
  'pool.ingest.cell_error': {
    'zh-CN': '“{column}”列是错误值 {value}',
    en: 'Column "{column}" holds the error value {value}',
  },
  'pool.ingest.duplicate_key': {
    'zh-CN': '主键值重复，出现在第 {rows} 行',
    en: 'The key repeats, in rows {rows}',
  },
  'pool.value.not_allowed': {
    'zh-CN': '不在取值范围内（{values}）',
    en: 'Not one of the allowed values ({values})',
  },
  'pool.value.required': { 'zh-CN': '必填项为空', en: 'Required, but empty' },
  'pool.value.too_long': {
    'zh-CN': '长度 {length} 超过上限 {max}',
    en: 'Length {length} is over the limit of {max}',
  },
  'pool.value.number': { 'zh-CN': '不是数值', en: 'Not a number' },
  'pool.value.integer': { 'zh-CN': '不是整数', en: 'Not an integer' },
  'pool.value.scale': { 'zh-CN': '小数位超过 {scale} 位', en: 'More than {scale} decimal places' },
  'pool.value.precision': {
    'zh-CN': '整数部分超过 {digits} 位',
    en: 'More than {digits} digits before the point',
  },
  'pool.value.date': {
    'zh-CN': '不是有效日期（如 2024-03-01）',
    en: 'Not a valid date (e.g. 2024-03-01)',
  },
  'pool.value.timestamp': {
    'zh-CN': '不是有效的日期时间（如 2024-03-01 08:30:00）',
    en: 'Not a valid date and time (e.g. 2024-03-01 08:30:00)',
  },
  'pool.value.boolean': { 'zh-CN': '应为“是”或“否”', en: 'Must be yes or no' },
  'pool.value.nul': { 'zh-CN': '含有不可见的空字符', en: 'Contains a NUL character' },
  'pool.value.citizen_id': {
    'zh-CN': '公民身份号码校验位不正确（GB 11643）',
    en: 'The citizen ID number fails its check digit (GB 11643)',
  },
  'pool.value.credit_code': {
    'zh-CN': '统一社会信用代码校验位不正确（GB 32100）',
    en: 'The unified social credit code fails its check digit (GB 32100)',
  },
  'pool.report.row': { 'zh-CN': '行号', en: 'Row' },
  'pool.report.column': { 'zh-CN': '列', en: 'Column' },
  'pool.report.value': { 'zh-CN': '值', en: 'Value' },
  'pool.report.reason': { 'zh-CN': '原因', en: 'Reason' },
});
