// The audit chain's secret and its anchor, both kept outside the database (docs/decisions/0007).
//
// Records are sealed with HMAC-SHA256 under a key from AUDIT_KEY or AUDIT_KEY_FILE (a file created with a
// random key when missing), so someone holding only the database cannot recompute a valid chain. After
// each seal the signed chain head (sequence number, hash, HMAC) is written to a head file beside the key
// (temp file + fsync + rename, so a reader sees the old head or the new one, never half of one); verify
// compares the database with it, which reveals truncation. An in-memory SQLite database (tests) gets an
// in-process key and head instead of files.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Config } from '../../config.js';
import type { Database } from '../db/database.js';

/** The signed chain head: everything up to `seq` ends in `hash`; records ≤ `legacyThrough` are unkeyed. */
export interface ChainAnchor {
  seq: number;
  hash: string;
  legacyThrough: number;
  at: string;
  mac: string;
}

export interface AnchorStore {
  /** Where the head is kept (shown in messages). */
  readonly location: string;
  read(): ChainAnchor | null;
  write(anchor: ChainAnchor): Promise<void>;
}

export interface AuditChain {
  key: Buffer;
  anchors: AnchorStore;
}

export const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest('hex');

const anchorText = (a: Pick<ChainAnchor, 'seq' | 'hash' | 'legacyThrough'>) =>
  JSON.stringify(['gongzhi-audit-head', 1, a.seq, a.hash, a.legacyThrough]);

export function signAnchor(
  key: Buffer,
  a: Pick<ChainAnchor, 'seq' | 'hash' | 'legacyThrough'>,
  at: string,
): ChainAnchor {
  return { seq: a.seq, hash: a.hash, legacyThrough: a.legacyThrough, at, mac: hmac(key, anchorText(a)) };
}

export function anchorSignatureValid(key: Buffer, a: ChainAnchor): boolean {
  const expected = Buffer.from(hmac(key, anchorText(a)), 'hex');
  const given = Buffer.from(typeof a.mac === 'string' ? a.mac : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A head file written atomically: temp file in the same directory, fsync, rename over the old one. */
export function fileAnchorStore(path: string): AnchorStore {
  return {
    location: path,
    read() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
      const a = JSON.parse(text) as ChainAnchor;
      return { ...a, seq: Number(a.seq), legacyThrough: Number(a.legacyThrough) };
    },
    // Asynchronous, so the fsync never holds up the event loop (requests) while the disk flushes.
    async write(anchor) {
      await mkdir(dirname(path), { recursive: true });
      const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      const file = await open(tmp, 'w', 0o600);
      try {
        await file.writeFile(`${JSON.stringify(anchor)}\n`);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(tmp, path);
    },
  };
}

export function memoryAnchorStore(): AnchorStore {
  let current: ChainAnchor | null = null;
  return {
    location: '(memory)',
    read: () => (current ? { ...current } : null),
    write: async (a) => void (current = { ...a }),
  };
}

/** Reads the key file, creating it with 32 random bytes (hex, mode 0600) when it does not exist. */
export function readOrCreateKey(path: string): Buffer {
  try {
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dirname(path), { recursive: true });
  try {
    writeFileSync(path, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // another process made it first
  }
  return Buffer.from(readFileSync(path, 'utf8').trim(), 'utf8');
}

export const isMemory = (url: string) => url === ':memory:' || url === 'sqlite::memory:';

/** The directory the data lives in: the SQLite file's, or ./data for PostgreSQL. */
export function dataDir(url: string): string {
  return url.startsWith('sqlite:') ? dirname(resolve(url.slice('sqlite:'.length))) : resolve('data');
}

/** A head file name per database, so that several databases can share one key directory. */
function headName(url: string): string {
  if (url.startsWith('sqlite:')) return `audit-head-${basename(url).replace(/\.[^.]*$/, '')}.json`;
  const safe = url.replace(/\/\/[^@/]*@/, '//'); // without credentials
  return `audit-head-${hmac(Buffer.from('gongzhi'), safe).slice(0, 12)}.json`;
}

export interface ChainPaths {
  keyFile: string | null;
  headFile: string | null;
  /** True when the key is kept in the data directory because nothing was configured. */
  defaulted: boolean;
}

export function chainPaths(config: Config, url: string): ChainPaths {
  const configured = Boolean(config.AUDIT_KEY || config.AUDIT_KEY_FILE);
  if (!configured && isMemory(url)) return { keyFile: null, headFile: null, defaulted: true };
  const keyFile = config.AUDIT_KEY ? null : resolve(config.AUDIT_KEY_FILE ?? join(dataDir(url), 'audit.key'));
  const headDir = keyFile ? dirname(keyFile) : dataDir(url);
  const headFile = resolve(config.AUDIT_HEAD_FILE ?? join(headDir, headName(url)));
  return { keyFile, headFile, defaulted: !configured };
}

const chains = new WeakMap<Database, AuditChain>();

/** The key and head store of this database (resolved once per open database). */
export function auditChain(config: Config, database: Database): AuditChain {
  const known = chains.get(database);
  if (known) return known;
  const paths = chainPaths(config, database.url);
  let chain: AuditChain;
  if (!paths.headFile) chain = { key: randomBytes(32), anchors: memoryAnchorStore() };
  else {
    const key = config.AUDIT_KEY ? Buffer.from(config.AUDIT_KEY, 'utf8') : readOrCreateKey(paths.keyFile!);
    chain = { key, anchors: fileAnchorStore(paths.headFile) };
  }
  chains.set(database, chain);
  return chain;
}
