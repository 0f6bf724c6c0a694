/**
 * The validated plan of an outcome-item import: the rows the preview decided to write, kept in a
 * file beside the upload (KCP_DATA_DIR/imports/plans/<job id>-<sha256>.rows, one JSON array of row
 * tuples per chunk, and a .json of what the plan depended on, written last). The commit applies
 * it instead of reading, parsing and planning the whole file again — but only after checking,
 * inside its transaction, that nothing the preview's decisions rested on has moved: the same
 * clusters, the same import scope, and every report the rows go into still the same report at the
 * same status and version (a report's version goes up with every change of it or its items), and
 * none created where the preview planned a new draft. Otherwise the commit runs the full pass, so
 * a report accepted since the preview still fails the commit. See docs/decisions/0006-imports.md.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ImportProblem } from '../../../domain/import/problems';
import type { Db } from '../../context';
import type SqliteDatabase from 'better-sqlite3';
import type { ImportJobRow } from './import-job.table';
import type { IndicatorKey } from '../../../domain/indicators';
import { deriveIndicatorValues } from '../../../domain/outcome-items';
import { domainItem } from './import-finalize';
import { type DerivedValues, newPassState, type TableCounts } from './import-plan';
import { itemsWhenPlanned } from './plan-outcome-items';
import type { PassResult } from './import-pass';
import {
  findSingleYearReports,
  type ImportCluster,
  insertDraftReport,
  listClustersForImport,
  upsertItemParameters,
  ITEM_DATA_COLUMNS,
} from './import.repo';

/** Bumped whenever the tuple layout changes: an older plan is then ignored (full pass). */
const PLAN_FORMAT = 1;

export interface PlanPaths {
  dir: string;
  rows: string;
  meta: string;
}

export function planPaths(dataDir: string, jobId: number, sha256: string): PlanPaths {
  const dir = path.join(dataDir, 'imports', 'plans');
  const base = path.join(dir, `${jobId}-${sha256}`);
  return { dir, rows: `${base}.rows`, meta: `${base}.json` };
}

export function removePlan(paths: PlanPaths): void {
  fs.rmSync(paths.meta, { force: true });
  fs.rmSync(paths.rows, { force: true });
}

