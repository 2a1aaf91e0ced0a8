import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../test/test-database.ts';
import { checkSandboxSql, renderSqlRefusal, type AcceptedSql, type SqlRefusal } from './sql-gate.ts';

const project = { allowedRelations: new Set(['births', 'deaths', '出生登记']), schema: 'proj_42' };

async function accepted(query: string): Promise<AcceptedSql> {
  const outcome = await checkSandboxSql(query, project);
  if (!outcome.accepted) throw new Error(`refused: ${renderSqlRefusal(outcome.refusal, query, 'en')}`);
  return outcome.query;
}
async function refused(query: string): Promise<SqlRefusal> {
  const outcome = await checkSandboxSql(query, project);
  if (outcome.accepted) throw new Error(`accepted: ${outcome.query.sql}`);
  return outcome.refusal;
}
const en = async (query: string) => renderSqlRefusal(await refused(query), query, 'en');
const zh = async (query: string) => renderSqlRefusal(await refused(query), query, 'zh-CN');

describe('accepted queries', () => {
  it('a grouped aggregate comes back deparsed, its view qualified with the project schema', async () => {
    const query = await accepted(
      `select district, count(*) as n, avg(weight) -- per district
       from births group by district having count(*) >= 10 order by n desc limit 100`,
    );
    expect(query).toEqual({
      sql: 'SELECT district, count(*) AS n, avg(weight) FROM proj_42.births GROUP BY district HAVING count(*) >= 10 ORDER BY n DESC LIMIT 100',
      relations: ['births'],
      hasLimit: true,
      limit: 100,
    });
  });

  it('CTEs, joins of two views, subqueries and window functions', async () => {
    const cte = await accepted(`with b as (select district, count(*) n from births group by 1)
      select b.district, b.n, d.n from b join (select district, count(*) n from deaths group by 1) d using (district)`);
    expect(cte.relations).toEqual(['births', 'deaths']);
    expect(cte.sql).toContain('FROM b JOIN (');
    expect(cte.sql).toContain('FROM proj_42.deaths');
    expect(cte.hasLimit).toBe(false);

    const window = await accepted(
      'select district, rank() over (order by count(*) desc), sum(count(*)) over () from births group by district',
    );
    expect(window.sql).toContain('rank() OVER (ORDER BY count(*) DESC)');

    const join = await accepted(`select b.year, count(*) from births b join deaths d on d.person = b.mother
      where b.year = extract(year from now()) - 1 and b.district in (select district from deaths) group by 1`);
    expect(join.relations).toEqual(['births', 'deaths']);

    const recursive = await accepted(
      'with recursive r(n) as (select 1 union all select n + 1 from r where n < 5) select n, count(*) from r, births group by n',
    );
    expect(recursive.relations).toEqual(['births']);
  });

  it('set operations, TABLE, VALUES, LATERAL, FETCH FIRST and a Chinese view name', async () => {
    const union = await accepted('select district from births union select district from deaths limit all');
    expect(union).toMatchObject({ relations: ['births', 'deaths'], hasLimit: false, limit: null });
    expect((await accepted('select * from births fetch first 5 rows only')).limit).toBe(5);
    expect((await accepted('select * from births limit 0')).limit).toBe(0);
    expect(await accepted('select * from births limit (select 5)')).toMatchObject({
      hasLimit: true,
      limit: null,
    });
    expect((await accepted('table births')).sql).toBe('SELECT * FROM proj_42.births');
    expect((await accepted('values (1), (2)')).relations).toEqual([]);
    const rollup = await accepted(
      'select district, year, count(*), grouping(district, year) from births group by rollup (district, year)',
    );
    expect(rollup.sql).toContain('GROUP BY ROLLUP (district, year)');
    expect((await accepted('select * from births, lateral generate_series(1, 3) g')).relations).toEqual([
      'births',
    ]);
    expect((await accepted('select 区县, count(*) from 出生登记 group by 1')).sql).toBe(
      'SELECT "区县", count(*) FROM proj_42."出生登记" GROUP BY 1',
    );
  });

  it('SQL syntax the parser writes as pg_catalog calls, casts and CASE/COALESCE pass', async () => {
    const query = await accepted(`select case when weight > 3000 then 'big' else 'small' end, coalesce(a, b),
      nullif(a, b), greatest(1, 2), trim(both 'x' from a), position('a' in b), substring(a from 2 for 3),
      a like 'x%' escape '!', date '2024-01-01', cast(weight as numeric(10, 2)), weight::text, current_date,
      d at time zone 'UTC', date_trunc('month', d), "pg_catalog"."now"(), percentile_cont(0.5) within group (order by weight)
      from births group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15`);
    expect(query.relations).toEqual(['births']);
  });

  it('the gate accepts its own output unchanged, so what runs is what was checked', async () => {
    for (const text of [
      'with b as (select district, count(*) n from births group by 1) select * from b order by n desc limit 5',
      "select $q$it's$q$, E'a\\nb', u&'\\4e2d' from births -- trailing",
      'with births as (select * from births where year > 2000) select count(*) from births',
      'select district from births union select district from deaths',
    ]) {
      const first = await accepted(text);
      const second = await accepted(first.sql);
      expect(second).toEqual(first);
    }
  });
});

