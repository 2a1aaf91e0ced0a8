// Turns the rows of a catalog list into ResourceInput objects, and every fault into a problem at
// the cell that causes it: values outside the lists, schema violations (checked per property, so
// one cell's fault never hides another's), and the catalog rules of checkResource.
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { Value } from 'typebox/value';
import type { FieldProblem } from '../../../platform/errors/app-error.ts';
import type { Profile } from '../../../platform/profiles/profile.schema.ts';
import { checkResource, checkResourceCode } from '../catalog.rules.ts';
import { ItemInput, ResourceInput, type ClassRef } from '../catalog.schemas.ts';
import { readValue } from './cell-values.ts';
import type { CellData, CellProblem, DataRow, ParsedWorkbook, SheetData } from './import-parse.ts';
import { ITEM_COLUMNS, RESOURCE_COLUMNS } from './columns.ts';
import { SHEETS, valueLists, type Column } from './layout.ts';

/** One resource of the file, ready for importDrafts. */
export interface ImportRow {
  code?: string;
  input: ResourceInput;
}

/** Where a resource and its items came from: rows of 资源目录 and of 信息项. */
export interface RowOrigin {
  row: number;
  items: number[];
}

/** The built rows, their origins, and every problem found (at most one per cell). */
export interface BuiltImport {
  rows: ImportRow[];
  origins: RowOrigin[];
  problems: CellProblem[];
}

type Fields = Record<string, unknown>;
type Validator = ReturnType<typeof Compile>;

// Compiled once per property: the import checks each cell's value on its own, so the validator's
// cap on collected errors never drops the fault of another cell. Items are checked one by one
// against ItemInput, and their count by the import itself.
const compileProperties = (properties: Record<string, TSchema>) =>
  new Map(
    Object.entries(properties)
      .filter(([key]) => key !== 'items')
      .map(([key, schema]) => [key, Compile(schema)]),
  );
const RESOURCE_CHECKS = compileProperties(ResourceInput.properties as Record<string, TSchema>);
const ITEM_CHECKS = compileProperties(ItemInput.properties as Record<string, TSchema>);
const MAX_ITEMS = (ResourceInput.properties.items as { maxItems?: number }).maxItems ?? Infinity;
const RESOURCE_REQUIRED = ResourceInput.required as readonly string[];
const ITEM_REQUIRED = ItemInput.required as readonly string[];

const SCHEMA_MESSAGES: Record<string, string> = {
  format: 'validation.format',
  pattern: 'validation.pattern',
  minLength: 'validation.min_length',
  maxLength: 'validation.max_length',
  minimum: 'validation.minimum',
  maximum: 'validation.maximum',
  minItems: 'validation.min_length',
  maxItems: 'catalog.import.too_many_values',
  uniqueItems: 'catalog.import.repeated_value',
};

/** The first meaningful schema fault of one property's value, as a message key and parameters. */
function schemaProblem(check: Validator, value: unknown): Pick<CellProblem, 'code' | 'params'> | undefined {
  if (check.Check(value)) return undefined;
  // A nullable property fails as a union: skip the union summary and its "must be null" branch.
  const first = check
    .Errors(value)
    .find(
      (e) =>
        e.keyword !== 'anyOf' && !(e.keyword === 'type' && (e.params as { type?: string }).type === 'null'),
    );
  if (!first) return { code: 'validation.other' };
  const params = first.params as { limit?: unknown; format?: unknown };
  return { code: SCHEMA_MESSAGES[first.keyword] ?? 'validation.other', params: { ...params } };
}

const headerOf = (layout: readonly Column[], key: string) => layout.find((c) => c.key === key)?.header;

/** Reads the columns of one row into properties; faults go to `problems`. */
function readRow(
  sheet: SheetData,
  row: DataRow,
  layout: readonly Column[],
  read: (column: Column, cell: CellData) => ReturnType<typeof readValue>,
  problems: CellProblem[],
): Fields {
  const fields: Fields = {};
  for (const column of layout) {
    const index = sheet.columns.get(column.header);
    const result = read(column, index === undefined ? undefined : row.cells[index]);
    if ('problem' in result) {
      problems.push({ sheet: sheet.name, row: row.row, header: column.header, ...result.problem });
    } else if (result.value !== undefined) {
      fields[column.key] = result.value;
    } else if (column.kind === 'multi' || column.kind === 'words') {
      // A blank list is an empty one (共享方式 of a resource that is not shared), not a missing one.
      fields[column.key] = [];
    }
  }
  return fields;
}

