/**
 * Next fiscal year's subsidy from a round's scores. Officers preview (a what-if that writes
 * nothing) from the scoring phase on, and commit once the round is published: the plan is kept
 * (rule and lines) and the budget ledger of the round's allocation fiscal year gets one
 * 'mext_subsidy' line per cluster, sourced to the round, in the same audited transaction. A second
 * commit for the same round and year replaces the first only when asked to, with a reason; the
 * earlier plan stays readable as superseded. Everyone reads the committed plan, with the ledger's
 * visibility: lines of unpublished clusters only for officers and the cluster's headquarters.
 */
import {
  type AllocationCommitBody,
  AllocationCommitBody as AllocationCommitSchema,
  AllocationLine as AllocationLineSchema,
  type AllocationPlanResponse,
  type AllocationPreviewBody,
  AllocationPreviewBody as AllocationPreviewSchema,
  type AllocationPreviewResponse,
  AllocationRule as AllocationRuleSchema,
  type AllocationLine,
  type AllocationRule,
} from '../../../contracts/evaluation-allocation';
import type { RoundStatus } from '../../../contracts/evaluation-rounds';
import { budgetLineKey } from '../../../domain/budget';
import { allocateSubsidies, EvaluationRuleError } from '../../../domain/evaluation';
import type { ServiceContext } from '../../context';
import { isUniqueViolation } from '../../db/errors';
import { AppError, type FieldError, notFound } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { actorAccountId } from '../auth/authorize';
import { upsertBudgetLines } from '../budgets/budget.repo';
import type { AllocationPlanRow, EvaluationRoundRow } from './evaluation.table';
import { loadManagedRound, loadReadableRound } from './round.service';
import { clusterVisibility, loadRoundTotals } from './results.service';
import { toResultClusterRef } from './results.presenter';
import { listScoredClusters } from './results.repo';
import {
  findBudgetLinesByKeys,
  findCommittedPlan,
  insertAllocationPlan,
  listSupersededPlans,
  sumMextSubsidies,
  supersedePlan,
} from './allocation.repo';

type RuleBody = ReturnType<typeof AllocationPreviewSchema.parse>;

const TOP_LEVEL_FIELDS: Record<string, string> = {
  total: 'body.fixedTotalYen',
  floor: 'body.floorYen',
  ceiling: 'body.ceilingYen',
  unit: 'body.unitYen',
};

/** The allocation rule's refusal as a 400 naming the body field the officer set. */
function ruleError(error: EvaluationRuleError, body: RuleBody): AppError {
  const lowestBand = `body.bands.${body.bands.length - 1}.minScore`;
  const errors: FieldError[] = error.issues.map((issue) => {
    if (issue.field.startsWith('bands')) return { field: `body.${issue.field}`, message: issue.message };
    const top = TOP_LEVEL_FIELDS[issue.field];
    if (top) return { field: top, message: issue.message };
    // A cluster's score below every band: the lowest band must start lower.
    if (/^clusters\.\d+\.score$/.test(issue.field)) return { field: lowestBand, message: issue.message };
    // A cluster's current subsidy (the ledger of the base year) is unusable, e.g. negative.
    if (/^clusters\.\d+\.current$/.test(issue.field))
      return { field: 'body.baseFiscalYear', message: issue.message };
    return { field: 'body', message: `${issue.field}: ${issue.message}` };
  });
  return new AppError('VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
    errors,
  });
}

function percentText(adjustment: number): string {
  const pct = Math.round(adjustment * 1000) / 10;
  return `${pct > 0 ? '+' : ''}${pct} %`;
}

