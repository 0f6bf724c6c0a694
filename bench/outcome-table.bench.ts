/**
 * Benchmark of GET /api/v1/outcome-table beside its baselines, all measured in one run on one
 * machine. Prints one JSON document on stdout; progress goes to stderr.
 *
 *   npm run bench                      # 2 s warm-up + 8 s per scenario
 *   npm run bench -- --quick           # 1 s warm-up + 3 s per scenario
 *   npm run bench -- --duration 5 --warmup 1 --clusters 500 --no-postgres --no-diagnosis
 *
 * Each server runs in a forked child process and autocannon runs here, so on two cores the
 * server and the load generator each have one (see README.md).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  type LoadFigures,
  type LoadSettings,
  measuredProbe,
  probe,
  runLoad,
  runSequential,
} from './lib/load';
import type { ServerSpec, SyntheticSpec } from './lib/protocol';
import { ServerProcess } from './lib/server-process';
import { diagnoseOutcomeTable } from './lib/sql-diagnosis';
import { round } from './lib/synthetic-data';

const REFERENCE_PATH = '/api/v1/outcome-table?from=2002&to=2004';
const NATIONAL_PATH = '/api/v1/outcome-table?from=2002&to=2006';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string', default: '10' },
    clusters: { type: 'string', default: '2000' },
    'no-postgres': { type: 'boolean', default: false },
    'no-diagnosis': { type: 'boolean', default: false },
  },
});

function numberFlag(name: string, raw: string | undefined, fallback: number, minimum = 0): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < minimum) throw new Error(`--${name} must be a number ≥ ${minimum}`);
  return value;
}

const settings: LoadSettings = {
  connections: Math.floor(numberFlag('connections', flags.connections, 10, 1)),
  warmupSeconds: numberFlag('warmup', flags.warmup, flags.quick ? 1 : 2),
  durationSeconds: numberFlag('duration', flags.duration, flags.quick ? 3 : 8, 1),
  timeoutSeconds: 30,
};
const synthetic: SyntheticSpec = {
  clusters: Math.floor(numberFlag('clusters', flags.clusters, 2000, 1)),
  fyFrom: 2002,
  fyTo: 2006,
  seed: 20021,
};

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return null;
  }
}

function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `kcp-bench-${label}-`));
}

interface Scenario {
  id: string;
  description: string;
  engine: 'none' | 'sqlite' | 'postgres';
  request: string;
  /** Rows in the outcome table response and its size, from one GET before the load. */
  response?: { status: number; rows?: number; bytes: number };
  figures: LoadFigures;
}

const scenarios: Scenario[] = [];
const notes: string[] = [];

/**
 * Checks the answer with one GET, then loads the server. When that one GET took so long that each
 * of the concurrent connections could not complete two requests within the run, the scenario is
 * measured sequentially instead (said in `figures.mode`): the single-threaded server's throughput
 * is the same, its latency under `connections` concurrent clients about `connections` times p50.
 */
