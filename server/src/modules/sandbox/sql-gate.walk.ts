// The walk of the SQL gate over a parse tree (libpg_query's JSON form): every node must be of an
// allowed type, every relation an allowed view of the project (or a WITH query in scope), every
// function, type and value function on its allow-list. The first refusal stops the walk. Relations
// that name a view are rewritten in place to be qualified with the project's schema, so the SQL
// deparsed from the tree cannot be resolved to another relation through the search path.
import {
  allowedFunctions,
  allowedNodeTypes,
  allowedTypes,
  allowedValueFunctions,
  isSystemSchema,
} from './sql-gate.allowlist.ts';

/** A value of the parse tree as JSON. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** An object of the parse tree: a node wrapper `{ Type: fields }` or the fields of a node. */
export type JsonObject = { [key: string]: Json };

/** Why a query is refused (see sql-gate.messages.ts for the text of each). */
export type SqlRefusalCode =
  | 'parse_error'
  | 'too_long'
  | 'empty'
  | 'multiple_statements'
  | 'statement_kind'
  | 'data_modifying_cte'
  | 'select_into'
  | 'locking_clause'
  | 'system_catalog'
  | 'schema_not_allowed'
  | 'relation_not_allowed'
  | 'function_not_allowed'
  | 'type_not_allowed'
  | 'construct_not_allowed'
  | 'too_complex'
  | 'normalisation_failed';

/** Thrown inside the walk to stop at the first refusal; the gate turns it into its outcome. */
export class Refused extends Error {
  /** The refusal's code, its message parameters and the parser's byte offset (null: none). */
  constructor(
    readonly code: SqlRefusalCode,
    readonly params: Record<string, string | number>,
    readonly byteOffset: number | null,
  ) {
    super(code);
  }
}

/** What the walk needs to know about the project. */
export interface WalkOptions {
  allowedRelations: ReadonlySet<string>;
  schema: string;
}

interface Scope {
  names: ReadonlySet<string>;
  parent: Scope | null;
}

const statementKinds: Record<string, string> = {
  InsertStmt: 'INSERT',
  UpdateStmt: 'UPDATE',
  DeleteStmt: 'DELETE',
  MergeStmt: 'MERGE',
  CopyStmt: 'COPY',
  CallStmt: 'CALL',
  DoStmt: 'DO',
  VariableSetStmt: 'SET',
  VariableShowStmt: 'SHOW',
  TransactionStmt: 'BEGIN / COMMIT / ROLLBACK',
  ExplainStmt: 'EXPLAIN',
  CreateStmt: 'CREATE TABLE',
  CreateTableAsStmt: 'CREATE TABLE AS',
  DropStmt: 'DROP',
  TruncateStmt: 'TRUNCATE',
  GrantStmt: 'GRANT / REVOKE',
  DeclareCursorStmt: 'DECLARE CURSOR',
};

/** The SQL words of a statement node type, e.g. InsertStmt → INSERT, AlterTableStmt → ALTER TABLE. */
export function statementKind(nodeType: string): string {
  return (
    statementKinds[nodeType] ??
    nodeType
      .replace(/Stmt$/, '')
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toUpperCase()
  );
}

const constructNames: Record<string, string> = {
  ParamRef: 'parameter ($n)',
  RangeTableSample: 'TABLESAMPLE',
  RangeTableFunc: 'XMLTABLE',
  RangeTableFuncCol: 'XMLTABLE',
  ColumnDef: 'column definition list',
  XmlExpr: 'XML function',
  XmlSerialize: 'XMLSERIALIZE',
  JsonTable: 'JSON_TABLE',
};

const lockStrengths: Record<string, string> = {
  LCS_FORKEYSHARE: 'FOR KEY SHARE',
  LCS_FORSHARE: 'FOR SHARE',
  LCS_FORNOKEYUPDATE: 'FOR NO KEY UPDATE',
  LCS_FORUPDATE: 'FOR UPDATE',
};

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asList = (value: Json | undefined): Json[] => (Array.isArray(value) ? value : []);
const locationOf = (fields: JsonObject): number | null =>
  typeof fields.location === 'number' && fields.location >= 0 ? fields.location : null;

