// Playwright global teardown: stops the server global-setup.ts started and removes its database folder.
import { rmSync } from 'node:fs';
import { SERVER_DIR_ENV, SERVER_PID_ENV, stopServer } from './server.js';

export default async function globalTeardown(): Promise<void> {
  const pid = Number(process.env[SERVER_PID_ENV]);
  if (pid > 0) await stopServer(pid);
  const dir = process.env[SERVER_DIR_ENV];
  if (dir) rmSync(dir, { recursive: true, force: true });
}
