// `npm start`: install dependencies if missing, build the web app if stale, then serve the product in
// demo mode (embedded SQLite at ./data/gongzhi.db unless DATABASE_URL says otherwise).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (
  !existsSync(join(root, 'node_modules/fastify/package.json')) ||
  !existsSync(join(root, 'node_modules/better-sqlite3/build/Release'))
) {
  console.log('Installing dependencies (first start; better-sqlite3 compiles from source, ~2 minutes)…');
  run(
    'npm',
    existsSync(join(root, 'package-lock.json'))
      ? ['ci', '--no-audit', '--no-fund']
      : ['install', '--no-audit', '--no-fund'],
  );
}

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const built = join(root, 'dist/web/index.html');
const sources = Math.max(
  newest(join(root, 'web')),
  newest(join(root, 'contracts')),
  newest(join(root, 'domain')),
);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  console.log('Building the web app…');
  run('npm', ['run', 'build', '--silent']);
}

const env = {
  ...process.env,
  GONGZHI_MODE: process.env.GONGZHI_MODE ?? 'demo',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
};
const server = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  cwd: root,
  stdio: 'inherit',
  env,
});
process.exit(server.status ?? 0);
