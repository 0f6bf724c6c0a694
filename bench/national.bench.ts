/**
 * National-scale benchmark (issue 3, Speed): a synthetic data set of 1,000 clusters × 10 fiscal
 * years × 1,000,000 outcome items, then
 *   1. import throughput through the real import path against raw better-sqlite3 inserts of the
 *      same rows in one transaction, and the latency of a small request while the import runs in
 *      the server against the same request on the idle server;
 *   2. the outcome-table and analytics endpoints at 50 connections against a bare Fastify route
 *      returning the same JSON from memory.
 * Prints one JSON document on stdout; progress goes to stderr.
 *
 *   npm run -s bench:national                     # full scale (minutes; the data set alone is ~1 GB)
 *   npm run -s bench:national -- --quick          # 100,000 import rows, 1 s warm-up + 3 s per scenario
 *   npm run -s bench:national -- --quick --clusters 50 --items 20000 --import-rows 5000
 *
 * Each server runs in a forked child process and autocannon runs here (see README.md).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bootstrap } from '../src/server/bootstrap';
import { openDatabase, sqliteFileOf } from '../src/server/db/database';
import {
  measureImportOverHttp,
  measureImportPath,
  measureRawInserts,
  writeImportFile,
} from './lib/national-import';
import { insertNationalData, type NationalResult, type NationalSpec } from './lib/national-data';
import {
  type LoadFigures,
  type LoadSettings,
  measuredProbe,
  probe,
  runLoad,
  runSequential,
} from './lib/load';
import { ServerProcess } from './lib/server-process';
import { BENCH_OFFICER, createBenchOfficer, SessionClient } from './lib/session';
import { round } from './lib/synthetic-data';

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    clusters: { type: 'string' },
    items: { type: 'string' },
    'import-rows': { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    connections: { type: 'string' },
    'no-import': { type: 'boolean', default: false },
    'no-import-http': { type: 'boolean', default: false },
    'no-endpoints': { type: 'boolean', default: false },
  },
});

function numberFlag(name: string, raw: string | undefined, fallback: number, minimum = 0): number {
  if (raw === undefined) return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(value) || value < minimum) throw new Error(`--${name} must be a number ≥ ${minimum}`);
  return value;
}

const FY_FROM = 2002;
const FY_TO = 2011;
const spec: NationalSpec = {
  clusters: Math.floor(numberFlag('clusters', flags.clusters, 1000, 1)),
  fyFrom: FY_FROM,
  fyTo: FY_TO,
  items: Math.floor(numberFlag('items', flags.items, 1_000_000)),
  seed: 2002_2011,
};
const importRowCount = Math.floor(
  numberFlag('import-rows', flags['import-rows'], flags.quick ? 100_000 : 1_000_000, 1),
);
const settings: LoadSettings = {
  connections: Math.floor(numberFlag('connections', flags.connections, 50, 1)),
  warmupSeconds: numberFlag('warmup', flags.warmup, flags.quick ? 1 : 2),
  durationSeconds: numberFlag('duration', flags.duration, flags.quick ? 3 : 8, 1),
  timeoutSeconds: 30,
};

/** The aims of the issue: at least half the baseline's rate; p99 under 50 ms at 50 connections. */
const AIM_RATIO = 0.5;
const AIM_P99_MS = 50;

function log(message: string): void {
  process.stderr.write(`[bench:national] ${message}\n`);
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
  return fs.mkdtempSync(path.join(os.tmpdir(), `kcp-bench-national-${label}-`));
}

/** Copies a closed SQLite data set (the database file, and its WAL if one was left). */
function copyDataSet(from: string, to: string): void {
  for (const suffix of ['', '-wal']) {
    const file = sqliteFileOf(from) + suffix;
    if (fs.existsSync(file)) fs.copyFileSync(file, sqliteFileOf(to) + suffix);
  }
}

/** Builds a data set in `dataDir`: migrations, reference data, the benchmark officer, the national data. */
async function buildDataSet(dataDir: string, dataSpec: NationalSpec): Promise<NationalResult> {
  const database = openDatabase({ databaseUrl: null, dataDir });
  try {
    await bootstrap(database, { createFirstAdmin: false });
    await createBenchOfficer(database);
    const inserted = insertNationalData(database.sqlite!, dataSpec);
    // Fresh statistics, as a long-running deployment would have after its automatic optimize.
    database.sqlite!.exec('analyze');
    return inserted;
  } finally {
    await database.close();
  }
}

// --- endpoints ------------------------------------------------------------------------------

interface Endpoint {
  id: string;
  request: string;
  description: string;
}

const RANGE = `from=${FY_FROM}&to=${FY_TO}`;

