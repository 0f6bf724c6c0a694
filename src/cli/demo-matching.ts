/**
 * The demo's seeds to business (issue 6): the 150 seeds of the labelled matching set offered by the
 * real clusters, the 74 needs posted by as many demo companies, a demo S&T coordinator and a demo
 * partner company account, and 20 matches the coordinator proposed, spread over the pipeline from
 * "proposed" to sales, with a declined and a closed one.
 *
 * Every row is what the platform's own slices would write: seeds and needs published by the
 * coordinator with a year's expiry (five seeds still in review, three expired), each side's
 * expression of interest (the three questions), dated steps in the order the domain's refuseStep
 * allows, the board column from stageOf, the ranking's explanation kept with each match, and each
 * joint research entered among the funded projects. Seeds, needs and matches carry is_demo = 1 and
 * 【デモ】/[Demo] titles; companies the demo source; accounts the demo e-mail domain. The matching
 * indexes' revisions are bumped so running servers rebuild them.
 */
import { withDemoMark } from '../domain/demo-mark';
import { type Answer, MATCH_STAGES, refuseStep, type RecordedStep, stageOf } from '../domain/match-pipeline';
import { japanDate } from '../domain/fiscal-year';
import { addMonths, DEFAULT_TERM_MONTHS } from '../domain/listing-lifecycle';
import type { Db } from '../server/context';
import { recordJointResearchFunding } from '../server/modules/matching/joint-research-funding';
import { bumpRevision, findNeed, findSeed } from '../server/modules/matching/listing.repo';
import { findMatch } from '../server/modules/matching/match.repo';
import { explainPair } from '../server/modules/matching/matching-index.service';
import { DEMO_EMAIL_DOMAIN } from './demo-data';
import {
  closeReason,
  DAYS_AFTER_PROPOSAL,
  declineReason,
  DEMO_COORDINATOR_EMAIL_LOCAL,
  DEMO_MATCHES,
  DEMO_PARTNER_EMAIL_LOCAL,
  DEMO_PARTNER_NEED,
  type DemoMatchPlan,
  type DemoMatchTarget,
  EXPIRED_SEEDS,
  IN_REVIEW_SEEDS,
  isConfidentialNeed,
  jointResearch,
  type Lang,
  type MatchTextContext,
  needInterest,
  proposalNote,
  readDemoMatchingSet,
  seedInterest,
  stepText,
} from './demo-matching-data';
import { insertDemoAccount, insertDemoOrganization } from './demo-rows';

const DAY = 86_400_000;

export const DEMO_COORDINATOR_EMAIL = `${DEMO_COORDINATOR_EMAIL_LOCAL}@${DEMO_EMAIL_DOMAIN}`;
export const DEMO_PARTNER_EMAIL = `${DEMO_PARTNER_EMAIL_LOCAL}@${DEMO_EMAIL_DOMAIN}`;

export interface DemoMatchingSummary {
  seeds: number;
  /** Seeds of the set whose cluster the database lacks, left out. */
  skippedSeeds: number;
  missingClusters: string[];
  publishedSeeds: number;
  inReviewSeeds: number;
  expiredSeeds: number;
  needs: number;
  confidentialNeeds: number;
  companies: number;
  matches: number;
  /** Matches by board column. */
  byStage: Record<string, number>;
  steps: number;
  /** Planned matches left out because their seed is not live in this database. */
  skippedMatches: number;
  partnerCompany: string;
}

export type DemoMatchingOutcome =
  { built: true; summary: DemoMatchingSummary } | { built: false; reason: string };

