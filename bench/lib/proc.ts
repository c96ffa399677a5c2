// Child processes of the benchmarks: the `gongzhi` CLI and server processes (real ones, over HTTP).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `bin/gongzhi …` with extra environment; resolves with stdout, rejects on a non-zero exit. */
export function gongzhi(args: string[], env: Record<string, string>, echo = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(`${ROOT}bin/gongzhi`, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      if (echo) process.stderr.write(d);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`gongzhi ${args.join(' ')} exited ${code}\n${out}\n${err.slice(-2000)}`));
    });
  });
}

/** The last non-empty line of a command's output (e.g. the key printed by `apikey create`). */
export const lastLine = (out: string) => out.trim().split('\n').at(-1)!.trim();

export interface Child {
  child: ChildProcess;
  url: string;
  output(): string;
  /** SIGTERM, then SIGKILL after 5 s; resolves when the process has exited. */
  stop(): Promise<void>;
}

/** Starts `node --import tsx <entry>` with env (PORT must be set) and waits until `ready` answers 200. */
export async function startNode(
  entry: string,
  env: Record<string, string>,
  ready = '/healthz',
  extraNodeArgs: string[] = [],
): Promise<Child> {
  const child = spawn(process.execPath, [...extraNodeArgs, '--import', 'tsx', entry], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${env.PORT}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(url + ready);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${entry} did not become ready:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    url,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A free TCP port on localhost. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
