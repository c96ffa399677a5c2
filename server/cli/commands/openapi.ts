// gongzhi openapi [--out FILE] — writes the OpenAPI document (committed as docs/openapi.json).
import { writeFileSync } from 'node:fs';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { fixedClock } from '../../platform/clock.js';
import { openDatabase } from '../../platform/db/database.js';
import { parseCommandArgs } from '../args.js';

export async function openApiDocument(): Promise<string> {
  const database = await openDatabase('sqlite::memory:');
  const app = await buildApp({ database, clock: fixedClock('2026-01-01T00:00:00Z'), config: loadConfig({}) });
  await app.ready();
  const doc = `${JSON.stringify(app.swagger(), null, 2)}\n`;
  await app.close();
  await database.close();
  return doc;
}

export async function run(args: string[]): Promise<number> {
  const out = parseCommandArgs(args, {
    name: 'openapi',
    usage: 'usage: gongzhi openapi [--out FILE]',
    options: { out: { type: 'string' } },
  }).values.out;
  const doc = await openApiDocument();
  if (out) writeFileSync(out, doc);
  else process.stdout.write(doc);
  return 0;
}
