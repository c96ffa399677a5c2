// Playwright global setup: one real server for the whole run (unless E2E_BASE_URL names a running one).
// The workers inherit the variables set here: playwright.config.ts reads the base URL from them.
import { BASE_URL_ENV, SERVER_DIR_ENV, SERVER_PID_ENV, startServer } from './server.js';

export default async function globalSetup(): Promise<void> {
  if (process.env[BASE_URL_ENV]) return;
  const server = await startServer(process.cwd());
  process.env[BASE_URL_ENV] = server.baseUrl;
  process.env[SERVER_PID_ENV] = String(server.process.pid);
  process.env[SERVER_DIR_ENV] = server.dir;
}