/** The strings of a name list such as FuncCall.funcname: `[{ String: { sval } }]`. */
function names(list: Json | undefined): string[] {
  return asList(list).map((item) => {
    const str = isObject(item) && isObject(item.String) ? item.String.sval : undefined;
    return typeof str === 'string' ? str : '';
  });
}

/** The single `{ Type: fields }` of a node wrapper, or null when the object is not one. */
export function unwrap(node: Json | undefined): [string, JsonObject] | null {
  if (!isObject(node)) return null;
  const keys = Object.keys(node);
  const type = keys[0];
  if (keys.length !== 1 || type === undefined || !/^[A-Z]/.test(type)) return null;
  const fields = node[type];
  return isObject(fields) ? [type, fields] : null;
}

/** Checks one statement's tree and collects the views it reads. */
export class GateWalk {
  /** The allowed views the query reads (names as in allowedRelations). */
  readonly relations = new Set<string>();

  /** Prepares a walk for one project. */
  constructor(private readonly options: WalkOptions) {}

  /** Checks a top-level SELECT statement's fields; throws Refused on the first refusal. */
  select(fields: JsonObject, scope: Scope | null = null): void {
    if (isObject(fields.intoClause)) {
      const rel = fields.intoClause.rel;
      throw new Refused('select_into', {}, isObject(rel) ? locationOf(rel) : null);
    }
    const locking = unwrap(asList(fields.lockingClause)[0]);
    if (locking) {
      const strength = String(locking[1].strength);
      throw new Refused('locking_clause', { clause: lockStrengths[strength] ?? strength }, null);
    }
    const inner = isObject(fields.withClause) ? this.withClause(fields.withClause, scope) : scope;
    for (const [key, child] of Object.entries(fields)) {
      if (key === 'withClause') continue;
      if ((key === 'larg' || key === 'rarg') && isObject(child)) this.select(child, inner);
      else this.walk(child, inner);
    }
  }

  /** Checks the WITH queries in order and returns the scope in which their names are visible. */
  private withClause(clause: JsonObject, outer: Scope | null): Scope {
    const ctes = asList(clause.ctes).flatMap((item) => {
      const node = unwrap(item);
      return node && node[0] === 'CommonTableExpr' ? [node[1]] : [];
    });
    const all = ctes.map((cte) => String(cte.ctename));
    const recursive = clause.recursive === true;
    ctes.forEach((cte, i) => {
      // A non-recursive WITH query sees the ones before it; a recursive one sees all, itself too.
      const scope = { names: new Set(recursive ? all : all.slice(0, i)), parent: outer };
      const query = unwrap(cte.ctequery);
      if (!query) throw new Refused('construct_not_allowed', { construct: 'WITH' }, locationOf(cte));
      if (query[0] !== 'SelectStmt') {
        const params = { name: String(cte.ctename), kind: statementKind(query[0]) };
        throw new Refused('data_modifying_cte', params, locationOf(cte));
      }
      this.select(query[1], scope);
      for (const [key, child] of Object.entries(cte)) if (key !== 'ctequery') this.walk(child, scope);
    });
    return { names: new Set(all), parent: outer };
  }

  /** Walks whatever value, checking each node wrapper found on the way. */
  private walk(value: Json | undefined, scope: Scope | null): void {
    if (Array.isArray(value)) {
      for (const item of value) this.walk(item, scope);
      return;
    }
    if (!isObject(value)) return;
    const node = unwrap(value);
    if (node) {
      this.node(node[0], node[1], scope);
      return;
    }
    // Fields of a node given inline (Alias, WindowDef, TypeName …). A relation or a type given
    // this way is checked like a wrapped one, should a construct carry one.
    if (typeof value.relname === 'string') {
      this.relation(value, scope);
      return;
    }
    if ('typemod' in value) this.typeName(value);
    for (const child of Object.values(value)) this.walk(child, scope);
  }

