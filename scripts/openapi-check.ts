// Fails when docs/openapi.json differs from the document the code generates (run `npm run openapi`).
import { readFileSync } from 'node:fs';
import { openApiDocument } from '../server/cli/commands/openapi.js';

const committed = readFileSync(new URL('../docs/openapi.json', import.meta.url), 'utf8');
const current = await openApiDocument();
if (committed !== current) {
  console.error('docs/openapi.json is out of date: run `npm run openapi` and commit the result.');
  process.exit(1);
}
console.log('docs/openapi.json is current.');