/** The what-if: every cluster's current, proposed and final subsidy under the rule. */
async function computeAllocation(
  ctx: ServiceContext,
  round: EvaluationRoundRow,
  body: RuleBody,
): Promise<AllocationPreviewResponse> {
  const { source, totals } = await loadRoundTotals(ctx.db, round);
  const unscored = totals.filter((t) => t.totalScore === null);
  if (unscored.length > 0)
    throw new AppError(
      'RULE_VIOLATION',
      `clusters ${unscored.map((t) => t.cluster.key).join(', ')} have no score (no submitted, non-conflicted grading), so no band`,
      { errors: [{ field: 'params.key', message: 'every cluster needs a score to be allocated' }] },
    );
  const baseFiscalYear = body.baseFiscalYear ?? round.fiscal_year;
  const current = await sumMextSubsidies(
    ctx.db,
    totals.map((t) => t.cluster.id),
    baseFiscalYear,
  );
  const rule: AllocationRule = {
    bands: body.bands.map((b, i) => ({
      band: b.band ?? `#${i + 1}`,
      minScore: b.minScore,
      adjustment: b.adjustment,
    })),
    fixedTotalYen: body.fixedTotalYen ?? null,
    floorYen: body.floorYen ?? null,
    ceilingYen: body.ceilingYen ?? null,
    unitYen: body.unitYen,
    baseFiscalYear,
  };
  let allocation;
  try {
    allocation = allocateSubsidies({
      clusters: totals.map((t) => ({
        clusterId: t.cluster.id,
        current: current.get(t.cluster.id) ?? 0,
        score: t.totalScore,
      })),
      bands: rule.bands,
      total: rule.fixedTotalYen,
      unit: rule.unitYen,
      floor: rule.floorYen,
      ceiling: rule.ceilingYen,
    });
  } catch (error) {
    if (error instanceof EvaluationRuleError) throw ruleError(error, body);
    throw error;
  }
  const lines: AllocationLine[] = allocation.lines.map((line, i) => {
    const t = totals[i]!;
    return {
      cluster: toResultClusterRef(t.cluster),
      totalScore: t.totalScore,
      score100: t.score100,
      rank: t.rank,
      band: t.band,
      allocationBand: line.band,
      adjustment: line.adjustment,
      currentYen: line.current,
      proposedYen: line.proposed,
      finalYen: line.final,
      changeYen: line.change,
      changePercent: line.changePercent,
      floorYen: line.floor,
      ceilingYen: line.ceiling,
      clamped: line.clamped,
    };
  });
  return {
    round: {
      key: round.key,
      title: { ja: round.title_ja, en: round.title_en },
      status: round.status as RoundStatus,
      fiscalYear: round.fiscal_year,
      allocationFiscalYear: round.allocation_fiscal_year,
    },
    fiscalYear: round.allocation_fiscal_year,
    scoreSource: source,
    rule,
    lines,
    currentTotalYen: allocation.currentTotal,
    proposedTotalYen: allocation.proposedTotal,
    totalYen: allocation.total,
    fixedTotal: allocation.fixedTotal,
    scale: allocation.scale,
  };
}

/** Officers preview next year's allocation under a rule; nothing is written. */
export async function previewAllocation(
  ctx: ServiceContext,
  key: string,
  input: AllocationPreviewBody,
): Promise<AllocationPreviewResponse> {
  const round = await loadManagedRound(ctx, key);
  return computeAllocation(ctx, round, AllocationPreviewSchema.parse(input));
}

/** The ledger source naming the round; with the cluster, year and kind it is the line's identity. */
function ledgerSourceOf(round: EvaluationRoundRow): string {
  return `evaluation round ${round.key}`;
}

/** What rule_json keeps beside the rule, so the plan reads back as it was previewed. */
interface StoredRule {
  rule: AllocationRule;
  scoreSource: 'published' | 'live';
  fixedTotal: boolean;
  scale: number;
  replaceReason: string | null;
  ledgerSource: string;
}

/**
 * Commits the allocation of a published round: the plan, and the ledger lines of the round's
 * allocation fiscal year (upserted by line key), in one audited transaction. A second commit for
 * the same round and year is refused (409) unless `replace: true` with a reason.
 */
