/**
 * The import scenario of the national benchmark: an outcome-item CSV file in the importer's
 * format, the real import path (validate + commit) timed on it, and the baseline of raw
 * better-sqlite3 inserts of the same rows in one transaction.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { ImportJobDetail } from '../../src/contracts/imports';
import { OUTCOME_ITEM_FIELDS } from '../../src/domain/import/kinds';
import type { OutcomeItem } from '../../src/domain/outcome-items';
import { systemContext } from '../../src/server/context';
import { openDatabase, sqliteFileOf } from '../../src/server/db/database';
import { ImportRunner } from '../../src/server/modules/imports/import-runner';
import { commitImport, createImport, getImport } from '../../src/server/modules/imports/import.service';
import {
  type ImportColumn,
  type ImportRow,
  importRows,
  INSERT_ITEM_SQL,
  itemParameters,
  type NationalSpec,
  writeImportCsv,
} from './national-data';
import { type PacedFigures, startPacedProbe } from './paced-probe';
import { ServerProcess } from './server-process';
import { BENCH_OFFICER, SessionClient } from './session';
import { round } from './synthetic-data';

export interface RawInsertFigures {
  rows: number;
  /** Time inside the transaction: the inserts and the commit; generating the rows is not counted. */
  insertMs: number;
  rowsPerSec: number;
}

/** Opens the data set's SQLite file with the app's pragmas (database.ts). */
function openLikeTheApp(dataDir: string): SqliteDatabase.Database {
  const sqlite = new SqliteDatabase(sqliteFileOf(dataDir));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return sqlite;
}

/**
 * The raw baseline: the import file's rows (regenerated from the same seed, not parsed) inserted
 * through one prepared statement in one transaction. Rows are generated in chunks outside the
 * timed parts, so only the inserts and the commit count.
 */
export function measureRawInserts(dataDir: string, spec: NationalSpec, rows: number): RawInsertFigures {
  const sqlite = openLikeTheApp(dataDir);
  try {
    const reports = new Map<string, { reportId: number; clusterId: number }>();
    for (const r of sqlite
      .prepare(
        `select c.key, r.fy_from, r.id as report_id, c.id as cluster_id
           from outcome_reports r join clusters c on c.id = r.cluster_id
          where r.fy_from = r.fy_to`,
      )
      .all() as { key: string; fy_from: number; report_id: number; cluster_id: number }[])
      reports.set(`${r.key}|${r.fy_from}`, { reportId: r.report_id, clusterId: r.cluster_id });
    const insert = sqlite.prepare(INSERT_ITEM_SQL);
    const now = new Date().toISOString();
    const source = importRows(spec, rows);
    const chunk: (string | number | null)[][] = [];
    let timedMs = 0;
    let inserted = 0;
    let begun = performance.now();
    sqlite.exec('begin');
    timedMs += performance.now() - begun;
    const fill = () => {
      chunk.length = 0;
      while (chunk.length < 50_000) {
        const next = source.next();
        if (next.done) break;
        const row = next.value;
        const report = reports.get(`${row.clusterKey}|${row.fiscalYear}`);
        if (!report) throw new Error(`no report for ${row.clusterKey} FY${row.fiscalYear}`);
        chunk.push(
          itemParameters(report.reportId, report.clusterId, row.fiscalYear, row.item, row.naturalKey, now),
        );
      }
      return chunk.length;
    };
    while (fill() > 0) {
      begun = performance.now();
      for (const parameters of chunk) insert.run(...parameters);
      timedMs += performance.now() - begun;
      inserted += chunk.length;
    }
    begun = performance.now();
    sqlite.exec('commit');
    timedMs += performance.now() - begun;
    const count = sqlite.prepare('select count(*) from outcome_items').pluck().get() as number;
    if (count !== rows) throw new Error(`raw inserts left ${count} outcome items, expected ${rows}`);
    return { rows: inserted, insertMs: round(timedMs), rowsPerSec: round((1000 * inserted) / timedMs) };
  } finally {
    sqlite.close();
  }
}

/**
 * The columns of an outcome-item import file, taken from the importer's own field list
 * (src/domain/import/kinds.ts), headed by each field's key; the cluster is named by its key.
 */
