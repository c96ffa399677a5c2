// Latency samples: median / p95 / p99 of repeated timed calls (after a warm-up).
import { median, percentile } from '../machine.js';

export interface Summary {
  n: number;
  median: number;
  p95: number;
  p99: number;
}

export function summarise(samples: number[]): Summary {
  return {
    n: samples.length,
    median: median(samples),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
  };
}

/** Times `fn` `n` times after `warmup` untimed calls; milliseconds. */
export async function sample(fn: (i: number) => Promise<unknown>, n: number, warmup = 20): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    xs.push(performance.now() - t);
  }
  return summarise(xs);
}

export const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(1));