async function measure(
  server: ServerProcess,
  scenario: Omit<Scenario, 'figures' | 'response'>,
  checkRows: number | null,
): Promise<Scenario> {
  const checked = await measuredProbe(server, scenario.request);
  const first = checked.answer;
  const rows =
    checkRows !== null && first.status === 200
      ? (JSON.parse(first.body) as { rows: unknown[] }).rows.length
      : undefined;
  const response: Scenario['response'] = {
    status: first.status,
    ...(rows !== undefined ? { rows } : {}),
    bytes: first.bytes,
  };
  if (first.status !== 200 || (checkRows !== null && rows !== checkRows))
    notes.push(
      `${scenario.id}: expected 200${checkRows !== null ? ` with ${checkRows} rows` : ''}, got ${first.status}${rows !== undefined ? ` with ${rows} rows` : ''}`,
    );
  const durationMs = settings.durationSeconds * 1000;
  const tooSlow = (ms: number) => ms * settings.connections * 2 > durationMs;
  let slow = tooSlow(first.ms);
  // A first request can be slow only because it is the first one (lazy compilation): ask again.
  if (slow && first.ms < 2000) slow = tooSlow((await probe(server.port, scenario.request)).ms);
  let figures: LoadFigures;
  if (!slow) {
    log(
      `${scenario.id}: ${scenario.request} (${settings.warmupSeconds}s warm-up + ${settings.durationSeconds}s)`,
    );
    figures = await runLoad(server, scenario.request, settings);
  } else if (first.ms >= durationMs) {
    log(`${scenario.id}: one request took ${first.ms} ms, longer than the run: it is the measurement`);
    notes.push(
      `${scenario.id}: one request took ${first.ms} ms, longer than the ${settings.durationSeconds}s run: that single (first) request is the measurement`,
    );
    figures = await runSequential(server, scenario.request, settings, checked);
  } else {
    log(
      `${scenario.id}: one request took ${first.ms} ms: measuring one at a time for ${settings.durationSeconds}s`,
    );
    notes.push(
      `${scenario.id}: one request took ${first.ms} ms, too slow for ${settings.connections} concurrent connections within ${settings.durationSeconds}s; measured one request at a time`,
    );
    figures = await runSequential(server, scenario.request, settings);
  }
  log(
    `${scenario.id}: ${figures.requestsPerSec.mean} req/s, p50 ${figures.latencyMs.p50} ms, p99 ${figures.latencyMs.p99} ms, ` +
      `errors ${figures.errors}, non-2xx ${figures.non2xx}, server CPU ${figures.serverCpuPercent}%`,
  );
  const result: Scenario = { ...scenario, response, figures };
  scenarios.push(result);
  return result;
}

/** Starts the app on an empty data dir and times the first request, which is the first one it ever serves. */
async function startFresh(spec: Extract<ServerSpec, { kind: 'app' }>, firstPath: string) {
  const server = await ServerProcess.start(spec);
  const first = await probe(server.port, firstPath);
  const startup = server.startup!;
  const firstStart = {
    ...startup,
    spawnToListeningMs: server.spawnToReadyMs,
    firstRequest: { path: firstPath, status: first.status, ms: first.ms },
    /** What an operator waits for: empty data dir → migrated, loaded, listening, first answer. */
    totalToFirstAnswerMs: round(server.spawnToReadyMs + first.ms),
  };
  return { server, firstStart };
}

interface PostgresDatabase {
  url: string;
  name: string;
  serverVersion: string;
  drop(): Promise<void>;
}