/** What the cluster matching of a pass rested on: ids, keys and names of every cluster. */
export function clustersFingerprint(clusters: readonly ImportCluster[]): string {
  const rows = [...clusters]
    .sort((a, b) => a.id - b.id)
    .map((c) => [c.id, c.key, c.nameJa, c.nameEn, c.programmeId]);
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

function scopeKey(scope: ReadonlySet<number> | readonly number[] | null): string {
  return scope === null ? 'all' : [...scope].sort((a, b) => a - b).join(',');
}

interface PlannedReport {
  clusterId: number;
  fiscalYear: number;
  /** null: the preview found no report (and, with create, planned a new draft). */
  id: number | null;
  create: boolean;
  /** The report held no items at the preview (a planned draft neither). */
  emptyBefore: boolean;
  status: string | null;
  version: number | null;
}

interface PlanMeta {
  format: number;
  jobId: number;
  sha256: string;
  kind: string;
  scope: string;
  clusters: string;
  reports: PlannedReport[];
  rows: number;
  warningCount: number;
  problems: ImportProblem[];
  tables: Record<string, TableCounts>;
  reportsCreated: number;
  /** Row tuples in the .rows file and its size, checked before anything is written. */
  writes: number;
  bytes: number;
}

/**
 * A plan's row: [clusterId, fiscalYear, kind, naturalKey, ...ITEM_DATA_COLUMNS]; the commit puts
 * the report id in front and the timestamps behind (ITEM_INSERT_COLUMNS order).
 */
export type PlanTuple = unknown[];

/** Collects a validation pass's row tuples chunk by chunk into the .rows file. */
export class PlanWriter {
  private fd: number | null;
  private writes = 0;
  private bytes = 0;

  constructor(readonly paths: PlanPaths) {
    fs.mkdirSync(paths.dir, { recursive: true });
    removePlan(paths);
    this.fd = fs.openSync(paths.rows, 'w');
  }

  add(tuples: readonly PlanTuple[]): void {
    if (tuples.length === 0 || this.fd === null) return;
    const line = Buffer.from(`${JSON.stringify(tuples)}\n`);
    fs.writeSync(this.fd, line);
    this.writes += tuples.length;
    this.bytes += line.length;
  }

  private close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  /** Completes the plan of a pass without errors: the .json, written last, makes it usable. */
  finish(job: ImportJobRow, scope: ReadonlySet<number> | null, result: PassResult): void {
    this.close();
    const state = result.state;
    const reports: PlannedReport[] = [];
    for (const [key, report] of state.reports) {
      const [clusterId, fiscalYear] = key.split('|').map(Number) as [number, number];
      const planned = report === null || report.id < 0;
      reports.push({
        clusterId,
        fiscalYear,
        id: planned ? null : report.id,
        create: report !== null && report.id < 0,
        emptyBefore: planned || itemsWhenPlanned(state, report.id) === 0,
        status: planned ? null : report.status,
        version: planned ? null : report.version,
      });
    }
    const meta: PlanMeta = {
      format: PLAN_FORMAT,
      jobId: job.id,
      sha256: job.file_sha256,
      kind: job.kind,
      scope: scopeKey(scope),
      clusters: state.clustersFingerprint ?? '',
      reports,
      rows: result.rows,
      warningCount: result.warningCount,
      problems: result.problems,
      tables: state.tables,
      reportsCreated: state.reportsCreated,
      writes: this.writes,
      bytes: this.bytes,
    };
    const temp = `${this.paths.meta}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(meta));
    fs.renameSync(temp, this.paths.meta);
  }

  discard(): void {
    this.close();
    removePlan(this.paths);
  }
}

function readMeta(paths: PlanPaths): PlanMeta | null {
  try {
    return JSON.parse(fs.readFileSync(paths.meta, 'utf8')) as PlanMeta;
  } catch {
    return null;
  }
}

/** The .rows file's lines, read synchronously a megabyte at a time (a line is one chunk). */
function* planLines(file: string): Generator<string> {
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(1 << 20);
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  try {
    for (;;) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      const parts = (rest + decoder.decode(buffer.subarray(0, n), { stream: true })).split('\n');
      rest = parts.pop()!;
      yield* parts;
    }
    rest += decoder.decode();
    if (rest !== '') yield rest;
  } finally {
    fs.closeSync(fd);
  }
}

const at = (column: (typeof ITEM_DATA_COLUMNS)[number]) => 4 + ITEM_DATA_COLUMNS.indexOf(column);
const SCOPE = at('scope');
const MEDIA = at('media');
const PATENT_STATUS = at('patent_status');
const COUNTRY = at('country');
const FILING_DATE = at('filing_date');
const GRANTED_DATE = at('granted_date');
const LAUNCH_DATE = at('launch_date');
const AMOUNT_YEN = at('amount_yen');

/** A plan row's counting fields, as the item would be read back from the table. */
function countingItem(tuple: PlanTuple) {
  return domainItem({
    kind: tuple[2] as string,
    scope: tuple[SCOPE] as string | null,
    media: tuple[MEDIA] as string | null,
    patent_status: tuple[PATENT_STATUS] as string | null,
    country: tuple[COUNTRY] as string | null,
    filing_date: tuple[FILING_DATE] as string | null,
    granted_date: tuple[GRANTED_DATE] as string | null,
    launch_date: tuple[LAUNCH_DATE] as string | null,
    amount_yen: tuple[AMOUNT_YEN] as number | null,
  });
}

/** Adds one item to a report's sums: deriveIndicatorValues is a sum over items, so one at a time is the same. */
function addDerived(into: DerivedValues, item: ReturnType<typeof countingItem>, fiscalYear: number): void {
  const one = deriveIndicatorValues([item], fiscalYear, fiscalYear);
  for (const key of one.itemBacked) into.itemBacked.add(key);
  for (const [key, value] of Object.entries(one.values) as [IndicatorKey, number][])
    into.values[key] = (into.values[key] ?? 0) + value;
}

export interface ApplyPlanOptions {
  db: Db;
  sqlite: SqliteDatabase.Database | null;
  job: ImportJobRow;
  dataDir: string;
  scope: ReadonlySet<number> | null;
  now: string;
  onChunk: (progress: { rows: number; fraction: number; result: PassResult }) => Promise<void>;
}

/**
 * Writes the job's validated plan, inside the caller's transaction. Returns null, having written
 * nothing, when there is no complete plan or the state it rested on has moved; the caller then
 * runs the full pass.
 */
export async function applyPlan(options: ApplyPlanOptions): Promise<PassResult | null> {
  const { db, job } = options;
  const paths = planPaths(options.dataDir, job.id, job.file_sha256);
  const meta = readMeta(paths);
  if (
    !meta ||
    meta.format !== PLAN_FORMAT ||
    meta.jobId !== job.id ||
    meta.sha256 !== job.file_sha256 ||
    meta.kind !== job.kind ||
    meta.scope !== scopeKey(options.scope)
  )
    return null;
  const size = fs.statSync(paths.rows, { throwIfNoEntry: false })?.size;
  if (size !== meta.bytes) return null;
  if (clustersFingerprint(await listClustersForImport(db)) !== meta.clusters) return null;
  const current = new Map(
    (await findSingleYearReports(db, meta.reports)).map((r) => [`${r.clusterId}|${r.fiscalYear}`, r]),
  );
  for (const planned of meta.reports) {
    const now = current.get(`${planned.clusterId}|${planned.fiscalYear}`);
    if (planned.id === null ? now !== undefined : !now || now.id !== planned.id) return null;
    if (now && (now.status !== planned.status || now.version !== planned.version)) return null;
  }

  // Nothing moved: the plan's decisions hold. Drafts first, then the rows.
  const state = newPassState({
    kind: 'outcome-items',
    apply: true,
    db,
    sqlite: options.sqlite,
    now: options.now,
    source: `import #${job.id}: ${job.file_name}`,
    createdBy: job.created_by,
    allowedClusters: options.scope,
    programmeId: null,
    clusters: [],
  });
  const reportIds = new Map<string, number>();
  for (const planned of meta.reports) {
    const key = `${planned.clusterId}|${planned.fiscalYear}`;
    if (planned.id !== null) {
      reportIds.set(key, planned.id);
      continue;
    }
    if (!planned.create) continue;
    const id = await insertDraftReport(db, {
      clusterId: planned.clusterId,
      fiscalYear: planned.fiscalYear,
      source: state.source,
      createdBy: state.createdBy,
      now: options.now,
    });
    reportIds.set(key, id);
    state.reportsCreated += 1;
    state.touched.set(id, {});
  }
  const result: PassResult = {
    rows: meta.rows,
    errorCount: 0,
    warningCount: meta.warningCount,
    problems: meta.problems,
    state,
  };
  // Reports that were empty at the preview (and, the check above says, still are) hold exactly
  // the plan's rows afterwards: their item-backed values are summed here as the rows pass.
  const emptyBefore = new Set<number>();
  for (const planned of meta.reports)
    if (planned.emptyBefore) emptyBefore.add(reportIds.get(`${planned.clusterId}|${planned.fiscalYear}`)!);
  let written = 0;
  let lastReport = -1;
  let derived: DerivedValues | undefined;
  for (const line of planLines(paths.rows)) {
    const tuples = JSON.parse(line) as PlanTuple[];
    const parameters = new Array<unknown[]>(tuples.length);
    for (let i = 0; i < tuples.length; i += 1) {
      const tuple = tuples[i]!;
      const reportId = reportIds.get(`${String(tuple[0])}|${String(tuple[1])}`);
      if (reportId === undefined) throw new Error('the import plan names a report it did not check');
      if (reportId !== lastReport) {
        state.itemReports.add(reportId);
        if (!state.touched.has(reportId)) state.touched.set(reportId, {});
        lastReport = reportId;
        derived = undefined;
        if (emptyBefore.has(reportId)) {
          derived = state.derived.get(reportId);
          if (!derived) state.derived.set(reportId, (derived = { values: {}, itemBacked: new Set() }));
        }
      }
      if (derived) addDerived(derived, countingItem(tuple), Number(tuple[1]));
      parameters[i] = [reportId, ...tuple, options.now, options.now];
    }
    await upsertItemParameters(db, parameters, options.sqlite);
    written += tuples.length;
    await options.onChunk({
      rows: Math.round((meta.rows * written) / Math.max(1, meta.writes)),
      fraction: written / Math.max(1, meta.writes),
      result,
    });
  }
  if (written !== meta.writes) throw new Error('the import plan is incomplete');
  state.tables = meta.tables;
  return result;
}
