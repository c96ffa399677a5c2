import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = join(ROOT, 'bin', 'gongzhi');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongzhi-fund-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function gongzhi(args: string[], input?: string) {
  const r = spawnSync(BIN, ['fund', ...args], { encoding: 'utf8', input, timeout: 20_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('bin/gongzhi fund share (spawned)', () => {
  it('prints the shares in input order, each with two decimals, summing to the cost', () => {
    const r = gongzhi([
      'share',
      file('share.json', {
        cost: '1000.00',
        units: [
          { id: '1-101', registeredArea: 89.5 },
          { id: '1-102', registeredArea: null, surveyedArea: 120.25 },
          { id: '1-201', contractArea: 89.5 },
        ],
      }),
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    // 1000 × 89.5 / 299.25 = 299.0810… ; 1000 × 120.25 / 299.25 = 401.8379… → floors 299.08 + 401.83 + 299.08
    // = 999.99; the largest remainder (401.837…) gets the last fen.
    expect(JSON.parse(r.stdout)).toStrictEqual({
      cost: '1000.00',
      totalArea: '299.25',
      shares: [
        { id: '1-101', area: '89.50', amount: '299.08' },
        { id: '1-102', area: '120.25', amount: '401.84' },
        { id: '1-201', area: '89.50', amount: '299.08' },
      ],
    });
  });

  it('reads standard input with "-" and gives tied remainders to the earlier unit', () => {
    const input = JSON.stringify({
      cost: 0.02,
      units: [
        { id: 'a', registeredArea: 1 },
        { id: 'b', registeredArea: 1 },
        { id: 'c', registeredArea: 1 },
      ],
    });
    const r = gongzhi(['share', '-'], input);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).shares.map((s: { amount: string }) => s.amount)).toEqual([
      '0.01',
      '0.01',
      '0.00',
    ]);
  });

  it.each([
    ['no units', { cost: 10, units: [] }, 'units list is empty'],
    ['a unit with no area', { cost: 10, units: [{ id: 'a' }] }, 'has no area'],
    ['a zero cost', { cost: 0, units: [{ id: 'a', registeredArea: 1 }] }, 'cost is 0'],
    ['a zero area', { cost: 10, units: [{ id: 'a', registeredArea: 0 }] }, 'registeredArea is 0'],
    ['three decimals', '{"cost": 10.001, "units": [{"id": "a", "registeredArea": 1}]}', '10.001'],
    ['an exponent', '{"cost": 1e3, "units": [{"id": "a", "registeredArea": 1}]}', '1e3'],
    [
      'a repeated id',
      {
        cost: 10,
        units: [
          { id: 'a', registeredArea: 1 },
          { id: 'a', registeredArea: 1 },
        ],
      },
      'more than once',
    ],
    ['not JSON', '{cost: 10', 'not valid JSON'],
  ])('refuses %s: exit 2, stderr names it, stdout empty', (_name, content, message) => {
    const r = gongzhi(['share', file('bad.json', content)]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('gongzhi fund: ');
    expect(r.stderr).toContain(message);
  });

  it('refuses an unknown sub-command with the usage', () => {
    const r = gongzhi(['split', file('x.json', {})]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: gongzhi fund share');
  });
});

describe('bin/gongzhi fund topup (spawned)', () => {
  it('flags ledgers under 30 % and brings them to 50 %, rounded up to the fen', () => {
    const r = gongzhi([
      'topup',
      file('topup.json', {
        ledgers: [
          { id: 'exactly-30', initial: 10000, balance: 3000 },
          { id: 'just-under', initial: 10000, balance: '2999.99' },
          { id: 'empty', initial: '0.03', balance: 0 },
        ],
      }),
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toStrictEqual({
      ledgers: [
        { id: 'exactly-30', belowThreshold: false, due: '0.00' },
        { id: 'just-under', belowThreshold: true, due: '2000.01' },
        { id: 'empty', belowThreshold: true, due: '0.02' },
      ],
      totalDue: '2000.03',
    });
  });

  it.each([
    ['no ledgers', { ledgers: [] }, 'ledgers list is empty'],
    ['a zero initial deposit', { ledgers: [{ id: 'a', initial: 0, balance: 0 }] }, 'initial is 0'],
    ['a negative balance', { ledgers: [{ id: 'a', initial: 10, balance: -1 }] }, 'negative'],
    [
      'a repeated id',
      {
        ledgers: [
          { id: 'a', initial: 1, balance: 0 },
          { id: 'a', initial: 1, balance: 0 },
        ],
      },
      'more than once',
    ],
  ])('refuses %s: exit 2', (_name, content, message) => {
    const r = gongzhi(['topup', file('bad-topup.json', content)]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });
});

describe('bin/gongzhi fund verify (spawned, SQLite)', () => {
  it('exits 0 when every ledger adds up and 1 naming the first that does not', async () => {
    const { openDatabase } = await import('../../platform/db/database.js');
    const { migrate } = await import('../../platform/db/migrate.js');
    const { seedSynthetic } = await import('../../seed/synthetic.js');
    const repo = await import('../../modules/fund/fund.repo.js');
    const url = `sqlite:${join(dir, 'fund.db')}`;
    const database = await openDatabase(url);
    await migrate(database);
    await seedSynthetic(database, 'test', 1);
    const db = database.db;
    const c = await db.selectFrom('compounds').select('id').orderBy('id').executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    await repo.insertAccount(db, {
      id: 'acc-1',
      compound_id: c.id,
      bank_name: '上海银行',
      account_name: '专户',
      opened_on: '2026-01-01',
      balance_fen: 0,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    await repo.openLedgers(db, 'acc-1', c.id, now);
    const units = await repo.sharingUnits(db, c.id, null);
    await repo.applyEntries(
      db,
      'acc-1',
      units.map((u, i) => ({
        id: `e-${String(i).padStart(5, '0')}`,
        account_id: 'acc-1',
        building_id: u.building_id,
        unit_id: u.id,
        kind: 'initial_deposit' as const,
        amount_fen: 100_000 + i,
        entry_on: '2026-01-02',
        payment_id: null,
        memo: '首期',
        created_by: null,
      })),
      now,
    );
    const env = { ...process.env, DATABASE_URL: url };
    const ok = spawnSync(BIN, ['fund', 'verify'], { encoding: 'utf8', env, timeout: 30_000 });
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain(`1 accounts, ${units.length} unit ledgers`);

    const victim = [...units].sort((a, b) => (a.id < b.id ? -1 : 1))[0];
    await db
      .updateTable('fund_unit_ledgers')
      .set({ balance_fen: 5 })
      .where('unit_id', '=', victim.id)
      .execute();
    await database.close();
    const bad = spawnSync(BIN, ['fund', 'verify'], { encoding: 'utf8', env, timeout: 30_000 });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`unit ${victim.id} records 0.05`);
  });
});
