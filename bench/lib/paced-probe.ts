/**
 * Latency of a small request sent at a fixed rate while something else runs (an import): each
 * request leaves on schedule whether or not the previous one has answered (open loop), so a
 * blocked event loop shows as long latencies instead of as fewer, well-behaved samples.
 */
import http from 'node:http';
import { percentile } from './load';
import { round } from './synthetic-data';

export interface PacedFigures {
  path: string;
  intervalMs: number;
  requests: number;
  errors: number;
  non2xx: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** Wall time of the probing, in seconds. */
  seconds: number;
}

export interface PacedProbe {
  /** Stops sending, waits for the requests still in flight, and returns the figures. */
  stop(): Promise<PacedFigures>;
}

export function startPacedProbe(
  port: number,
  path: string,
  intervalMs: number,
  headers?: Record<string, string>,
): PacedProbe {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const latencies: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let errors = 0;
  let non2xx = 0;
  const started = performance.now();

  const send = () => {
    const sentAt = performance.now();
    const done = new Promise<void>((resolve) => {
      const request = http.get({ host: '127.0.0.1', port, path, agent, headers }, (response) => {
        response.resume();
        response.on('end', () => {
          latencies.push(performance.now() - sentAt);
          if ((response.statusCode ?? 0) < 200 || (response.statusCode ?? 0) > 299) non2xx += 1;
          resolve();
        });
        response.on('error', () => {
          errors += 1;
          resolve();
        });
      });
      request.setTimeout(60_000, () => request.destroy(new Error('timeout')));
      request.on('error', () => {
        errors += 1;
        resolve();
      });
    });
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
  };
  send();
  const timer = setInterval(send, intervalMs);

  return {
    async stop() {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      await Promise.all([...inFlight]);
      agent.destroy();
      const sorted = latencies.sort((a, b) => a - b);
      return {
        path,
        intervalMs,
        requests: sorted.length,
        errors,
        non2xx,
        latencyMs: {
          p50: round(percentile(sorted, 50), 2),
          p90: round(percentile(sorted, 90), 2),
          p99: round(percentile(sorted, 99), 2),
          max: round(sorted.at(-1) ?? 0, 2),
          mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length), 2),
        },
        seconds: round(seconds, 2),
      };
    },
  };
}
