// Signed tracking links: a resident comes back to a case without retyping its number and phone. The token is
// `<case id>.<expiry, unix seconds>.<HMAC-SHA256 over both>` under a key of its own (TRACK_LINK_KEY or its
// key file; never the audit key), so it cannot be forged or extended, and it proves what number + phone
// proved: access to that one case until it expires.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Config } from '../config.js';
import type { Database } from './db/database.js';
import { dataDir, isMemory, readOrCreateKey } from './audit/chain.js';

const keys = new WeakMap<Database, Buffer>();

/** The signing key of this database's links (read or created once per open database). */
export function trackLinkKey(config: Config, database: Database): Buffer {
  const known = keys.get(database);
  if (known) return known;
  let key: Buffer;
  if (config.TRACK_LINK_KEY) key = Buffer.from(config.TRACK_LINK_KEY, 'utf8');
  else if (!config.TRACK_LINK_KEY_FILE && isMemory(database.url)) key = randomBytes(32);
  else
    key = readOrCreateKey(
      resolve(config.TRACK_LINK_KEY_FILE ?? join(dataDir(database.url), 'track-link.key')),
    );
  keys.set(database, key);
  return key;
}

const mac = (key: Buffer, caseId: string, exp: number) =>
  createHmac('sha256', key).update(`track-link:v1:${caseId}:${exp}`).digest('base64url');

export function signTrackLink(key: Buffer, caseId: string, expiresAt: Date): string {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  return `${caseId}.${exp}.${mac(key, caseId, exp)}`;
}

export type TrackLinkCheck =
  { ok: true; caseId: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' };

/** Checks the signature first (a tampered token is invalid whatever its date), then the expiry. */
export function verifyTrackLink(key: Buffer, token: string, now: Date): TrackLinkCheck {
  const m = /^([0-9A-Za-z-]{1,64})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, reason: 'invalid' };
  const [, caseId, expText, given] = m;
  const exp = Number(expText);
  const expected = Buffer.from(mac(key, caseId, exp));
  if (!timingSafeEqual(expected, Buffer.from(given))) return { ok: false, reason: 'invalid' };
  if (exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, caseId, expiresAt: new Date(exp * 1000) };
}
