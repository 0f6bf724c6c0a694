/**
 * One pass over an import's records, a chunk at a time: each record is checked against the
 * database (unknown cluster, a cluster headquarters may not import, an accepted report, a
 * duplicate of an earlier row) and counted as an insert, update or unchanged row. The same pass
 * validates (apply = false) and, inside the commit's transaction, writes (apply = true), so the
 * commit cannot write anything the preview did not show.
 */
import type SqliteDatabase from 'better-sqlite3';
import type { ImportRecord } from '../../../domain/import/rows';
import type { ImportKind } from '../../../domain/import/kinds';
import type { IndicatorKey } from '../../../domain/indicators';
import { clusterMatcher, isProgrammeScope } from '../../../domain/import/clusters';
import { type ImportProblem, problem } from '../../../domain/import/problems';
import type { Db } from '../../context';
import type { PlanWriter } from './import-plan-file';
import {
  findSingleYearReports,
  type ImportCluster,
  insertDraftReport,
  type ReportState,
} from './import.repo';

export interface TableCounts {
  insert: number;
  update: number;
  unchanged: number;
}

export interface PassState {
  kind: ImportKind;
  apply: boolean;
  db: Db;
  /** The raw connection behind `db` on SQLite (prepared-statement paths), else null. */
  sqlite: SqliteDatabase.Database | null;
  now: string;
  /** Source recorded on draft reports the import creates. */
  source: string;
  createdBy: number | null;
  matchCluster: (name: string) => ImportCluster | null;
  /** Clusters the actor may import rows for; null for all (officers, the system). */
  allowedClusters: ReadonlySet<number> | null;
  programmeId: number | null;
  /** Natural key → first row that named it, to refuse the same record twice in one file. */
  seen: Map<string, number>;
  /** `${clusterId}|${fy}` → the report rows go into (null: none yet). */
  reports: Map<string, ReportState | null>;
  reportsCreated: number;
  /** Reports whose content the commit changed: a new version each, researcher counts to set. */
  touched: Map<number, { researcherCount?: number }>;
  /** Reports whose items changed: their item-backed values are derived again. */
  itemReports: Set<number>;
  tables: Record<string, TableCounts>;
  /** A validation pass of a plannable kind collects the rows it would write here (import-plan-file.ts). */
  plan: PlanWriter | null;
  /** What the pass's cluster matching rested on, recorded in the plan. */
  clustersFingerprint: string | null;
  /**
   * Item-backed values a commit from a plan already summed for reports that had no items before
   * it (their items are exactly the plan's rows), so the end of the commit need not read them back.
   */
  derived: Map<number, DerivedValues>;
}

export interface DerivedValues {
  values: Partial<Record<IndicatorKey, number>>;
  itemBacked: Set<IndicatorKey>;
}

export function newPassState(
  init: Pick<
    PassState,
    'kind' | 'apply' | 'db' | 'sqlite' | 'now' | 'source' | 'createdBy' | 'allowedClusters' | 'programmeId'
  > & {
    clusters: ImportCluster[];
    plan?: PlanWriter | null;
    clustersFingerprint?: string | null;
  },
): PassState {
  const match = clusterMatcher(init.clusters);
  const { clusters: _clusters, plan = null, clustersFingerprint = null, ...rest } = init;
  return {
    ...rest,
    plan,
    clustersFingerprint,
    derived: new Map(),
    matchCluster: (name) => match(name) as ImportCluster | null,
    seen: new Map(),
    reports: new Map(),
    reportsCreated: 0,
    touched: new Map(),
    itemReports: new Set(),
    tables: {},
  };
}

export function count(state: PassState, table: string, what: keyof TableCounts, n = 1): void {
  state.tables[table] ??= { insert: 0, update: 0, unchanged: 0 };
  state.tables[table][what] += n;
}

