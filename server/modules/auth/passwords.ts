// argon2id password hashing (@node-rs/argon2 defaults: m=19 MiB, t=2, p=1), and the rule for new passwords.
import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';

/** New passwords need at least this many characters (existing ones keep signing in). */
export const MIN_PASSWORD_LENGTH = 10;

/** The demo accounts' password: published, so accepted only in demo mode. */
export const DEMO_PASSWORD = 'gongzhi-demo';

/** Names of the product: a password that is little more than one of these is refused. */
const PRODUCT_NAMES = ['gongzhi', '共治'];

/** Runs of the keyboard and of the digits: any stretch of these is guessed early. */
const RUNS = [
  '01234567890123456789',
  '98765432109876543210',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiopasdfghjklzxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm',
  'qazwsxedcrfvtgbyhnujmik',
];

// reference/common-passwords.txt: shipped, editable data (one per line, # comments).
const BLOCKLIST: ReadonlySet<string> = new Set(
  readFileSync(new URL('../../../reference/common-passwords.txt', import.meta.url), 'utf8')
    .split(/\r?\n/)
    .map((line) => normalise(line))
    .filter((line) => line && !line.startsWith('#')),
);

function normalise(password: string): string {
  return password.normalize('NFKC').trim().toLowerCase();
}

/** The word inside: leading and trailing digits, symbols and spaces removed (Password2026! → password). */
const core = (text: string) => text.replace(/^[\d\p{P}\p{S}\s]+|[\d\p{P}\p{S}\s]+$/gu, '');

function guessable(text: string): boolean {
  if (BLOCKLIST.has(text)) return true;
  const word = core(text);
  if (word && BLOCKLIST.has(word)) return true;
  if (new Set(text).size < 4) return true; // aaaaaaaaaa, 1212121212
  return RUNS.some((run) => run.includes(text));
}

function productName(text: string): boolean {
  if (!PRODUCT_NAMES.some((name) => text.includes(name))) return false;
  const rest = core(PRODUCT_NAMES.reduce((t, name) => t.split(name).join(' '), text));
  return [...rest].length < 4 || guessable(rest);
}

/**
 * Why a new password is refused (message code and parameters), or null when it is acceptable. The one
 * rule for every place a password is set: the users API (create, reset), `gongzhi user create`, the seed.
 */
export function newPasswordProblem(
  password: string,
  mode: 'demo' | 'production',
): { code: string; params: Record<string, string | number> } | null {
  if (mode === 'demo' && password === DEMO_PASSWORD) return null;
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return { code: 'auth.password_too_short', params: { min: MIN_PASSWORD_LENGTH } };
  const text = normalise(password);
  if (guessable(text) || productName(text)) return { code: 'auth.password_common', params: {} };
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when a username does not exist, so timing does not reveal which usernames exist.
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash('gongzhi-timing-equaliser');
  return dummyHash;
}
