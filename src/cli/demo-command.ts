/**
 * `kcp demo [--reset | --remove]`: builds a clearly labelled synthetic FY2002 selection in the
 * database the CLI points at, so a new user can see a whole selection and try the last steps
 * (decisions, publication) themselves. 30 candidate regions — the 18 real ones from
 * data/reference/clusters.csv plus 12 synthetic — each a submitted proposal by a demo local
 * government; 24 invented reviewers; conflicts detected by prefecture and confirmed; reviewers
 * assigned automatically (k = 4) with the domain's own rules; seeded reviews, revealed; the call
 * left in `decision`. Beside it, the FY2004 intermediate evaluation round of the 12 clusters that
 * started in FY2002, with synthetic grades, left in `scoring` (demo-round.ts). And seeds to business
 * (demo-matching.ts): the labelled matching set's 150 seeds and 74 needs, a demo coordinator and
 * 20 matches spread over the pipeline.
 *
 * Real data never mixes with it silently: the call, proposals and round carry is_demo = 1 and
 * 【デモ】 / [Demo] titles, organizations, people and the what-if's base subsidy lines carry the demo
 * source, accounts the @demo.kcp.invalid domain, and clusters are never created (the decision step
 * refuses demo proposals). Everything is written in one transaction, with one audit entry.
 */
import { parseArgs } from 'node:util';
import type { CallCriteria, Participant } from '../contracts/selection-common';
import { OUTCOME_INDICATORS } from '../domain/indicators';
import { findKeyField } from '../domain/key-fields';
import { findPrefecture } from '../domain/prefectures';
import {
  assignReviewers,
  checkThresholds,
  detectAllConflicts,
  measureDisagreement,
  type ProposalParties,
  rankProposals,
  type ReviewerProfile,
  scoreProposal,
  seededRandom,
  type WeightedCriterion,
} from '../domain/selection';
import { type Db, type ServiceContext, systemContext } from '../server/context';
import type { DatabaseHandle } from '../server/db/database';
import { audit } from '../server/modules/audit/audit.service';
import { generatePassword, hashPassword } from '../server/modules/auth/password';
import { readReferenceFiles } from '../server/modules/reference-data/reference-data.files';
import { loadReferenceData, PROGRAMME_KEY } from '../server/modules/reference-data/reference-data.service';
import {
  DEMO_CALL_KEY,
  DEMO_EMAIL_DOMAIN,
  DEMO_REVIEWERS,
  DEMO_SEED,
  DEMO_SOURCE,
  type DemoRegion,
  narrative,
  OUTLIERS,
  QUALITY,
  scoreComment,
  SYNTHETIC_REGIONS,
} from './demo-data';
import { conflictNames } from '../server/modules/selection/conflict.repo';
import { buildDemoMatching, type DemoMatchingOutcome, describeDemoMatching } from './demo-matching';
import { DemoRefusal, removeDemo } from './demo-remove';
import { buildDemoRound, type DemoRoundOutcome } from './demo-round';
import { DEMO_ROUND_KEY, DEMO_ROUND_SEED } from './demo-round-data';
import { insertDemoAccount, insertDemoOrganization, insertDemoPerson } from './demo-rows';

export const DEMO_USAGE = `demo [--reset | --remove]         build a synthetic, clearly labelled FY2002 selection (30 candidate
                                   regions, 24 reviewers, reviews) to try decisions and publication,
                                   and an FY2004 intermediate evaluation of the 12 FY2002 clusters
                                   (synthetic grades) to try publication and next year's allocation,
                                   and seeds to business (150 seeds, 74 needs, 20 matches in the
                                   coordinators' pipeline, a demo coordinator);
                                   --reset rebuilds it, --remove deletes it (demo rows only)`;

const DAY = 86_400_000;
const REVIEWERS_PER_PROPOSAL = 4;
const REVIEWER_CAP = 6;
const SLOTS = 12;
const BUDGET_PER_CLUSTER_YEN = 500_000_000;
const TOTAL_BUDGET_YEN = 6_000_000_000;
const OVERALL_THRESHOLD = 2.5;
/** Range 3 on a 1–5 scale ("one said 1, the others 4"): only real disagreements are flagged. */
const DISAGREEMENT = { maxRange: 3, maxSd: 1.25 };

