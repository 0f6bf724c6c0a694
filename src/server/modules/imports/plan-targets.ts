/** Targets by cluster, indicator and fiscal year. */
import type { ImportProblem } from '../../../domain/import/problems';
import type { TargetRecord } from '../../../domain/import/rows';
import { count, firstOccurrence, type PassState, resolveCluster } from './import-plan';
import { type TargetUpsert, upsertTargets } from '../targets/target.repo';
import { findTargets } from './import.repo';

export async function planTargets(state: PassState, records: TargetRecord[]): Promise<ImportProblem[]> {
  const problems: ImportProblem[] = [];
  const resolved = records.flatMap((record) => {
    const cluster = resolveCluster(state, record, problems);
    return cluster && cluster !== 'programme' ? [{ record, clusterId: cluster.id }] : [];
  });
  const found = await findTargets(
    state.db,
    resolved.map((r) => ({
      clusterId: r.clusterId,
      indicator: r.record.indicator,
      fiscalYear: r.record.fiscalYear,
    })),
  );
  const existing = new Map(found.map((t) => [`${t.cluster_id}|${t.indicator_key}|${t.fiscal_year}`, t]));
  const writes: TargetUpsert[] = [];
  for (const { record, clusterId } of resolved) {
    const key = `${clusterId}|${record.indicator}|${record.fiscalYear}`;
    if (!firstOccurrence(state, key, record.row, problems, record.clusterAt)) continue;
    const before = existing.get(key);
    if (
      before &&
      Number(before.target) === record.target &&
      (before.baseline === null ? null : Number(before.baseline)) === record.baseline &&
      (before.note ?? null) === record.note
    ) {
      count(state, 'targets', 'unchanged');
      continue;
    }
    count(state, 'targets', before ? 'update' : 'insert');
    writes.push({
      clusterId,
      indicator: record.indicator,
      fiscalYear: record.fiscalYear,
      baseline: record.baseline,
      target: record.target,
      note: record.note,
    });
  }
  if (state.apply) await upsertTargets(state.db, writes, state.now);
  return problems;
}
