// Accounts show the names of their data scopes — the street, the department, the compound, the owner — never
// an id, in the list, on one account and in the export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../platform/csv.js';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

interface NamedGrant {
  role: string;
  scopeType: string;
  scopeId: string;
  scopeName: string | null;
}

describe.each(DB_KINDS)('users: scope names (%s)', (kind) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const grantsOf = async (username: string): Promise<NamedGrant[]> =>
    (await admin.request({ method: 'GET', url: `/api/v1/users?q=${username}` }))
      .json()
      .items.find((u: { username: string }) => u.username === username).roles;

  it('names each scope: city, street, department, company, compound and owner', async () => {
    expect((await grantsOf('city'))[0].scopeName).toBe('上海市');
    expect((await grantsOf('huamu'))[0].scopeName).toBe('花木街道');
    expect((await grantsOf('chengguan'))[0].scopeName).toBe('浦东新区城市管理行政执法局');
    expect((await grantsOf('wuye'))[0].scopeName).toMatch(/物业管理有限公司$/);
    const rc = (await grantsOf('rc'))[0];
    const compound = (await admin.request({ method: 'GET', url: `/api/v1/compounds/${rc.scopeId}` })).json();
    expect(rc.scopeName).toBe(compound.name);
    expect((await grantsOf('owner'))[0].scopeName).toEqual(expect.any(String));
    const one = await admin.request({
      method: 'GET',
      url: `/api/v1/users/${(await admin.request({ method: 'GET', url: '/api/v1/users?q=chengguan' })).json().items[0].id}`,
    });
    expect(one.json().roles[0].scopeName).toBe('浦东新区城市管理行政执法局');
  });

  it('exports role and scope name, without ids', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/v1/exports/users.csv?q=chengguan' });
    const [, row] = parseCsv(res.body.replace(/^\uFEFF/, ''));
    expect(row[3]).toBe('职能部门（浦东新区城市管理行政执法局）');
    const chengguan = (await grantsOf('chengguan'))[0];
    expect(res.body).not.toContain(chengguan.scopeId);
  });
});
