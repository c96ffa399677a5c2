// A description of the machine a benchmark ran on, committed with its figures.
import { cpus, loadavg, totalmem } from 'node:os';

export function machineNote(): string {
  const cpu = cpus();
  // The load average when the figures were written: on a shared 2-core machine it says how quiet the run was.
  const load = loadavg()
    .map((x) => x.toFixed(1))
    .join(' / ');
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${process.version}, ${process.platform}, load average ${load} (1 / 5 / 15 min)`;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
