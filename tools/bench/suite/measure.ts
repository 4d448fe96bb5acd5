import { performance } from 'node:perf_hooks';

import autocannon from 'autocannon';

/** One measured load: throughput and latency, however it was driven. */
export interface Measure {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  total: number;
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

/**
 * A closed loop of `concurrency` workers calling `work` until `seconds` pass: the shape autocannon
 * drives HTTP with, applied to anything (a bare SQL query, a function), so the two compare.
 */
export async function closedLoop(
  work: (worker: number, iteration: number) => Promise<void>,
  concurrency: number,
  seconds: number,
): Promise<Measure> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let iteration = 0; performance.now() < end; iteration++) {
        const start = performance.now();
        try {
          await work(worker, iteration);
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - start);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: latencies.length / elapsed,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    errors,
    total: latencies.length,
  };
}

export interface HttpLoad {
  url: string;
  method?: 'GET' | 'POST';
  connections: number;
  seconds: number;
  /** Headers and body of each request, chosen per connection and request. */
  request?: (connection: number, iteration: number) => { headers?: Record<string, string>; body?: string };
  headers?: Record<string, string>;
}

/** HTTP load through autocannon; a response other than 2xx counts as an error. */
export async function httpLoad(load: HttpLoad): Promise<Measure> {
  let connectionCount = 0;
  const result = await autocannon({
    url: load.url,
    method: load.method ?? 'GET',
    connections: load.connections,
    duration: load.seconds,
    headers: load.headers,
    requests: load.request
      ? [
          {
            setupRequest: (request, context: { connection?: number; iteration?: number }) => {
              context.connection ??= connectionCount++;
              context.iteration = (context.iteration ?? 0) + 1;
              const custom = load.request!(context.connection, context.iteration);
              return {
                ...request,
                headers: { ...request.headers, ...load.headers, ...custom.headers },
                ...(custom.body !== undefined ? { body: custom.body } : {}),
              };
            },
          },
        ]
      : undefined,
  });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
  };
}
