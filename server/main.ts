// The server process: the only file (with the CLI) that touches process signals and exit codes.
import { loadConfig } from './config.js';
import { startServer } from './server.js';

const running = await startServer(loadConfig());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running.stop().then(() => process.exit(0));
  });
}