/** The 2001 criteria from the template, technical factors weighted ×2 as the call's choice. */
async function loadCriteria(trx: Db): Promise<{ templateId: number; criteria: CallCriteria }> {
  const template = await trx
    .selectFrom('criteria_templates')
    .select('id')
    .where('key', '=', 'selection-2001')
    .executeTakeFirst();
  if (!template) throw new Error('criteria template "selection-2001" is missing: run `kcp seed` first');
  const items = await trx
    .selectFrom('criteria_items')
    .selectAll()
    .where('template_id', '=', template.id)
    .orderBy('sort_order')
    .execute();
  const criteria: CallCriteria = items
    .filter((i) => i.parent_key === null)
    .map((g) => ({
      key: g.key,
      label: { ja: g.label_ja, en: g.label_en },
      items: items
        .filter((i) => i.parent_key === g.key)
        .map((i) => ({
          key: i.key,
          label: { ja: i.label_ja, en: i.label_en },
          weight: g.key === 'technical' ? 2 : 1,
          threshold: null,
        })),
    }));
  return { templateId: template.id, criteria };
}

/** The 18 real regions as clusters.csv has them, then the 12 synthetic ones. */
async function loadRegions(trx: Db): Promise<(DemoRegion & { coreOrganizationId: number | null })[]> {
  const rows = readReferenceFiles().clusters;
  const clusters = await trx.selectFrom('clusters').select(['key', 'core_organization_id']).execute();
  const core = new Map(clusters.map((c) => [c.key, c.core_organization_id]));
  const real = rows.map((row) => ({
    key: row.cluster_key,
    nameJa: row.name_ja,
    nameEn: row.name_en,
    prefectureCodes: row.prefecture.split('/').map((name) => findPrefecture(name)!.code),
    keyField: findKeyField(row.key_field)!,
    themeJa: row.phase1_title_ja || null,
    realStartFy: row.start_fy,
    quality: QUALITY[row.cluster_key] ?? 3,
    coreOrganizationId: core.get(row.cluster_key) ?? null,
  }));
  const synthetic = SYNTHETIC_REGIONS.map((r) => ({
    ...r,
    realStartFy: null,
    quality: QUALITY[r.key] ?? 2.5,
    coreOrganizationId: null,
  }));
  return [...real, ...synthetic];
}

function clamp(score: number): number {
  return Math.min(5, Math.max(1, Math.round(score)));
}

interface BuildSummary {
  callId: number;
  proposals: number;
  realRegions: number;
  reviewers: number;
  assignments: number;
  reviews: number;
  conflicts: number;
  flagged: number;
  consensusProposals: number;
  top: { rank: number | null; region: string; real: boolean; score: number | null }[];
  round: DemoRoundOutcome;
  matching: DemoMatchingOutcome;
  password: string;
}

