/**
 * The demo's FY2004 intermediate evaluation round (issue 5, "Demo data"): the real clusters that
 * started in FY2002 (12 in the reference data), evaluated by an invented weighting group (5, one
 * chair) and evaluating group (9), left in the scoring phase so a new user can publish the results
 * and try next year's allocation themselves.
 *
 * Every step leaves the rows the platform's own slices would: submitted self-evaluation reports,
 * each member's weight proposals and the locked mean set (the domain's meanWeights), interviews
 * with minutes, conflicts of interest detected by prefecture (the domain's detectConflicts) that
 * exclude the evaluator, submitted S/A/B/C grades with comments for every clear assignment,
 * consolidated comments drafted from the domain's own scoring, and findings with the seed's tags.
 * The round is is_demo = 1 and titled 【デモ】/[Demo]; grades, people and texts are synthetic.
 *
 * The allocation what-if reads each cluster's FY2004 MEXT subsidy from the ledger. Where the
 * ledger has none for a cluster, the demo adds the programme's standard ¥500M a year as a line
 * carrying the demo source, so the what-if has a base; --remove deletes those lines again.
 */
import { DEFAULT_BANDS, DEFAULT_GRADE_SCALE, type RoundCriteria } from '../contracts/evaluation-rounds';
import {
  type ClusterGrading,
  defineGradeScale,
  meanWeights,
  scoreRound,
  type WeightSet,
} from '../domain/evaluation';
import { detectConflicts, seededRandom } from '../domain/selection';
import type { Db } from '../server/context';
import { upsertBudgetLines } from '../server/modules/budgets/budget.repo';
import {
  clusterParties,
  evaluatorAffiliations,
  findClustersStartingIn,
} from '../server/modules/evaluation/round.repo';
import { readReferenceFiles } from '../server/modules/reference-data/reference-data.files';
import { roundCriteriaOf } from '../server/modules/evaluation/round.presenter';
import { findCriteriaTemplate } from '../server/modules/selection/call.repo';
import { conflictNames } from '../server/modules/selection/conflict.repo';
import { DEMO_EMAIL_DOMAIN, DEMO_SOURCE } from './demo-data';
import {
  consolidatedComment,
  DEFAULT_CLUSTER_LEVEL,
  DEMO_CLUSTER_LEVEL,
  DEMO_EVALUATORS,
  DEMO_FINDINGS,
  DEMO_ROUND_ANNOUNCE_ON,
  DEMO_ROUND_COHORT_FY,
  DEMO_ROUND_KEY,
  DEMO_ROUND_PHASES,
  DEMO_ROUND_SEED,
  DEMO_ROUND_TITLE,
  DEMO_WEIGHTING_MEMBERS,
  type DemoPanelMember,
  gradeComment,
  INTERVIEW_PLACE,
  INTERVIEW_SLOTS,
  interviewMinute,
  jst,
  MINUTE_ITEMS,
  selfEvaluationNarrative,
} from './demo-round-data';
import { insertDemoAccount, insertDemoOrganization, insertDemoPerson } from './demo-rows';

const TEMPLATE_KEY = 'intermediate-2004';
const BASE_FISCAL_YEAR = 2004;

export interface DemoRoundSummary {
  roundId: number;
  clusters: number;
  /** Cohort clusters of the reference data the database lacks (withdrawn or never loaded). */
  missing: string[];
  evaluators: number;
  weightingMembers: number;
  assignments: number;
  conflicts: { cluster: string; evaluator: string; reason: string }[];
  gradings: number;
  grades: number;
  interviews: number;
  findings: number;
  /** FY2004 subsidy lines the demo added as the what-if's base, each of `baseYen`. */
  baseLines: number;
  baseYen: number;
  ranking: { rank: number | null; cluster: string; band: string | null; score: number | null }[];
}

export type DemoRoundOutcome =
  { built: true; summary: DemoRoundSummary } | { built: false; reason: string; expected: string[] };

interface RoundCluster {
  id: number;
  key: string;
  nameJa: string;
  nameEn: string;
  level: number;
}

