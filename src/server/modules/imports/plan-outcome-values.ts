/** Outcome values into each cluster's draft (or returned) single-year report, by cluster, year and indicator. */
import type { IndicatorKey } from '../../../domain/indicators';
import type { ImportProblem } from '../../../domain/import/problems';
import { problem } from '../../../domain/import/problems';
import type { OutcomeValuesRecord } from '../../../domain/import/rows';
import { type ItemKind, KIND_INDICATORS } from '../../../domain/outcome-items';
import {
  count,
  firstOccurrence,
  loadReports,
  type PassState,
  resolveCluster,
  writableReport,
} from './import-plan';
import { listItemKinds, listValues, upsertValues } from './import.repo';

export async function planOutcomeValues(
  state: PassState,
  records: OutcomeValuesRecord[],
): Promise<ImportProblem[]> {
  const problems: ImportProblem[] = [];
  const resolved = records.flatMap((record) => {
    const cluster = resolveCluster(state, record, problems);
    return cluster && cluster !== 'programme' ? [{ record, clusterId: cluster.id }] : [];
  });
  await loadReports(
    state,
    resolved.map((r) => ({ clusterId: r.clusterId, fiscalYear: r.record.fiscalYear })),
  );
  const reportIds = [
    ...new Set(
      resolved
        .map((r) => state.reports.get(`${r.clusterId}|${r.record.fiscalYear}`)?.id ?? -1)
        .filter((id) => id > 0),
    ),
  ];
  const [values, kinds] = await Promise.all([
    listValues(state.db, reportIds),
    listItemKinds(state.db, reportIds),
  ]);
  const existing = new Map(values.map((v) => [`${v.report_id}|${v.indicator_key}`, Number(v.value)]));
  const itemBacked = new Set(
    kinds.flatMap((k) => (KIND_INDICATORS[k.kind as ItemKind] ?? []).map((i) => `${k.report_id}|${i}`)),
  );

  const writes: { report_id: number; indicator_key: IndicatorKey; value: number; note: null }[] = [];
  for (const { record, clusterId } of resolved) {
    const report = await writableReport(state, record, clusterId, problems);
    if (!report) continue;
    for (const v of record.values) {
      if (
        !firstOccurrence(
          state,
          `${clusterId}|${record.fiscalYear}|${v.indicator}`,
          record.row,
          problems,
          v.at,
        )
      )
        continue;
      if (report.id !== null && itemBacked.has(`${report.id}|${v.indicator}`)) {
        problems.push(
          problem(
            'item_backed',
            'この指標は明細から集計されるため、値は取り込みません',
            'this indicator is counted from the report’s items; the value is not imported',
            { row: record.row, column: v.at.column, header: v.at.header, severity: 'warning' },
          ),
        );
        continue;
      }
      const before = report.id === null ? undefined : existing.get(`${report.id}|${v.indicator}`);
      if (before === v.value) {
        count(state, 'outcome_values', 'unchanged');
        continue;
      }
      count(state, 'outcome_values', before === undefined ? 'insert' : 'update');
      if (state.apply && report.id !== null) {
        writes.push({ report_id: report.id, indicator_key: v.indicator, value: v.value, note: null });
        state.touched.set(report.id, state.touched.get(report.id) ?? {});
      }
    }
    if (record.researcherCount !== null) {
      const current = state.reports.get(report.key);
      if (current && current.researcherCount !== record.researcherCount) {
        count(state, 'outcome_reports', 'update');
        current.researcherCount = record.researcherCount;
        if (state.apply && report.id !== null)
          state.touched.set(report.id, {
            ...state.touched.get(report.id),
            researcherCount: record.researcherCount,
          });
      }
    }
  }
  if (state.apply) await upsertValues(state.db, writes);
  return problems;
}