/** The outcome table and the analytics routes (src/server/modules/analytics/analytics.routes.ts). */
const ENDPOINTS: Endpoint[] = [
  {
    id: 'outcomeTable',
    request: `/api/v1/outcome-table?${RANGE}`,
    description: `outcome table FY${FY_FROM}–FY${FY_TO}: every published cluster × 13 indicators, with totals`,
  },
  {
    id: 'analyticsByCluster',
    request: `/api/v1/analytics/indicator?indicator=papers_domestic&${RANGE}&groupBy=cluster`,
    description: 'analytics: domestic papers per cluster and fiscal year, ranked (raw)',
  },
  {
    id: 'analyticsPer100m',
    request: `/api/v1/analytics/indicator?indicator=patents_domestic_applied&${RANGE}&groupBy=cluster&normalise=per100m`,
    description:
      'analytics: domestic patent applications per ¥100M of MEXT subsidy, per cluster (budget ledger join)',
  },
  {
    id: 'analyticsByKeyFieldPerResearcher',
    request: `/api/v1/analytics/indicator?indicator=sales&${RANGE}&groupBy=keyField&normalise=perResearcher`,
    description: 'analytics: sales per researcher, grouped by key field',
  },
  {
    id: 'analyticsMap',
    request: `/api/v1/analytics/map?indicator=papers_abroad&${RANGE}`,
    description: 'analytics: papers abroad per published cluster and per prefecture (map of Japan)',
  },
];

interface EndpointResult {
  id: string;
  description: string;
  request: string;
  /** Anonymous, or with the benchmark officer's session when the route answers 401/403 without one. */
  signedIn: boolean;
  response: { status: number; bytes: number };
  app: LoadFigures;
  bare: LoadFigures | null;
  ratio: number | null;
  aims: { ratioAtLeast: number; p99UnderMs: number; ratioMet: boolean | null; p99Met: boolean };
}

const notes: string[] = [];

/**
 * Loads one server with `connections` keep-alive connections. When a single request takes so long
 * that the run would leave minutes of queued work behind (one request × connections > 4 × the run),
 * it is measured one request at a time instead, and `notes` says so: the single-threaded server's
 * throughput is the same, its p99 at `connections` connections about `connections` × p50.
 */
async function load(
  id: string,
  server: ServerProcess,
  request: string,
  headers: Record<string, string> | undefined,
): Promise<LoadFigures> {
  const loadSettings = { ...settings, ...(headers ? { headers } : {}) };
  const first = await measuredProbe(server, request, headers);
  if (first.answer.ms * settings.connections <= 4 * settings.durationSeconds * 1000) {
    log(
      `${id}: ${request} (${settings.warmupSeconds}s warm-up + ${settings.durationSeconds}s, ${settings.connections} connections)`,
    );
    return runLoad(server, request, loadSettings);
  }
  notes.push(
    `${id}: one request took ${first.answer.ms} ms; ${settings.connections} connections would queue ${round((first.answer.ms * settings.connections) / 1000)} s of work per round, so it was measured one request at a time (p99 at ${settings.connections} connections ≈ ${settings.connections} × p50)`,
  );
  log(`${id}: one request took ${first.answer.ms} ms: measuring one at a time`);
  return runSequential(
    server,
    request,
    loadSettings,
    first.answer.ms >= settings.durationSeconds * 1000 ? first : undefined,
  );
}

function summary(figures: LoadFigures): string {
  return `${figures.requestsPerSec.mean} req/s, p50 ${figures.latencyMs.p50} ms, p99 ${figures.latencyMs.p99} ms, errors ${figures.errors}, non-2xx ${figures.non2xx}`;
}