/** The intermediate-2004 template as a round's criteria tree (what opening a round copies). */
async function loadCriteria(trx: Db): Promise<{ templateId: number; criteria: RoundCriteria }> {
  const found = await findCriteriaTemplate(trx, TEMPLATE_KEY);
  if (!found) throw new Error(`criteria template "${TEMPLATE_KEY}" is missing: run \`kcp seed\` first`);
  return { templateId: found.template.id, criteria: roundCriteriaOf(found.items) };
}

/** The cohort in the database, in the reference data's order, and what the reference data expects. */
async function loadCohort(trx: Db): Promise<{ clusters: RoundCluster[]; expected: string[] }> {
  const expected = readReferenceFiles()
    .clusters.filter((c) => c.start_fy === DEMO_ROUND_COHORT_FY)
    .map((c) => c.cluster_key);
  const found = await findClustersStartingIn(trx, DEMO_ROUND_COHORT_FY);
  const rows =
    found.length === 0
      ? []
      : await trx
          .selectFrom('clusters')
          .select(['id', 'key', 'name_ja', 'name_en'])
          .where(
            'id',
            'in',
            found.map((c) => c.id),
          )
          .execute();
  const order = (key: string) => {
    const i = expected.indexOf(key);
    return i === -1 ? expected.length : i;
  };
  const clusters = rows
    .map((r) => ({
      id: r.id,
      key: r.key,
      nameJa: r.name_ja,
      nameEn: r.name_en,
      level: DEMO_CLUSTER_LEVEL[r.key] ?? DEFAULT_CLUSTER_LEVEL,
    }))
    .sort((a, b) => order(a.key) - order(b.key) || a.key.localeCompare(b.key));
  return { clusters, expected };
}

/** A panel member's organization, person and account with the one role they hold. */
async function insertPanelMember(
  trx: Db,
  at: string,
  m: DemoPanelMember,
  o: {
    email: string;
    role: 'evaluator' | 'weighting_member';
    passwordHash: string;
    titleJa: string;
    titleEn: string;
  },
): Promise<number> {
  const organizationId = await insertDemoOrganization(
    trx,
    at,
    m.organizationKind,
    m.organizationJa,
    m.organizationEn,
    m.prefectureCode,
  );
  const personId = await insertDemoPerson(trx, at, {
    nameJa: `${m.nameJa}（デモ）`,
    nameEn: `${m.nameEn} (demo)`,
    organizationId,
    titleJa: o.titleJa,
    titleEn: o.titleEn,
  });
  return insertDemoAccount(
    trx,
    at,
    { email: o.email, displayName: `${m.nameJa}（デモ）`, passwordHash: o.passwordHash, personId },
    { role: o.role, scopeType: 'programme', scopeId: null },
  );
}

/**
 * Builds the round inside the caller's transaction. Refuses (built: false, nothing written) when
 * the database has no cluster that started in FY2002.
 */