function checkProperties(
  fields: Fields,
  checks: Map<string, Validator>,
  required: readonly string[],
  at: (key: string) => Omit<CellProblem, 'code'>,
  problems: CellProblem[],
) {
  for (const [key, check] of checks) {
    const value = fields[key];
    if (value === undefined) {
      if (required.includes(key)) problems.push({ ...at(key), code: 'validation.required' });
      continue;
    }
    const problem = schemaProblem(check, value);
    if (problem) problems.push({ ...at(key), ...problem });
  }
}

/**
 * Finds the cell of a problem whose path is relative to the rows given to importDrafts or the
 * rules: `/<i>/<property>` (资源目录) or `/<i>/items/<j>/<property>` (信息项), optionally behind
 * a prefix such as `/rows`. Unknown paths land on the resource's row.
 */
export function locateProblem(
  problem: FieldProblem,
  origins: RowOrigin[],
  prefix = '',
): CellProblem | undefined {
  const rest = problem.path.startsWith(prefix) ? problem.path.slice(prefix.length) : problem.path;
  const [, index, key, itemIndex, itemKey] = rest.split('/');
  const origin = origins[Number(index)];
  if (!origin || index === undefined || index === '') return undefined;
  const base = { code: problem.code, ...(problem.params ? { params: problem.params } : {}) };
  if (key === 'items' && itemIndex !== undefined && itemKey !== undefined) {
    const row = origin.items[Number(itemIndex)];
    if (row !== undefined)
      return { sheet: SHEETS.items, row, header: headerOf(ITEM_COLUMNS, itemKey), ...base };
  }
  const header =
    key === 'items' ? headerOf(RESOURCE_COLUMNS, 'name') : key && headerOf(RESOURCE_COLUMNS, key);
  return { sheet: SHEETS.resources, row: origin.row, ...(header ? { header } : {}), ...base };
}