async function createPostgresDatabase(): Promise<PostgresDatabase | string> {
  const adminUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
    await client.connect();
    try {
      return (await client.query<Record<string, string>>(sql)).rows;
    } finally {
      await client.end().catch(() => undefined);
    }
  };
  const name = `kcp_bench_${randomBytes(6).toString('hex')}`;
  let serverVersion: string;
  try {
    serverVersion = (await admin('show server_version'))[0]?.server_version ?? '';
    await admin(`create database ${name}`);
  } catch (error) {
    return `PostgreSQL at ${adminUrl} did not answer (${error instanceof Error ? error.message : String(error)})`;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    serverVersion,
    drop: async () => {
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

function compare(target: Scenario, ...baselines: Scenario[]) {
  const rps = target.figures.requestsPerSec.mean;
  return {
    scenario: target.id,
    requestsPerSec: rps,
    latencyP50Ms: target.figures.latencyMs.p50,
    latencyP99Ms: target.figures.latencyMs.p99,
    errorsAndNon2xx: target.figures.errors + target.figures.non2xx,
    serverCpuMsPerRequest: target.figures.serverCpuMsPerRequest,
    beside: Object.fromEntries(
      baselines.map((b) => [
        b.id,
        {
          requestsPerSec: b.figures.requestsPerSec.mean,
          latencyP50Ms: b.figures.latencyMs.p50,
          latencyP99Ms: b.figures.latencyMs.p99,
          serverCpuMsPerRequest: b.figures.serverCpuMsPerRequest,
          ratio:
            b.figures.requestsPerSec.mean > 0
              ? Number((rps / b.figures.requestsPerSec.mean).toPrecision(3))
              : null,
        },
      ]),
    ),
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadAtStart = os.loadavg().map((l) => round(l, 2));
  const cleanups: (() => Promise<void> | void)[] = [];
  // One cleanup pass, shared by the normal end, a failure and Ctrl-C (whichever comes first).
  let cleaning: Promise<void> | null = null;
  const runCleanups = () =>
    (cleaning ??= (async () => {
      for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
    })());
  // Ctrl-C still drops the PostgreSQL database and removes the data dirs (the servers exit with us).
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void runCleanups().finally(() => process.exit(130)));
  const firstStart: Record<string, unknown> = {};
  const diagnosis: Record<string, unknown> = {};
  let postgres: { skipped: string } | { serverVersion: string; database: string };

  try {
    // Baseline A: bare node:http.
    log('baseline A: node:http hello world');
    const hello = await ServerProcess.start({ kind: 'hello' });
    const baselineA = await measure(
      hello,
      {
        id: 'baselineA',
        description: 'bare node:http hello world (no framework, no database)',
        engine: 'none',
        request: '/',
      },
      null,
    );
    await hello.stop();

    // Baseline B and target 1: the app on SQLite with the reference data.
    log('SQLite, reference data: first start on an empty data dir');
    const referenceDir = tempDir('sqlite-reference');
    cleanups.push(() => fs.rmSync(referenceDir, { recursive: true, force: true }));
    const reference = await startFresh(
      { kind: 'app', databaseUrl: null, dataDir: referenceDir, synthetic: null, extraSql: [] },
      REFERENCE_PATH,
    );
    firstStart.sqlite = reference.firstStart;
    const baselineB = await measure(
      reference.server,
      {
        id: 'baselineB',
        description: 'GET /healthz of the built app: every plugin and hook, plus one `select 1` (SQLite)',
        engine: 'sqlite',
        request: '/healthz',
      },
      null,
    );
    const target1 = await measure(
      reference.server,
      {
        id: 'target1',
        description: 'outcome table FY2002–FY2004 on SQLite with the reference data (18 clusters)',
        engine: 'sqlite',
        request: REFERENCE_PATH,
      },
      18,
    );
    await reference.server.stop();

    // Target 2: SQLite at national scale.
    log(`SQLite, national scale: inserting ${synthetic.clusters} synthetic clusters`);
    const nationalDir = tempDir('sqlite-national');
    cleanups.push(() => fs.rmSync(nationalDir, { recursive: true, force: true }));
    const national = await ServerProcess.start({
      kind: 'app',
      databaseUrl: null,
      dataDir: nationalDir,
      synthetic,
      extraSql: [],
    });
    const dataset = {
      synthetic: { ...synthetic, ...national.synthetic },
      plusReferenceClusters: 18,
      publishedClustersInRange: synthetic.clusters + 18,
    };
    const target2 = await measure(
      national,
      {
        id: 'target2',
        description: `outcome table FY2002–FY2006 on SQLite with ${synthetic.clusters} synthetic clusters × 5 yearly reports × 13 indicators + the reference data`,
        engine: 'sqlite',
        request: NATIONAL_PATH,
      },
      synthetic.clusters + 18,
    );
    await national.stop();

    const targets = [compare(target1, baselineA, baselineB), compare(target2, baselineA, baselineB, target1)];

    if (!flags['no-diagnosis']) {
      log('diagnosis on scratch copies: query plans, stage timings, proposed index, sums in SQL');
      diagnosis.target1 = await diagnoseOutcomeTable(referenceDir, 2002, 2004);
      diagnosis.target2 = await diagnoseOutcomeTable(nationalDir, 2002, 2006);
    }

    // Target 3: PostgreSQL with the reference data, if a server answers.
    if (flags['no-postgres']) {
      postgres = { skipped: '--no-postgres' };
    } else {
      const created = await createPostgresDatabase();
      if (typeof created === 'string') {
        postgres = { skipped: created };
        log(`target 3 skipped: ${created}`);
      } else {
        cleanups.push(() => created.drop());
        postgres = { serverVersion: created.serverVersion, database: `${created.name} (dropped afterwards)` };
        log('PostgreSQL, reference data: first start on an empty database');
        const postgresDir = tempDir('postgres');
        cleanups.push(() => fs.rmSync(postgresDir, { recursive: true, force: true }));
        const onPostgres = await startFresh(
          { kind: 'app', databaseUrl: created.url, dataDir: postgresDir, synthetic: null, extraSql: [] },
          REFERENCE_PATH,
        );
        firstStart.postgres = onPostgres.firstStart;
        const baselineBPg = await measure(
          onPostgres.server,
          {
            id: 'baselineBPostgres',
            description: 'GET /healthz of the built app on PostgreSQL (one `select 1` round trip)',
            engine: 'postgres',
            request: '/healthz',
          },
          null,
        );
        const target3 = await measure(
          onPostgres.server,
          {
            id: 'target3',
            description:
              'outcome table FY2002–FY2004 on PostgreSQL (same machine, pool of 10) with the reference data',
            engine: 'postgres',
            request: REFERENCE_PATH,
          },
          18,
        );
        await onPostgres.server.stop();
        targets.push(compare(target3, baselineA, baselineBPg, target1));
      }
    }

    const cpus = os.cpus();
    const loadAtEnd = os.loadavg().map((l) => round(l, 2));
    if (Math.max(loadAtStart[0] ?? 0, loadAtEnd[0] ?? 0) > cpus.length / 2)
      notes.push(
        `other processes were busy during the run (1-minute load average ${loadAtStart[0]} at start, ${loadAtEnd[0]} at end, on ${cpus.length} cores): compare figures with their baselines from this run, not with other runs`,
      );
    const report = {
      benchmark: 'GET /api/v1/outcome-table',
      date: new Date().toISOString(),
      gitCommit: gitCommit(),
      node: process.version,
      cpus: { count: cpus.length, model: cpus[0]?.model ?? null },
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      totalMemoryGB: round(os.totalmem() / 1e9),
      loadAverage1m5m15m: { atStart: loadAtStart, atEnd: loadAtEnd },
      method: {
        server:
          'child process: each server (node:http, or the app built with buildApp) is forked with node --import tsx ' +
          'and listens on 127.0.0.1; autocannon runs in the parent process, so on 2 cores the server and the ' +
          'load generator each get one core and neither steals the other’s event loop',
        loadGenerator: 'autocannon 8',
        connections: settings.connections,
        pipelining: 1,
        warmupSeconds: settings.warmupSeconds,
        durationSeconds: settings.durationSeconds,
        timeoutSeconds: settings.timeoutSeconds,
        betweenRuns:
          'after each warm-up the server is polled until it has been idle for 150 ms, so requests left in flight do not spill into the measured run',
        targets:
          'each target with its baselines beside it; ratio = target req/s ÷ that baseline’s req/s, both from this run. ' +
          'serverCpuMsPerRequest (server CPU time ÷ requests completed) is the figure least disturbed by other processes on the machine',
        figures:
          'requestsPerSec.mean is autocannon’s mean of per-second samples; latency in ms; serverCpuPercent = server CPU time / wall time (100 = one core)',
      },
      targets,
      scenarios,
      firstStart,
      dataset,
      postgres,
      diagnosis,
      notes,
      runSeconds: 0,
    };
    report.runSeconds = round((performance.now() - started) / 1000);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    await runCleanups();
  }
}

await main();