export async function commitAllocation(
  ctx: ServiceContext,
  key: string,
  input: AllocationCommitBody,
): Promise<AllocationPlanResponse> {
  const round = await loadManagedRound(ctx, key);
  const body = AllocationCommitSchema.parse(input);
  if (round.published_at === null)
    throw new AppError('WRONG_PHASE', `round ${key} is ${round.status}: publish it before committing`, {
      errors: [
        { field: 'params.key', message: 'the allocation is committed once the results are published' },
      ],
    });
  const fiscalYear = round.allocation_fiscal_year;
  const existing = await findCommittedPlan(ctx.db, round.id, fiscalYear);
  if (existing && !body.replace)
    throw new AppError(
      'DUPLICATE',
      `round ${key}'s FY${fiscalYear} allocation was committed at ${existing.committed_at}; send replace: true with a reason to replace it`,
      { errors: [{ field: 'body.replace', message: `already committed for FY${fiscalYear}` }] },
    );
  const preview = await computeAllocation(ctx, round, body);
  const ledgerSource = ledgerSourceOf(round);
  const lineKeys = preview.lines.map((l) =>
    budgetLineKey(l.cluster.id, fiscalYear, 'mext_subsidy', ledgerSource),
  );
  const stored: StoredRule = {
    rule: preview.rule,
    scoreSource: preview.scoreSource,
    fixedTotal: preview.fixedTotal,
    scale: preview.scale,
    replaceReason: existing ? (body.reason ?? null) : null,
    ledgerSource,
  };
  const at = ctx.now().toISOString();
  let planId: number;
  try {
    planId = await ctx.db.transaction().execute(async (trx) => {
      const before = await findBudgetLinesByKeys(trx, lineKeys);
      if (existing && !(await supersedePlan(trx, existing, at)))
        throw new AppError('DUPLICATE', `round ${key}'s allocation was replaced by someone else just now`, {
          errors: [{ field: 'body.replace', message: 'reload the committed plan' }],
        });
      const plan = await insertAllocationPlan(trx, {
        round_id: round.id,
        fiscal_year: fiscalYear,
        rule_json: JSON.stringify(stored),
        lines_json: JSON.stringify(preview.lines),
        total_yen: preview.totalYen,
        status: 'committed',
        committed_at: at,
        committed_by: actorAccountId(ctx.actor),
        created_at: at,
        updated_at: at,
      });
      await upsertBudgetLines(
        trx,
        preview.lines.map((l) => ({
          programmeId: round.programme_id,
          clusterId: l.cluster.id,
          fiscalYear,
          kind: 'mext_subsidy',
          amountYen: l.finalYen,
          source: ledgerSource,
          note: `FY${fiscalYear} allocation of evaluation round ${round.key}: score ${l.totalScore?.toFixed(3) ?? '–'}, band ${l.allocationBand} (${percentText(l.adjustment)})`,
        })),
        at,
      );
      const after = await findBudgetLinesByKeys(trx, lineKeys);
      await audit(ctx, trx, {
        action: existing ? 'allocation.replace' : 'allocation.commit',
        entityType: 'allocation_plan',
        entityId: plan.id,
        before: existing ? { planId: existing.id, status: 'committed', totalYen: existing.total_yen } : null,
        after: {
          round: round.key,
          fiscalYear,
          status: 'committed',
          totalYen: preview.totalYen,
          rule: preview.rule,
          replaceReason: stored.replaceReason,
          ledger: preview.lines.map((l, i) => ({
            cluster: l.cluster.key,
            lineId: after.get(lineKeys[i]!)?.id ?? null,
            beforeYen: before.get(lineKeys[i]!)?.amount_yen ?? null,
            afterYen: l.finalYen,
          })),
        },
      });
      return plan.id;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError(
        'DUPLICATE',
        `round ${key}'s FY${fiscalYear} allocation was committed by someone else just now`,
        {
          errors: [{ field: 'body.replace', message: `already committed for FY${fiscalYear}` }],
        },
      );
    throw error;
  }
  const plan = await findCommittedPlan(ctx.db, round.id, fiscalYear);
  if (!plan || plan.id !== planId) throw notFound(`committed allocation of round`, key);
  return presentPlan(ctx, round, plan);
}

async function presentPlan(
  ctx: ServiceContext,
  round: EvaluationRoundRow,
  plan: AllocationPlanRow,
): Promise<AllocationPlanResponse> {
  const stored = JSON.parse(plan.rule_json) as StoredRule;
  const allLines = AllocationLineSchema.array().parse(JSON.parse(plan.lines_json));
  const visible = clusterVisibility(ctx);
  const clusters = new Map((await listScoredClusters(ctx.db, round.id)).map((c) => [c.id, c]));
  const lines = allLines.filter((l) => {
    const c = clusters.get(l.cluster.id);
    return c !== undefined && visible(c);
  });
  const lineKeys = lines.map((l) =>
    budgetLineKey(l.cluster.id, plan.fiscal_year, 'mext_subsidy', stored.ledgerSource),
  );
  const [ledger, history] = await Promise.all([
    findBudgetLinesByKeys(ctx.db, lineKeys),
    listSupersededPlans(ctx.db, round.id, plan.fiscal_year),
  ]);
  const total = (pick: (l: AllocationLine) => number) => lines.reduce((acc, l) => acc + pick(l), 0);
  return {
    id: plan.id,
    status: plan.status as AllocationPlanResponse['status'],
    committedAt: plan.committed_at ?? plan.created_at,
    replaceReason: stored.replaceReason,
    ledgerSource: stored.ledgerSource,
    round: {
      key: round.key,
      title: { ja: round.title_ja, en: round.title_en },
      status: round.status as RoundStatus,
      fiscalYear: round.fiscal_year,
      allocationFiscalYear: round.allocation_fiscal_year,
    },
    fiscalYear: plan.fiscal_year,
    scoreSource: stored.scoreSource,
    rule: AllocationRuleSchema.parse(stored.rule),
    lines,
    currentTotalYen: total((l) => l.currentYen),
    proposedTotalYen: total((l) => l.proposedYen),
    totalYen: lines.length === allLines.length ? plan.total_yen : total((l) => l.finalYen),
    fixedTotal: stored.fixedTotal,
    scale: stored.scale,
    ledgerLines: lines.map((l, i) => {
      const row = ledger.get(lineKeys[i]!);
      return { clusterKey: l.cluster.key, id: row?.id ?? null, amountYen: row?.amount_yen ?? null };
    }),
    hiddenClusterCount: allLines.length - lines.length,
    history: history.map((h) => ({
      id: h.id,
      committedAt: h.committed_at,
      supersededAt: h.updated_at,
      totalYen: h.total_yen,
    })),
  };
}

/** The round's committed allocation for its allocation fiscal year; 404 until one is committed. */
export async function getAllocationPlan(ctx: ServiceContext, key: string): Promise<AllocationPlanResponse> {
  const round = await loadReadableRound(ctx, key);
  const plan = await findCommittedPlan(ctx.db, round.id, round.allocation_fiscal_year);
  if (!plan) throw notFound('committed allocation of round', key);
  return presentPlan(ctx, round, plan);
}