/** Keeps the first problem of each cell: a value that could not be read is not also "required". */
function onePerCell(problems: CellProblem[]): CellProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.sheet}\u0000${p.row}\u0000${p.header ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface Draft {
  fields: Fields;
  row: number;
  items: { fields: Fields; row: number; position?: number }[];
}

type ItemDraft = Draft['items'][number];

/**
 * Ties item rows to resource rows: by resource code when the item row has one, else by name.
 * Returns the item rows that belong to no resource (their own cells are still checked).
 */
function attachItems(
  parsed: ParsedWorkbook,
  drafts: Draft[],
  itemFields: Fields[],
  problems: CellProblem[],
): ItemDraft[] {
  const { resources, items } = parsed;
  const byCode = new Map<string, Draft>();
  const byName = new Map<string, Draft[]>();
  for (const draft of drafts) {
    const code = draft.fields.code as string | undefined;
    const first = code === undefined ? undefined : byCode.get(code);
    if (first) {
      problems.push({
        sheet: resources.name,
        row: draft.row,
        header: '资源代码',
        code: 'catalog.import.duplicate_code',
        params: { code, row: first.row },
      });
    } else if (code !== undefined) {
      byCode.set(code, draft);
    }
    const name = draft.fields.name as string | undefined;
    if (name !== undefined) byName.set(name, [...(byName.get(name) ?? []), draft]);
  }
  const orphans: ItemDraft[] = [];
  items.rows.forEach((row, index) => {
    const { resourceCode: code, resourceName: name, position, ...fields } = itemFields[index]!;
    const at = (header: string) => ({ sheet: items.name, row: row.row, header });
    let owner: Draft | undefined;
    if (typeof code === 'string') {
      owner = byCode.get(code);
      if (!owner)
        problems.push({ ...at('资源代码'), code: 'catalog.import.unknown_resource_code', params: { code } });
    } else if (typeof name === 'string') {
      const owners = byName.get(name) ?? [];
      owner = owners.length === 1 ? owners[0] : undefined;
      if (!owner) {
        const key = owners.length === 0 ? 'unknown_resource_name' : 'ambiguous_resource_name';
        problems.push({ ...at('资源名称'), code: `catalog.import.${key}`, params: { name } });
      }
    } else {
      problems.push({ ...at('资源代码'), code: 'catalog.import.item_unlinked' });
    }
    (owner?.items ?? orphans).push({ fields, row: row.row, position: position as number | undefined });
  });
  return orphans;
}

/**
 * Builds one ResourceInput per row of 资源目录 with its items from 信息项, and checks each
 * against the schema and the catalog rules of the profile. Every problem names its cell.
 */
export function buildImport(parsed: ParsedWorkbook, profile: Profile, classes: ClassRef[]): BuiltImport {
  const lists = valueLists(profile);
  const classesByCode = new Map(classes.map((cls) => [cls.code, cls]));
  const classById = new Map(classes.map((cls) => [cls.id, cls]));
  const read = (column: Column, cell: CellData) =>
    readValue(column.kind, cell, column.list ? lists[column.list] : [], classesByCode);
  const problems: CellProblem[] = [...parsed.problems];
  const { resources, items } = parsed;

  const drafts: Draft[] = resources.rows.map((row) => ({
    fields: readRow(resources, row, RESOURCE_COLUMNS, read, problems),
    row: row.row,
    items: [],
  }));
  const itemFields = items.rows.map((row) => readRow(items, row, ITEM_COLUMNS, read, problems));
  const orphans = attachItems(parsed, drafts, itemFields, problems);
  const checkItem = (item: ItemDraft) =>
    checkProperties(
      item.fields,
      ITEM_CHECKS,
      ITEM_REQUIRED,
      (key) => ({ sheet: items.name, row: item.row, header: headerOf(ITEM_COLUMNS, key) }),
      problems,
    );
  orphans.forEach(checkItem);

  const rows: ImportRow[] = [];
  const origins: RowOrigin[] = [];
  for (const draft of drafts) {
    // Items in 序号 order where given; rows without one keep their order, after those with one.
    const list = draft.items
      .map((item, order) => ({ ...item, order }))
      .sort((a, b) => (a.position ?? Infinity) - (b.position ?? Infinity) || a.order - b.order);
    const { code, ...props } = draft.fields;
    const resourceAt = (key: string) => ({
      sheet: resources.name,
      row: draft.row,
      header: headerOf(RESOURCE_COLUMNS, key),
    });
    checkProperties(props, RESOURCE_CHECKS, RESOURCE_REQUIRED, resourceAt, problems);
    list.forEach(checkItem);
    if (list.length === 0) problems.push({ ...resourceAt('name'), code: 'catalog.import.no_items' });
    if (list.length > MAX_ITEMS) {
      problems.push({
        ...resourceAt('name'),
        code: 'catalog.import.too_many_items',
        params: { limit: MAX_ITEMS },
      });
    }
    // The arrays the rules iterate always exist, so the rules can run on a row with other faults
    // and report theirs too; the row is only saved once the whole file is free of problems.
    const input = {
      shareMethods: [],
      ...props,
      items: list.map((item) => item.fields),
    } as unknown as ResourceInput;
    rows.push({ ...(typeof code === 'string' ? { code } : {}), input });
    origins.push({ row: draft.row, items: list.map((item) => item.row) });
  }

  const context = { profile, classOf: (id: string) => classById.get(id) };
  rows.forEach((row, index) => {
    const found = checkResource(context, row.input, `/${index}`);
    if (row.code !== undefined) {
      const cls = classById.get(row.input.classId);
      found.push(...checkResourceCode(profile, row.code, cls, `/${index}/code`));
    }
    for (const problem of found) {
      const located = locateProblem(problem, origins);
      if (located) problems.push(located);
    }
  });
  // importDrafts trusts its input to fit the schema: whatever the checks per cell let through
  // (nothing, as long as they cover every property) still stops here, at its row.
  if (problems.length === 0) {
    rows.forEach((row, index) => {
      if (!Value.Check(ResourceInput, row.input)) {
        problems.push({
          sheet: resources.name,
          row: origins[index]!.row,
          code: 'catalog.import.row_invalid',
        });
      }
    });
  }
  return { rows, origins, problems: onePerCell(problems) };
}
