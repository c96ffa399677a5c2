// Migration 0015 on a database made before it: the shipped list's second edition and the new category arrive,
// active only when the shipped first edition was; a database made with this release is left as it is.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDatabase, type TestDatabase } from '../../../test/harness.js';
import { migrate } from '../migrate.js';

const shipped = JSON.parse(
  readFileSync(new URL('../../../../reference/responsibility-list.json', import.meta.url), 'utf8'),
) as { rules: { id: string; source: string }[] };
const NEW_ROWS = ['R029', 'R030', 'R031', 'R032', 'R033'];

describe.each(DB_KINDS)('migration 0015-routing-law (%s)', (kind) => {
  let t: TestDatabase;
  afterEach(() => t.drop());

  /** Turns the fresh database back into one made by the first release: list edition 1 as shipped then. */
  async function asBefore(adminList: boolean) {
    const db = t.database.db;
    await db.deleteFrom('responsibility_rules').where('id', 'in', NEW_ROWS).execute();
    await db
      .updateTable('responsibility_rules')
      .set({ source: '《规定》 Art 60, 68: 表后共用部位由物业服务企业维修 [P]' })
      .where('id', '=', 'R002')
      .execute();
    const parking = await db
      .selectFrom('case_categories')
      .select('sort')
      .where('code', '=', 'parking_not_rented')
      .executeTakeFirstOrThrow();
    await db.deleteFrom('case_categories').where('code', '=', 'parking_not_rented').execute();
    await db
      .updateTable('case_categories')
      .set((eb) => ({ sort: eb('sort', '-', 1) }))
      .where('sort', '>', parking.sort)
      .execute();
    if (adminList) {
      await db
        .insertInto('responsibility_lists')
        .values({
          version: 2,
          note: '本区清单',
          active: 1,
          created_by: 'an-admin',
          created_at: '2026-06-01T00:00:00.000Z',
        })
        .execute();
      await db.updateTable('responsibility_lists').set({ active: 0 }).where('version', '=', 1).execute();
    }
    await db
      .deleteFrom('kysely_migration' as never)
      .where('name' as never, '=', '0015-routing-law' as never)
      .execute();
    return parking.sort;
  }

  const lists = () =>
    t.database.db
      .selectFrom('responsibility_lists')
      .select(['version', 'active', 'created_by'])
      .orderBy('version')
      .execute();

  it('a database made with this release keeps its one list: the shipped rows are already there', async () => {
    t = await openTestDatabase(kind);
    expect(await lists()).toEqual([{ version: 1, active: 1, created_by: null }]);
    const rows = await t.database.db.selectFrom('responsibility_rules').select(['id', 'source']).execute();
    expect(rows.map((r) => r.id).sort()).toEqual(shipped.rules.map((r) => r.id).sort());
  });

  it('the shipped first edition active → edition 2 as shipped now, active; the category after 停车管理', async () => {
    t = await openTestDatabase(kind);
    const sort = await asBefore(false);
    const otherSort = await t.database.db
      .selectFrom('case_categories')
      .select('sort')
      .where('code', '=', 'other')
      .executeTakeFirstOrThrow();
    expect(await migrate(t.database, t.schema ?? undefined)).toEqual(['0015-routing-law']);
    expect(await lists()).toEqual([
      { version: 1, active: 0, created_by: null },
      { version: 2, active: 1, created_by: null },
    ]);
    const v2 = await t.database.db
      .selectFrom('responsibility_rules')
      .select(['id', 'source'])
      .where('list_version', '=', 2)
      .orderBy('id')
      .execute();
    expect(v2).toEqual(
      shipped.rules.map((r) => ({ id: r.id, source: r.source })).sort((a, b) => a.id.localeCompare(b.id)),
    );
    const cat = await t.database.db
      .selectFrom('case_categories')
      .selectAll()
      .where('code', '=', 'parking_not_rented')
      .executeTakeFirstOrThrow();
    expect(cat).toMatchObject({ name_zh: '开发商车位只售不租', sort, active: 1 });
    expect(JSON.parse(cat.keywords_json)).toContain('只售不租');
    const other = await t.database.db
      .selectFrom('case_categories')
      .select('sort')
      .where('code', '=', 'other')
      .executeTakeFirstOrThrow();
    expect(other.sort).toBe(otherSort.sort + 1);
  });

  it('an administrator’s own list active → it stays active; edition 3 is kept for review', async () => {
    t = await openTestDatabase(kind);
    await asBefore(true);
    await migrate(t.database, t.schema ?? undefined);
    const after = await lists();
    expect(after.map((l) => [l.version, l.active])).toEqual([
      [1, 0],
      [2, 1],
      [3, 0],
    ]);
    expect(after[2].created_by).toBeNull();
  });
});
