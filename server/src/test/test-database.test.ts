import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.ts';
import { MIGRATIONS_DIR } from '../platform/db/migrate.ts';
import { openTestDatabase } from './test-database.ts';

const opened: Database[] = [];
afterAll(() => Promise.all(opened.map((database) => database.close())));

async function open(): Promise<Database> {
  const database = await openTestDatabase();
  opened.push(database);
  return database;
}

describe('test databases (copies of the run’s migrated template)', () => {
  it('hold every migration, applied once', async () => {
    const { db } = await open();
    const files = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((name) => name.endsWith('.sql'))
      .map((name) => name.replace(/\.sql$/, ''))
      .sort();
    const { rows } = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
    expect(rows.map((row) => row.name)).toEqual(files);
  });

  it('are independent of each other: what one writes the next never sees', async () => {
    const first = await open();
    await first.db
      .insertInto('regions')
      .values({ name: '甲区', code: '500101', level: 'district' })
      .execute();
    const second = await open();
    expect(await second.db.selectFrom('regions').select('code').execute()).toEqual([]);
    expect(await first.db.selectFrom('regions').select('code').execute()).toEqual([{ code: '500101' }]);
  });
});
