// Owners' self-governance through the API: which demo compound each test works on (each test that changes a
// committee has a compound of its own, so no test sees another's changes), owners as the owner picker labels
// them, and decisions brought to the state a test starts from. Plus Shanghai dates for the forms.
import { shanghaiDate, shanghaiWallClock } from '../../domain/calendar.js';
import { expect, unique, type Api } from './fixtures.js';

/** Shanghai calendar date `days` from today. */
export const day = (days: number) => shanghaiDate(new Date(Date.now() + days * 86_400_000));

/** Shanghai wall-clock `YYYY-MM-DDTHH:mm`, `minutes` from now. */
export const local = (minutes: number) =>
  shanghaiWallClock(new Date(Date.now() + minutes * 60_000)).slice(0, 16);

export interface CompoundRef {
  id: string;
  name: string;
}

/**
 * The demo compounds with a committee in term, of the street office `street` (huamu, zhangjiang), by id.
 * Which test takes which is fixed in the specs (one compound per test that changes the committee).
 */
export async function compoundInTerm(street: Api, index: number, minBuildings = 1): Promise<CompoundRef> {
  const overview = await street.get<{ items: { compoundId: string; compoundName: string }[] }>(
    '/api/v1/governance/overview?state=in_term&limit=50',
  );
  const items = [...overview.items].sort((a, b) => a.compoundId.localeCompare(b.compoundId));
  const c = items[index];
  expect(c, `${street.username} has ${index + 1} compounds with a committee in term`).toBeTruthy();
  const g = await street.get<{ buildings: unknown[] }>(`/api/v1/governance/compounds/${c.compoundId}`);
  expect(g.buildings.length, `${c.compoundName} has ${minBuildings}+ buildings`).toBeGreaterThanOrEqual(
    minBuildings,
  );
  return { id: c.compoundId, name: c.compoundName };
}

/** A compound of the street without an owners' assembly (where formation starts). */
export async function compoundWithoutAssembly(street: Api): Promise<CompoundRef> {
  // Without an assembly: none recorded, whether the compound is newer than the system or older (既有小区).
  const items: { compoundId: string; compoundName: string }[] = [];
  for (const state of ['no_assembly', 'existing_unrecorded'])
    items.push(
      ...(
        await street.get<{ items: { compoundId: string; compoundName: string }[] }>(
          `/api/v1/governance/overview?state=${state}&limit=50`,
        )
      ).items,
    );
  const c = items.sort((a, b) => a.compoundId.localeCompare(b.compoundId))[0];
  expect(c, `${street.username} has a compound without an owners' assembly`).toBeTruthy();
  return { id: c.compoundId, name: c.compoundName };
}

export interface OwnerOption {
  id: string;
  name: string;
  /** What to type into the owner picker. */
  search: string;
  /** The picker's label: "name（unit、unit）". */
  label: string;
}

/** A compound's owners (people, not the developer), as the owner picker labels them. */
export async function ownersOf(street: Api, compoundId: string): Promise<OwnerOption[]> {
  const page = await street.get<{
    items: { id: string; kind: string; name: string; units: { label: string }[] }[];
  }>(`/api/v1/compounds/${compoundId}/owners?limit=500`);
  return page.items
    .filter((o) => o.kind !== 'developer')
    .map((o) => ({
      id: o.id,
      name: o.name,
      search: o.units[0]?.label ?? o.name,
      label: `${o.name}（${o.units.map((u) => u.label).join('、')}）`,
    }));
}

export interface DecisionRef {
  id: string;
  title: string;
}

/** A fund-use vote by written ballot on `compoundId`, open since a minute ago, its notice posted 16 days ago. */
export async function openFundUseVote(street: Api, compoundId: string, title: string): Promise<DecisionRef> {
  const d = await street.post<{ id: string; version: number }>('/api/v1/governance/decisions', {
    compoundId,
    matter: 'use_fund',
    method: 'written',
    title,
    opensAt: new Date(Date.now() - 60_000).toISOString(),
    closesAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  // 《规定》 Art 25 ¶2: the written notices to the 房管机构 and the 居民委员会 before it opens.
  for (const [recipient, recipientName] of [
    ['housing_office', '花木街道房管办'],
    ['residents_committee', '东方居委会'],
  ]) {
    await street.post(`/api/v1/governance/decisions/${d.id}/meeting-notices`, {
      recipient,
      recipientName,
      notifiedOn: day(-16),
    });
  }
  await street.post(`/api/v1/governance/decisions/${d.id}/actions`, {
    action: 'open',
    version: d.version,
    noticePostedOn: day(-16),
  });
  return { id: d.id, title };
}

/** Paper ballots at the desk for every owner who has not voted: one in five against, the rest for. */
export async function ballotsOfEveryone(street: Api, decisionId: string) {
  const roll = await street.get<{ items: { unitId: string; ownerId: string }[] }>(
    `/api/v1/governance/decisions/${decisionId}/roll?voted=no&limit=500`,
  );
  const seen = new Set<string>();
  let i = 0;
  for (const r of roll.items) {
    if (seen.has(r.ownerId)) continue;
    seen.add(r.ownerId);
    await street.post(`/api/v1/governance/decisions/${decisionId}/ballots`, {
      unitId: r.unitId,
      choice: i++ % 5 === 0 ? 'no' : 'yes',
    });
  }
}

/** Closes and publishes a decision. */
export async function closeAndPublish(street: Api, decisionId: string) {
  for (const action of ['close', 'publish']) {
    const { version } = await street.get<{ version: number }>(`/api/v1/governance/decisions/${decisionId}`);
    await street.post(`/api/v1/governance/decisions/${decisionId}/actions`, { action, version });
  }
}

/** A new owner account (by the administrator) for `ownerId`: username and password to sign in with. */
export async function ownerAccount(admin: Api, ownerId: string) {
  const username = `owner-${unique().toLowerCase()}`;
  const password = `pw-${unique()}`;
  await admin.post('/api/v1/users', {
    username,
    displayName: '业主（测试）',
    password,
    roles: [{ role: 'owner', scopeType: 'own_units', scopeId: ownerId }],
  });
  return { username, password };
}