  private node(type: string, fields: JsonObject, scope: Scope | null): void {
    if (!allowedNodeTypes.has(type)) {
      if (type.endsWith('Stmt'))
        throw new Refused('statement_kind', { kind: statementKind(type) }, locationOf(fields));
      const construct = constructNames[type] ?? (type.startsWith('Json') ? 'SQL/JSON' : type);
      throw new Refused('construct_not_allowed', { construct }, locationOf(fields));
    }
    switch (type) {
      case 'SelectStmt':
        this.select(fields, scope);
        return;
      case 'RangeVar':
        this.relation(fields, scope);
        return;
      case 'FuncCall':
        this.functionCall(fields);
        break;
      case 'TypeCast':
        if (isObject(fields.typeName)) this.typeName(fields.typeName);
        break;
      case 'SQLValueFunction': {
        const op = String(fields.op);
        if (!allowedValueFunctions.has(op)) {
          const name = op
            .replace(/^SVFOP_/, '')
            .replace(/_N$/, '')
            .toLowerCase();
          throw new Refused('function_not_allowed', { function: name }, locationOf(fields));
        }
        return;
      }
      case 'A_Indirection':
        // `(expr).name` selects a field or, PostgreSQL's column notation, calls name(expr):
        // `(0.1).pg_sleep` sleeps. Subscripts and `(expr).*` pass.
        for (const item of asList(fields.indirection)) {
          const step = unwrap(item);
          if (step && step[0] === 'String')
            throw new Refused(
              'construct_not_allowed',
              { construct: `(…).${String(step[1].sval)}` },
              locationOf(unwrap(fields.arg)?.[1] ?? fields),
            );
        }
        break;
      case 'A_Expr':
      case 'SortBy': {
        // An operator named with a schema other than pg_catalog (OPERATOR(s.+), ORDER BY … USING).
        const operator = names(type === 'A_Expr' ? fields.name : fields.useOp);
        if (operator.length > 1 && operator[0] !== 'pg_catalog') {
          const construct = `OPERATOR(${operator.join('.')})`;
          throw new Refused('construct_not_allowed', { construct }, locationOf(fields));
        }
        break;
      }
    }
    for (const child of Object.values(fields)) this.walk(child, scope);
  }

  private relation(fields: JsonObject, scope: Scope | null): void {
    const relname = String(fields.relname);
    const schema = typeof fields.schemaname === 'string' ? fields.schemaname : null;
    const catalog = typeof fields.catalogname === 'string' ? fields.catalogname : null;
    const shown = [catalog, schema, relname].filter((part) => part !== null).join('.');
    const at = locationOf(fields);
    const { allowedRelations, schema: projectSchema } = this.options;
    if (schema !== null && isSystemSchema(schema))
      throw new Refused('system_catalog', { relation: shown }, at);
    if (catalog !== null || (schema !== null && schema !== projectSchema))
      throw new Refused('schema_not_allowed', { relation: shown, schema: projectSchema }, at);
    if (schema === null && inScope(scope, relname)) return;
    if (!allowedRelations.has(relname)) {
      if (schema === null && isSystemSchema(relname))
        throw new Refused('system_catalog', { relation: shown }, at);
      throw new Refused('relation_not_allowed', { relation: shown }, at);
    }
    this.relations.add(relname);
    fields.schemaname = projectSchema;
  }

  private functionCall(fields: JsonObject): void {
    const parts = names(fields.funcname);
    const shown = parts.join('.');
    const name =
      parts.length === 1 ? parts[0] : parts.length === 2 && parts[0] === 'pg_catalog' ? parts[1] : null;
    if (name === null || name === undefined || !allowedFunctions.has(name))
      throw new Refused('function_not_allowed', { function: shown }, locationOf(fields));
  }

  private typeName(fields: JsonObject): void {
    const parts = names(fields.names);
    const last = parts.at(-1) ?? '';
    const qualifiedOk = parts.length === 1 || (parts.length === 2 && parts[0] === 'pg_catalog');
    if (!qualifiedOk || !allowedTypes.has(last) || fields.setof === true || fields.pct_type === true)
      throw new Refused('type_not_allowed', { type: parts.join('.') }, locationOf(fields));
  }
}

function inScope(scope: Scope | null, name: string): boolean {
  for (let s = scope; s !== null; s = s.parent) if (s.names.has(name)) return true;
  return false;
}
