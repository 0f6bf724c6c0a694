/**
 * Turns a selected (or trial) proposal into a cluster in one click: the cluster itself, its
 * prefectures, core organization and members, its budget lines per fiscal year from the 5-year plan
 * and its targets. Idempotent: a second click updates the cluster the proposal (or the proposal it
 * continues) is linked to, adding only what is missing. Demo calls never touch clusters — real
 * data never mixes with demo data.
 */
import type { ClusterCreationResponse } from '../../../contracts/selection-decisions';
import {
  BudgetPlanYear,
  Participant,
  Prefectures,
  ProposalTarget,
} from '../../../contracts/selection-common';
import { type BudgetKind, budgetLineKey } from '../../../domain/budget';
import type { MemberRole, OrganizationKind } from '../../../domain/network';
import type { Db, ServiceContext } from '../../context';
import { isUniqueViolation } from '../../db/errors';
import { AppError, notFound } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { requirePermission } from '../auth/authorize';
import { insertCluster, replaceClusterPrefectures } from '../clusters/cluster.repo';
import type { ClusterRow } from '../clusters/cluster.table';
import { lockCall } from './decision.repo';
import { findCallByKey, listCurrentDecisions } from './result.repo';
import type { CallRow, ProposalRow } from './selection.table';

/** The funded period of a cluster from its call: five fiscal years from the call's. */
const PERIOD_YEARS = 5;

const MEMBER_ROLE_OF: Record<Participant['kind'], MemberRole> = {
  university: 'university',
  company: 'company',
  public_research_institute: 'research_institute',
  other: 'other',
};

const BUDGET_FIELDS: readonly [BudgetKind, keyof Omit<BudgetPlanYear, 'fiscalYear'>][] = [
  ['mext_subsidy', 'subsidyYen'],
  ['local_government', 'localYen'],
  ['other', 'otherYen'],
];

/** A cluster key from the region's English name: "Sapporo IT" → "sapporo-it". */
export function slugOf(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 34)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : fallback;
}