export const IMPORT_COLUMNS: readonly ImportColumn[] = OUTCOME_ITEM_FIELDS.map((field) => ({
  header: field.key,
  value: (row: ImportRow) =>
    field.key === 'cluster'
      ? row.clusterKey
      : field.key === 'fiscalYear'
        ? row.fiscalYear
        : (row.item[field.key as keyof OutcomeItem] ?? null),
}));

export async function writeImportFile(file: string, spec: NationalSpec, rows: number) {
  return writeImportCsv(file, IMPORT_COLUMNS, importRows(spec, rows));
}

function countItems(dataDir: string): number {
  const sqlite = new SqliteDatabase(sqliteFileOf(dataDir), { readonly: true });
  try {
    return sqlite.prepare('select count(*) from outcome_items').pluck().get() as number;
  } finally {
    sqlite.close();
  }
}

/** What a job that did not end as expected said: its status and its first problems. */
function jobFailure(job: ImportJobDetail, expected: string): string {
  const problems = job.problems
    .slice(0, 5)
    .map((p) => `row ${p.row ?? '-'} ${p.column ?? ''}: ${p.message.en}`)
    .join('; ');
  return `expected the job to be ${expected}, it is ${job.status} (${job.errorCount} errors, ${job.warningCount} warnings${problems ? `: ${problems}` : ''})`;
}

export type ImportPathFigures =
  | {
      rows: number;
      /** createImport: the file streamed into the data dir's import store, hashed, format and encoding detected. */
      storeMs: number;
      /** The background validation pass (the preview): read, parse, plan every row, write nothing. */
      validateMs: number;
      /** commitImport until the job is committed: the second pass writing every row in one transaction. */
      commitMs: number;
      totalMs: number;
      /** rows ÷ (store + validate + commit): the figure set beside the raw inserts. */
      rowsPerSec: number;
      /** rows ÷ commit alone. */
      commitRowsPerSec: number;
      summary: ImportJobDetail['summary'];
      warnings: number;
    }
  | { failed: string };

/**
 * The real import path, in this process, on a copy of the import base: the service functions the
 * routes and the CLI call (createImport → background validation → commitImport → background
 * commit), with the runner the app uses, acting as the system (every cluster in scope).
 */
export async function measureImportPath(
  dataDir: string,
  file: string,
  rows: number,
): Promise<ImportPathFigures> {
  const database = openDatabase({ databaseUrl: null, dataDir });
  const runner = new ImportRunner(database, dataDir, Number.MAX_SAFE_INTEGER);
  const ctx = systemContext(database.db, 'bench');
  const page = { limit: 20, offset: 0 };
  try {
    const started = performance.now();
    const job = await createImport(ctx, runner, {
      kind: 'outcome-items',
      fileName: path.basename(file),
      stream: fs.createReadStream(file),
      isTruncated: () => false,
    });
    const stored = performance.now();
    await runner.idle();
    const validated = await getImport(ctx, runner, job.id, page);
    const validatedAt = performance.now();
    if (validated.status !== 'validated') return { failed: jobFailure(validated, 'validated') };
    await commitImport(ctx, runner, job.id, validated.version);
    await runner.idle();
    const committed = await getImport(ctx, runner, job.id, page);
    const finished = performance.now();
    if (committed.status !== 'committed') return { failed: jobFailure(committed, 'committed') };
    const inStore = countItems(dataDir);
    if (inStore !== rows) return { failed: `the import left ${inStore} outcome items, expected ${rows}` };
    const totalMs = finished - started;
    return {
      rows,
      storeMs: round(stored - started),
      validateMs: round(validatedAt - stored),
      commitMs: round(finished - validatedAt),
      totalMs: round(totalMs),
      rowsPerSec: round((1000 * rows) / totalMs),
      commitRowsPerSec: round((1000 * rows) / (finished - validatedAt)),
      summary: committed.summary,
      warnings: committed.warningCount,
    };
  } finally {
    await runner.stop();
    await database.close();
  }
}

