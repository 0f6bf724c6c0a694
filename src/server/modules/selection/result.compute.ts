/**
 * Turns a call's stored reviews into its ranked list with the pure rules of src/domain/selection,
 * keeping every figure traceable: each reviewer's Σ w·s and Σ w beside their weighted score, the
 * consensus scores that replaced reviewers' ones, the conflicted reviews left out, the thresholds
 * failed and where the slots and budget run out. The full (officer) view; result.service.ts narrows
 * it for the proposer and the public.
 */
import type {
  CallResults,
  ResultCallSummary,
  ResultCriterion,
  ResultDecision,
  ResultProposal,
  ResultReviewer,
  ResultSpread,
} from '../../../contracts/selection-results';
import {
  Aggregation,
  CallCriteria,
  DecisionOutcome,
  DisagreementRule,
  Prefectures,
  Scale,
  TieBreak,
} from '../../../contracts/selection-common';
import {
  checkThresholds,
  isBlocking,
  measureDisagreement,
  rankProposals,
  type ConflictFinding,
  type ConflictKind,
  type ConflictRuling,
  type ReviewScores,
  type Spread,
  scoreProposal,
  selectWithinLimits,
} from '../../../domain/selection';
import type {
  ConsensusRow,
  CurrentDecisionRow,
  ResultProposalRow,
  ScoreRow,
  SubmittedReview,
} from './result.repo';
import type { CallRow, ConflictRow } from './selection.table';

export interface ResultInputs {
  call: CallRow;
  proposals: ResultProposalRow[];
  reviews: SubmittedReview[];
  scores: ScoreRow[];
  conflicts: ConflictRow[];
  consensus: ConsensusRow[];
  decisions: CurrentDecisionRow[];
}

export function callSummary(call: CallRow): ResultCallSummary {
  return {
    id: call.id,
    key: call.key,
    fiscalYear: call.fiscal_year,
    stage: call.stage,
    title: { ja: call.title_ja, en: call.title_en },
    status: call.status as ResultCallSummary['status'],
    slots: call.slots,
    budgetPerClusterYen: Number(call.budget_per_cluster_yen),
    totalBudgetYen: call.total_budget_yen === null ? null : Number(call.total_budget_yen),
    aggregation: Aggregation.parse(call.aggregation),
    scale: Scale.parse(JSON.parse(call.scale_json)),
    overallThreshold: call.overall_threshold,
    tieBreak: TieBreak.parse(JSON.parse(call.tie_break_json)),
    disagreement: DisagreementRule.parse(JSON.parse(call.disagreement_json)),
    publishOn: call.publish_on,
    publishedAt: call.published_at,
    isDemo: Number(call.is_demo) === 1,
  };
}

export function flattenCriteria(call: CallRow): ResultCriterion[] {
  return CallCriteria.parse(JSON.parse(call.criteria_json)).flatMap((g) =>
    g.items.map((i) => ({
      key: i.key,
      groupKey: g.key,
      groupLabel: g.label,
      label: i.label,
      weight: i.weight,
      threshold: i.threshold ?? null,
    })),
  );
}

/** What a proposal costs against the call's budget: its own request, or the call's budget per cluster. */
export function costOf(call: CallRow, requestedYen: number): number {
  return requestedYen > 0 ? requestedYen : Number(call.budget_per_cluster_yen);
}

/** "1", or "=2" when the rank is shared. */
export function rankLabel(rank: number | null, tied: boolean): string | null {
  if (rank === null) return null;
  return tied ? `=${rank}` : String(rank);
}

function spread(s: Spread | null): ResultSpread | null {
  return s === null ? null : { ...s };
}

/** Conflict rows as the domain's findings and rulings: any row not dismissed blocks its pair. */
function blockingOf(conflicts: readonly ConflictRow[]): (reviewerId: number, proposalId: number) => boolean {
  const findings: ConflictFinding[] = conflicts.map((c) => ({
    reviewerId: c.reviewer_account_id,
    proposalId: c.proposal_id,
    kind: c.kind as ConflictKind,
    source: c.origin === 'declared' ? 'declared' : 'detected',
    reason: c.detail ?? '',
  }));
  const rulings: ConflictRuling[] = conflicts
    .filter((c) => c.status === 'dismissed' || c.status === 'confirmed')
    .map((c) => ({
      reviewerId: c.reviewer_account_id,
      proposalId: c.proposal_id,
      kind: c.kind as ConflictKind,
      ruling: c.status as 'dismissed' | 'confirmed',
    }));
  // Two rows of one kind (detected and declared) must both be dismissed to unblock the pair.
  const undismissed = new Set(
    conflicts.filter((c) => c.status !== 'dismissed').map((c) => `${c.reviewer_account_id}:${c.proposal_id}`),
  );
  const domain = isBlocking(findings, rulings);
  return (r, p) => domain(r, p) || undismissed.has(`${r}:${p}`);
}