async function freeKey(db: Db, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}-${n}`;
    const taken = await db.selectFrom('clusters').select('id').where('key', '=', key).executeTakeFirst();
    if (!taken) return key;
  }
}

/** The cluster this proposal continues: its own link, else the link of the proposal it follows. */
async function linkedCluster(db: Db, proposal: ProposalRow): Promise<ClusterRow | undefined> {
  let clusterId = proposal.cluster_id;
  if (clusterId === null && proposal.previous_proposal_id !== null) {
    const previous = await db
      .selectFrom('proposals')
      .select('cluster_id')
      .where('id', '=', proposal.previous_proposal_id)
      .executeTakeFirst();
    clusterId = previous?.cluster_id ?? null;
  }
  if (clusterId === null) return undefined;
  return db.selectFrom('clusters').selectAll().where('id', '=', clusterId).executeTakeFirst();
}

/** A participant's organization: its id, an organization of the same name, or a new one. */
async function organizationOf(
  ctx: ServiceContext,
  trx: Db,
  p: Participant,
  created: number[],
): Promise<number> {
  if (p.organizationId !== null) return p.organizationId;
  const same = await trx
    .selectFrom('organizations')
    .select('id')
    .where('name_ja', '=', p.name.ja)
    .where('name_en', '=', p.name.en)
    .executeTakeFirst();
  if (same) return same.id;
  const at = ctx.now().toISOString();
  const kind: OrganizationKind = p.kind;
  const row = await trx
    .insertInto('organizations')
    .values({
      kind,
      name_ja: p.name.ja || p.name.en,
      name_en: p.name.en || p.name.ja,
      prefecture_code: null,
      url: null,
      source: 'Selection proposal participant',
      withdrawn_at: null,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, trx, {
    action: 'organization.create',
    entityType: 'organization',
    entityId: row.id,
    after: { kind, name: p.name, source: 'Selection proposal participant' },
  });
  created.push(row.id);
  return row.id;
}

function unknown(field: string, what: string): AppError {
  return new AppError('UNKNOWN_REFERENCE', `The proposal names ${what}; correct the proposal first`, {
    errors: [{ field, message: what }],
  });
}

/**
 * Checks what the cluster's rows will reference before writing any, so a proposal naming an
 * unknown indicator, key field or organization is a clear 422, never a half-made cluster.
 */
async function checkReferences(
  db: Db,
  proposal: ProposalRow,
  participants: Participant[],
  targets: ProposalTarget[],
): Promise<void> {
  const field = await db
    .selectFrom('key_fields')
    .select('key')
    .where('key', '=', proposal.key_field_key)
    .executeTakeFirst();
  if (!field) throw unknown('proposal.keyField', `an unknown key field "${proposal.key_field_key}"`);
  const orgIds = [
    ...(proposal.core_organization_id === null ? [] : [proposal.core_organization_id]),
    ...participants.flatMap((p) => (p.organizationId === null ? [] : [p.organizationId])),
  ];
  const knownOrgs = new Set(
    orgIds.length === 0
      ? []
      : (await db.selectFrom('organizations').select('id').where('id', 'in', orgIds).execute()).map(
          (r) => r.id,
        ),
  );
  if (proposal.core_organization_id !== null && !knownOrgs.has(proposal.core_organization_id))
    throw unknown('proposal.coreOrganizationId', `an unknown organization ${proposal.core_organization_id}`);
  const badParticipant = participants.findIndex(
    (p) => p.organizationId !== null && !knownOrgs.has(p.organizationId),
  );
  if (badParticipant >= 0)
    throw unknown(
      `proposal.participants.${badParticipant}.organizationId`,
      `an unknown organization ${participants[badParticipant]!.organizationId}`,
    );
  const keys = [...new Set(targets.map((t) => t.indicatorKey))];
  const known = new Set(
    keys.length === 0
      ? []
      : (await db.selectFrom('indicators').select('key').where('key', 'in', keys).execute()).map(
          (r) => r.key,
        ),
  );
  const bad = targets.findIndex((t) => !known.has(t.indicatorKey));
  if (bad >= 0)
    throw unknown(
      `proposal.targets.${bad}.indicatorKey`,
      `an unknown indicator "${targets[bad]!.indicatorKey}"`,
    );
  // Targets are counts and yen, kept as whole numbers.
  const fractional = targets.findIndex((t) => !Number.isSafeInteger(t.target));
  if (fractional >= 0)
    throw new AppError('RULE_VIOLATION', `Target ${fractional} of the proposal is not a whole number`, {
      errors: [{ field: `proposal.targets.${fractional}.target`, message: 'must be a whole number' }],
    });
}

/** Creates (or brings up to date) the cluster of a selected or trial proposal. */
export async function createClusterFromProposal(
  ctx: ServiceContext,
  key: string,
  proposalId: number,
): Promise<ClusterCreationResponse> {
  requirePermission(ctx.actor, 'call:manage');
  try {
    return await createInTransaction(ctx, key, proposalId);
  } catch (error) {
    // Another call's region took the same cluster key at the same moment: nothing was written.
    if (isUniqueViolation(error))
      throw new AppError(
        'DUPLICATE',
        'Another cluster took this key at the same moment; create the cluster again',
      );
    throw error;
  }
}

async function createInTransaction(
  ctx: ServiceContext,
  key: string,
  proposalId: number,
): Promise<ClusterCreationResponse> {
  return ctx.db.transaction().execute(async (trx) => {
    await lockCall(trx, key);
    const call = await findCallByKey(trx, key);
    if (!call) throw notFound('Call', key);
    const proposal = await trx
      .selectFrom('proposals')
      .selectAll()
      .where('id', '=', proposalId)
      .where('call_id', '=', call.id)
      .where('status', '=', 'submitted')
      .executeTakeFirst();
    if (!proposal) throw notFound(`Submitted proposal of call ${key}`, proposalId);
    if (Number(call.is_demo) === 1 || Number(proposal.is_demo) === 1)
      throw new AppError(
        'DEMO_DATA',
        `Call "${key}" is demo data: demo proposals never create or change clusters, so real data never mixes with demo data`,
      );
    const decision = (await listCurrentDecisions(trx, call.id)).find((d) => d.proposalId === proposalId);
    if (decision?.outcome !== 'selected' && decision?.outcome !== 'trial')
      throw new AppError(
        'RULE_VIOLATION',
        `Proposal ${proposalId} is ${decision ? decision.outcome : 'undecided'}; only a selected or trial proposal becomes a cluster`,
      );
    return writeCluster(ctx, trx, call, proposal, decision.outcome);
  });
}

async function writeCluster(
  ctx: ServiceContext,
  trx: Db,
  call: CallRow,
  proposal: ProposalRow,
  outcome: 'selected' | 'trial',
): Promise<ClusterCreationResponse> {
  const at = ctx.now().toISOString();
  const source = `Proposal #${proposal.id} (call ${call.key})`;
  const prefectures = Prefectures.parse(JSON.parse(proposal.prefectures_json));
  const participants = Participant.array().parse(JSON.parse(proposal.participants_json));
  const plan = BudgetPlanYear.array().parse(JSON.parse(proposal.budget_plan_json));
  const targets = ProposalTarget.array().parse(JSON.parse(proposal.targets_json));
  await checkReferences(trx, proposal, participants, targets);
  const startFy = call.fiscal_year;
  const fields = {
    name_ja: proposal.region_ja,
    name_en: proposal.region_en,
    theme_ja: proposal.title_ja || null,
    theme_en: proposal.title_en || null,
    key_field_key: proposal.key_field_key,
    start_fy: startFy,
    end_fy: startFy + PERIOD_YEARS - 1,
    status: outcome === 'trial' ? 'trial' : 'full',
    core_organization_id: proposal.core_organization_id,
    updated_at: at,
  };

  const existing = await linkedCluster(trx, proposal);
  let cluster: ClusterRow;
  if (existing) {
    cluster = await trx
      .updateTable('clusters')
      .set({ ...fields, version: existing.version + 1 })
      .where('id', '=', existing.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  } else {
    cluster = await insertCluster(trx, {
      ...fields,
      programme_id: call.programme_id,
      key: await freeKey(trx, slugOf(proposal.region_en, `proposal-${proposal.id}`)),
      summary_ja: null,
      summary_en: null,
      is_published: call.status === 'published' ? 1 : 0,
      confidence: null,
      source,
      created_at: at,
    });
  }
  await replaceClusterPrefectures(trx, cluster.id, prefectures);

  const organizationsCreated: number[] = [];
  const wanted: { organizationId: number; role: MemberRole }[] = [];
  if (proposal.core_organization_id !== null)
    wanted.push({ organizationId: proposal.core_organization_id, role: 'core_organization' });
  for (const p of participants)
    wanted.push({
      organizationId: await organizationOf(ctx, trx, p, organizationsCreated),
      role: MEMBER_ROLE_OF[p.kind],
    });
  const current = await trx
    .selectFrom('cluster_members')
    .select(['organization_id', 'role'])
    .where('cluster_id', '=', cluster.id)
    .where('withdrawn_at', 'is', null)
    .execute();
  const have = new Set(current.map((m) => m.organization_id));
  let members = current.length;
  for (const w of wanted) {
    if (have.has(w.organizationId)) continue;
    have.add(w.organizationId);
    await trx
      .insertInto('cluster_members')
      .values({
        cluster_id: cluster.id,
        organization_id: w.organizationId,
        role: w.role,
        from_fy: startFy,
        to_fy: null,
        note: source,
        withdrawn_at: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    members++;
  }

  let budgetLines = 0;
  for (const year of plan)
    for (const [kind, field] of BUDGET_FIELDS) {
      const amount = year[field];
      const lineKey = budgetLineKey(cluster.id, year.fiscalYear, kind, source);
      const line = await trx
        .selectFrom('budget_lines')
        .select(['id', 'version'])
        .where('line_key', '=', lineKey)
        .executeTakeFirst();
      if (line) {
        await trx
          .updateTable('budget_lines')
          .set({ amount_yen: amount, version: line.version + 1, updated_at: at })
          .where('id', '=', line.id)
          .execute();
        budgetLines++;
      } else if (amount > 0) {
        await trx
          .insertInto('budget_lines')
          .values({
            programme_id: call.programme_id,
            cluster_id: cluster.id,
            fiscal_year: year.fiscalYear,
            kind,
            amount_yen: amount,
            source,
            note: null,
            line_key: lineKey,
            created_at: at,
            updated_at: at,
          })
          .execute();
        budgetLines++;
      }
    }

  for (const t of targets) {
    const row = await trx
      .selectFrom('targets')
      .select(['id', 'version'])
      .where('cluster_id', '=', cluster.id)
      .where('indicator_key', '=', t.indicatorKey)
      .where('fiscal_year', '=', t.fiscalYear)
      .executeTakeFirst();
    if (row)
      await trx
        .updateTable('targets')
        .set({ target: t.target, version: row.version + 1, updated_at: at })
        .where('id', '=', row.id)
        .execute();
    else
      await trx
        .insertInto('targets')
        .values({
          cluster_id: cluster.id,
          indicator_key: t.indicatorKey,
          fiscal_year: t.fiscalYear,
          baseline: null,
          target: t.target,
          note: source,
          created_at: at,
          updated_at: at,
        })
        .execute();
  }

  if (proposal.cluster_id !== cluster.id)
    await trx
      .updateTable('proposals')
      .set({ cluster_id: cluster.id, updated_at: at })
      .where('id', '=', proposal.id)
      .execute();

  await audit(ctx, trx, {
    action: existing ? 'selection.cluster.update' : 'selection.cluster.create',
    entityType: 'cluster',
    entityId: cluster.id,
    before: existing ?? null,
    after: {
      ...cluster,
      prefectures,
      proposalId: proposal.id,
      callKey: call.key,
      members,
      budgetLines,
      targets: targets.length,
      organizationsCreated,
    },
  });
  return {
    proposalId: proposal.id,
    cluster: { id: cluster.id, key: cluster.key },
    created: !existing,
    members,
    budgetLines,
    targets: targets.length,
    organizationsCreated,
  };
}
