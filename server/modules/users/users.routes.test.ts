import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, startTestApp, type Session, type TestApp } from '../../test/harness.js';

describe.each(DB_KINDS)('users routes (%s)', (kind) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp(kind);
    admin = await t.login('admin');
  });
  afterAll(() => t.close());

  const search = async (q: string) =>
    (await admin.request({ method: 'GET', url: `/api/v1/users?q=${encodeURIComponent(q)}` }))
      .json()
      .items.map((u: { username: string }) => u.username);

  it('searches names ignoring ASCII case on both databases, and takes % and _ literally', async () => {
    expect(await search('HUAMU')).toEqual(['huamu']);
    expect(await search('huaMu')).toEqual(['huamu']);
    expect(await search('花木街道房管办')).toEqual(['huamu']); // the display name
    expect(await search('%')).toEqual([]);
    expect(await search('h_amu')).toEqual([]);
  });
});
