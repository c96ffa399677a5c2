// Test support: an assembly decision taken through the real API — drafted, opened after its 15-day notice
// (《物业管理条例》 Art 14), every owner voting with their invitation code, closed once everyone voted. Used by route
// tests that need a decided matter (an early re-election, a repair under the 换届 freeze, a change filing).
import { expect } from 'vitest';
import type { Session, TestApp } from './harness.js';

const DAY = 86_400_000;

export interface VoteOptions {
  t: TestApp;
  /** Runs the decision: a committee member of the compound or the street office. */
  session: () => Session;
  compoundId: string;
  matter: string;
  title: string;
  choice?: 'yes' | 'no';
  extra?: Record<string, unknown>;
  /** Moves the clock (and signs the sessions in again); the vote opens 16 days after its notice. */
  advance: (ms: number) => Promise<void>;
  /** Stop after closing (do not publish). */
  publish?: boolean;
  /** Publish the result this long after the close (through `advance`). */
  publishAfterMs?: number;
}

/** Drafts, opens, votes and closes (and publishes) a decision; returns it as the API shows it last. */
export async function takeDecision(o: VoteOptions) {
  const now = o.t.clock.now().getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const today = iso(now).slice(0, 10);
  const act = (id: string, body: Record<string, unknown>) =>
    o.session().request({ method: 'POST', url: `/api/v1/governance/decisions/${id}/actions`, payload: body });
  const drafted = await o.session().request({
    method: 'POST',
    url: '/api/v1/governance/decisions',
    payload: {
      compoundId: o.compoundId,
      matter: o.matter,
      method: 'written',
      title: o.title,
      opensAt: iso(now + 16 * DAY),
      closesAt: iso(now + 30 * DAY),
      ...o.extra,
    },
  });
  expect(drafted.statusCode, drafted.body).toBe(200);
  const d = drafted.json();
  // 《规定》 Art 25 ¶2: the written notices to the 房管机构 and the 居民委员会 come first.
  for (const [recipient, recipientName] of [
    ['housing_office', '街道房管办'],
    ['residents_committee', '居民委员会'],
  ] as const) {
    const noticed = await o.session().request({
      method: 'POST',
      url: `/api/v1/governance/decisions/${d.id}/meeting-notices`,
      payload: { recipient, recipientName, notifiedOn: today },
    });
    expect(noticed.statusCode, noticed.body).toBe(200);
  }
  const opened = await act(d.id, { action: 'open', version: d.version, noticePostedOn: today });
  expect(opened.statusCode, opened.body).toBe(200);
  const inv = await o.session().request({
    method: 'POST',
    url: `/api/v1/governance/decisions/${d.id}/invitations`,
    payload: {},
  });
  expect(inv.statusCode, inv.body).toBe(200);
  await o.advance(16 * DAY);
  let i = 0;
  for (const c of inv.json().items as { code: string }[]) {
    i++;
    if (i % 15 === 0) o.t.clock.advance(61_000); // ballots are rate-limited per minute
    const r = await o.t.app.inject({
      method: 'POST',
      url: '/api/v1/ballots',
      headers: { 'x-forwarded-for': `10.1.${i % 250}.${1 + Math.floor(i / 250)}` },
      payload: { code: c.code, choice: o.choice ?? 'yes' },
    });
    // An owner of several units votes once: a second code of theirs is refused.
    expect([200, 409]).toContain(r.statusCode);
  }
  let cur = (
    await o.session().request({ method: 'GET', url: `/api/v1/governance/decisions/${d.id}` })
  ).json();
  const closed = await act(d.id, { action: 'close', version: cur.version });
  expect(closed.statusCode, closed.body).toBe(200);
  cur = closed.json();
  if (o.publish === false) return cur;
  if (o.publishAfterMs) await o.advance(o.publishAfterMs);
  const published = await act(d.id, { action: 'publish', version: cur.version });
  expect(published.statusCode, published.body).toBe(200);
  return published.json();
}