/** Keywords as the seed service keeps them: NFKC, trimmed, duplicates (ignoring case) dropped. */
function keptKeywords(keywords: readonly string[]): string[] {
  const seen = new Set<string>();
  return keywords
    .map((k) => k.normalize('NFKC').trim())
    .filter((word) => {
      const key = word.toLowerCase();
      if (word === '' || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

const labelJa = (text: string | undefined) => (text === undefined ? null : withDemoMark(text, 'ja'));
const labelEn = (text: string | undefined) => (text === undefined ? null : withDemoMark(text, 'en'));

interface SeedRef {
  id: number;
  clusterId: number;
  title: { ja?: string; en?: string };
  /** Days before today it was published (matches come after). */
  publishedDaysAgo: number;
}

interface NeedRef {
  id: number;
  organizationId: number;
  company: string;
  lang: Lang;
  title: string;
  publishedDaysAgo: number;
}

/** Writes the seeds-to-business demo inside the caller's transaction. */
export async function buildDemoMatching(
  trx: Db,
  now: Date,
  passwordHash: string,
): Promise<DemoMatchingOutcome> {
  const set = readDemoMatchingSet();
  if (!set)
    return {
      built: false,
      reason: 'the labelled matching set (bench/data/matching/seeds.json, needs.json) is not in this copy',
    };
  const time = now.getTime();
  const at = now.toISOString();
  /** An instant `days` before now (fractions move the time of day). */
  const iso = (days: number) => new Date(time - days * DAY).toISOString();
  /** The Japanese calendar date `days` before today. */
  const date = (days: number) => japanDate(new Date(time - days * DAY));
  const today = date(0);
  const expiresOn = addMonths(today, DEFAULT_TERM_MONTHS);

  const clusters = await trx
    .selectFrom('clusters')
    .select(['id', 'key', 'name_ja', 'name_en', 'status'])
    .execute();
  const clusterByKey = new Map(clusters.filter((c) => c.status !== 'withdrawn').map((c) => [c.key, c]));
  const clusterById = new Map(clusters.map((c) => [c.id, c]));

  const coordinatorId = await insertDemoAccount(
    trx,
    at,
    {
      email: DEMO_COORDINATOR_EMAIL,
      displayName: '高橋 恵（デモ・科学技術コーディネータ）',
      passwordHash,
      personId: null,
    },
    { role: 'coordinator', scopeType: 'programme', scopeId: null },
  );

  // When each seed and need was published: before the first match on it, inside 18 months.
  const firstMatch = new Map<string, number>();
  const needOf = new Map(set.needs.map((n) => [n.id, n]));
  for (const plan of DEMO_MATCHES) {
    const need = needOf.get(plan.need);
    const seed = need?.relevant[0];
    if (!need || !seed) continue;
    for (const id of [need.id, seed])
      firstMatch.set(id, Math.max(firstMatch.get(id) ?? 0, plan.proposedDaysAgo));
  }
  const publishedDaysAgo = (id: string, n: number) =>
    Math.max(380 + ((n * 37) % 160), (firstMatch.get(id) ?? 0) + 14);

  // Seeds, offered by the real clusters.
  const seeds = new Map<string, SeedRef>();
  const missing = new Set<string>();
  let inReview = 0;
  let expired = 0;
  for (const [n, s] of set.seeds.entries()) {
    const cluster = clusterByKey.get(s.cluster);
    if (!cluster) {
      missing.add(s.cluster);
      continue;
    }
    const isInReview = IN_REVIEW_SEEDS.includes(s.id);
    const isExpired = EXPIRED_SEEDS.includes(s.id);
    const published = isInReview ? 20 - (n % 10) : isExpired ? 420 + (n % 30) : publishedDaysAgo(s.id, n);
    const createdDaysAgo = published + 10;
    const row = await trx
      .insertInto('seeds')
      .values({
        cluster_id: cluster.id,
        title_ja: labelJa(s.title.ja),
        title_en: labelEn(s.title.en),
        summary_ja: s.summary.ja ?? null,
        summary_en: s.summary.en ?? null,
        key_field: s.keyField,
        keywords_json: JSON.stringify(keptKeywords(s.keywords)),
        stage: s.stage,
        licensing_status: s.stage === 'research' ? 'not_for_license' : 'available',
        coordinator_account_id: coordinatorId,
        status: isInReview ? 'in_review' : 'published',
        review_note: null,
        reviewed_by: isInReview ? null : coordinatorId,
        reviewed_at: isInReview ? null : iso(published),
        published_at: isInReview ? null : iso(published),
        // Published ones were renewed to a year from today; the expired ones lapsed a year after publication.
        expires_on: isInReview ? null : isExpired ? addMonths(date(published), 12) : expiresOn,
        is_demo: 1,
        created_by: null,
        created_at: iso(createdDaysAgo),
        updated_at: iso(isInReview ? published : Math.min(published, 30 + (n % 60))),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (isInReview) inReview++;
    else if (isExpired) expired++;
    seeds.set(s.id, { id: row.id, clusterId: cluster.id, title: s.title, publishedDaysAgo: published });
  }

  // Needs, each posted by its demo company (one organization per company as written).
  const needs = new Map<string, NeedRef>();
  const organizations = new Map<string, number>();
  let confidential = 0;
  for (const [n, need] of set.needs.entries()) {
    let organizationId = organizations.get(need.company);
    if (organizationId === undefined) {
      organizationId = await insertDemoOrganization(
        trx,
        at,
        'company',
        `${need.company}（デモ）`,
        `${need.company} (demo)`,
        need.region,
      );
      organizations.set(need.company, organizationId);
    }
    const isConfidential = isConfidentialNeed(n);
    if (isConfidential) confidential++;
    const published = publishedDaysAgo(need.id, n + 7);
    const row = await trx
      .insertInto('needs')
      .values({
        organization_id: organizationId,
        title_ja: need.lang === 'ja' ? labelJa(need.title) : null,
        title_en: need.lang === 'en' ? labelEn(need.title) : null,
        description_ja: need.lang === 'ja' ? need.description : null,
        description_en: need.lang === 'en' ? need.description : null,
        key_field: need.keyField,
        prefecture_code: need.region,
        wanted_by: n % 3 === 1 ? addMonths(today, 3 + (n % 9)) : null,
        confidential: isConfidential ? 1 : 0,
        disclosed_at: null,
        status: 'published',
        review_note: null,
        reviewed_by: coordinatorId,
        reviewed_at: iso(published),
        published_at: iso(published),
        expires_on: expiresOn,
        is_demo: 1,
        created_by: null,
        created_at: iso(published + 6),
        updated_at: iso(Math.min(published, 30 + (n % 60))),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    needs.set(need.id, {
      id: row.id,
      organizationId,
      company: need.company,
      lang: need.lang,
      title: need.title,
      publishedDaysAgo: published,
    });
  }

  const partnerNeed = needs.get(DEMO_PARTNER_NEED) ?? [...needs.values()][0]!;
  const partnerId = await insertDemoAccount(
    trx,
    at,
    {
      email: DEMO_PARTNER_EMAIL,
      displayName: `${partnerNeed.company} 技術担当（デモ）`,
      passwordHash,
      personId: null,
    },
    { role: 'partner_company', scopeType: 'organization', scopeId: partnerNeed.organizationId },
  );

  await bumpRevision(trx, 'seeds');
  await bumpRevision(trx, 'needs');

  // Matches, proposed by the demo coordinator between a need and its first labelled relevant seed.
  const byStage: Record<string, number> = {};
  let matches = 0;
  let steps = 0;
  let skipped = 0;
  for (const [n, plan] of DEMO_MATCHES.entries()) {
    const need = needs.get(plan.need);
    const seedKey = needOf.get(plan.need)?.relevant.find((id) => {
      const s = seeds.get(id);
      return s && !IN_REVIEW_SEEDS.includes(id) && !EXPIRED_SEEDS.includes(id);
    });
    const seed = seedKey ? seeds.get(seedKey) : undefined;
    if (!need || !seed) {
      skipped++;
      continue;
    }
    const cluster = clusterById.get(seed.clusterId)!;
    const text: MatchTextContext = {
      lang: need.lang,
      company: need.company,
      needTitle: need.title,
      seedTitle: seed.title[need.lang] ?? seed.title.ja ?? seed.title.en ?? '',
      cluster: { ja: cluster.name_ja, en: cluster.name_en },
      variant: n,
    };
    const written = await writeMatch(
      trx,
      plan,
      {
        seed,
        need,
        text,
        coordinatorId,
        partner: { accountId: partnerId, organizationId: partnerNeed.organizationId },
      },
      { iso, date },
    );
    matches++;
    steps += written.steps;
    byStage[written.stage] = (byStage[written.stage] ?? 0) + 1;
  }

  return {
    built: true,
    summary: {
      seeds: seeds.size,
      skippedSeeds: set.seeds.length - seeds.size,
      missingClusters: [...missing].sort(),
      publishedSeeds: seeds.size - inReview,
      inReviewSeeds: inReview,
      expiredSeeds: expired,
      needs: needs.size,
      confidentialNeeds: confidential,
      companies: organizations.size,
      matches,
      byStage,
      steps,
      skippedMatches: skipped,
      partnerCompany: partnerNeed.company,
    },
  };
}

const ORDER: readonly DemoMatchTarget[] = [
  'pending',
  'seed_interested',
  'interested',
  'introduction',
  'meeting',
  'confidentiality_agreement',
  'joint_research',
  'product',
  'sales',
];

/** One match and its dated history, checked step by step against the domain's rules. */
async function writeMatch(
  trx: Db,
  plan: DemoMatchPlan,
  p: {
    seed: SeedRef;
    need: NeedRef;
    text: MatchTextContext;
    coordinatorId: number;
    partner: { accountId: number; organizationId: number };
  },
  clock: { iso: (days: number) => string; date: (days: number) => string },
): Promise<{ stage: string; steps: number }> {
  const { iso, date } = clock;
  const start = plan.proposedDaysAgo;
  const after = (days: number) => start - days;
  const reach = (target: DemoMatchTarget) =>
    plan.target === 'closed'
      ? ORDER.indexOf(target) <= ORDER.indexOf('meeting')
      : plan.target === 'declined'
        ? false
        : ORDER.indexOf(target) <= ORDER.indexOf(plan.target);
  const seedAnswers = plan.target === 'declined' || reach('seed_interested');
  const needAnswer: Answer =
    plan.target === 'declined' ? 'declined' : reach('interested') ? 'interested' : 'pending';
  // The company's own account answers for the partner company; the coordinator records the rest.
  const needAnswerer =
    p.need.organizationId === p.partner.organizationId ? p.partner.accountId : p.coordinatorId;

  const [seedRow, needRow] = await Promise.all([findSeed(trx, p.seed.id), findNeed(trx, p.need.id)]);
  const explanation = await explainPair(trx, seedRow!, needRow!);
  const match = await trx
    .insertInto('matches')
    .values({
      seed_id: p.seed.id,
      need_id: p.need.id,
      note: proposalNote(p.text),
      explanation_json: explanation ? JSON.stringify(explanation) : null,
      proposed_by: p.coordinatorId,
      seed_answer: seedAnswers ? 'interested' : 'pending',
      seed_interest_json: seedAnswers ? JSON.stringify(seedInterest(p.text)) : null,
      seed_reason: null,
      seed_answered_by: seedAnswers ? p.coordinatorId : null,
      seed_answered_at: seedAnswers ? iso(after(DAYS_AFTER_PROPOSAL.seedAnswer)) : null,
      need_answer: needAnswer,
      need_interest_json: needAnswer === 'interested' ? JSON.stringify(needInterest(p.text)) : null,
      need_reason: needAnswer === 'declined' ? declineReason(p.text.lang) : null,
      need_answered_by: needAnswer === 'pending' ? null : needAnswerer,
      need_answered_at: needAnswer === 'pending' ? null : iso(after(DAYS_AFTER_PROPOSAL.needAnswer)),
      stage: 'proposed',
      closed_reason: null,
      closed_at: null,
      is_demo: 1,
      created_at: iso(start),
      updated_at: iso(start),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const parties = (await findMatch(trx, match.id))!;

  const recorded: RecordedStep[] = [];
  const state = () => ({
    seedAnswer: parties.seed_answer as Answer,
    needAnswer: parties.need_answer as Answer,
    closed: false,
    steps: recorded,
  });
  let last =
    needAnswer === 'pending'
      ? seedAnswers
        ? DAYS_AFTER_PROPOSAL.seedAnswer
        : 0
      : DAYS_AFTER_PROPOSAL.needAnswer;
  const record = async (
    step: RecordedStep['step'],
    days: number,
    textOf: Parameters<typeof stepText>[0] = step,
    extra: {
      jointResearch?: ReturnType<typeof jointResearch> & { budgetYen: number; funder: 'mext' | 'meti' };
      salesYen?: number;
    } = {},
  ) => {
    const occurredOn = date(after(days));
    const refusal = refuseStep(state(), step, occurredOn, date(0));
    if (refusal)
      throw new Error(`demo match for ${plan.need}: ${step} on ${occurredOn} refused (${refusal.reason})`);
    const t = stepText(textOf, p.text);
    const detail = extra.jointResearch
      ? {
          partners: extra.jointResearch.partners,
          budgetYen: extra.jointResearch.budgetYen,
          funder: extra.jointResearch.funder,
          theme: extra.jointResearch.theme,
        }
      : null;
    const row = await trx
      .insertInto('match_steps')
      .values({
        match_id: match.id,
        step,
        occurred_on: occurredOn,
        notes: t.notes,
        attendees_json: JSON.stringify(t.attendees ?? []),
        joint_research_json: detail ? JSON.stringify(detail) : null,
        sales_yen: extra.salesYen ?? null,
        recorded_by: p.coordinatorId,
        recorded_at: iso(after(days) - 0.25),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (detail) await recordJointResearchFunding(trx, parties, row.id, occurredOn, detail);
    recorded.push({ step, occurredOn });
    last = days;
  };

  if (reach('introduction')) await record('introduction', DAYS_AFTER_PROPOSAL.introduction);
  if (reach('meeting')) await record('meeting', DAYS_AFTER_PROPOSAL.meeting);
  if (reach('confidentiality_agreement')) {
    await record('meeting', DAYS_AFTER_PROPOSAL.secondMeeting, 'second_meeting');
    await record('confidentiality_agreement', DAYS_AFTER_PROPOSAL.confidentiality_agreement);
  }
  if (reach('joint_research'))
    await record('joint_research', DAYS_AFTER_PROPOSAL.joint_research, 'joint_research', {
      jointResearch: {
        ...jointResearch(p.text),
        budgetYen: plan.budgetYen ?? 5_000_000,
        funder: plan.funder ?? 'mext',
      },
    });
  if (plan.target === 'sales') await record('patent', DAYS_AFTER_PROPOSAL.patent);
  if (reach('product')) await record('product', DAYS_AFTER_PROPOSAL.product);
  if (reach('sales'))
    await record('sales', DAYS_AFTER_PROPOSAL.sales, 'sales', { salesYen: plan.salesYen ?? 10_000_000 });

  const closed = plan.target === 'closed';
  if (closed) last = DAYS_AFTER_PROPOSAL.closed;
  const stage = stageOf({ ...state(), closed });
  await trx
    .updateTable('matches')
    .set({
      stage,
      closed_reason: closed ? closeReason(p.text.lang) : null,
      closed_at: closed ? iso(after(last)) : null,
      updated_at: iso(after(last)),
    })
    .where('id', '=', match.id)
    .execute();
  // A seed in joint research is under negotiation; one that became a product is licensed.
  if (reach('joint_research'))
    await trx
      .updateTable('seeds')
      .set({ licensing_status: reach('product') ? 'licensed' : 'under_negotiation' })
      .where('id', '=', p.seed.id)
      .execute();
  return { stage, steps: recorded.length };
}

export interface RemovedDemoMatching {
  seeds: number;
  needs: number;
  matches: number;
  steps: number;
  fundedProjects: number;
}

/**
 * Deletes the demo's seeds, needs (is_demo = 1) and every match between two demo listings — the
 * demo's own and any a user proposed while trying it — with their steps, step outcome links and
 * the funded projects their joint research entered. Refuses (DemoRefusal from the caller) when real
 * data leans on them: a match pairing a demo listing with a real one, a METI project or fund naming
 * a demo seed, or a real listing or match written by a demo account.
 */
export async function removeDemoMatching(
  trx: Db,
  accountIds: number[],
  refuse: (message: string) => Error,
): Promise<RemovedDemoMatching> {
  const removed: RemovedDemoMatching = { seeds: 0, needs: 0, matches: 0, steps: 0, fundedProjects: 0 };
  const seedIds = (await trx.selectFrom('seeds').select('id').where('is_demo', '=', 1).execute()).map(
    (s) => s.id,
  );
  const needIds = (await trx.selectFrom('needs').select('id').where('is_demo', '=', 1).execute()).map(
    (s) => s.id,
  );
  const touching =
    seedIds.length + needIds.length === 0
      ? []
      : await trx
          .selectFrom('matches')
          .select(['id', 'seed_id', 'need_id'])
          .where((eb) =>
            eb.or([
              ...(seedIds.length > 0 ? [eb('seed_id', 'in', seedIds)] : []),
              ...(needIds.length > 0 ? [eb('need_id', 'in', needIds)] : []),
            ]),
          )
          .execute();
  const demoSeeds = new Set(seedIds);
  const demoNeeds = new Set(needIds);
  const mixed = touching.filter((m) => !demoSeeds.has(m.seed_id) || !demoNeeds.has(m.need_id));
  if (mixed.length > 0)
    throw refuse(
      `match(es) ${mixed.map((m) => m.id).join(', ')} pair a demo seed or need with a real one: close or remove them first; nothing was removed`,
    );
  const matchIds = touching.map((m) => m.id);
  if (seedIds.length > 0) {
    const linked = [
      ...(await trx
        .selectFrom('industrial_cluster_project_seeds')
        .select('project_id as id')
        .where('seed_id', 'in', seedIds)
        .execute()),
      ...(await trx.selectFrom('meti_funds').select('id').where('seed_id', 'in', seedIds).execute()),
    ];
    if (linked.length > 0)
      throw refuse(
        `Industrial Cluster projects or METI funds name demo seeds (ids ${[...new Set(linked.map((l) => l.id))].join(', ')}): remove the links first; nothing was removed`,
      );
  }
  if (accountIds.length > 0) {
    const byDemo = [
      ...(
        await trx
          .selectFrom('seeds')
          .select('id')
          .where('is_demo', '=', 0)
          .where((eb) =>
            eb.or([
              eb('reviewed_by', 'in', accountIds),
              eb('created_by', 'in', accountIds),
              eb('coordinator_account_id', 'in', accountIds),
            ]),
          )
          .execute()
      ).map((r) => `seed ${r.id}`),
      ...(
        await trx
          .selectFrom('needs')
          .select('id')
          .where('is_demo', '=', 0)
          .where((eb) => eb.or([eb('reviewed_by', 'in', accountIds), eb('created_by', 'in', accountIds)]))
          .execute()
      ).map((r) => `need ${r.id}`),
      ...(
        await trx
          .selectFrom('matches')
          .select('id')
          .$if(matchIds.length > 0, (q) => q.where('id', 'not in', matchIds))
          .where((eb) =>
            eb.or([
              eb('proposed_by', 'in', accountIds),
              eb('seed_answered_by', 'in', accountIds),
              eb('need_answered_by', 'in', accountIds),
            ]),
          )
          .execute()
      ).map((r) => `match ${r.id}`),
    ];
    if (byDemo.length > 0)
      throw refuse(
        `real listings or matches were written by demo accounts (${byDemo.join(', ')}): nothing was removed`,
      );
  }

  if (matchIds.length > 0) {
    const funded = trx.selectFrom('funded_projects').select('id').where('match_id', 'in', matchIds);
    await trx
      .deleteFrom('duplication_reviews')
      .where((eb) =>
        eb.or([eb('funded_project_a_id', 'in', funded), eb('funded_project_b_id', 'in', funded)]),
      )
      .execute();
    removed.fundedProjects = count(
      await trx.deleteFrom('funded_projects').where('match_id', 'in', matchIds).execute(),
    );
    const stepIds = trx.selectFrom('match_steps').select('id').where('match_id', 'in', matchIds);
    await trx.deleteFrom('match_step_outcome_items').where('step_id', 'in', stepIds).execute();
    removed.steps = count(await trx.deleteFrom('match_steps').where('match_id', 'in', matchIds).execute());
    removed.matches = count(await trx.deleteFrom('matches').where('id', 'in', matchIds).execute());
  }
  if (seedIds.length > 0) {
    await trx.deleteFrom('seed_outcome_items').where('seed_id', 'in', seedIds).execute();
    removed.seeds = count(await trx.deleteFrom('seeds').where('id', 'in', seedIds).execute());
    await bumpRevision(trx, 'seeds');
  }
  if (needIds.length > 0) {
    removed.needs = count(await trx.deleteFrom('needs').where('id', 'in', needIds).execute());
    await bumpRevision(trx, 'needs');
  }
  return removed;
}

function count(result: readonly { numDeletedRows: bigint }[]): number {
  return result.reduce((s, r) => s + Number(r.numDeletedRows), 0);
}

/** The lines `kcp demo` prints about this part. */
export function describeDemoMatching(outcome: DemoMatchingOutcome): { out: string[]; err: string[] } {
  if (!outcome.built) return { out: [], err: [`NOTE: seeds to business not built: ${outcome.reason}.`] };
  const s = outcome.summary;
  const stages = MATCH_STAGES.filter((stage) => s.byStage[stage])
    .map((stage) => `${s.byStage[stage]} ${stage}`)
    .join(', ');
  const err: string[] = [];
  if (s.skippedSeeds > 0)
    err.push(
      `  NOTE: ${s.skippedSeeds} seed(s) of the matching set were left out: their cluster is not in the database (${s.missingClusters.join(', ')})`,
    );
  if (s.skippedMatches > 0)
    err.push(
      `  NOTE: ${s.skippedMatches} planned match(es) were left out: their seed is not in the database`,
    );
  return {
    out: [
      'built the demo seeds to business — SYNTHETIC LISTINGS from the labelled matching set (bench/data/matching)',
      `  ${s.seeds} seeds of the 18 clusters (${s.publishedSeeds - s.expiredSeeds} published, ${s.inReviewSeeds} in review, ${s.expiredSeeds} expired), ` +
        `${s.needs} needs of ${s.companies} demo companies (${s.confidentialNeeds} confidential), ` +
        `${s.matches} matches with ${s.steps} steps (${stages})`,
      `  demo accounts: ${DEMO_COORDINATOR_EMAIL} (S&T coordinator), ${DEMO_PARTNER_EMAIL} (partner company: ${s.partnerCompany})`,
      '  /matches   — the coordinators’ pipeline board; /seeds for the review queue and the expired seeds',
    ],
    err,
  };
}
