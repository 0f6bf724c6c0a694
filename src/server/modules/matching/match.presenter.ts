/** Matches as they leave the server: a confidential company's name only for those who may know it. */
import type {
  Explanation,
  InterestAnswers,
  JointResearchDetail,
  Match,
  MatchCard,
} from '../../../contracts/matches';
import { type Answer, type MatchStage, nextSteps, type PipelineStep } from '../../../domain/match-pipeline';
import { companyRedactor } from '../../../domain/matching/redact-company';
import type { ServiceContext } from '../../context';
import { isCoordinator, ownsNeed, ownsSeed, todayInJapan } from './listing-access';
import type { OutcomeItemRef } from './listing.repo';
import type { MatchWithParties, StepWithRecorder } from './match.repo';
import type { MatchRow } from './matching.table';

function parse<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

/** The pure pipeline state of a match row and its steps. */
export function stateOf(row: MatchRow, steps: readonly { step: string; occurred_on: string }[]) {
  return {
    seedAnswer: row.seed_answer as Answer,
    needAnswer: row.need_answer as Answer,
    closed: row.closed_at !== null,
    steps: steps.map((s) => ({ step: s.step as PipelineStep, occurredOn: s.occurred_on })),
  };
}

/** The sides the actor may answer for: their own, or either for a coordinator; only before the pipeline starts. */
export function answerableSides(
  ctx: ServiceContext,
  row: MatchWithParties,
  stepCount: number,
): ('seed' | 'need')[] {
  if (row.closed_at !== null || stepCount > 0) return [];
  const coordinator = isCoordinator(ctx);
  const sides: ('seed' | 'need')[] = [];
  if (coordinator || ownsSeed(ctx, { cluster_id: row.seed_cluster_id })) sides.push('seed');
  if (coordinator || ownsNeed(ctx, { organization_id: row.need_organization_id })) sides.push('need');
  return sides;
}

function companyOf(ctx: ServiceContext, row: MatchWithParties) {
  const visible =
    row.need_confidential === 0 ||
    isCoordinator(ctx) ||
    ownsNeed(ctx, { organization_id: row.need_organization_id });
  return visible
    ? { id: row.need_organization_id, name: { ja: row.company_name_ja, en: row.company_name_en } }
    : null;
}

/** Free text as this reader may see it: a hidden company's name is taken out of it. */
function textFilter(ctx: ServiceContext, row: MatchWithParties): (text: string) => string {
  return companyOf(ctx, row) === null
    ? companyRedactor({ ja: row.company_name_ja, en: row.company_name_en })
    : (text) => text;
}

function parties(ctx: ServiceContext, row: MatchWithParties, text: (t: string) => string) {
  const company = companyOf(ctx, row);
  const orNull = (t: string | null) => (t === null ? null : text(t));
  return {
    seed: {
      id: row.seed_id,
      title: { ja: row.seed_title_ja, en: row.seed_title_en },
      cluster: { key: row.cluster_key, name: { ja: row.cluster_name_ja, en: row.cluster_name_en } },
    },
    need: {
      id: row.need_id,
      title: { ja: orNull(row.need_title_ja), en: orNull(row.need_title_en) },
      company,
      companyHidden: company === null,
      confidential: row.need_confidential === 1,
    },
  };
}

export function toMatchCard(
  ctx: ServiceContext,
  row: MatchWithParties,
  lastStepOn: string | null,
): MatchCard {
  return {
    id: row.id,
    ...parties(ctx, row, textFilter(ctx, row)),
    stage: row.stage as MatchStage,
    proposedBy: { accountId: row.proposed_by, displayName: row.proposer_name },
    proposedAt: row.created_at,
    updatedAt: row.updated_at,
    lastStepOn,
  };
}

export function toMatch(
  ctx: ServiceContext,
  row: MatchWithParties,
  steps: StepWithRecorder[],
  items: Map<number, OutcomeItemRef[]>,
): Match {
  const coordinator = isCoordinator(ctx);
  const text = textFilter(ctx, row);
  const orNull = (t: string | null) => (t === null ? null : text(t));
  const interest = (json: string | null): InterestAnswers | null => {
    const answers = parse<InterestAnswers>(json);
    return answers && { offer: text(answers.offer), seek: text(answers.seek), next: text(answers.next) };
  };
  const jointResearch = (json: string | null): JointResearchDetail | null => {
    const detail = parse<JointResearchDetail>(json);
    return (
      detail && {
        ...detail,
        partners: detail.partners.map(text),
        theme: text(detail.theme),
        ...(detail.funderName === undefined ? {} : { funderName: text(detail.funderName) }),
      }
    );
  };
  return {
    id: row.id,
    ...parties(ctx, row, text),
    stage: row.stage as MatchStage,
    note: text(row.note),
    explanation: parse<Explanation>(row.explanation_json),
    proposedBy: { accountId: row.proposed_by, displayName: row.proposer_name },
    proposedAt: row.created_at,
    seedSide: {
      answer: row.seed_answer as Answer,
      interest: interest(row.seed_interest_json),
      reason: orNull(row.seed_reason),
      answeredBy: row.seed_answerer_name,
      answeredAt: row.seed_answered_at,
    },
    needSide: {
      answer: row.need_answer as Answer,
      interest: interest(row.need_interest_json),
      reason: orNull(row.need_reason),
      // A confidential company's answerer would name it: shown to those who see the company.
      answeredBy: companyOf(ctx, row) === null ? null : row.need_answerer_name,
      answeredAt: row.need_answered_at,
    },
    closedReason: orNull(row.closed_reason),
    steps: steps.map((s) => ({
      id: s.id,
      step: s.step as PipelineStep,
      occurredOn: s.occurred_on,
      notes: text(s.notes),
      attendees: (JSON.parse(s.attendees_json) as string[]).map(text),
      jointResearch: jointResearch(s.joint_research_json),
      salesYen: s.sales_yen === null ? null : Number(s.sales_yen),
      outcomeItems: (items.get(s.id) ?? []).map((i) => ({
        id: i.id,
        kind: i.kind,
        title: i.title,
        fiscalYear: i.fiscal_year,
      })),
      recordedBy: s.recorder_name,
      recordedAt: s.recorded_at,
    })),
    canAnswer: answerableSides(ctx, row, steps.length),
    nextSteps: coordinator ? nextSteps(stateOf(row, steps), todayInJapan(ctx)) : [],
    canClose: coordinator && row.closed_at === null,
    version: row.version,
    updatedAt: row.updated_at,
  };
}
