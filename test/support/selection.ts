/**
 * Selection fixtures written straight to the database, so a test of reviews or decisions does not
 * depend on the calls and proposals routes to set the stage. Shapes follow
 * src/contracts/selection-common.ts; ids come back for the test to use through the API.
 */
import type { Kysely } from 'kysely';
import type { CallCriteria, Scale } from '../../src/contracts/selection-common';
import type { Database } from '../../src/server/db/schema';
import { unique } from './factories';

/** The 2001 selection criteria (criteria.json selection_2001), every item weight 1, no thresholds. */
export const SELECTION_2001_CRITERIA: CallCriteria = [
  {
    key: 'basic',
    label: { ja: '基本的要素', en: 'Basic factors' },
    items: [
      {
        key: 'basic.focus',
        label: { ja: '特定分野への特化', en: 'Focus on a specific field' },
        weight: 1,
        threshold: null,
      },
      {
        key: 'basic.core-org',
        label: { ja: '核となる研究機関の存在', en: 'Existence of a core research organization' },
        weight: 1,
        threshold: null,
      },
      {
        key: 'basic.infrastructure',
        label: { ja: 'インフラストラクチャ', en: 'Infrastructures' },
        weight: 1,
        threshold: null,
      },
    ],
  },
  {
    key: 'technical',
    label: { ja: '技術的要素', en: 'Technical factors' },
    items: [
      {
        key: 'technical.competence',
        label: { ja: '研究開発能力', en: 'Competence of R&D activities' },
        weight: 1,
        threshold: null,
      },
      {
        key: 'technical.business',
        label: { ja: '事業化の可能性', en: 'Possibility of going into business' },
        weight: 1,
        threshold: null,
      },
    ],
  },
  {
    key: 'promotion',
    label: { ja: '事業推進体制', en: "System for projects' promotion" },
    items: [
      {
        key: 'promotion.core-org',
        label: { ja: '中核機関の支援能力', en: 'Assistance capabilities of a core organization' },
        weight: 1,
        threshold: null,
      },
      {
        key: 'promotion.headquarters',
        label: { ja: 'クラスター本部の体制', en: 'Structure of the Cluster Headquarters' },
        weight: 1,
        threshold: null,
      },
    ],
  },
  {
    key: 'regional',
    label: { ja: '地域の主体性', en: 'Program carried by regional initiative' },
    items: [
      {
        key: 'regional.policy',
        label: { ja: '地域の政策', en: 'Regional policy' },
        weight: 1,
        threshold: null,
      },
      {
        key: 'regional.vision',
        label: { ja: '地域のビジョン', en: 'Regional vision' },
        weight: 1,
        threshold: null,
      },
      {
        key: 'regional.leadership',
        label: { ja: '地域のリーダーシップ', en: 'Regional leadership' },
        weight: 1,
        threshold: null,
      },
    ],
  },
];

export const CRITERION_KEYS = SELECTION_2001_CRITERIA.flatMap((g) => g.items.map((i) => i.key));

const HOUR = 3_600_000;

export interface CallFixture {
  status?: string;
  slots?: number;
  /** Relative to now: negative = the deadline has passed. */
  submissionInHours?: number;
  graceMinutes?: number;
  scale?: Scale;
  criteria?: CallCriteria;
  aggregation?: 'mean' | 'median';
  overallThreshold?: number | null;
  reviewersPerProposal?: number;
  reviewerCap?: number;
  budgetPerClusterYen?: number;
  totalBudgetYen?: number | null;
  revealed?: boolean;
  stage?: number;
  previousCallId?: number | null;
}