function toDecision(d: CurrentDecisionRow): ResultDecision {
  return {
    id: d.id,
    outcome: DecisionOutcome.parse(d.outcome),
    reason: d.reason,
    consolidatedComment: d.consolidatedComment,
    overrideReason: d.overrideReason ?? null,
    decidedAt: d.decidedAt,
    decidedBy: d.decidedBy === null ? null : { id: d.decidedBy, name: d.decidedByName ?? '' },
  };
}

/** The full results of a call, as officers see them. */
export function computeResults(input: ResultInputs, generatedAt: string): CallResults {
  const { call } = input;
  const summary = callSummary(call);
  const criteria = flattenCriteria(call);
  const weighted = criteria.map((c) => ({ key: c.key, weight: c.weight }));
  const blocked = blockingOf(input.conflicts);

  const scoresByReview = new Map<number, ScoreRow[]>();
  for (const s of input.scores)
    scoresByReview.set(s.reviewId, [...(scoresByReview.get(s.reviewId) ?? []), s]);
  const consensusByProposal = new Map<number, ConsensusRow[]>();
  for (const c of input.consensus)
    consensusByProposal.set(c.proposalId, [...(consensusByProposal.get(c.proposalId) ?? []), c]);
  const decisionByProposal = new Map(input.decisions.map((d) => [d.proposalId, d]));

  const limits = {
    overall: summary.overallThreshold,
    criteria: Object.fromEntries(
      criteria.filter((c) => c.threshold !== null).map((c) => [c.key, c.threshold!]),
    ) as Record<string, number>,
  };
  // A limit of 0 would flag even a unanimous panel, so 0 means "not checked".
  const disagreementLimits = {
    range: summary.disagreement.maxRange > 0 ? summary.disagreement.maxRange : null,
    sd: summary.disagreement.maxSd > 0 ? summary.disagreement.maxSd : null,
  };

  const perProposal = input.proposals.map((p) => {
    const all = input.reviews.filter((r) => r.proposalId === p.id);
    const counted = all.filter((r) => !blocked(r.reviewerAccountId, p.id));
    const reviewScores: ReviewScores[] = counted.map((r) => ({
      reviewerId: r.reviewerAccountId,
      scores: Object.fromEntries(
        (scoresByReview.get(r.reviewId) ?? []).map((s) => [s.criterionKey, s.score]),
      ),
    }));
    const consensusRows = consensusByProposal.get(p.id) ?? [];
    const consensus = Object.fromEntries(consensusRows.map((c) => [c.criterionKey, c.score]));
    const figures = scoreProposal(reviewScores, weighted, summary.aggregation, consensus);
    const eligibility = checkThresholds(figures, limits);
    const disagreement = measureDisagreement(reviewScores, weighted, disagreementLimits);
    return {
      p,
      counted,
      excluded: all.length - counted.length,
      reviewScores,
      consensusRows,
      figures,
      eligibility,
      disagreement,
    };
  });

  const ranked = rankProposals(
    perProposal.map((x) => ({
      proposalId: x.p.id,
      score: x.figures.score,
      criteria: x.figures.criteria,
      eligible: x.eligibility.eligible,
    })),
    summary.tieBreak,
  );
  const requested: Record<number, number> = {};
  for (const x of perProposal) if (x.p.requested_yen > 0) requested[x.p.id] = x.p.requested_yen;
  const outcome = selectWithinLimits(
    ranked,
    {
      slots: call.slots,
      totalBudgetYen: summary.totalBudgetYen,
      budgetPerProposalYen: summary.budgetPerClusterYen,
    },
    requested,
  );
  const lineById = new Map(outcome.lines.map((l) => [l.proposalId, l]));
  const byId = new Map(perProposal.map((x) => [x.p.id, x]));

  const proposals: ResultProposal[] = ranked.map((r) => {
    const x = byId.get(r.proposalId)!;
    const { p, figures } = x;
    const consensusSet = new Set(figures.consensusCriteria);
    const reviewers: ResultReviewer[] = x.counted.map((review, i) => {
      const rows = scoresByReview.get(review.reviewId) ?? [];
      const scores = criteria.map((c) => {
        const row = rows.find((s) => s.criterionKey === c.key);
        const used = consensusSet.has(c.key)
          ? (x.consensusRows.find((k) => k.criterionKey === c.key)?.score ?? null)
          : (row?.score ?? null);
        return { key: c.key, score: row?.score ?? null, used, comment: row?.comment ?? null };
      });
      let weightedSum = 0;
      let weightSum = 0;
      for (const s of scores) {
        const w = criteria.find((c) => c.key === s.key)!.weight;
        if (s.used === null || w === 0) continue;
        weightedSum += w * s.used;
        weightSum += w;
      }
      return {
        label: `Reviewer ${i + 1}`,
        index: i + 1,
        reviewerAccountId: review.reviewerAccountId,
        reviewerName: review.reviewerName,
        weighted: figures.reviewers[i]?.weighted ?? null,
        weightedSum: weightSum === 0 ? null : weightedSum,
        weightSum: weightSum === 0 ? null : weightSum,
        scores,
        overallComment: review.overallComment,
        submittedAt: review.submittedAt,
      };
    });
    const line = lineById.get(p.id);
    const decision = decisionByProposal.get(p.id);
    const group = r.rank === null && figures.score === null ? 'unscored' : r.group;
    return {
      proposalId: p.id,
      title: { ja: p.title_ja, en: p.title_en },
      region: { ja: p.region_ja, en: p.region_en },
      prefectures: Prefectures.catch([]).parse(JSON.parse(p.prefectures_json)),
      keyFieldKey: p.key_field_key,
      coreOrganization:
        p.core_organization_id === null
          ? null
          : { id: p.core_organization_id, name: { ja: p.core_name_ja ?? '', en: p.core_name_en ?? '' } },
      proposerOrganization: {
        id: p.proposer_organization_id,
        name: { ja: p.proposer_name_ja, en: p.proposer_name_en },
      },
      requestedYen: p.requested_yen,
      cluster:
        p.cluster_id === null || p.cluster_key === null ? null : { id: p.cluster_id, key: p.cluster_key },
      group,
      rank: r.rank,
      rankLabel: rankLabel(r.rank, r.tiedWith.length > 0),
      rankIgnoringThresholds: r.rankIgnoringThresholds,
      tiedWith: r.tiedWith,
      decidedByCriterion: r.decidedBy?.criterion ?? null,
      score: figures.score,
      reviewCount: figures.reviewCount,
      excludedConflictedReviews: x.excluded,
      criteria: criteria.map((c) => {
        const agreed = x.consensusRows.find((k) => k.criterionKey === c.key);
        const score = figures.criteria[c.key] ?? null;
        return {
          key: c.key,
          score,
          consensus: consensusSet.has(c.key),
          consensusComment: consensusSet.has(c.key) ? (agreed?.comment ?? null) : null,
          spread: spread(x.disagreement.criteria[c.key] ?? null),
          threshold: c.threshold,
          belowThreshold: x.eligibility.reasons.some((f) => f.criterion === c.key),
        };
      }),
      consensusCriteria: figures.consensusCriteria,
      reviewers,
      overallSpread: spread(x.disagreement.overall),
      disagreementFlags: x.disagreement.flags.map((f) => ({ ...f })),
      thresholdFailures: x.eligibility.reasons.map((f) => ({ ...f })),
      selection: line ? { status: line.status, costYen: line.costYen, reason: line.reason } : null,
      decision: decision ? toDecision(decision) : null,
    };
  });

  const selectedIds = input.decisions.filter((d) => d.outcome === 'selected').map((d) => d.proposalId);
  const costById = new Map(input.proposals.map((p) => [p.id, costOf(call, p.requested_yen)]));
  const decidedBudget = selectedIds.reduce((s, id) => s + (costById.get(id) ?? 0), 0);
  const submitted = new Set(input.proposals.map((p) => p.id));
  return {
    audience: 'officer',
    call: summary,
    criteria,
    limits: {
      slots: call.slots,
      totalBudgetYen: summary.totalBudgetYen,
      budgetPerClusterYen: summary.budgetPerClusterYen,
      suggested: {
        selected: outcome.selected,
        slotsUsed: outcome.slotsUsed,
        slotsLeft: outcome.slotsLeft,
        budgetUsedYen: outcome.budgetUsedYen,
        budgetLeftYen: outcome.budgetLeftYen,
        decisionNeeded: outcome.decisionNeeded,
      },
      decided: {
        slotsUsed: selectedIds.length,
        slotsLeft: call.slots - selectedIds.length,
        budgetUsedYen: decidedBudget,
        budgetLeftYen: summary.totalBudgetYen === null ? null : summary.totalBudgetYen - decidedBudget,
      },
    },
    proposals,
    undecidedCount: [...submitted].filter((id) => !decisionByProposal.has(id)).length,
    generatedAt,
  };
}
