// Every queue tab reads its page in deadline order from an index (one ordered range scan per place ×
// status / due state, merged), and pages through exactly the cases a full sort would give.
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDatabase, type TestDatabase } from '../../../test/harness.js';
import { seedSynthetic } from '../../../seed/synthetic.js';
import { NO_DEADLINE } from '../cases.repo.js';
import { queue, type QueueFilter } from './queues.repo.js';

// The tabs of queues.service.ts (statuses / due states / returned).
const TABS: Record<string, Pick<QueueFilter, 'statuses' | 'dueStates' | 'returned'>> = {
  all: { statuses: null, dueStates: null, returned: false },
  toSign: { statuses: ['dispatched'], dueStates: null, returned: false },
  inProgress: { statuses: ['signed'], dueStates: null, returned: false },
  dueSoon: {
    statuses: ['received', 'accepted', 'dispatched', 'signed'],
    dueStates: ['warning'],
    returned: false,
  },
  overdue: { statuses: null, dueStates: ['overdue'], returned: false },
  returned: { statuses: null, dueStates: null, returned: true },
  toDispatch: { statuses: ['received', 'accepted'], dueStates: null, returned: false },
  toVerify: { statuses: ['reported'], dueStates: null, returned: false },
};
const STATUSES = ['received', 'accepted', 'dispatched', 'signed', 'reported', 'closed'];
const DUE = ['ok', 'warning', 'overdue'];

interface Row {
  id: string;
  lead_org_id: string;
  street_code: string;
  district_code: string;
  status: string;
  due_state: string;
  next_due_at: string;
  dispatched_at: string | null;
}

describe.each(DB_KINDS)('work queue tabs (%s)', (kind) => {
  let t: TestDatabase;
  const rows: Row[] = [];
  let orgs: string[] = [];
  let streets: { code: string; district: string }[] = [];
  beforeAll(async () => {
    t = await openTestDatabase(kind);
    await seedSynthetic(t.database, 'test', 1);
    const { db } = t.database;
    orgs = (await db.selectFrom('organisations').select('id').orderBy('id').limit(3).execute()).map(
      (o) => o.id,
    );
    streets = (
      await db
        .selectFrom('divisions')
        .select(['code', 'parent_code'])
        .where('level', '!=', 'district')
        .where('parent_code', 'is not', null)
        .orderBy('code')
        .limit(3)
        .execute()
    ).map((s) => ({ code: s.code, district: s.parent_code! }));
    const category = (
      await db.selectFrom('case_categories').select('code').limit(1).executeTakeFirstOrThrow()
    ).code;
    let x = 7;
    const next = (n: number) => ((x = (x * 1103515245 + 12345) % 2 ** 31), x % n);
    for (let i = 0; i < 240; i++) {
      const status = STATUSES[next(STATUSES.length)];
      const street = streets[next(streets.length)];
      const open = status !== 'closed';
      const row: Row = {
        id: `0190${String(i).padStart(4, '0')}-0000-7000-8000-000000000000`,
        lead_org_id: orgs[next(orgs.length)],
        street_code: street.code,
        district_code: street.district,
        status,
        due_state: open ? DUE[next(DUE.length)] : 'none',
        // Few distinct deadlines, so that ties are broken by id across pages.
        next_due_at: open ? `2026-12-0${1 + next(5)}T00:00:00.000Z` : NO_DEADLINE,
        dispatched_at: next(2) ? '2026-11-20T00:00:00.000Z' : null,
      };
      rows.push(row);
      await db
        .insertInto('cases')
        .values({
          ...row,
          case_no: `T${i}`,
          channel: 'hotline12345',
          category_code: category,
          attributes_json: '{}',
          urgency: 'normal',
          title: `case ${i}`,
          description: 'd',
          proactive: 0,
          created_at: '2026-11-01T00:00:00.000Z',
          updated_at: '2026-11-01T00:00:00.000Z',
        } as never)
        .execute();
    }
  });
  afterAll(() => t.drop());

  const scopes = () => ({
    org: { orgIds: [orgs[0]], streetCodes: null, districtCodes: null },
    orgs: { orgIds: orgs.slice(0, 2), streetCodes: null, districtCodes: null },
    street: { orgIds: null, streetCodes: [streets[0].code, streets[1].code], districtCodes: null },
    district: { orgIds: null, streetCodes: null, districtCodes: [streets[0].district] },
    city: { orgIds: null, streetCodes: null, districtCodes: null },
  });

  it('pages through every tab in every scope exactly as a full sort would', async () => {
    for (const [tab, spec] of Object.entries(TABS)) {
      for (const [name, scope] of Object.entries(scopes())) {
        const expected = rows
          .filter((r) => !scope.orgIds || scope.orgIds.includes(r.lead_org_id))
          .filter((r) => !scope.streetCodes || scope.streetCodes.includes(r.street_code))
          .filter((r) => !scope.districtCodes || scope.districtCodes.includes(r.district_code))
          .filter((r) => !spec.statuses || spec.statuses.includes(r.status))
          .filter((r) => !spec.dueStates || spec.dueStates.includes(r.due_state))
          .filter((r) => !spec.returned || (r.status === 'accepted' && r.dispatched_at !== null))
          .sort((a, b) =>
            a.next_due_at === b.next_due_at ? (a.id < b.id ? -1 : 1) : a.next_due_at < b.next_due_at ? -1 : 1,
          )
          .map((r) => r.id);
        const got: string[] = [];
        let after: [string, string] | null = null;
        for (let guard = 0; guard < 100; guard++) {
          const page = await queue(t.database.db, { ...scope, ...spec, after, limit: 7 });
          got.push(...page.slice(0, 7).map((r) => r.id));
          if (page.length <= 7) break;
          const last = page[6];
          after = [last.next_due_at, last.id];
        }
        expect(got, `${tab} / ${name}`).toEqual(expected);
      }
    }
  });

  it.runIf(kind === 'sqlite')(
    'reads each arm of every tab from an index in its order (no sort of the cases)',
    async () => {
      const { db } = t.database;
      const executor = db.getExecutor() as unknown as {
        executeQuery: (q: CompiledQuery, id: unknown) => Promise<unknown>;
      };
      const original = executor.executeQuery.bind(executor);
      const captured: CompiledQuery[] = [];
      executor.executeQuery = (q, id) => (captured.push(q), original(q, id));
      try {
        for (const [tab, spec] of Object.entries(TABS)) {
          for (const [name, scope] of Object.entries(scopes())) {
            captured.length = 0;
            await queue(db, {
              ...scope,
              ...spec,
              after: ['2026-12-02T00:00:00.000Z', rows[0].id],
              limit: 20,
            });
            const q = captured.find((c) => /from "cases"/.test(c.sql))!;
            const plan = (
              await db.executeQuery<{ detail: string }>(
                CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]),
              )
            ).rows.map((r) => r.detail);
            const scans = plan.filter((d) => /\b(SCAN|SEARCH) cases\b/.test(d));
            expect(scans.length, `${tab} / ${name}: ${plan.join('; ')}`).toBeGreaterThan(0);
            for (const s of scans) expect(s, `${tab} / ${name}`).toMatch(/USING (COVERING )?INDEX cases_q_/);
            // Only the merge may sort, and only an arm's page (the rows of `SCAN aN`), never the cases.
            plan.forEach((d, k) => {
              if (/TEMP B-TREE/.test(d))
                expect(plan[k - 1], `${tab} / ${name}: ${plan.join('; ')}`).toMatch(/^SCAN a\d+$/);
            });
          }
        }
      } finally {
        executor.executeQuery = original;
      }
    },
  );
});