/** Streams the file to POST /api/v1/imports as multipart/form-data (field `kind` first, then `file`). */
function upload(
  port: number,
  headers: Record<string, string>,
  file: string,
): Promise<{ status: number; body: string }> {
  const boundary = `----kcp-bench-${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\noutcome-items\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\n` +
      'Content-Type: text/csv\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const length = head.length + fs.statSync(file).size + tail.length;
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/imports',
        headers: {
          ...headers,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(length),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.write(head);
    const body = fs.createReadStream(file);
    body.on('error', reject);
    body.on('end', () => request.end(tail));
    body.pipe(request, { end: false });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The small request probed while the import runs, and how often. */
const PROBE_PATH = '/healthz';
const PROBE_INTERVAL_MS = 20;
const IDLE_PROBE_MS = 3000;
const POLL_MS = 250;

/**
 * The same file uploaded to the running app (a child process) by a signed-in programme officer,
 * validated and committed as background jobs, while GET /healthz is sent every 20 ms: its latency
 * on the idle server, during upload + validation, and during the commit.
 */
export async function measureImportOverHttp(
  dataDir: string,
  file: string,
  rows: number,
  log: (message: string) => void,
): Promise<Record<string, unknown>> {
  const server = await ServerProcess.start({
    kind: 'app',
    databaseUrl: null,
    dataDir,
    synthetic: null,
    extraSql: [],
    // The file of a national import is larger than the app's default upload limit.
    importMaxBytes: fs.statSync(file).size + 1024 * 1024,
  });
  try {
    const client = new SessionClient(`http://127.0.0.1:${server.port}`);
    await client.signIn(BENCH_OFFICER.email, BENCH_OFFICER.password);
    const job = async (id: number) =>
      (await (await client.fetch(`/api/v1/imports/${id}?problemsLimit=20`)).json()) as ImportJobDetail;
    const until = async (id: number, done: (j: ImportJobDetail) => boolean) => {
      let polls = 0;
      for (;;) {
        const current = await job(id);
        polls += 1;
        if (done(current)) return { job: current, polls };
        await sleep(POLL_MS);
      }
    };

    await server.quiesce();
    let probe = startPacedProbe(server.port, PROBE_PATH, PROBE_INTERVAL_MS);
    await sleep(IDLE_PROBE_MS);
    const idle = await probe.stop();

    log(`import over HTTP: uploading ${path.basename(file)}`);
    probe = startPacedProbe(server.port, PROBE_PATH, PROBE_INTERVAL_MS);
    const started = performance.now();
    const uploaded = await upload(server.port, client.writeHeaders(), file);
    const uploadedAt = performance.now();
    if (uploaded.status !== 202) {
      await probe.stop();
      return { failed: `upload answered ${uploaded.status}: ${uploaded.body.slice(0, 500)}` };
    }
    const id = (JSON.parse(uploaded.body) as { id: number }).id;
    const validation = await until(id, (j) => !['queued', 'validating'].includes(j.status));
    const validatedAt = performance.now();
    const duringValidation = await probe.stop();
    if (validation.job.status !== 'validated')
      return { failed: jobFailure(validation.job, 'validated'), idle, duringValidation };

    log('import over HTTP: committing');
    probe = startPacedProbe(server.port, PROBE_PATH, PROBE_INTERVAL_MS);
    const commitStarted = performance.now();
    const commit = await client.fetch(`/api/v1/imports/${id}/commit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ version: validation.job.version }),
    });
    if (commit.status !== 202) {
      await probe.stop();
      return { failed: `commit answered ${commit.status}: ${(await commit.text()).slice(0, 500)}` };
    }
    const committed = await until(id, (j) => j.status !== 'committing');
    const finished = performance.now();
    const duringCommit = await probe.stop();
    if (committed.job.status !== 'committed')
      return { failed: jobFailure(committed.job, 'committed'), idle, duringValidation, duringCommit };

    const totalMs = finished - started;
    const p99 = (f: PacedFigures) => f.latencyMs.p99;
    return {
      rows,
      uploadMs: round(uploadedAt - started),
      validateMs: round(validatedAt - uploadedAt),
      commitMs: round(finished - commitStarted),
      totalMs: round(totalMs),
      rowsPerSec: round((1000 * rows) / totalMs),
      pollEveryMs: POLL_MS,
      concurrentRequest: {
        request: `GET ${PROBE_PATH} every ${PROBE_INTERVAL_MS} ms (open loop: sent on schedule whether or not the previous one answered)`,
        idle,
        duringUploadAndValidation: duringValidation,
        duringCommit,
        p99RatioToIdle: {
          duringUploadAndValidation:
            idle.latencyMs.p99 > 0 ? round(p99(duringValidation) / p99(idle), 1) : null,
          duringCommit: idle.latencyMs.p99 > 0 ? round(p99(duringCommit) / p99(idle), 1) : null,
        },
      },
    };
  } finally {
    await server.stop();
  }
}
