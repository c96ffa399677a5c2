// autocannon (no bundled types) behind a small typed wrapper.
import { createRequire } from 'node:module';

export interface LoadRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  url: string;
  connections: number;
  duration: number; // seconds
  request: LoadRequest;
  /** Called for every request: return the headers and body to send (e.g. a fresh Idempotency-Key). */
  next?: (n: number) => { headers?: Record<string, string>; body?: string };
}

export interface LoadResult {
  rps: number; // autocannon requests.average (mean requests per second over the run)
  p50: number;
  p99: number; // latency, ms
  total: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
}

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats?: Record<string, { count: number }>;
  [k: string]: unknown;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export async function load(o: LoadOptions): Promise<LoadResult> {
  let n = 0;
  const base = { ...o.request, headers: { ...(o.request.headers ?? {}) } };
  const r = await autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.duration,
    requests: [
      {
        ...base,
        ...(o.next
          ? {
              setupRequest: (req: { headers: Record<string, string>; body?: string }) => {
                const x = o.next!(n++);
                if (x.headers) Object.assign(req.headers, x.headers);
                if (x.body !== undefined) req.body = x.body;
                return req;
              },
            }
          : {}),
      },
    ],
  });
  const statusCodes: Record<string, number> = {};
  for (const [k, v] of Object.entries(r.statusCodeStats ?? {})) statusCodes[k] = v.count;
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    total: Number((r as { requests: { total?: number } }).requests.total ?? 0),
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    statusCodes,
  };
}