/** The record's cluster, or a problem naming its cell: unknown, or not one the actor may import for. */
export function resolveCluster(
  state: PassState,
  record: ImportRecord,
  problems: ImportProblem[],
  options: { programmeScope?: boolean } = {},
): ImportCluster | 'programme' | null {
  const where = { row: record.row, column: record.clusterAt.column, header: record.clusterAt.header };
  if (options.programmeScope && isProgrammeScope(record.cluster)) {
    if (state.allowedClusters !== null) {
      problems.push(
        problem(
          'not_your_cluster',
          'プログラム全体の行は取り込めません',
          'you may not import programme-level rows',
          where,
        ),
      );
      return null;
    }
    return 'programme';
  }
  const cluster = state.matchCluster(record.cluster);
  if (!cluster) {
    problems.push(
      problem(
        'unknown_cluster',
        `クラスター「${record.cluster}」はありません（キー・日本語名・英語名のいずれか）`,
        `unknown cluster "${record.cluster}" (use its key, Japanese or English name)`,
        where,
      ),
    );
    return null;
  }
  if (state.allowedClusters !== null && !state.allowedClusters.has(cluster.id)) {
    problems.push(
      problem(
        'not_your_cluster',
        `クラスター「${cluster.key}」の行は取り込めません（担当クラスターのみ）`,
        `you may import rows of your own cluster only, not "${cluster.key}"`,
        where,
      ),
    );
    return null;
  }
  return cluster;
}

/** Refuses the second row naming the same record. */
export function firstOccurrence(
  state: PassState,
  key: string,
  row: number,
  problems: ImportProblem[],
  at: { column: number; header: string },
): boolean {
  const earlier = state.seen.get(key);
  if (earlier !== undefined) {
    problems.push(
      problem('duplicate_row', `${earlier}行目と同じものです`, `repeats row ${earlier}`, {
        row,
        column: at.column,
        header: at.header,
      }),
    );
    return false;
  }
  state.seen.set(key, row);
  return true;
}

/** Loads (once per cluster and year) the reports a chunk's rows go into. */
export async function loadReports(
  state: PassState,
  pairs: { clusterId: number; fiscalYear: number }[],
): Promise<void> {
  const missing = pairs.filter((p) => !state.reports.has(`${p.clusterId}|${p.fiscalYear}`));
  if (missing.length === 0) return;
  const found = await findSingleYearReports(state.db, missing);
  for (const p of missing) state.reports.set(`${p.clusterId}|${p.fiscalYear}`, null);
  for (const r of found) state.reports.set(`${r.clusterId}|${r.fiscalYear}`, r);
}

/**
 * The report a row may write into: its draft or returned report, a draft created for it when the
 * cluster has none for that year, or a problem when the report is locked.
 */
export async function writableReport(
  state: PassState,
  record: ImportRecord,
  clusterId: number,
  problems: ImportProblem[],
): Promise<{ id: number | null; key: string } | null> {
  const key = `${clusterId}|${record.fiscalYear}`;
  const report = state.reports.get(key) ?? null;
  const where = { row: record.row, column: record.clusterAt.column, header: record.clusterAt.header };
  if (report && report.status === 'accepted') {
    problems.push(
      problem(
        'report_accepted',
        `${record.fiscalYear}年度の報告は受理済みで変更できません。訂正版を作成してください`,
        `the FY${record.fiscalYear} report is accepted; make a correction`,
        where,
      ),
    );
    return null;
  }
  if (report && report.status === 'submitted') {
    problems.push(
      problem(
        'report_submitted',
        `${record.fiscalYear}年度の報告は提出済みです。差し戻しを受けてから取り込んでください`,
        `the FY${record.fiscalYear} report is submitted for review; it must be returned before importing into it`,
        where,
      ),
    );
    return null;
  }
  // A negative id is the draft a validation pass counted; the commit creates it.
  if (report) return { id: report.id < 0 ? null : report.id, key };
  if (!state.apply) {
    // Counted once per cluster and year: the draft the commit will create.
    state.reports.set(key, {
      id: -1,
      clusterId,
      fiscalYear: record.fiscalYear,
      status: 'draft',
      researcherCount: null,
      version: 0,
    });
    state.reportsCreated += 1;
    return { id: null, key };
  }
  const id = await insertDraftReport(state.db, {
    clusterId,
    fiscalYear: record.fiscalYear,
    source: state.source,
    createdBy: state.createdBy,
    now: state.now,
  });
  state.reports.set(key, {
    id,
    clusterId,
    fiscalYear: record.fiscalYear,
    status: 'draft',
    researcherCount: null,
    version: 1,
  });
  state.reportsCreated += 1;
  state.touched.set(id, state.touched.get(id) ?? {});
  return { id, key };
}