async function measureEndpoints(
  dataDir: string,
  scratch: string,
): Promise<{ results: EndpointResult[]; skipped: { id: string; request: string; reason: string }[] }> {
  const endpoints = ENDPOINTS;
  const skipped: { id: string; request: string; reason: string }[] = [];
  const bodies: {
    endpoint: Endpoint;
    file: string;
    contentType: string;
    signedIn: boolean;
    status: number;
    bytes: number;
  }[] = [];

  log('endpoints: starting the app on the national data set');
  const app = await ServerProcess.start({
    kind: 'app',
    databaseUrl: null,
    dataDir,
    synthetic: null,
    extraSql: [],
  });
  const results: EndpointResult[] = [];
  try {
    const session = new SessionClient(`http://127.0.0.1:${app.port}`);
    let signedIn = false;
    // Fetch each body once: it is the answer the bare route will serve.
    for (const endpoint of endpoints) {
      let answer = await probe(app.port, endpoint.request);
      let withSession = false;
      if (answer.status === 401 || answer.status === 403) {
        if (!signedIn) {
          await session.signIn(BENCH_OFFICER.email, BENCH_OFFICER.password);
          signedIn = true;
        }
        answer = await probe(app.port, endpoint.request, session.cookieHeader());
        withSession = true;
      }
      if (answer.status !== 200) {
        skipped.push({
          id: endpoint.id,
          request: endpoint.request,
          reason: `the app answered ${answer.status}: ${answer.body.slice(0, 300)}`,
        });
        log(`${endpoint.id} skipped: status ${answer.status}`);
        continue;
      }
      const file = path.join(scratch, `${endpoint.id}.json`);
      fs.writeFileSync(file, answer.body);
      bodies.push({
        endpoint,
        file,
        contentType: 'application/json; charset=utf-8',
        signedIn: withSession,
        status: answer.status,
        bytes: answer.bytes,
      });
    }

    const appFigures = new Map<string, LoadFigures>();
    for (const body of bodies) {
      const figures = await load(
        body.endpoint.id,
        app,
        body.endpoint.request,
        body.signedIn ? session.cookieHeader() : undefined,
      );
      log(`${body.endpoint.id} (app): ${summary(figures)}`);
      appFigures.set(body.endpoint.id, figures);
    }
    await app.stop();

    log('endpoints: bare Fastify serving the same bodies from memory');
    const bare = await ServerProcess.start({
      kind: 'static',
      routes: bodies.map((b) => ({ url: b.endpoint.request, file: b.file, contentType: b.contentType })),
    });
    try {
      for (const body of bodies) {
        const check = await probe(bare.port, body.endpoint.request);
        if (check.bytes !== body.bytes)
          throw new Error(
            `bare route for ${body.endpoint.id} served ${check.bytes} bytes, expected ${body.bytes}`,
          );
        const bareFigures = await load(`${body.endpoint.id}Bare`, bare, body.endpoint.request, undefined);
        log(`${body.endpoint.id} (bare Fastify): ${summary(bareFigures)}`);
        const appResult = appFigures.get(body.endpoint.id)!;
        const ratio =
          bareFigures.requestsPerSec.mean > 0
            ? Number((appResult.requestsPerSec.mean / bareFigures.requestsPerSec.mean).toPrecision(3))
            : null;
        results.push({
          id: body.endpoint.id,
          description: body.endpoint.description,
          request: body.endpoint.request,
          signedIn: body.signedIn,
          response: { status: body.status, bytes: body.bytes },
          app: appResult,
          bare: bareFigures,
          ratio,
          aims: {
            ratioAtLeast: AIM_RATIO,
            p99UnderMs: AIM_P99_MS,
            ratioMet: ratio === null ? null : ratio >= AIM_RATIO,
            p99Met: appResult.mode === 'autocannon' && appResult.latencyMs.p99 < AIM_P99_MS,
          },
        });
      }
    } finally {
      await bare.stop();
    }
  } finally {
    await app.stop();
  }
  return { results, skipped };
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadAtStart = os.loadavg().map((l) => round(l, 2));
  const cleanups: (() => Promise<void> | void)[] = [];
  let cleaning: Promise<void> | null = null;
  const runCleanups = () =>
    (cleaning ??= (async () => {
      for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => undefined);
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void runCleanups().finally(() => process.exit(130)));

  try {
    const scratch = tempDir('scratch');
    cleanups.push(() => fs.rmSync(scratch, { recursive: true, force: true }));

    log(
      `data set: ${spec.clusters} clusters × FY${spec.fyFrom}–FY${spec.fyTo} × ${spec.items} outcome items`,
    );
    const nationalDir = tempDir('data');
    cleanups.push(() => fs.rmSync(nationalDir, { recursive: true, force: true }));
    const buildStarted = performance.now();
    const inserted = await buildDataSet(nationalDir, spec);
    const dataset = {
      spec,
      plusReferenceData: 'the 18 reference clusters and their FY2002–FY2004 reports',
      inserted,
      buildMs: round(performance.now() - buildStarted),
      sqliteFileMB: round(fs.statSync(sqliteFileOf(nationalDir)).size / 1e6),
    };
    log(`data set built in ${dataset.buildMs} ms (${dataset.sqliteFileMB} MB): ${JSON.stringify(inserted)}`);

    let importReport: Record<string, unknown>;
    if (flags['no-import']) {
      importReport = { skipped: '--no-import' };
    } else {
      // The import goes into the same clusters' reports, as drafts (an accepted report is locked)
      // and without the data set's items: loading a year's evidence for a national programme.
      log('import: building the import base (the data set with draft reports and no items)');
      const baseDir = tempDir('import-base');
      cleanups.push(() => fs.rmSync(baseDir, { recursive: true, force: true }));
      await buildDataSet(baseDir, { ...spec, items: 0, reportStatus: 'draft' });

      const file = path.join(scratch, `outcome-items-${importRowCount}.csv`);
      log(`import: writing ${importRowCount} rows to ${file}`);
      const written = await writeImportFile(file, spec, importRowCount);

      const rawDir = tempDir('import-raw');
      cleanups.push(() => fs.rmSync(rawDir, { recursive: true, force: true }));
      copyDataSet(baseDir, rawDir);
      log('import: raw better-sqlite3 inserts of the same rows in one transaction');
      const raw = measureRawInserts(rawDir, spec, importRowCount);
      log(`import: raw ${raw.rowsPerSec} rows/s`);
      fs.rmSync(rawDir, { recursive: true, force: true });

      const pathDir = tempDir('import-path');
      cleanups.push(() => fs.rmSync(pathDir, { recursive: true, force: true }));
      copyDataSet(baseDir, pathDir);
      log('import: the real import path (createImport → validation → commitImport → commit)');
      const importPath = await measureImportPath(pathDir, file, importRowCount);
      log(
        `import: import path ${'failed' in importPath ? `FAILED: ${importPath.failed}` : `${importPath.rowsPerSec} rows/s`}`,
      );
      fs.rmSync(pathDir, { recursive: true, force: true });

      let overHttp: Record<string, unknown>;
      if (flags['no-import-http']) {
        overHttp = { skipped: '--no-import-http' };
      } else {
        const httpDir = tempDir('import-http');
        cleanups.push(() => fs.rmSync(httpDir, { recursive: true, force: true }));
        copyDataSet(baseDir, httpDir);
        log('import over HTTP: the same file uploaded to the running app, GET /healthz probed meanwhile');
        overHttp = await measureImportOverHttp(httpDir, file, importRowCount, log);
        fs.rmSync(httpDir, { recursive: true, force: true });
      }

      const ratio =
        'failed' in importPath || raw.rowsPerSec <= 0
          ? null
          : Number((importPath.rowsPerSec / raw.rowsPerSec).toPrecision(3));
      const commitOnlyRatio =
        'failed' in importPath || raw.rowsPerSec <= 0
          ? null
          : Number((importPath.commitRowsPerSec / raw.rowsPerSec).toPrecision(3));
      importReport = {
        rows: importRowCount,
        file: written,
        raw,
        importPath,
        ratio,
        commitOnlyRatio,
        aim: { ratioAtLeast: AIM_RATIO, met: ratio === null ? null : ratio >= AIM_RATIO },
        overHttp,
      };
    }

    let endpoints: Record<string, unknown>;
    if (flags['no-endpoints']) {
      endpoints = { skipped: '--no-endpoints' };
    } else {
      const measured = await measureEndpoints(nationalDir, scratch);
      endpoints = { connections: settings.connections, ...measured };
    }

    const cpus = os.cpus();
    const loadAtEnd = os.loadavg().map((l) => round(l, 2));
    if (Math.max(loadAtStart[0] ?? 0, loadAtEnd[0] ?? 0) > cpus.length / 2)
      notes.push(
        `other processes were busy during the run (1-minute load average ${loadAtStart[0]} at start, ${loadAtEnd[0]} at end, on ${cpus.length} cores): compare figures with their baselines from this run, not with other runs`,
      );
    const report = {
      benchmark: 'national scale: import throughput and endpoints (issue 3, Speed)',
      date: new Date().toISOString(),
      gitCommit: gitCommit(),
      node: process.version,
      cpus: { count: cpus.length, model: cpus[0]?.model ?? null },
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      totalMemoryGB: round(os.totalmem() / 1e9),
      loadAverage1m5m15m: { atStart: loadAtStart, atEnd: loadAtEnd },
      method: {
        engine: 'SQLite (better-sqlite3, WAL) for every figure',
        server:
          'child process: the app (buildApp) and the bare Fastify baseline are each forked with node --import tsx; ' +
          'autocannon runs in the parent, so on 2 cores the server and the load generator each get one core',
        loadGenerator: 'autocannon 8',
        connections: settings.connections,
        pipelining: 1,
        warmupSeconds: settings.warmupSeconds,
        durationSeconds: settings.durationSeconds,
        endpointBaseline:
          'each endpoint’s JSON body is fetched once from the app, then served from memory by a bare Fastify route (no plugins, hooks or schemas); ratio = app req/s ÷ bare req/s from this run',
        importBaseline:
          'raw: the same rows (same generator, same seed) inserted through one better-sqlite3 prepared statement in one transaction, report ids looked up from a Map built before timing; ' +
          'ratio = import-path rows/s ÷ raw rows/s, both on copies of the same data set',
      },
      dataset,
      import: importReport,
      endpoints,
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
