// Every error code the server can raise has a zh-CN and an English message once the module catalogues are
// registered (server/messages.ts) — a module left out of that list fails here, not as "internal error".
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerAllMessages } from '../messages.js';
import { hasMessage, message } from '../platform/http/messages.js';

const root = new URL('../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

const RAISERS = /\b(?:new AppError|badRequest|notFound|conflict|forbidden)\(\s*'([a-z0-9_]+\.[a-z0-9_.]+)'/g;
const UNIQUE_OR = /\buniqueOr\([\s\S]*?,\s*'([a-z0-9_]+\.[a-z0-9_.]+)'/g;

describe('message catalogue', () => {
  registerAllMessages();
  const used = new Map<string, string>();
  for (const file of sources(join(root))) {
    const text = readFileSync(file, 'utf8');
    for (const re of [RAISERS, UNIQUE_OR])
      for (const m of text.matchAll(re)) used.set(m[1], relative(root, file));
  }

  it('finds the codes raised across the server', () => {
    expect(used.size).toBeGreaterThan(100);
  });

  it('has zh-CN and en text for every raised code', () => {
    const missing = [...used].filter(([code]) => !hasMessage(code)).map(([c, f]) => `${c} (${f})`);
    expect(missing).toEqual([]);
    for (const code of used.keys())
      if (code !== 'common.internal') expect(message(code, 'en')).not.toBe(message('common.internal', 'en'));
  });
});