/** Inserts a call (default: open, deadline in 10 days, 1–5 scale, the 2001 criteria); returns its id. */
export async function insertCall(
  db: Kysely<Database>,
  o: CallFixture = {},
): Promise<{ id: number; key: string }> {
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const n = unique();
  const key = `call-${n}`;
  const programme = await db.selectFrom('programmes').select('id').executeTakeFirstOrThrow();
  const row = await db
    .insertInto('calls')
    .values({
      programme_id: programme.id,
      key,
      fiscal_year: 2002,
      title_ja: `テスト公募${n}`,
      title_en: `Test call ${n}`,
      description_ja: null,
      description_en: null,
      status: o.status ?? 'open',
      stage: o.stage ?? 1,
      previous_call_id: o.previousCallId ?? null,
      slots: o.slots ?? 2,
      budget_per_cluster_yen: o.budgetPerClusterYen ?? 500_000_000,
      total_budget_yen: o.totalBudgetYen === undefined ? 1_000_000_000 : o.totalBudgetYen,
      submission_deadline: iso(now + (o.submissionInHours ?? 240) * HOUR),
      grace_minutes: o.graceMinutes ?? 0,
      review_deadline: iso(now + 480 * HOUR),
      decision_deadline: iso(now + 720 * HOUR),
      criteria_template_id: null,
      criteria_json: JSON.stringify(o.criteria ?? SELECTION_2001_CRITERIA),
      scale_json: JSON.stringify(o.scale ?? { min: 1, max: 5, step: 1 }),
      overall_threshold: o.overallThreshold ?? null,
      aggregation: o.aggregation ?? 'mean',
      tie_break_json: JSON.stringify([{ kind: 'criterion', criterion: 'technical.competence' }]),
      disagreement_json: JSON.stringify({ maxRange: 2, maxSd: 1 }),
      required_documents_json: JSON.stringify([
        { key: 'plan', label: { ja: '事業計画書', en: 'Cluster plan' }, required: true },
      ]),
      reviewers_per_proposal: o.reviewersPerProposal ?? 3,
      reviewer_cap: o.reviewerCap ?? 10,
      reviews_revealed_at: o.revealed ? iso(now) : null,
      publish_on: null,
      published_at: null,
      is_demo: 0,
      source: 'test fixture',
      created_by: null,
      created_at: iso(now),
      updated_at: iso(now),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, key };
}

export interface ProposalFixture {
  status?: string;
  prefectures?: string[];
  keyField?: string;
  coreOrganizationId?: number | null;
  requestedYen?: number;
}

/** Inserts a proposal of `organizationId` to the call (default: submitted, Hokkaido, IT). */
export async function insertProposal(
  db: Kysely<Database>,
  callId: number,
  organizationId: number,
  o: ProposalFixture = {},
): Promise<{ id: number }> {
  const now = new Date().toISOString();
  const n = unique();
  const status = o.status ?? 'submitted';
  const row = await db
    .insertInto('proposals')
    .values({
      call_id: callId,
      proposer_organization_id: organizationId,
      title_ja: `テスト提案${n}`,
      title_en: `Test proposal ${n}`,
      region_ja: `テスト地域${n}`,
      region_en: `Test region ${n}`,
      prefectures_json: JSON.stringify(o.prefectures ?? ['01']),
      key_field_key: o.keyField ?? 'it',
      core_organization_id: o.coreOrganizationId ?? null,
      headquarters_plan: 'Headquarters in the core organization',
      participants_json: '[]',
      narratives_json: JSON.stringify({ basic: 'Narrative' }),
      budget_plan_json: JSON.stringify(
        [2002, 2003, 2004, 2005, 2006].map((fiscalYear) => ({
          fiscalYear,
          subsidyYen: o.requestedYen ?? 500_000_000,
          localYen: 100_000_000,
          otherYen: 0,
        })),
      ),
      targets_json: '[]',
      requested_yen: o.requestedYen ?? 500_000_000,
      status,
      submitted_at: status === 'submitted' ? now : null,
      withdrawn_at: status === 'withdrawn' ? now : null,
      reopened_at: null,
      reopened_by: null,
      reopen_reason: null,
      previous_proposal_id: null,
      cluster_id: null,
      is_demo: 0,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id };
}
