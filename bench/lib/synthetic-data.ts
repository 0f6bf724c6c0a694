/**
 * National-scale synthetic data: published clusters with one accepted report per fiscal year and a
 * value for every indicator, inserted through raw better-sqlite3 prepared statements in one
 * transaction (STACK-NOTES: about a million rows a second), beside the reference data.
 */
import type SqliteDatabase from 'better-sqlite3';
import type { SyntheticResult, SyntheticSpec } from './protocol';

export const SYNTHETIC_SOURCE = 'synthetic benchmark data (bench/outcome-table.bench.ts)';

/** mulberry32: a small seeded generator, so every run inserts the same figures. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A plausible yearly maximum per indicator group; sales are yen. */
function maximumFor(indicatorKey: string): number {
  if (indicatorKey === 'sales') return 50_000_000;
  if (indicatorKey.startsWith('papers')) return 80;
  if (indicatorKey.startsWith('patents')) return 20;
  if (indicatorKey.startsWith('news')) return 30;
  return 5;
}

function column<T>(sqlite: SqliteDatabase.Database, sql: string): T[] {
  return sqlite.prepare(sql).pluck().all() as T[];
}

/** Inserts `spec.clusters` published clusters with their reports and values; returns counts and time. */
export function insertSyntheticClusters(
  sqlite: SqliteDatabase.Database,
  spec: SyntheticSpec,
): SyntheticResult {
  const started = performance.now();
  const programmeId = column<number>(sqlite, 'select id from programmes order by id limit 1')[0];
  if (programmeId === undefined) throw new Error('no programme: load the reference data first');
  const keyFields = column<string>(sqlite, 'select key from key_fields order by sort_order');
  const prefectures = column<string>(sqlite, 'select code from prefectures order by code');
  const indicators = column<string>(sqlite, 'select key from indicators order by sort_order');
  const now = new Date().toISOString();
  const random = seededRandom(spec.seed);

  const insertCluster = sqlite.prepare(
    `insert into clusters (programme_id, key, name_ja, name_en, key_field_key, start_fy, end_fy, status,
       is_published, confidence, source, version, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, 'full', 1, 'synthetic', ?, 1, ?, ?)`,
  );
  const insertPrefecture = sqlite.prepare(
    'insert into cluster_prefectures (cluster_id, prefecture_code, sort_order) values (?, ?, 0)',
  );
  const insertReport = sqlite.prepare(
    `insert into outcome_reports (cluster_id, fy_from, fy_to, status, report_version, source, submitted_at,
       accepted_at, version, created_at, updated_at)
     values (?, ?, ?, 'accepted', 1, ?, ?, ?, 1, ?, ?)`,
  );
  const insertValue = sqlite.prepare(
    'insert into outcome_values (report_id, indicator_key, value) values (?, ?, ?)',
  );

  const result: SyntheticResult = { clusters: 0, reports: 0, outcomeValues: 0, insertMs: 0 };
  sqlite.transaction(() => {
    for (let i = 1; i <= spec.clusters; i += 1) {
      const serial = String(i).padStart(6, '0');
      const clusterId = Number(
        insertCluster.run(
          programmeId,
          `bench-${serial}`,
          `ベンチマーク第${i}クラスター`,
          `Benchmark cluster ${i}`,
          keyFields[i % keyFields.length],
          spec.fyFrom,
          spec.fyTo,
          SYNTHETIC_SOURCE,
          now,
          now,
        ).lastInsertRowid,
      );
      insertPrefecture.run(clusterId, prefectures[i % prefectures.length]);
      result.clusters += 1;
      for (let fy = spec.fyFrom; fy <= spec.fyTo; fy += 1) {
        const reportId = Number(
          insertReport.run(clusterId, fy, fy, SYNTHETIC_SOURCE, now, now, now, now).lastInsertRowid,
        );
        result.reports += 1;
        for (const indicator of indicators) {
          insertValue.run(reportId, indicator, Math.floor(random() * maximumFor(indicator)));
          result.outcomeValues += 1;
        }
      }
    }
  })();
  result.insertMs = round(performance.now() - started);
  return result;
}

export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