describe('refused statements', () => {
  it('DDL, DML and utility statements name their kind', async () => {
    const kinds: [string, string][] = [
      ['insert into births values (1)', 'INSERT'],
      ['update births set weight = 0', 'UPDATE'],
      ['delete from births', 'DELETE'],
      ['merge into births b using deaths d on true when matched then delete', 'MERGE'],
      ['drop view births', 'DROP'],
      ['create table t as select 1', 'CREATE TABLE AS'],
      ["copy births to '/tmp/x'", 'COPY'],
      ['call p()', 'CALL'],
      ['do $$ begin perform pg_sleep(1); end $$', 'DO'],
      ['set search_path = pg_catalog', 'SET'],
      ['show search_path', 'SHOW'],
      ['explain select 1', 'EXPLAIN'],
      ['begin', 'BEGIN / COMMIT / ROLLBACK'],
      ['vacuum births', 'VACUUM'],
      ['declare c cursor for select 1 from births', 'DECLARE CURSOR'],
    ];
    for (const [query, kind] of kinds)
      expect(await refused(query)).toEqual({ code: 'statement_kind', params: { kind }, position: 1 });
    expect(await en('copy births to stdout')).toBe(
      'Only SELECT queries may run; COPY statements are refused (line 1, column 1)',
    );
    expect(await zh('truncate births')).toBe('只允许 SELECT 查询，不允许 TRUNCATE 语句（第 1 行第 1 列）');
  });

  it('more than one statement is refused, also when a comment hides the second', async () => {
    expect(await refused('select 1; select 2')).toMatchObject({
      code: 'multiple_statements',
      params: { count: 2 },
    });
    const hidden = 'select count(*) from births /* totals */; -- the rest\nselect * from pg_user';
    expect(await en(hidden)).toBe('Only one statement may run at a time; 2 were given (line 2, column 1)');
    // A statement inside a comment or a dollar-quoted string is text, not a statement.
    expect((await accepted('select count(*) from births -- ; drop view births\n')).sql).toBe(
      'SELECT count(*) FROM proj_42.births',
    );
    expect((await accepted('select $x$; select pg_sleep(10); $x$ from births')).sql).toBe(
      "SELECT '; select pg_sleep(10); ' FROM proj_42.births",
    );
  });

  it('SELECT INTO, locking clauses anywhere and data-modifying CTEs, nested too', async () => {
    expect(await en('select * into t from births')).toBe(
      'SELECT INTO is refused (it creates a table) (line 1, column 15)',
    );
    expect(await en('select * from births for update')).toBe('The locking clause FOR UPDATE is refused');
    expect(
      await refused('select * from births b join lateral (select * from deaths for share) d on true'),
    ).toMatchObject({
      code: 'locking_clause',
      params: { clause: 'FOR SHARE' },
    });
    expect(await en('with d as (delete from births returning *) select count(*) from d')).toBe(
      'The WITH query “d” holds a DELETE statement; data may not be changed (line 1, column 6)',
    );
    const nested = `select * from (select 1 where exists (
      with q as (insert into births values (1) returning 1) select * from q)) s`;
    expect(await refused(nested)).toMatchObject({
      code: 'data_modifying_cte',
      params: { name: 'q', kind: 'INSERT' },
    });
  });

  it('empty input, syntax errors and overlong queries are refusals, not exceptions', async () => {
    expect(await refused('')).toEqual({ code: 'empty', params: {}, position: null });
    expect(await refused('-- nothing')).toMatchObject({ code: 'empty' });
    expect(await en('select from where')).toBe(
      'SQL syntax error: syntax error at or near "where" (line 1, column 13)',
    );
    expect(await refused('select (')).toMatchObject({ code: 'parse_error' });
    // The parser stops at a NUL; what follows would go unchecked, so a NUL is refused.
    expect(await en('select 1 from births\0; drop view births')).toBe(
      'The query uses a construct that is refused: NUL (\\0) (line 1, column 21)',
    );
    expect(await refused(`select ${'1 + '.repeat(6000)}1`)).toMatchObject({
      code: 'too_long',
      params: { max: 20000 },
    });
    const deep = `select ${'abs('.repeat(3000)}1${')'.repeat(3000)}`;
    expect(['too_complex', 'parse_error']).toContain((await refused(deep)).code);
  });
});

