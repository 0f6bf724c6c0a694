/** One load scenario: autocannon warm-up, wait for the server to go idle, then the measured run. */
import http from 'node:http';
import autocannon from 'autocannon';
import type { CpuSnapshot } from './protocol';
import type { ServerProcess } from './server-process';
import { round } from './synthetic-data';

export interface LoadSettings {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** Seconds before autocannon counts a request as timed out. */
  timeoutSeconds: number;
  /** Sent with every request (e.g. a session cookie for routes that need a signed-in user). */
  headers?: Record<string, string>;
}

export interface LoadFigures {
  /**
   * autocannon: `connections` concurrent keep-alive connections for the whole run. sequential: one
   * request at a time (used when one request takes so long that concurrent connections would
   * complete almost nothing within the run; a single-threaded server's throughput is the same).
   */
  mode: 'autocannon' | 'sequential';
  connectionsUsed: number;
  requestsPerSec: { mean: number; stddev: number | null; min: number | null; max: number | null };
  requestsTotal: number;
  latencyMs: { p50: number; p90: number; p99: number; mean: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  throughputMBPerSec: number;
  /** CPU time of the server process over the measured run, in % of one core (100 = one core busy). */
  serverCpuPercent: number;
  /**
   * Server CPU time divided by the requests completed: what one request costs the server. Unlike
   * req/s it hardly moves when other processes compete for the cores.
   */
  serverCpuMsPerRequest: number;
  /** The same for the load generator (this process). */
  clientCpuPercent: number;
  serverRssMB: number;
  /** How long the server needed after the warm-up to finish in-flight work before measuring. */
  drainAfterWarmupMs: number;
}

async function cannon(url: string, settings: LoadSettings, seconds: number) {
  return autocannon({
    url,
    connections: settings.connections,
    pipelining: 1,
    duration: seconds,
    timeout: settings.timeoutSeconds,
    ...(settings.headers ? { headers: settings.headers } : {}),
  });
}

/** Warm-up, quiesce, measured run with CPU accounting on both sides. */
export async function runLoad(
  server: ServerProcess,
  path: string,
  settings: LoadSettings,
): Promise<LoadFigures> {
  const url = `http://127.0.0.1:${server.port}${path}`;
  if (settings.warmupSeconds > 0) await cannon(url, settings, settings.warmupSeconds);
  const drainAfterWarmupMs = await server.quiesce();

  const serverBefore = await server.cpu();
  const clientBefore = process.cpuUsage();
  const clientStarted = performance.now();
  const result = await cannon(url, settings, settings.durationSeconds);
  const clientCpu = process.cpuUsage(clientBefore);
  const clientWallMs = performance.now() - clientStarted;
  const serverAfter = await server.cpu();
  await server.quiesce();

  const serverCpuMs =
    (serverAfter.userMicros -
      serverBefore.userMicros +
      serverAfter.systemMicros -
      serverBefore.systemMicros) /
    1000;
  return {
    mode: 'autocannon',
    connectionsUsed: settings.connections,
    requestsPerSec: {
      mean: round(result.requests.mean),
      stddev: round(result.requests.stddev),
      min: result.requests.min,
      max: result.requests.max,
    },
    requestsTotal: result.requests.total,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      mean: round(result.latency.mean, 2),
      max: result.latency.max,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    throughputMBPerSec: round(result.throughput.mean / 1e6, 2),
    serverCpuPercent: round((100 * serverCpuMs) / (serverAfter.atMs - serverBefore.atMs)),
    serverCpuMsPerRequest: round(serverCpuMs / Math.max(1, result.requests.total), 4),
    clientCpuPercent: round((100 * (clientCpu.user + clientCpu.system)) / 1000 / clientWallMs),
    serverRssMB: round(serverAfter.rssBytes / 1e6),
    drainAfterWarmupMs,
  };
}

export interface ProbeResult {
  status: number;
  ms: number;
  bytes: number;
  body: string;
}

/** One GET on a fresh connection, timed from request to the last byte. */
export function probe(port: number, path: string, headers?: Record<string, string>): Promise<ProbeResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get({ host: '127.0.0.1', port, path, agent: false, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({
          status: response.statusCode ?? 0,
          ms: round(performance.now() - started),
          bytes: body.length,
          body: body.toString('utf8'),
        });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

/** A GET already made, with the CPU snapshots taken just before it: it becomes the first sample. */
export interface MeasuredProbe {
  answer: ProbeResult;
  startedAt: number;
  serverBefore: CpuSnapshot;
  clientBefore: NodeJS.CpuUsage;
}

/** Snapshots both sides' CPU, then makes one GET. */
export async function measuredProbe(
  server: ServerProcess,
  path: string,
  headers?: Record<string, string>,
): Promise<MeasuredProbe> {
  const serverBefore = await server.cpu();
  const clientBefore = process.cpuUsage();
  const startedAt = performance.now();
  return { answer: await probe(server.port, path, headers), startedAt, serverBefore, clientBefore };
}

/**
 * One request at a time for the run's duration (at least one), each on a fresh connection; for
 * requests too slow for concurrent load. Errors and non-2xx answers are counted like autocannon's.
 * With `first` (a GET that alone outlasted the run) that GET is the measurement.
 */
export async function runSequential(
  server: ServerProcess,
  path: string,
  settings: LoadSettings,
  first?: MeasuredProbe,
): Promise<LoadFigures> {
  const drainAfterWarmupMs = first ? 0 : await server.quiesce();
  const serverBefore = first?.serverBefore ?? (await server.cpu());
  const clientBefore = first?.clientBefore ?? process.cpuUsage();
  const started = first?.startedAt ?? performance.now();
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let bytes = 0;
  const count = (answer: ProbeResult) => {
    latencies.push(answer.ms);
    bytes += answer.bytes;
    if (answer.status < 200 || answer.status > 299) non2xx += 1;
  };
  if (first) count(first.answer);
  while (latencies.length + errors === 0 || performance.now() - started < settings.durationSeconds * 1000) {
    try {
      count(await probe(server.port, path, settings.headers));
    } catch {
      errors += 1;
    }
  }
  const wallMs = performance.now() - started;
  const clientCpu = process.cpuUsage(clientBefore);
  const serverAfter = await server.cpu();
  const serverCpuMs =
    (serverAfter.userMicros -
      serverBefore.userMicros +
      serverAfter.systemMicros -
      serverBefore.systemMicros) /
    1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    mode: 'sequential',
    connectionsUsed: 1,
    requestsPerSec: {
      mean: round((1000 * latencies.length) / wallMs, 3),
      stddev: null,
      min: null,
      max: null,
    },
    requestsTotal: latencies.length,
    latencyMs: {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p99: percentile(sorted, 99),
      mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length), 2),
      max: sorted.at(-1) ?? 0,
    },
    errors,
    timeouts: 0,
    non2xx,
    throughputMBPerSec: round(bytes / 1e6 / (wallMs / 1000), 2),
    serverCpuPercent: round((100 * serverCpuMs) / (serverAfter.atMs - serverBefore.atMs)),
    serverCpuMsPerRequest: round(serverCpuMs / Math.max(1, latencies.length), 4),
    clientCpuPercent: round((100 * (clientCpu.user + clientCpu.system)) / 1000 / wallMs),
    serverRssMB: round(serverAfter.rssBytes / 1e6),
    drainAfterWarmupMs,
  };
}