export async function buildDemoRound(trx: Db, passwordHash: string): Promise<DemoRoundOutcome> {
  const { clusters, expected } = await loadCohort(trx);
  if (clusters.length === 0)
    return {
      built: false,
      expected,
      reason:
        `the database has no cluster that started in FY${DEMO_ROUND_COHORT_FY} (the reference data lists ${expected.length}: ` +
        `${expected.join(', ')}); they are missing or withdrawn, so the demo evaluation round ${DEMO_ROUND_KEY} was not built`,
    };
  const present = new Set(clusters.map((c) => c.key));
  const missing = expected.filter((k) => !present.has(k));
  const { templateId, criteria } = await loadCriteria(trx);
  const items = criteria.flatMap((g) => g.items);
  const itemKeys = items.map((i) => i.key);
  const programme = await trx
    .selectFrom('programmes')
    .select(['id', 'annual_budget_per_cluster_yen'])
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const scale = defineGradeScale(DEFAULT_GRADE_SCALE);
  const gradeOf = (points: number) => scale.steps.find((s) => s.points === points)!.grade;

  const round = await trx
    .insertInto('evaluation_rounds')
    .values({
      programme_id: programme.id,
      key: DEMO_ROUND_KEY,
      kind: 'intermediate',
      fiscal_year: 2004,
      allocation_fiscal_year: 2005,
      title_ja: DEMO_ROUND_TITLE.ja,
      title_en: DEMO_ROUND_TITLE.en,
      status: 'scoring',
      criteria_template_id: templateId,
      criteria_json: JSON.stringify(criteria),
      scale_json: JSON.stringify(DEFAULT_GRADE_SCALE),
      bands_json: JSON.stringify(DEFAULT_BANDS),
      phases_json: JSON.stringify(DEMO_ROUND_PHASES),
      announce_on: DEMO_ROUND_ANNOUNCE_ON,
      published_at: null,
      is_demo: 1,
      source: DEMO_SOURCE,
      created_by: null,
      created_at: jst('2004-10-15T10:00'),
      updated_at: jst('2005-01-11T10:00'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('round_clusters')
    .values(clusters.map((c) => ({ round_id: round.id, cluster_id: c.id })))
    .execute();

  // The two groups: never the same person in both.
  const memberAt = jst('2004-10-20T10:00');
  const weighting: { id: number; emphasis: Readonly<Record<string, number>> }[] = [];
  for (const [i, m] of DEMO_WEIGHTING_MEMBERS.entries()) {
    const id = await insertPanelMember(trx, memberAt, m, {
      email: `weighting${String(i + 1).padStart(2, '0')}@${DEMO_EMAIL_DOMAIN}`,
      role: 'weighting_member',
      passwordHash,
      titleJa: m.isChair ? '重み付けグループ主査（デモ）' : '重み付けグループ委員（デモ）',
      titleEn: m.isChair ? 'Chair of the weighting group (demo)' : 'Weighting group member (demo)',
    });
    await trx
      .insertInto('round_members')
      .values({
        round_id: round.id,
        account_id: id,
        role: 'weighting_member',
        is_chair: m.isChair ? 1 : 0,
        added_at: memberAt,
      })
      .execute();
    weighting.push({ id, emphasis: m.emphasis });
  }
  const evaluators: { id: number; name: string; severity: number }[] = [];
  for (const [i, e] of DEMO_EVALUATORS.entries()) {
    const id = await insertPanelMember(trx, memberAt, e, {
      email: `evaluator${String(i + 1).padStart(2, '0')}@${DEMO_EMAIL_DOMAIN}`,
      role: 'evaluator',
      passwordHash,
      titleJa: '評価委員（デモ）',
      titleEn: 'Evaluator (demo)',
    });
    await trx
      .insertInto('round_members')
      .values({ round_id: round.id, account_id: id, role: 'evaluator', is_chair: 0, added_at: memberAt })
      .execute();
    evaluators.push({ id, name: `${e.nameJa}（デモ）`, severity: e.severity });
  }

  // Every evaluator to every cluster; affiliations decide the conflicts, as assigning does.
  const [affiliations, parties] = await Promise.all([
    evaluatorAffiliations(
      trx,
      evaluators.map((e) => e.id),
    ),
    clusterParties(
      trx,
      clusters.map((c) => c.id),
    ),
  ]);
  const names = await conflictNames(
    trx,
    [...affiliations.values()].flatMap((list) => list.map((a) => a.organizationId)),
    [...parties.values()].flatMap((p) => p.prefectureCodes),
  );
  const nameOf = {
    organization: (id: number) => names.organizations.get(id) ?? `#${id}`,
    prefecture: (code: string) => names.prefectures.get(code) ?? code,
    person: (id: number) => `#${id}`,
  };
  const random = seededRandom(DEMO_ROUND_SEED);
  const gradings: ClusterGrading[] = [];
  const conflicts: DemoRoundSummary['conflicts'] = [];
  const clearOf = new Map<number, typeof evaluators>();
  let gradeCount = 0;
  for (const cluster of clusters) {
    const party = parties.get(cluster.id)!;
    // A strength per item shared by the cluster's evaluators, so grades agree more than chance.
    const strength = new Map(itemKeys.map((k) => [k, (random() - 0.5) * 0.8]));
    const clusterGradings: ClusterGrading['gradings'][number][] = [];
    const clear: typeof evaluators = [];
    for (const [n, evaluator] of evaluators.entries()) {
      const found = detectConflicts(
        {
          reviewerId: evaluator.id,
          personId: null,
          affiliations: affiliations.get(evaluator.id) ?? [],
          collaborations: [],
          declared: [],
        },
        {
          proposalId: cluster.id,
          coreOrganizationId: null,
          participatingOrganizationIds: party.organizationIds,
          prefectureCodes: party.prefectureCodes,
          personIds: [],
        },
        2004,
        0,
        nameOf,
      );
      const conflict = found[0];
      const submittedAt = jst(`2004-12-${String(13 + n).padStart(2, '0')}T17:00`);
      const assignment = await trx
        .insertInto('round_assignments')
        .values({
          round_id: round.id,
          cluster_id: cluster.id,
          evaluator_account_id: evaluator.id,
          conflict_kind: conflict ? conflict.kind : null,
          conflict_note: conflict ? conflict.reason : null,
          submitted_at: conflict ? null : submittedAt,
          assigned_at: jst('2004-11-05T10:00'),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (conflict) {
        conflicts.push({ cluster: cluster.key, evaluator: evaluator.name, reason: conflict.reason });
        clusterGradings.push({ evaluatorId: evaluator.id, submitted: false, conflicted: true, grades: {} });
        continue;
      }
      clear.push(evaluator);
      const grades: Record<string, string> = {};
      for (const key of itemKeys) {
        const raw = cluster.level + strength.get(key)! + evaluator.severity + (random() - 0.5) * 0.9;
        grades[key] = gradeOf(Math.min(scale.maxPoints, Math.max(scale.minPoints, Math.round(raw))));
      }
      await trx
        .insertInto('grades')
        .values(
          items.map((item) => ({
            assignment_id: assignment.id,
            item_key: item.key,
            grade: grades[item.key]!,
            comment: gradeComment(item.label, grades[item.key]!),
            updated_at: submittedAt,
          })),
        )
        .execute();
      gradeCount += items.length;
      clusterGradings.push({ evaluatorId: evaluator.id, submitted: true, conflicted: false, grades });
    }
    gradings.push({ clusterId: cluster.id, gradings: clusterGradings });
    clearOf.set(cluster.id, clear);
  }

  // Headquarters' submitted self-evaluation reports (Nov. 2004).
  for (const [i, cluster] of clusters.entries()) {
    const submittedAt = jst(`2004-11-${String(10 + (i % 9)).padStart(2, '0')}T16:00`);
    const name = { ja: cluster.nameJa, en: cluster.nameEn };
    await trx
      .insertInto('self_evaluations')
      .values({
        round_id: round.id,
        cluster_id: cluster.id,
        status: 'submitted',
        narratives_json: JSON.stringify(
          Object.fromEntries(items.map((item) => [item.key, selfEvaluationNarrative(name, item.label)])),
        ),
        submitted_at: submittedAt,
        submitted_by: null,
        version: 2,
        created_at: jst('2004-11-01T09:00'),
        updated_at: submittedAt,
      })
      .execute();
  }

  // The weighting group: each member's proposal, then their mean normalised to 100, locked.
  const proposals = weighting.map((m) => ({
    memberId: m.id,
    weights: Object.fromEntries(itemKeys.map((k) => [k, m.emphasis[k] ?? 10])),
  }));
  for (const [i, p] of proposals.entries())
    await trx
      .insertInto('weight_proposals')
      .values(
        itemKeys.map((item) => ({
          round_id: round.id,
          account_id: p.memberId,
          item_key: item,
          weight: p.weights[item]!,
          updated_at: jst(`2004-11-${String(15 + i).padStart(2, '0')}T18:00`),
        })),
      )
      .execute();
  const weights: WeightSet = meanWeights(itemKeys, proposals);
  await trx
    .insertInto('weight_sets')
    .values({
      round_id: round.id,
      version: 1,
      weights_json: JSON.stringify(weights),
      method: 'mean',
      reason: null,
      member_count: proposals.length,
      created_by: null,
      created_at: jst('2004-11-30T10:00'),
      locked_at: jst('2004-11-30T15:00'),
      locked_by: null,
    })
    .execute();

  // Interviews with minutes, attended by three clear evaluators, the cluster and the ministry.
  const minuteItems = items.filter((i) => MINUTE_ITEMS.includes(i.key));
  for (const [i, cluster] of clusters.entries()) {
    const slot = INTERVIEW_SLOTS[i % INTERVIEW_SLOTS.length]!;
    const panel = clearOf.get(cluster.id)!;
    const attending = [0, 1, 2].map((k) => panel[(i + k) % panel.length]!).filter((e) => e !== undefined);
    const name = { ja: cluster.nameJa, en: cluster.nameEn };
    await trx
      .insertInto('interviews')
      .values({
        round_id: round.id,
        cluster_id: cluster.id,
        held_at: jst(slot),
        place: INTERVIEW_PLACE,
        attendees_json: JSON.stringify([
          ...[...new Set(attending)].map((e) => ({ name: e.name, affiliation: '', side: 'evaluator' })),
          {
            name: '本部長（デモ）',
            affiliation: `${cluster.nameJa}知的クラスター本部（デモ）`,
            side: 'cluster',
          },
          {
            name: '事業総括（デモ）',
            affiliation: `${cluster.nameJa}知的クラスター本部（デモ）`,
            side: 'cluster',
          },
          { name: '地域科学技術振興室 担当官（デモ）', affiliation: '文部科学省（デモ）', side: 'ministry' },
        ]),
        minutes_json: JSON.stringify(
          Object.fromEntries(minuteItems.map((item) => [item.key, interviewMinute(name, item.label)])),
        ),
        created_at: jst(slot),
        updated_at: jst(slot),
      })
      .execute();
  }

  // The live scores, as the scoring phase shows them, decide the drafted comments.
  const ranked = scoreRound({ items: itemKeys, weights, scale, clusters: gradings, bands: DEFAULT_BANDS });
  const byId = new Map(clusters.map((c) => [c.id, c]));
  for (const s of ranked) {
    const comment = consolidatedComment(s.band);
    await trx
      .insertInto('round_result_comments')
      .values({
        round_id: round.id,
        cluster_id: s.clusterId,
        comment_ja: comment.ja,
        comment_en: comment.en,
        updated_at: jst('2005-03-10T10:00'),
        updated_by: null,
      })
      .execute();
  }

  const byKey = new Map(clusters.map((c) => [c.key, c]));
  const findings = DEMO_FINDINGS.filter((f) => byKey.has(f.cluster));
  for (const f of findings)
    await trx
      .insertInto('findings')
      .values({
        round_id: round.id,
        cluster_id: byKey.get(f.cluster)!.id,
        tag: f.tag,
        text_ja: f.ja,
        text_en: f.en,
        response: null,
        responded_at: null,
        responded_by: null,
        follow_up_status: 'open',
        follow_up_round_id: null,
        created_by: null,
        created_at: jst('2005-03-01T10:00'),
        updated_at: jst('2005-03-01T10:00'),
      })
      .execute();

  // The what-if's base: the programme's standard subsidy where the ledger has no FY2004 figure.
  const funded = await trx
    .selectFrom('budget_lines')
    .select('cluster_id')
    .where(
      'cluster_id',
      'in',
      clusters.map((c) => c.id),
    )
    .where('fiscal_year', '=', BASE_FISCAL_YEAR)
    .where('kind', '=', 'mext_subsidy')
    .execute();
  const hasBase = new Set(funded.map((r) => r.cluster_id));
  const base = clusters.filter((c) => !hasBase.has(c.id));
  if (base.length > 0)
    await upsertBudgetLines(
      trx,
      base.map((c) => ({
        programmeId: programme.id,
        clusterId: c.id,
        fiscalYear: BASE_FISCAL_YEAR,
        kind: 'mext_subsidy',
        amountYen: Number(programme.annual_budget_per_cluster_yen),
        source: DEMO_SOURCE,
        note: '【デモ】配分試算の基準額（事業の標準額、合成データ） / [Demo] base of the allocation what-if (the programme’s standard amount; synthetic)',
      })),
      jst('2004-04-01T09:00'),
    );

  return {
    built: true,
    summary: {
      roundId: round.id,
      clusters: clusters.length,
      missing,
      evaluators: evaluators.length,
      weightingMembers: weighting.length,
      assignments: clusters.length * evaluators.length,
      conflicts,
      gradings: clusters.length * evaluators.length - conflicts.length,
      grades: gradeCount,
      interviews: clusters.length,
      findings: findings.length,
      baseLines: base.length,
      baseYen: Number(programme.annual_budget_per_cluster_yen),
      ranking: ranked.map((s) => ({
        rank: s.rank,
        cluster: byId.get(s.clusterId)!.nameEn,
        band: s.band,
        score: s.score,
      })),
    },
  };
}