describe('refused relations', () => {
  it('system catalogs, quoted, unicode-escaped or unqualified, are named', async () => {
    expect(await en('select * from "pg_catalog"."pg_user"')).toBe(
      'The system catalog pg_catalog.pg_user may not be queried (line 1, column 15)',
    );
    expect(await refused('select * from information_schema.tables')).toMatchObject({
      code: 'system_catalog',
      params: { relation: 'information_schema.tables' },
    });
    expect(await refused('select * from U&"pg\\005fauthid"')).toMatchObject({
      code: 'system_catalog',
      params: { relation: 'pg_authid' },
    });
    expect(await refused('select * from pg_shadow')).toMatchObject({ code: 'system_catalog' });
    expect(await refused('select * from pg_toast.pg_toast_1')).toMatchObject({ code: 'system_catalog' });
  });

  it('relations outside the project and other schemas are refused', async () => {
    expect(await zh('select * from births join secret using (id)')).toBe(
      '“secret”不是本项目可用的数据视图（第 1 行第 27 列）',
    );
    expect(await en('select * from proj_42.births, other.deaths')).toBe(
      'other.deaths is outside the project’s schema proj_42, so it may not be queried (line 1, column 31)',
    );
    expect(await refused('select * from db.proj_42.births')).toMatchObject({ code: 'schema_not_allowed' });
    expect(await refused('select * from proj_42.secret')).toMatchObject({ code: 'relation_not_allowed' });
    expect((await accepted('select * from proj_42.births')).relations).toEqual(['births']);
  });

  it('a CTE named like a view shadows it only where PostgreSQL says so', async () => {
    // The CTE body reads a relation outside the project: refused, though the outer name is a view.
    expect(await refused('with births as (select * from secret) select * from births')).toMatchObject({
      code: 'relation_not_allowed',
      params: { relation: 'secret' },
    });
    // Inside a non-recursive CTE its own name is the real view.
    const own = await accepted(
      'with births as (select * from births where year > 2000) select count(*) from births',
    );
    expect(own.sql).toBe(
      'WITH births AS (SELECT * FROM proj_42.births WHERE year > 2000) SELECT count(*) FROM births',
    );
    // A CTE named like a catalog is just a name; a later CTE is not visible to an earlier one.
    expect(
      (await accepted('with pg_user as (select 1 from births) select * from pg_user')).relations,
    ).toEqual(['births']);
    expect(
      await refused('with a as (select * from b), b as (select 1 from births) select * from a'),
    ).toMatchObject({
      code: 'relation_not_allowed',
      params: { relation: 'b' },
    });
  });
});

