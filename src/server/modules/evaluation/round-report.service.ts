/**
 * An evaluation round's result report (issue 5: "Reports as XLSX and PDF in Japanese and
 * English"). It reads exactly what the actor's scores read (getRoundScores decides who and when:
 * officers from the scoring phase on, a round's evaluator in scoring once their gradings are in,
 * everyone once published; 401/403 otherwise, 404 for a draft), so the report never shows a figure
 * the screen would not. Officers' reports add each evaluator's weighted scores by name, agreement
 * and leniency; everyone else's name no evaluator, not even by letter.
 */
import {
  DEFAULT_PERTURBATION,
  DEFAULT_STABILITY_SEED,
  DEFAULT_STABILITY_TRIALS,
} from '../../../contracts/evaluation-results';
import type { RoundReportQuery } from '../../../contracts/evaluation-reports';
import type { ServiceContext } from '../../context';
import type { ExportFile } from '../exports/table-export';
import { roundReportPdf } from './round-report.pdf';
import type { OfficerPanel, RoundReportData } from './round-report.tables';
import { roundReportXlsx } from './round-report.xlsx';
import { evaluatorRefs } from './results.presenter';
import { listScoredAssignments } from './results.repo';
import { getRoundScores } from './results.service';
import { loadReadableRound } from './round.service';

/** Every evaluator lettered as the scores letter them, and why a pair has no counted score. */
async function officerPanel(ctx: ServiceContext, roundId: number): Promise<OfficerPanel> {
  const assignments = await listScoredAssignments(ctx.db, roundId);
  const names = new Map(assignments.map((a) => [a.evaluator_account_id, a.display_name]));
  const refs = evaluatorRefs(
    [...names.entries()].map(([id, name]) => ({ id, name })),
    { showNames: true, me: null },
  );
  const missing: OfficerPanel['missing'] = new Map();
  for (const a of assignments) {
    const why = a.conflict_kind !== null ? 'conflict' : a.submitted_at === null ? 'pending' : null;
    if (!why) continue;
    const perCluster = missing.get(a.cluster_id) ?? new Map<string, 'conflict' | 'pending'>();
    perCluster.set(refs.get(a.evaluator_account_id)!.label, why);
    missing.set(a.cluster_id, perCluster);
  }
  return {
    evaluators: [...refs.entries()]
      .sort(([a], [b]) => a - b)
      .map(([id, ref]) => ({ label: ref.label, displayLabel: ref.displayLabel, name: names.get(id)! })),
    missing,
  };
}

/** The round's result report as XLSX or PDF in Japanese or English, for the actor's audience. */
export async function roundReport(
  ctx: ServiceContext,
  key: string,
  query: RoundReportQuery,
): Promise<ExportFile> {
  const round = await loadReadableRound(ctx, key);
  const scores = await getRoundScores(ctx, key, {
    trials: DEFAULT_STABILITY_TRIALS,
    perturbation: DEFAULT_PERTURBATION,
    seed: DEFAULT_STABILITY_SEED,
  });
  const data: RoundReportData = {
    scores,
    announceOn: round.announce_on,
    isDemo: Number(round.is_demo) === 1,
    panel: scores.audience === 'officer' ? await officerPanel(ctx, round.id) : null,
    generatedAt: ctx.now().toISOString(),
  };
  return query.format === 'xlsx' ? roundReportXlsx(data, query.lang) : roundReportPdf(data, query.lang);
}
