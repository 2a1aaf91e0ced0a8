import { defineMessages } from '../../server/src/platform/i18n/messages.ts';

/** What `zhengshu ingest` and `zhengshu pools` print, in zh-CN (default) and English (`--lang en`). */
export const ingestMessages = defineMessages({
  'cli.ingest.started': {
    'zh-CN': '开始导入批次 {batchId}：{file}（{size}）',
    en: 'batch {batchId} started: {file} ({size})',
  },
  'cli.ingest.progress': {
    'zh-CN': '已读取 {read} / {total}（{percent}%），{rows} 行，{problems} 处问题',
    en: 'read {read} of {total} ({percent}%), {rows} rows, {problems} problems',
  },
  'cli.ingest.loaded': {
    'zh-CN': '已导入：版本 {version}，导入 {loaded} 行，替换 {replaced} 行（批次 {batchId}，{seconds} 秒）',
    en: 'loaded: version {version}, {loaded} rows loaded, {replaced} replaced (batch {batchId}, {seconds} s)',
  },
  'cli.ingest.refused': { 'zh-CN': '导入被拒绝（批次 {batchId}）：', en: 'refused (batch {batchId}): ' },
  'cli.ingest.problem': {
    'zh-CN': '第 {row} 行 · {column} · {value} · {reason}',
    en: 'row {row} · {column} · {value} · {reason}',
  },
  'cli.ingest.more': {
    'zh-CN': '……另有 {count} 处问题',
    en: '… and {count} more problems',
  },
  'cli.ingest.report_hint': {
    'zh-CN': '完整问题清单：zhengshu ingest report {batchId} [--output 问题清单.csv]',
    en: 'full report: zhengshu ingest report {batchId} [--output report.csv]',
  },
  'cli.ingest.no_value': { 'zh-CN': '（空）', en: '(empty)' },
  'cli.ingest.report_written': {
    'zh-CN': '已写入 {count} 条问题到 {file}',
    en: 'wrote {count} report lines to {file}',
  },
  'cli.ingest.not_failed': {
    'zh-CN': '批次 {batchId} 状态为 {state}，没有问题清单',
    en: 'batch {batchId} is {state}; it has no report',
  },
  'cli.pools.header': {
    'zh-CN': '资源代码\t名称\t部门\t数据表\t版本\t行数\t最近导入',
    en: 'code\tname\tdepartment\ttable\tversion\trows\tlast load',
  },
  'cli.pools.pending': { 'zh-CN': '（待执行数据表变更）', en: '(migration pending)' },
  'cli.pools.none': { 'zh-CN': '还没有资源池数据表', en: 'no pool tables yet' },
});