describe('refused functions, types and constructs', () => {
  it('file, network, admin and state functions are refused by name, qualified or not', async () => {
    const calls = [
      "pg_read_file('/etc/passwd')",
      "pg_ls_dir('.')",
      "lo_import('/etc/passwd')",
      "dblink('host=x', 'select 1')",
      'pg_sleep(10)',
      "set_config('search_path', 'x', false)",
      "current_setting('data_directory')",
      "nextval('s')",
      'pg_advisory_lock(1)',
      'txid_current()',
      'version()',
      'random()',
      'row_to_json(b)',
      "string_agg(district, ',')",
      'array_agg(weight)',
    ];
    for (const call of calls) {
      const name = call.slice(0, call.indexOf('('));
      expect(await refused(`select ${call} from births b`)).toEqual({
        code: 'function_not_allowed',
        params: { function: name },
        position: 8,
      });
    }
    expect(await en("select pg_catalog.pg_read_file('x')")).toBe(
      'The function pg_catalog.pg_read_file may not be called (line 1, column 8)',
    );
    expect(await refused('select proj_42.count(*) from births')).toMatchObject({
      params: { function: 'proj_42.count' },
    });
    expect(await refused('select U&"pg\\+00005fread_file"(\'x\')')).toMatchObject({
      params: { function: 'pg_read_file' },
    });
    expect(await refused('select current_user')).toMatchObject({ params: { function: 'current_user' } });
  });

  it('a refused function is found wherever it hides, positions in characters', async () => {
    for (const query of [
      'select count(*) filter (where pg_sleep(1) is null) from births',
      'select weight from births order by txid_current()',
      'select * from births b join deaths d on pg_sleep(1) is null',
      'select * from births, generate_series(1, pg_backend_pid())',
      'select (select max(pg_sleep(1)) from deaths) from births',
    ])
      expect((await refused(query)).code).toBe('function_not_allowed');
    const chinese = "select '出生体重', 区县 from births where pg_sleep(1) is not null";
    expect(await zh(chinese)).toBe('不允许调用函数 pg_sleep（第 1 行第 37 列）');
  });

  it('a function called in column notation on an expression is refused', async () => {
    // PostgreSQL reads (x).f as f(x): (0.1::float8).pg_sleep sleeps.
    expect(await en('select (0.1::float8).pg_sleep from births')).toBe(
      'The query uses a construct that is refused: (…).pg_sleep (line 1, column 12)',
    );
    expect(await refused("select ('/etc/passwd'::text).pg_read_file")).toMatchObject({
      params: { construct: '(…).pg_read_file' },
    });
    expect(
      (await accepted("select (b).*, weights[1], (string_to_array(district, ','))[1] from births b"))
        .relations,
    ).toEqual(['births']);
  });

  it('casts to reg* types, parameters, XML, SQL/JSON, TABLESAMPLE and foreign operators', async () => {
    expect(await en("select 'pg_authid'::regclass")).toBe(
      'Casting to the type regclass is refused (line 1, column 21)',
    );
    expect(await refused('select 1::regproc')).toMatchObject({ code: 'type_not_allowed' });
    expect(await refused('select $1')).toMatchObject({
      code: 'construct_not_allowed',
      params: { construct: 'parameter ($n)' },
    });
    expect(await refused("select xmlparse(document '<x/>')")).toMatchObject({
      params: { construct: 'XML function' },
    });
    expect(await refused("select json_object('a': 1)")).toMatchObject({ params: { construct: 'SQL/JSON' } });
    expect(await refused('select * from births tablesample bernoulli (10)')).toMatchObject({
      params: { construct: 'TABLESAMPLE' },
    });
    expect(await refused('select 1 operator(public.+) 2')).toMatchObject({
      params: { construct: 'OPERATOR(public.+)' },
    });
  });

  it('a construct the deparser cannot give back unchanged is refused rather than altered', async () => {
    expect(await en('select * from births order by 1 fetch first 2 rows with ties')).toBe(
      'The query could not be rewritten into an equivalent normal form, so it is not run',
    );
  });
});

describe('on the database', () => {
  it('the deparsed SQL runs and reads the project view, whatever the search path', async () => {
    const database = await openTestDatabase();
    try {
      const { db } = database;
      for (const statement of [
        'CREATE SCHEMA gate_src',
        'CREATE TABLE gate_src.births_raw (district text, weight int, note text)',
        "INSERT INTO gate_src.births_raw VALUES ('渝中', 3200, 'it''s'), ('渝中', 2900, 'x'), ('江北', 3500, 'y')",
        'CREATE SCHEMA proj_42',
        'CREATE VIEW proj_42.births AS SELECT district, weight FROM gate_src.births_raw',
        'CREATE VIEW proj_42.deaths AS SELECT district FROM gate_src.births_raw WHERE weight < 3000',
        // A decoy on the search path: unqualified, "births" would be this table.
        'CREATE TABLE public.births (district text, weight int)',
      ])
        await sql.raw(statement).execute(db);
      const query =
        await accepted(`with b as (select district, count(*) n, sum(weight) w from births group by 1)
        select b.district, b.n, b.w, (select count(*) from deaths d where d.district = b.district) dead,
               rank() over (order by b.w desc) r, $q$it's$q$ quote
        from b order by b.district limit 10`);
      const result = await sql.raw<Record<string, unknown>>(query.sql).execute(db);
      expect(
        result.rows.map((row) => ({
          ...row,
          n: Number(row.n),
          w: Number(row.w),
          dead: Number(row.dead),
          r: Number(row.r),
        })),
      ).toEqual([
        { district: '江北', n: 1, w: 3500, dead: 0, r: 2, quote: "it's" },
        { district: '渝中', n: 2, w: 6100, dead: 1, r: 1, quote: "it's" },
      ]);
    } finally {
      await database.close();
    }
  });
});
