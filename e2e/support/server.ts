// The real server for the browser tests: demo mode on a fresh SQLite file in a temp folder, a free port,
// started by global-setup.ts and stopped by global-teardown.ts. Also the Chromium flags and demo password.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's Chromium (no browser download): the path and the flags it runs with here and in CI. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const DEMO_PASSWORD = 'gongzhi-demo';

/** Environment variables through which global setup hands the server to the workers and to teardown. */
export const BASE_URL_ENV = 'E2E_BASE_URL';
export const SERVER_PID_ENV = 'E2E_SERVER_PID';
export const SERVER_DIR_ENV = 'E2E_SERVER_DIR';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface RunningServer {
  baseUrl: string;
  dir: string;
  process: ChildProcess;
}

/** Starts the real server in demo mode on a fresh database and waits for /healthz. */
export async function startServer(root: string, env: Record<string, string> = {}): Promise<RunningServer> {
  if (!existsSync(join(root, 'dist', 'web', 'index.html')))
    throw new Error('dist/web is missing: run `npm run build` before the browser tests');
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'gz-e2e-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      GONGZHI_MODE: 'demo',
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
      DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => {
    output += d;
    if (process.env.E2E_LOG_FILE) appendFileSync(process.env.E2E_LOG_FILE, d);
  });
  child.stderr!.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`server did not start in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  // The pipes are drained for the server's whole life (a full pipe would block it), never read again.
  child.stdout!.on('data', () => {});
  child.unref();
  return { baseUrl, dir, process: child };
}

/** Stops the server started by startServer (by pid: teardown runs without the ChildProcess object). */
export async function stopServer(pid: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 15_000;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive()) process.kill(pid, 'SIGKILL');
}
