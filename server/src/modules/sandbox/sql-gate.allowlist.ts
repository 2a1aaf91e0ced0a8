// What the SQL gate lets through, as allow-lists: the parse-tree node types a sandbox query may be
// built of, the built-in functions it may call and the types it may cast to. Whatever is not
// listed is refused, so a PostgreSQL release adding a node, function or type changes nothing here.

/**
 * Parse-tree node types (libpg_query names) a sandbox query may contain. SelectStmt and
 * CommonTableExpr are checked further by the gate (INTO, locking, what a CTE holds); RangeVar,
 * FuncCall, TypeCast and SQLValueFunction are checked against the relation, function, type and
 * value-function lists. Not listed, so refused: parameters ($1), XMLTABLE, JSON_TABLE and the
 * SQL/JSON constructors, TABLESAMPLE, column definition lists, every statement other than SELECT.
 */
export const allowedNodeTypes: ReadonlySet<string> = new Set([
  'SelectStmt',
  'ResTarget',
  'ColumnRef',
  'A_Star',
  'A_Const',
  'String',
  'Integer',
  'Float',
  'Boolean',
  'BitString',
  'List',
  'A_Expr',
  'BoolExpr',
  'NullTest',
  'BooleanTest',
  'SubLink',
  'CaseExpr',
  'CaseWhen',
  'CoalesceExpr',
  'MinMaxExpr',
  'NullIfExpr',
  'TypeCast',
  'FuncCall',
  'SQLValueFunction',
  'GroupingFunc',
  'GroupingSet',
  'WindowDef',
  'SortBy',
  'JoinExpr',
  'RangeVar',
  'RangeSubselect',
  'RangeFunction',
  'Alias',
  'CommonTableExpr',
  'CTESearchClause',
  'CTECycleClause',
  'A_Indirection',
  'A_Indices',
  'A_ArrayExpr',
  'RowExpr',
  'CollateClause',
]);

/**
 * Built-in functions a sandbox query may call, by name: side-effect-free aggregates, window
 * functions and scalar functions on numbers, text, dates and arrays. The parser itself writes some
 * SQL syntax as calls of pg_catalog functions (EXTRACT, AT TIME ZONE, TRIM, POSITION, SUBSTRING,
 * OVERLAY, LIKE … ESCAPE, SIMILAR TO), which are listed too. Not listed: everything that reads
 * files, reaches the network, changes or reveals server state (pg_read_file, lo_*, dblink*,
 * pg_sleep, set_config, current_setting, nextval, pg_advisory*, txid_*, version …), random(), and
 * the aggregates that hand back the values themselves (string_agg, array_agg, json_agg …): an
 * aggregate over k persons must not be a list of their records.
 */
export const allowedFunctions: ReadonlySet<string> = new Set([
  // aggregates
  'count',
  'sum',
  'avg',
  'min',
  'max',
  'stddev',
  'stddev_pop',
  'stddev_samp',
  'variance',
  'var_pop',
  'var_samp',
  'corr',
  'covar_pop',
  'covar_samp',
  'regr_avgx',
  'regr_avgy',
  'regr_count',
  'regr_intercept',
  'regr_r2',
  'regr_slope',
  'regr_sxx',
  'regr_sxy',
  'regr_syy',
  'percentile_cont',
  'percentile_disc',
  'mode',
  'bool_and',
  'bool_or',
  'every',
  // window functions
  'row_number',
  'rank',
  'dense_rank',
  'percent_rank',
  'cume_dist',
  'ntile',
  'lag',
  'lead',
  'first_value',
  'last_value',
  'nth_value',
  // mathematics
  'abs',
  'ceil',
  'ceiling',
  'floor',
  'round',
  'trunc',
  'sign',
  'sqrt',
  'cbrt',
  'power',
  'pow',
  'exp',
  'ln',
  'log',
  'log10',
  'mod',
  'div',
  'width_bucket',
  'pi',
  'degrees',
  'radians',
  'gcd',
  'lcm',
  // text
  'length',
  'char_length',
  'character_length',
  'octet_length',
  'lower',
  'upper',
  'initcap',
  'substr',
  'substring',
  'left',
  'right',
  'btrim',
  'ltrim',
  'rtrim',
  'lpad',
  'rpad',
  'replace',
  'concat',
  'concat_ws',
  'position',
  'strpos',
  'split_part',
  'starts_with',
  'reverse',
  'repeat',
  'translate',
  'overlay',
  'regexp_replace',
  'regexp_match',
  'regexp_like',
  'regexp_count',
  'like_escape',
  'similar_to_escape',
  'to_char',
  'to_number',
  'to_date',
  'to_timestamp',
  // date and time
  'now',
  'date_trunc',
  'date_part',
  'extract',
  'age',
  'make_date',
  'make_time',
  'make_timestamp',
  'make_interval',
  'date_bin',
  'justify_days',
  'justify_hours',
  'justify_interval',
  'isfinite',
  'timezone',
  // arrays and sets
  'array_length',
  'cardinality',
  'array_position',
  'array_to_string',
  'string_to_array',
  'unnest',
  'generate_series',
]);

/**
 * Types a value may be cast to (CAST, ::, typed literals such as DATE '2024-01-01'), by the name the
 * parser gives them (SQL spellings become pg_catalog.int4, pg_catalog.varchar …). Not listed: the
 * reg* types (a cast to regclass or regproc looks names up in the system catalogs), pseudo-types and
 * whatever else is not plain data.
 */
export const allowedTypes: ReadonlySet<string> = new Set([
  'bool',
  'boolean',
  'int2',
  'int4',
  'int8',
  'smallint',
  'int',
  'integer',
  'bigint',
  'numeric',
  'decimal',
  'float4',
  'float8',
  'real',
  'text',
  'varchar',
  'bpchar',
  'char',
  'date',
  'time',
  'timetz',
  'timestamp',
  'timestamptz',
  'interval',
  'json',
  'jsonb',
  'uuid',
]);

/**
 * SQL value functions (written without parentheses) a query may use: the current date and time.
 * CURRENT_USER, SESSION_USER, CURRENT_ROLE, CURRENT_SCHEMA and CURRENT_CATALOG are refused.
 */
export const allowedValueFunctions: ReadonlyMap<string, string> = new Map([
  ['SVFOP_CURRENT_DATE', 'current_date'],
  ['SVFOP_CURRENT_TIME', 'current_time'],
  ['SVFOP_CURRENT_TIME_N', 'current_time'],
  ['SVFOP_CURRENT_TIMESTAMP', 'current_timestamp'],
  ['SVFOP_CURRENT_TIMESTAMP_N', 'current_timestamp'],
  ['SVFOP_LOCALTIME', 'localtime'],
  ['SVFOP_LOCALTIME_N', 'localtime'],
  ['SVFOP_LOCALTIMESTAMP', 'localtimestamp'],
  ['SVFOP_LOCALTIMESTAMP_N', 'localtimestamp'],
]);

/** Schemas whose relations are system catalogs, named as such in a refusal. */
export function isSystemSchema(schema: string): boolean {
  return schema === 'information_schema' || schema.startsWith('pg_');
}
