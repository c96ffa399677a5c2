// `gongzhi import` / `gongzhi export` end to end: the real bin/gongzhi against a seeded SQLite file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { fixedClock } from '../../platform/clock.js';
import { parseCsv } from '../../platform/csv.js';
import { openDatabase } from '../../platform/db/database.js';
import { migrate } from '../../platform/db/migrate.js';
import { seedDemoAccounts } from '../../seed/demo-accounts.js';
import { seedSynthetic } from '../../seed/synthetic.js';

const HUAMU = '310115016';
const ZHANGJIANG = '310115125';
const BIN = new URL('../../../bin/gongzhi', import.meta.url).pathname;

describe('gongzhi import / export (CLI)', { timeout: 90_000 }, () => {
  let dir: string;
  let url: string;
  const gongzhi = (...args: string[]) => {
    const r = spawnSync(BIN, args, {
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const query = async <T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>) => {
    const database = await openDatabase(url);
    try {
      return await fn(database.db);
    } finally {
      await database.close();
    }
  };
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongzhi-transfer-'));
    url = `sqlite:${join(dir, 'gongzhi.db')}`;
    const database = await openDatabase(url);
    await migrate(database);
    await seedSynthetic(database, 'test', 1);
    await seedDemoAccounts({
      database,
      clock: fixedClock('2026-11-26T02:00:00Z'),
      config: loadConfig({ GONGZHI_MODE: 'demo', LOG_LEVEL: 'silent' }),
    });
    await database.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a valid file (exit 0, audited as cli) and refuses a bad one with the row errors (exit 2)', async () => {
    const good = file(
      'good.csv',
      `\uFEFF小区编码,小区名称,地址,街镇代码\nCLI-001,命令行花园,花木路1号,${HUAMU}\nCLI-002,命令行二村,花木路2号,${HUAMU}\n`,
    );
    const ok = gongzhi('import', 'compounds', good);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('已导入 2 条');
    const audit = await query((db) =>
      db
        .selectFrom('audit_log')
        .select(['actor_name', 'actor_id'])
        .where('action', '=', 'registry.import.compounds')
        .execute(),
    );
    expect(audit).toEqual([{ actor_name: 'cli', actor_id: null }]);

    const bad = file(
      'bad.csv',
      `小区编码,小区名称,地址,街镇代码\nCLI-003,命令行三村,花木路3号,${HUAMU}\nCLI-001,重复,花木路4号,310115999\n`,
    );
    const refused = gongzhi('import', 'compounds', bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('未导入任何数据');
    expect(refused.stderr).toContain('第 3 行「街镇代码」：行政区划代码 310115999 不存在');
    const en = gongzhi('import', 'compounds', bad, '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('row 3, Street code: unknown division code 310115999');
    const count = await query((db) =>
      db.selectFrom('compounds').select('code').where('code', 'like', 'CLI-%').execute(),
    );
    expect(count.map((r) => r.code).sort()).toEqual(['CLI-001', 'CLI-002']);
  });

  it('imports with the grants of --as USER, and validates only with --dry-run', async () => {
    const rows = `小区编码,小区名称,地址,街镇代码\nCLI-010,张江的小区,张江路1号,${ZHANGJIANG}\n`;
    const path = file('scope.csv', rows);
    const scoped = gongzhi('import', 'compounds', path, '--as', 'huamu');
    expect(scoped.code).toBe(2);
    expect(scoped.stderr).toContain(`${ZHANGJIANG} 不在您的导入数据范围内`);
    const dry = gongzhi('import', 'compounds', path, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('试运行');
    const none = await query((db) =>
      db.selectFrom('compounds').select('code').where('code', '=', 'CLI-010').execute(),
    );
    expect(none).toEqual([]);
    expect(gongzhi('import', 'compounds').code).toBe(2); // usage
    expect(gongzhi('import', 'compounds', path, '--as', 'nobody').code).toBe(2);
  });

  it('exports a list to .csv and .xlsx with the list filters', async () => {
    const total = await query(async (db) =>
      Number(
        (
          await db
            .selectFrom('compounds')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('street_code', '=', HUAMU)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
    const csv = join(dir, 'out.csv');
    const r = gongzhi('export', 'compounds', '--street', HUAMU, '--out', csv);
    expect(r.code, r.stderr).toBe(0);
    const rows = parseCsv(readFileSync(csv, 'utf8'));
    expect(rows[0][0]).toBe('小区编码');
    expect(rows.length - 1).toBe(total);

    const xlsx = join(dir, 'out.xlsx');
    const x = gongzhi('export', 'organisations', '--division', HUAMU, '--out', xlsx, '--lang', 'en');
    expect(x.code, x.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets[0].getRow(1).getCell(1).value).toBe('Type');
    expect(wb.worksheets[0].actualRowCount).toBeGreaterThan(1);

    const denied = gongzhi('export', 'users', '--out', csv, '--as', 'huamu');
    expect(denied.code).toBe(2);
    expect(gongzhi('export', 'compounds', '--out', join(dir, 'x.pdf')).code).toBe(2);
  });
});