/** Writes the whole demo; runs inside the caller's transaction. */
async function buildDemo(
  ctx: ServiceContext,
  trx: Db,
  passwordHash: string,
  password: string,
): Promise<BuildSummary> {
  const now = ctx.now().getTime();
  const iso = (offsetDays: number) => new Date(now + offsetDays * DAY).toISOString();
  const at = iso(0);
  const programme = await trx
    .selectFrom('programmes')
    .select('id')
    .where('key', '=', PROGRAMME_KEY)
    .executeTakeFirstOrThrow();
  const { templateId, criteria } = await loadCriteria(trx);
  const weighted: WeightedCriterion[] = criteria.flatMap((g) =>
    g.items.map((i) => ({ key: i.key, weight: i.weight })),
  );
  const labelJa = new Map(criteria.flatMap((g) => g.items.map((i) => [i.key, i.label.ja] as const)));
  const regions = await loadRegions(trx);

  const call = await trx
    .insertInto('calls')
    .values({
      programme_id: programme.id,
      key: DEMO_CALL_KEY,
      fiscal_year: 2002,
      title_ja: '【デモ】平成14年度 知的クラスター創成事業 地域選定（合成データ）',
      title_en: '[Demo] FY2002 Knowledge Cluster Initiative — selection of regions (synthetic data)',
      description_ja:
        'kcp demo が生成した合成デモデータです。実在の18地域の名称・府県・重点分野のほかは、提案内容・審査員・評点はすべて架空であり、実際の選定結果ではありません。',
      description_en:
        'Synthetic demo data generated by kcp demo. Apart from the names, prefectures and key fields of the 18 real regions, every proposal, reviewer and score is invented; this is not the real selection.',
      status: 'decision',
      stage: 1,
      previous_call_id: null,
      slots: SLOTS,
      budget_per_cluster_yen: BUDGET_PER_CLUSTER_YEN,
      total_budget_yen: TOTAL_BUDGET_YEN,
      submission_deadline: iso(-45),
      grace_minutes: 0,
      review_deadline: iso(-5),
      decision_deadline: iso(30),
      criteria_template_id: templateId,
      criteria_json: JSON.stringify(criteria),
      scale_json: JSON.stringify({ min: 1, max: 5, step: 1 }),
      overall_threshold: OVERALL_THRESHOLD,
      aggregation: 'mean',
      tie_break_json: JSON.stringify([{ kind: 'criterion', criterion: 'technical.competence' }]),
      disagreement_json: JSON.stringify(DISAGREEMENT),
      required_documents_json: JSON.stringify([
        {
          key: 'plan',
          label: { ja: '知的クラスター構想（事業計画書）', en: 'Cluster plan' },
          required: true,
        },
      ]),
      reviewers_per_proposal: REVIEWERS_PER_PROPOSAL,
      reviewer_cap: REVIEWER_CAP,
      reviews_revealed_at: iso(-4),
      publish_on: null,
      published_at: null,
      is_demo: 1,
      source: DEMO_SOURCE,
      created_by: null,
      created_at: iso(-60),
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  // Proposals: a demo local government per region, a synthetic core organization where the
  // reference data names none, a university and a firm taking part.
  const proposals: { id: number; region: (typeof regions)[number]; orgIds: number[] }[] = [];
  for (const [i, region] of regions.entries()) {
    const pref = findPrefecture(region.prefectureCodes[0]!)!;
    const proposerId = await insertDemoOrganization(
      trx,
      at,
      'local_government',
      `${region.nameJa.replace(/（合成）$/, '')}地域 提案自治体（デモ）`,
      `${region.nameEn.replace(/ \(synthetic\)$/, '')} region proposing government (demo)`,
      pref.code,
    );
    const coreId =
      region.coreOrganizationId ??
      (await insertDemoOrganization(
        trx,
        at,
        'core_organization',
        `${region.nameJa.replace(/（合成）$/, '')}知的クラスター本部（デモ）`,
        `${region.nameEn.replace(/ \(synthetic\)$/, '')} cluster headquarters (demo)`,
        pref.code,
      ));
    const themeJa = region.themeJa ?? `${region.nameJa.replace(/（合成）$/, '')}知的クラスター構想`;
    const participants: Participant[] = [
      {
        organizationId: null,
        kind: 'university',
        name: { ja: `${pref.ja}の国立大学（デモ）`, en: `A national university in ${pref.en} (demo)` },
      },
      {
        organizationId: null,
        kind: 'public_research_institute',
        name: {
          ja: `${pref.ja}工業技術センター（デモ）`,
          en: `${pref.en} industrial technology centre (demo)`,
        },
      },
      {
        organizationId: null,
        kind: 'company',
        name: { ja: `地元企業${(i % 5) + 3}社（デモ）`, en: `${(i % 5) + 3} local firms (demo)` },
      },
    ];
    const subsidy = i % 4 === 3 ? 450_000_000 : BUDGET_PER_CLUSTER_YEN;
    const budget = [2002, 2003, 2004, 2005, 2006].map((fiscalYear, y) => ({
      fiscalYear,
      subsidyYen: subsidy,
      localYen: 100_000_000 + ((i * 7 + y * 3) % 10) * 10_000_000,
      otherYen: y === 0 ? 0 : 20_000_000 * y,
    }));
    const row = await trx
      .insertInto('proposals')
      .values({
        call_id: call.id,
        proposer_organization_id: proposerId,
        title_ja: `【デモ】${themeJa}`,
        title_en: `[Demo] ${region.nameEn} knowledge cluster plan`,
        region_ja: region.nameJa,
        region_en: region.nameEn,
        prefectures_json: JSON.stringify(region.prefectureCodes),
        key_field_key: region.keyField,
        core_organization_id: coreId,
        headquarters_plan: `【デモ】クラスター本部を中核機関に置き、本部長・事業総括・研究統括を置く。 / [Demo] Headquarters in the core organization with a director, a project manager and a research director.`,
        participants_json: JSON.stringify(participants),
        narratives_json: JSON.stringify(
          Object.fromEntries(
            criteria.map((g) => [
              g.key,
              narrative(g.label.ja, g.label.en, region.nameJa, region.nameEn, themeJa),
            ]),
          ),
        ),
        budget_plan_json: JSON.stringify(budget),
        targets_json: JSON.stringify(
          (['patents_domestic_applied', 'papers_domestic'] as const)
            .filter((k) => OUTCOME_INDICATORS.some((ind) => ind.key === k))
            .map((indicatorKey, n) => ({
              indicatorKey,
              fiscalYear: 2006,
              target: 20 + ((i * 11 + n * 17) % 40),
            })),
        ),
        requested_yen: subsidy,
        status: 'submitted',
        submitted_at: iso(-46 + i / 100),
        withdrawn_at: null,
        reopened_at: null,
        reopened_by: null,
        reopen_reason: null,
        previous_proposal_id: null,
        cluster_id: null,
        is_demo: 1,
        created_by: null,
        created_at: iso(-70),
        updated_at: iso(-46 + i / 100),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertDemoAccount(
      trx,
      at,
      {
        email: `proposer-${region.key}@${DEMO_EMAIL_DOMAIN}`,
        displayName: `${region.nameJa.replace(/（合成）$/, '')} 提案担当（デモ）`,
        passwordHash,
        personId: null,
      },
      { role: 'proposer', scopeType: 'organization', scopeId: proposerId },
    );
    proposals.push({ id: row.id, region, orgIds: [proposerId, coreId] });
  }

  // Reviewers: person, affiliation, evaluator account, profile, the call's pool.
  const orgByName = new Map<string, number>();
  const reviewers: {
    id: number;
    severity: number;
    organizationId: number;
    prefectureCode: string;
    keyFields: string[];
  }[] = [];
  for (const [i, r] of DEMO_REVIEWERS.entries()) {
    let organizationId = orgByName.get(r.organizationJa);
    if (organizationId === undefined) {
      organizationId = await insertDemoOrganization(
        trx,
        at,
        r.organizationKind,
        r.organizationJa,
        r.organizationEn,
        r.prefectureCode,
      );
      orgByName.set(r.organizationJa, organizationId);
    }
    const personId = await insertDemoPerson(trx, at, {
      nameJa: `${r.nameJa}（デモ）`,
      nameEn: `${r.nameEn} (demo)`,
      organizationId,
      titleJa: '教授・研究員（デモ）',
      titleEn: 'Professor / researcher (demo)',
    });
    const accountId = await insertDemoAccount(
      trx,
      at,
      {
        email: `reviewer${String(i + 1).padStart(2, '0')}@${DEMO_EMAIL_DOMAIN}`,
        displayName: `${r.nameJa}（デモ）`,
        passwordHash,
        personId,
      },
      { role: 'evaluator', scopeType: 'programme', scopeId: null },
    );
    await trx
      .insertInto('reviewer_profiles')
      .values({
        account_id: accountId,
        key_fields_json: JSON.stringify(r.keyFields),
        collaborator_organization_ids_json: '[]',
        prefecture_code: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    await trx
      .insertInto('call_reviewers')
      .values({ call_id: call.id, account_id: accountId, max_load: null, added_at: iso(-44) })
      .execute();
    reviewers.push({
      id: accountId,
      severity: r.severity,
      organizationId,
      prefectureCode: r.prefectureCode,
      keyFields: r.keyFields,
    });
  }

  // Conflicts from affiliations (the domain's rules), confirmed, so assignment keeps them out.
  const profiles: ReviewerProfile[] = reviewers.map((r) => ({
    reviewerId: r.id,
    personId: null,
    affiliations: [{ organizationId: r.organizationId, prefectureCode: r.prefectureCode }],
    collaborations: [],
    declared: [],
  }));
  const parties: ProposalParties[] = proposals.map((p) => ({
    proposalId: p.id,
    coreOrganizationId: p.orgIds[1]!,
    participatingOrganizationIds: [p.orgIds[0]!],
    prefectureCodes: p.region.prefectureCodes,
    personIds: [],
  }));
  const names = await conflictNames(
    trx,
    reviewers.map((r) => r.organizationId),
    parties.flatMap((p) => p.prefectureCodes),
  );
  const findings = detectAllConflicts(profiles, parties, 2002, 5, {
    organization: (id) => names.organizations.get(id) ?? `#${id}`,
    prefecture: (code) => names.prefectures.get(code) ?? code,
    person: (id) => `#${id}`,
  });
  for (const f of findings)
    await trx
      .insertInto('conflicts')
      .values({
        call_id: call.id,
        proposal_id: f.proposalId,
        reviewer_account_id: f.reviewerId,
        kind: f.kind,
        origin: f.source,
        detail: f.reason,
        status: 'confirmed',
        created_at: iso(-44),
        ruled_by: null,
        ruled_at: iso(-43),
        ruling_note: '【デモ】kcp demo が確認 / [Demo] confirmed by kcp demo',
      })
      .execute();

  const assignment = assignReviewers({
    proposals: proposals.map((p) => ({ proposalId: p.id, keyField: p.region.keyField })),
    reviewers: reviewers.map((r) => ({ reviewerId: r.id, expertise: r.keyFields })),
    perProposal: REVIEWERS_PER_PROPOSAL,
    defaultCap: REVIEWER_CAP,
    conflicts: findings.map((f) => ({ reviewerId: f.reviewerId, proposalId: f.proposalId })),
    existing: [],
    seed: DEMO_SEED,
  });
  if (assignment.shortfalls.length > 0)
    throw new Error(
      `demo assignment left proposals short: ${assignment.shortfalls.map((s) => s.reason).join('; ')}`,
    );

  // Seeded reviews: the region's quality, a per-criterion strength shared by its reviewers, the
  // reviewer's severity and a little noise; then the deliberate outliers.
  const random = seededRandom(DEMO_SEED);
  const severity = new Map(reviewers.map((r) => [r.id, r.severity]));
  const byProposal = new Map(proposals.map((p) => [p.id, p]));
  const strengths = new Map(
    proposals.map((p) => [p.id, new Map(weighted.map((c) => [c.key, (random() - 0.5) * 0.6]))]),
  );
  const reviewsOf = new Map<number, { reviewerId: number; scores: Record<string, number> }[]>(
    proposals.map((p) => [p.id, []]),
  );
  const consensusOf = new Map<number, Record<string, number>>();
  for (const a of assignment.assignments) {
    const p = byProposal.get(a.proposalId)!;
    const scores: Record<string, number> = {};
    for (const c of weighted)
      scores[c.key] = clamp(
        p.region.quality +
          strengths.get(p.id)!.get(c.key)! +
          severity.get(a.reviewerId)! +
          (random() - 0.5) * 0.9,
      );
    reviewsOf.get(p.id)!.push({ reviewerId: a.reviewerId, scores });
  }
  for (const o of OUTLIERS) {
    const p = proposals.find((x) => x.region.key === o.region);
    const list = p ? reviewsOf.get(p.id)! : [];
    const odd = list[0];
    if (!p || !odd) continue;
    for (const key of o.criteria) odd.scores[key] = o.score;
    if (o.consensus) {
      const agreed: Record<string, number> = {};
      for (const key of o.criteria) {
        const others = list
          .slice(1)
          .map((r) => r.scores[key]!)
          .sort((x, y) => x - y);
        agreed[key] = others[others.length >> 1]!;
      }
      consensusOf.set(p.id, agreed);
    }
  }

  const assignedAt = iso(-40);
  let reviewCount = 0;
  for (const a of assignment.assignments) {
    const ra = await trx
      .insertInto('review_assignments')
      .values({
        call_id: call.id,
        proposal_id: a.proposalId,
        reviewer_account_id: a.reviewerId,
        method: 'automatic',
        assigned_by: null,
        assigned_at: assignedAt,
        declared_at: iso(-38),
        removed_at: null,
        removed_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const scores = reviewsOf.get(a.proposalId)!.find((r) => r.reviewerId === a.reviewerId)!.scores;
    const submittedAt = iso(-12 + (reviewCount % 7));
    const review = await trx
      .insertInto('reviews')
      .values({
        assignment_id: ra.id,
        call_id: call.id,
        proposal_id: a.proposalId,
        reviewer_account_id: a.reviewerId,
        status: 'submitted',
        overall_comment: `【デモ】総合所見（合成）：${byProposal.get(a.proposalId)!.region.nameJa}の構想を審査した。 / [Demo] Overall remarks (synthetic).`,
        submitted_at: submittedAt,
        created_at: iso(-30),
        updated_at: submittedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('review_scores')
      .values(
        weighted.map((c) => ({
          review_id: review.id,
          criterion_key: c.key,
          score: scores[c.key]!,
          comment: scoreComment(labelJa.get(c.key)!, scores[c.key]!),
        })),
      )
      .execute();
    reviewCount++;
  }
  for (const [proposalId, agreed] of consensusOf)
    await trx
      .insertInto('consensus_scores')
      .values(
        Object.entries(agreed).map(([criterion_key, score]) => ({
          proposal_id: proposalId,
          criterion_key,
          score,
          comment: '【デモ】合議により他の審査員の評点に合わせた。 / [Demo] Agreed at the panel meeting.',
          moderator_account_id: null,
          recorded_at: iso(-4),
        })),
      )
      .execute();

  // What the officer will see: the domain's ranking over the same figures.
  let flagged = 0;
  const ranked = rankProposals(
    proposals.map((p) => {
      const reviews = reviewsOf.get(p.id)!;
      const score = scoreProposal(reviews, weighted, 'mean', consensusOf.get(p.id));
      if (
        measureDisagreement(reviews, weighted, { range: DISAGREEMENT.maxRange, sd: DISAGREEMENT.maxSd })
          .flagged
      )
        flagged++;
      return {
        proposalId: p.id,
        score: score.score,
        criteria: score.criteria,
        eligible: checkThresholds(score, { overall: OVERALL_THRESHOLD }).eligible,
      };
    }),
    [{ kind: 'criterion', criterion: 'technical.competence' }],
  );
  const round = await buildDemoRound(trx, passwordHash);
  const matching = await buildDemoMatching(trx, ctx.now(), passwordHash);
  const summary: BuildSummary = {
    callId: call.id,
    proposals: proposals.length,
    realRegions: regions.filter((r) => r.realStartFy !== null).length,
    reviewers: reviewers.length,
    assignments: assignment.assignments.length,
    reviews: reviewCount,
    conflicts: findings.length,
    flagged,
    consensusProposals: consensusOf.size,
    top: ranked.slice(0, SLOTS).map((r) => {
      const region = byProposal.get(r.proposalId)!.region;
      return { rank: r.rank, region: region.nameEn, real: region.realStartFy === 2002, score: r.score };
    }),
    round,
    matching,
    password,
  };
  await audit(ctx, trx, {
    action: 'demo.build',
    entityType: 'call',
    entityId: call.id,
    after: {
      key: DEMO_CALL_KEY,
      source: DEMO_SOURCE,
      seed: DEMO_SEED,
      proposals: summary.proposals,
      realRegions: summary.realRegions,
      reviewers: summary.reviewers,
      assignments: summary.assignments,
      reviews: summary.reviews,
      conflicts: summary.conflicts,
      consensusProposals: summary.consensusProposals,
      round: round.built
        ? {
            key: DEMO_ROUND_KEY,
            id: round.summary.roundId,
            seed: DEMO_ROUND_SEED,
            clusters: round.summary.clusters,
            missingClusters: round.summary.missing,
            evaluators: round.summary.evaluators,
            weightingMembers: round.summary.weightingMembers,
            conflicts: round.summary.conflicts.length,
            gradings: round.summary.gradings,
            findings: round.summary.findings,
            baseLines: round.summary.baseLines,
          }
        : { key: DEMO_ROUND_KEY, notBuilt: round.reason },
      matching: matching.built ? matching.summary : { notBuilt: matching.reason },
    },
  });
  return summary;
}

/** True when the demo call, the demo round, any demo account or demo listing is already there. */
async function demoPresent(db: Db): Promise<boolean> {
  const call = await db.selectFrom('calls').select('id').where('key', '=', DEMO_CALL_KEY).executeTakeFirst();
  const round = await db
    .selectFrom('evaluation_rounds')
    .select('id')
    .where('key', '=', DEMO_ROUND_KEY)
    .executeTakeFirst();
  const account = await db
    .selectFrom('accounts')
    .select('id')
    .where('email', 'like', `%@${DEMO_EMAIL_DOMAIN}`)
    .executeTakeFirst();
  const seed = await db.selectFrom('seeds').select('id').where('is_demo', '=', 1).executeTakeFirst();
  const need = await db.selectFrom('needs').select('id').where('is_demo', '=', 1).executeTakeFirst();
  return (
    call !== undefined ||
    round !== undefined ||
    account !== undefined ||
    seed !== undefined ||
    need !== undefined
  );
}

function printRound(outcome: DemoRoundOutcome): void {
  if (!outcome.built) {
    console.error(`NOTE: ${outcome.reason}.`);
    console.error(
      '  load the reference data into an empty database (`kcp seed`) to get the 12 FY2002 clusters back',
    );
    return;
  }
  const r = outcome.summary;
  console.log(
    `built the demo evaluation round ${DEMO_ROUND_KEY} (id ${r.roundId}) — SYNTHETIC GRADES, the seed publishes none`,
  );
  console.log(
    `  ${r.clusters} clusters that started in FY2002, ${r.weightingMembers} weighting members (weights locked), ` +
      `${r.evaluators} evaluators, ${r.gradings} submitted gradings (${r.grades} grades), ` +
      `${r.conflicts.length} conflicts by prefecture kept out, ${r.interviews} interviews, ${r.findings} findings; left in the scoring phase`,
  );
  if (r.missing.length > 0)
    console.error(
      `  NOTE: ${r.missing.length} FY2002 cluster(s) of the reference data are not in the database (or withdrawn) and are not evaluated: ${r.missing.join(', ')}`,
    );
  for (const c of r.conflicts) console.log(`    conflict: ${c.evaluator} × ${c.cluster} (${c.reason})`);
  console.log('  live ranking (synthetic):');
  for (const t of r.ranking)
    console.log(
      `    ${String(t.rank ?? '-').padStart(2)}. ${t.cluster}: ${t.score?.toFixed(3) ?? '–'} (band ${t.band ?? '–'})`,
    );
  if (r.baseLines > 0)
    console.log(
      `  ${r.baseLines} FY2004 MEXT subsidy line(s) of ¥${r.baseYen.toLocaleString('en-US')} added to the ledger as the allocation what-if's base (demo source)`,
    );
  console.log(
    `  demo accounts: weighting01…weighting${String(r.weightingMembers).padStart(2, '0')}@${DEMO_EMAIL_DOMAIN} (weighting group, 01 chairs), ` +
      `evaluator01…evaluator${String(r.evaluators).padStart(2, '0')}@${DEMO_EMAIL_DOMAIN} (evaluating group)`,
  );
  console.log(
    `  /rounds/${DEMO_ROUND_KEY}   — scores, agreement and charts; publish, then preview next year's allocation`,
  );
}

function printSummary(s: BuildSummary): void {
  console.log(
    `built the demo call ${DEMO_CALL_KEY} (id ${s.callId}) — SYNTHETIC DEMO DATA, not the real selection`,
  );
  console.log(
    `  ${s.proposals} proposals (${s.realRegions} real regions + ${s.proposals - s.realRegions} synthetic), ${s.reviewers} reviewers, ` +
      `${s.assignments} assignments, ${s.reviews} submitted reviews, ${s.conflicts} conflicts confirmed and kept out, ` +
      `${s.flagged} proposals with disagreement flags, ${s.consensusProposals} with a consensus record`,
  );
  console.log(`  top ${s.top.length} by score (the officer decides; nothing is selected yet):`);
  for (const t of s.top)
    console.log(
      `    ${String(t.rank ?? '-').padStart(2)}. ${t.region}${t.real ? ' (a real FY2002 cluster)' : ''}: ${t.score?.toFixed(3)}`,
    );
  console.log(
    `  demo accounts: reviewer01…reviewer${DEMO_REVIEWERS.length}@${DEMO_EMAIL_DOMAIN} (evaluators),`,
  );
  console.log(
    `                 proposer-<region key>@${DEMO_EMAIL_DOMAIN} (proposers, e.g. proposer-sapporo@${DEMO_EMAIL_DOMAIN})`,
  );
  printRound(s.round);
  const matching = describeDemoMatching(s.matching);
  for (const line of matching.out) console.log(line);
  for (const line of matching.err) console.error(line);
  console.log(`  password of every demo account (shown once): ${s.password}`);
  console.log('next: sign in as an administrator or programme officer and open');
  console.log(
    `  /calls/${DEMO_CALL_KEY}/results   — ranked list, decide (select / trial / reject), then publish`,
  );
  console.log(
    '  demo proposals never create clusters; `kcp demo --remove` deletes the demo, `--reset` rebuilds it',
  );
}

/** Runs the command against an open database; returns the exit code. */
export async function demoCommand(args: string[], handle: DatabaseHandle): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { reset: { type: 'boolean', default: false }, remove: { type: 'boolean', default: false } },
  });
  if (values.reset && values.remove) {
    console.error('give --reset or --remove, not both');
    return 2;
  }
  const ctx = systemContext(handle.db, 'cli demo');
  await loadReferenceData(ctx);
  try {
    return await run(ctx, handle, values);
  } catch (error) {
    if (!(error instanceof DemoRefusal)) throw error;
    console.error(error.message);
    return 1;
  }
}

async function run(
  ctx: ServiceContext,
  handle: DatabaseHandle,
  values: { reset: boolean; remove: boolean },
): Promise<number> {
  if (values.remove) {
    const removed = await handle.db.transaction().execute((trx) => removeDemo(ctx, trx));
    console.log(
      removed.calls + removed.rounds + removed.accounts + removed.seeds + removed.needs === 0
        ? 'no demo data to remove'
        : `removed the demo: ${removed.calls} call, ${removed.proposals} proposals, ${removed.reviews} reviews, ` +
            `${removed.rounds} evaluation round, ${removed.grades} grades, ${removed.budgetLines} demo ledger lines, ` +
            `${removed.seeds} seeds, ${removed.needs} needs, ${removed.matches} matches, ` +
            `${removed.accounts} demo accounts, ${removed.organizations} demo organizations`,
    );
    return 0;
  }
  if (!values.reset && (await demoPresent(handle.db))) {
    console.error(
      `the demo is already there (call ${DEMO_CALL_KEY}, round ${DEMO_ROUND_KEY}, demo seeds and needs or @${DEMO_EMAIL_DOMAIN} accounts); nothing was changed.\n` +
        'run `kcp demo --reset` to rebuild it, or `kcp demo --remove` to delete it',
    );
    return 1;
  }
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const summary = await handle.db.transaction().execute(async (trx) => {
    if (values.reset) await removeDemo(ctx, trx);
    return buildDemo(ctx, trx, passwordHash, password);
  });
  printSummary(summary);
  return 0;
}
