// Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: self time by function and by
// package / source folder, plus inclusive time of our own functions.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function where(url: string): string {
  if (!url) return '(native/vm)';
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const m = /\/(server|domain|contracts|bench)\/(.*)$/.exec(url);
  return m ? `${m[1]}/${m[2]}` : url;
}

/** Package and file (node_modules/kysely/dist/esm/x/y.js → kysely/x/y.js), or our own path. */
function short(url: string): string {
  const nm = url.lastIndexOf('node_modules/');
  if (nm < 0) return where(url).replace(/^file:\/\//, '');
  return url
    .slice(nm + 'node_modules/'.length)
    .replace(/\/dist\/(esm|cjs)\//, '/')
    .replace(/\/lib\//, '/');
}

/** Top functions by self time, and self time by package; ms and share of the sampled time. */
export function hotFunctions(file: string, top = 25): string {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i + 1] ?? 0;
    self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + dt);
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const idle = [...self.entries()]
    .filter(([id]) =>
      ['(idle)', '(program)', '(garbage collector)'].includes(byId.get(id)!.callFrame.functionName),
    )
    .map(([id, t]) => [byId.get(id)!.callFrame.functionName, t] as const);

  const fnSelf = new Map<string, number>();
  const pkgSelf = new Map<string, number>();
  const ownInclusive = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byId.get(id)!;
    const key = `${n.callFrame.functionName || '(anonymous)'} ${short(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    fnSelf.set(key, (fnSelf.get(key) ?? 0) + t);
    const pkg = n.callFrame.url ? where(n.callFrame.url) : n.callFrame.functionName;
    const pkgKey =
      pkg.startsWith('server/') || pkg.startsWith('domain/') ? pkg.split('/').slice(0, 3).join('/') : pkg;
    pkgSelf.set(pkgKey, (pkgSelf.get(pkgKey) ?? 0) + t);
    // Inclusive time of our own functions (each counted once per stack).
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (!/\/(server|domain|contracts)\//.test(f.url)) continue;
      const k = `${f.functionName || '(anonymous)'} ${short(f.url)}:${f.lineNumber + 1}`;
      if (seen.has(k)) continue;
      seen.add(k);
      ownInclusive.set(k, (ownInclusive.get(k) ?? 0) + t);
    }
  }
  const pct = (t: number) => `${((100 * t) / total).toFixed(1)}%`;
  const list = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, t]) => `  ${pct(t).padStart(6)} ${(t / 1000).toFixed(0).padStart(7)} ms  ${k}`)
      .join('\n');
  return [
    `sampled ${(total / 1e6).toFixed(1)} s; ${idle.map(([k, t]) => `${k} ${pct(t)}`).join(', ')}`,
    'self time by package / folder:',
    list(pkgSelf, 20),
    'self time by function:',
    list(fnSelf, top),
    'inclusive time of server/domain functions:',
    list(ownInclusive, top),
  ].join('\n');
}
