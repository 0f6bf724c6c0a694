/**
 * Industrial Cluster projects (METI): the public reads published projects with their members,
 * linked knowledge clusters, seeds, METI funds and committees; people who manage the cooperation
 * (officers, coordinators) write them. METI funds for the practical use of seeds are recorded by
 * officers (budget:edit) and appear, in the same transaction, as a 'meti' line of the budget
 * ledger and as a funded project for the duplication check.
 */
import {
  AddMemberBody as AddMemberSchema,
  type AddMemberBody,
  CreateMetiFundBody as CreateMetiFundSchema,
  type CreateMetiFundBody,
  CreateProjectBody as CreateProjectSchema,
  type CreateProjectBody,
  type MetiFund,
  type ProjectClustersBody,
  type ProjectDetail,
  type ProjectListQuery,
  type ProjectListResponse,
  type ProjectSeedsBody,
  type UpdateProjectBody,
} from '../../../contracts/industrial-cluster';
import { budgetLineKey } from '../../../domain/budget';
import { can } from '../../../domain/permissions';
import type { ServiceContext } from '../../context';
import { isUniqueViolation } from '../../db/errors';
import { AppError, type FieldError, notFound, unknownReference, versionConflict } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { actorAccountId, requirePermission } from '../auth/authorize';
import { budgetLineSnapshot } from '../budgets/budget.presenter';
import { findBudgetLineByKey, upsertBudgetLines } from '../budgets/budget.repo';
import { findClusterByKey } from '../clusters/cluster.repo';
import { unpublishedVisibility } from '../clusters/cluster.service';
import { fundedProjectSnapshot } from '../funding/funded-project.presenter';
import { insertFundedProject } from '../funding/funded-project.repo';
import { findOrganizationById } from '../organizations/organization.repo';
import { findPersonById } from '../people/person.repo';
import { findFirstProgramme } from '../programme/programme.repo';
import { listCommitteeRows } from './committee.repo';
import type { IndustrialClusterProjectRow } from './industrial-cluster.table';
import {
  projectSnapshot,
  toCommitteeSummary,
  toMetiFund,
  toProjectMember,
  toProjectSummary,
} from './industrial-cluster.presenter';
import {
  deleteProjectMember,
  findMetiFund,
  findProjectByKey,
  findProjectMember,
  findProjectMemberByOrganization,
  insertMetiFund,
  insertProject,
  insertProjectMember,
  listMetiFunds,
  listProjectClusters,
  listProjectMembers,
  listProjectRows,
  listProjectSeedIds,
  replaceProjectClusters,
  replaceProjectSeeds,
  updateProjectAtVersion,
} from './project.repo';

export function validationFailed(errors: FieldError[]): AppError {
  return new AppError('VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
    errors,
  });
}

function canManage(ctx: ServiceContext): boolean {
  return can(ctx.actor, 'industrial-cluster:manage');
}

/** The project with this key if the actor may read it (unpublished ones: managers only). */
export async function getReadableProject(
  ctx: ServiceContext,
  key: string,
): Promise<IndustrialClusterProjectRow> {
  requirePermission(ctx.actor, 'published:read');
  const row = await findProjectByKey(ctx.db, key);
  if (!row || (row.is_published !== 1 && !canManage(ctx))) throw notFound('Industrial Cluster project', key);
  return row;
}

async function getManagedProject(ctx: ServiceContext, key: string): Promise<IndustrialClusterProjectRow> {
  requirePermission(ctx.actor, 'industrial-cluster:manage');
  const row = await findProjectByKey(ctx.db, key);
  if (!row) throw notFound('Industrial Cluster project', key);
  return row;
}

function fyErrors(startFy: number, endFy: number | null): FieldError[] {
  return endFy !== null && endFy < startFy
    ? [{ field: 'body.endFy', message: `the last fiscal year (${endFy}) is before the first (${startFy})` }]
    : [];
}

/** Projects the actor may read, optionally of one METI regional bureau. */
export async function listProjects(
  ctx: ServiceContext,
  query: ProjectListQuery,
): Promise<ProjectListResponse> {
  requirePermission(ctx.actor, 'published:read');
  const rows = await listProjectRows(ctx.db, { bureau: query.bureau, all: canManage(ctx) });
  return { items: rows.map(toProjectSummary) };
}

/** A project with its members, visible linked clusters, seeds, METI funds and committees. */
export async function getProject(ctx: ServiceContext, key: string): Promise<ProjectDetail> {
  const project = await getReadableProject(ctx, key);
  const visibility = unpublishedVisibility(ctx);
  const [[summary], members, clusters, seedIds, funds, committees] = await Promise.all([
    listProjectRows(ctx.db, { all: true, ids: [project.id] }),
    listProjectMembers(ctx.db, project.id),
    listProjectClusters(ctx.db, project.id),
    listProjectSeedIds(ctx.db, project.id),
    listMetiFunds(ctx.db, project.id),
    listCommitteeRows(ctx.db, { projectId: project.id }),
  ]);
  const isVisible = (c: { id: number; is_published: number }) =>
    c.is_published === 1 || visibility === true || (Array.isArray(visibility) && visibility.includes(c.id));
  const visibleClusterIds = new Set(clusters.filter(isVisible).map((c) => c.id));
  return {
    ...toProjectSummary(summary!),
    members: members.map(toProjectMember),
    clusters: clusters
      .filter(isVisible)
      .map((c) => ({ id: c.id, key: c.key, name: { ja: c.name_ja, en: c.name_en } })),
    seedIds,
    // A fund for a cluster the reader may not see is left out, as its ledger line is.
    metiFunds: funds
      .filter((f) => f.cluster_id === null || visibleClusterIds.has(f.cluster_id))
      .map(toMetiFund),
    committees: committees.map((c) => toCommitteeSummary(c, true)),
    canManage: canManage(ctx),
    canRecordFunds: can(ctx.actor, 'budget:edit'),
  };
}

/** Managers add a project; a key already used is a 409 naming body.key. */
export async function createProject(ctx: ServiceContext, input: CreateProjectBody): Promise<ProjectDetail> {
  requirePermission(ctx.actor, 'industrial-cluster:manage');
  const body = CreateProjectSchema.parse(input);
  const errors = fyErrors(body.startFy, body.endFy);
  if (errors.length > 0) throw validationFailed(errors);
  const duplicate = () =>
    new AppError('DUPLICATE', `a project with key "${body.key}" already exists`, {
      errors: [{ field: 'body.key', message: 'already used' }],
    });
  if (await findProjectByKey(ctx.db, body.key)) throw duplicate();
  const at = ctx.now().toISOString();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const row = await insertProject(trx, {
        key: body.key,
        name_ja: body.name.ja,
        name_en: body.name.en,
        bureau: body.bureau,
        description_ja: body.description.ja,
        description_en: body.description.en,
        start_fy: body.startFy,
        end_fy: body.endFy,
        status: body.status,
        is_published: body.isPublished ? 1 : 0,
        source: body.source,
        created_at: at,
        updated_at: at,
      });
      await audit(ctx, trx, {
        action: 'industrial-cluster-project.create',
        entityType: 'industrial_cluster_project',
        entityId: row.id,
        after: projectSnapshot(row),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
  return getProject(ctx, body.key);
}

/** Managers edit a project at the version read. */
export async function updateProject(
  ctx: ServiceContext,
  key: string,
  body: UpdateProjectBody,
): Promise<ProjectDetail> {
  const current = await getManagedProject(ctx, key);
  const errors = fyErrors(
    body.startFy ?? current.start_fy,
    body.endFy !== undefined ? body.endFy : current.end_fy,
  );
  if (errors.length > 0) throw validationFailed(errors);
  if (body.version !== current.version)
    throw versionConflict('Industrial Cluster project', key, current.version);
  await ctx.db.transaction().execute(async (trx) => {
    const after = await updateProjectAtVersion(trx, current.id, body.version, {
      ...(body.name !== undefined ? { name_ja: body.name.ja, name_en: body.name.en } : {}),
      ...(body.bureau !== undefined ? { bureau: body.bureau } : {}),
      ...(body.description !== undefined
        ? { description_ja: body.description.ja, description_en: body.description.en }
        : {}),
      ...(body.startFy !== undefined ? { start_fy: body.startFy } : {}),
      ...(body.endFy !== undefined ? { end_fy: body.endFy } : {}),
      ...(body.status !== undefined ? { status: body.status } : {}),
      ...(body.isPublished !== undefined ? { is_published: body.isPublished ? 1 : 0 } : {}),
      ...(body.source !== undefined ? { source: body.source } : {}),
      updated_at: ctx.now().toISOString(),
    });
    if (!after) {
      const fresh = await findProjectByKey(trx, key);
      throw versionConflict('Industrial Cluster project', key, fresh?.version ?? body.version);
    }
    await audit(ctx, trx, {
      action: 'industrial-cluster-project.update',
      entityType: 'industrial_cluster_project',
      entityId: current.id,
      before: projectSnapshot(current),
      after: projectSnapshot(after),
    });
  });
  return getProject(ctx, key);
}

/** Managers add a member organization with its role; the same organization twice is a 409. */
export async function addProjectMember(
  ctx: ServiceContext,
  key: string,
  input: AddMemberBody,
): Promise<ProjectDetail> {
  const project = await getManagedProject(ctx, key);
  const body = AddMemberSchema.parse(input);
  if (!(await findOrganizationById(ctx.db, body.organizationId)))
    throw unknownReference('body.organizationId', 'organization', body.organizationId);
  const duplicate = () =>
    new AppError('DUPLICATE', `organization ${body.organizationId} is a member of ${key} already`, {
      errors: [{ field: 'body.organizationId', message: 'already a member' }],
    });
  if (await findProjectMemberByOrganization(ctx.db, project.id, body.organizationId)) throw duplicate();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const row = await insertProjectMember(trx, {
        project_id: project.id,
        organization_id: body.organizationId,
        role: body.role,
        joined_fy: body.joinedFy,
        created_at: ctx.now().toISOString(),
      });
      await audit(ctx, trx, {
        action: 'industrial-cluster-member.add',
        entityType: 'industrial_cluster_member',
        entityId: row.id,
        after: {
          projectId: project.id,
          organizationId: row.organization_id,
          role: row.role,
          joinedFy: row.joined_fy,
        },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
  return getProject(ctx, key);
}

/** Managers remove a member organization; the audit log keeps it. */
export async function removeProjectMember(
  ctx: ServiceContext,
  key: string,
  id: number,
): Promise<ProjectDetail> {
  const project = await getManagedProject(ctx, key);
  const member = await findProjectMember(ctx.db, project.id, id);
  if (!member) throw notFound(`member of project ${key}`, id);
  await ctx.db.transaction().execute(async (trx) => {
    await deleteProjectMember(trx, member.id);
    await audit(ctx, trx, {
      action: 'industrial-cluster-member.remove',
      entityType: 'industrial_cluster_member',
      entityId: member.id,
      before: { projectId: project.id, organizationId: member.organization_id, role: member.role },
    });
  });
  return getProject(ctx, key);
}

/** Bumps the project's version inside a link change, so two editors of one set cannot both win. */
async function bumpVersion(
  ctx: ServiceContext,
  trx: ServiceContext['db'],
  project: IndustrialClusterProjectRow,
  version: number,
) {
  if (version !== project.version)
    throw versionConflict('Industrial Cluster project', project.key, project.version);
  const after = await updateProjectAtVersion(trx, project.id, version, {
    updated_at: ctx.now().toISOString(),
  });
  if (!after) {
    const fresh = await findProjectByKey(trx, project.key);
    throw versionConflict('Industrial Cluster project', project.key, fresh?.version ?? version);
  }
}

/** Managers set the knowledge clusters the project works with (the whole set, by key). */
export async function setProjectClusters(
  ctx: ServiceContext,
  key: string,
  body: ProjectClustersBody,
): Promise<ProjectDetail> {
  const project = await getManagedProject(ctx, key);
  const keys = [...new Set(body.clusterKeys)];
  const found = await Promise.all(keys.map((k) => findClusterByKey(ctx.db, k)));
  const errors: FieldError[] = keys.flatMap((k, i) =>
    found[i]
      ? []
      : [{ field: `body.clusterKeys.${body.clusterKeys.indexOf(k)}`, message: `unknown cluster "${k}"` }],
  );
  if (errors.length > 0)
    throw new AppError('UNKNOWN_REFERENCE', errors.map((e) => e.message).join('; '), { errors });
  const before = (await listProjectClusters(ctx.db, project.id)).map((c) => c.key);
  await ctx.db.transaction().execute(async (trx) => {
    await bumpVersion(ctx, trx, project, body.version);
    await replaceProjectClusters(
      trx,
      project.id,
      found.map((c) => c!.id),
    );
    await audit(ctx, trx, {
      action: 'industrial-cluster-project.clusters',
      entityType: 'industrial_cluster_project',
      entityId: project.id,
      before: { clusters: before },
      after: { clusters: keys },
    });
  });
  return getProject(ctx, key);
}

/**
 * Managers set the seeds the project takes up (the whole set, by id). Seeds are the matching
 * module's records; ids are kept as given and shown by that module.
 */
export async function setProjectSeeds(
  ctx: ServiceContext,
  key: string,
  body: ProjectSeedsBody,
): Promise<ProjectDetail> {
  const project = await getManagedProject(ctx, key);
  const ids = [...new Set(body.seedIds)].sort((a, b) => a - b);
  const before = await listProjectSeedIds(ctx.db, project.id);
  await ctx.db.transaction().execute(async (trx) => {
    await bumpVersion(ctx, trx, project, body.version);
    await replaceProjectSeeds(trx, project.id, ids);
    await audit(ctx, trx, {
      action: 'industrial-cluster-project.seeds',
      entityType: 'industrial_cluster_project',
      entityId: project.id,
      before: { seedIds: before },
      after: { seedIds: ids },
    });
  });
  return getProject(ctx, key);
}

/**
 * An officer records METI money for the practical use of seeds. In one transaction: the fund,
 * its ledger line (kind 'meti', for the cluster named or the programme, keyed by the fund's own
 * source so two funds never merge), and a funded project under the METI Industrial Cluster
 * programme for the duplication check; each audited.
 */
export async function createMetiFund(
  ctx: ServiceContext,
  key: string,
  input: CreateMetiFundBody,
): Promise<MetiFund> {
  requirePermission(ctx.actor, 'budget:edit');
  const project = await findProjectByKey(ctx.db, key);
  if (!project) throw notFound('Industrial Cluster project', key);
  const body = CreateMetiFundSchema.parse(input);
  const programme = await findFirstProgramme(ctx.db);
  if (!programme) throw new AppError('RULE_VIOLATION', 'Load the programme before recording budgets');
  let clusterId: number | null = null;
  if (body.cluster !== null) {
    const linked = await listProjectClusters(ctx.db, project.id);
    const cluster = linked.find((c) => c.key === body.cluster);
    if (!cluster) {
      if (!(await findClusterByKey(ctx.db, body.cluster)))
        throw unknownReference('body.cluster', 'cluster', body.cluster);
      throw new AppError('RULE_VIOLATION', `cluster ${body.cluster} is not linked to project ${key}`, {
        errors: [{ field: 'body.cluster', message: `link the cluster to project ${key} first` }],
      });
    }
    clusterId = cluster.id;
  }
  const person =
    body.principalPersonId === null ? null : await findPersonById(ctx.db, body.principalPersonId);
  if (body.principalPersonId !== null && !person)
    throw unknownReference('body.principalPersonId', 'person', body.principalPersonId);

  const at = ctx.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const funded = await insertFundedProject(trx, {
      programme: 'meti_industrial_cluster',
      fiscalYear: body.fiscalYear,
      theme: body.purpose,
      principalPersonId: body.principalPersonId,
      researcherName: body.researcherName || person?.name_ja || person?.name_en || '',
      organizationId: person?.organization_id ?? null,
      clusterId,
      seedId: body.seedId,
      amountYen: body.amountYen,
      source: `METI fund of Industrial Cluster project ${project.key}`,
      createdBy: actorAccountId(ctx.actor),
      at,
    });
    const fund = await insertMetiFund(trx, {
      project_id: project.id,
      cluster_id: clusterId,
      fiscal_year: body.fiscalYear,
      amount_yen: body.amountYen,
      purpose_ja: body.purpose.ja,
      purpose_en: body.purpose.en,
      seed_id: body.seedId,
      // Set below, once the fund's id names its ledger line.
      budget_line_key: '',
      funded_project_id: funded.id,
      created_by: actorAccountId(ctx.actor),
      created_at: at,
      updated_at: at,
    });
    const source = `METI Industrial Cluster ${project.key} fund #${fund.id}`;
    const lineKey = budgetLineKey(clusterId, body.fiscalYear, 'meti', source);
    await upsertBudgetLines(
      trx,
      [
        {
          programmeId: programme.id,
          clusterId,
          fiscalYear: body.fiscalYear,
          kind: 'meti',
          amountYen: body.amountYen,
          source,
          note: [body.purpose.ja, body.purpose.en].filter((t) => t !== '').join(' / '),
        },
      ],
      at,
    );
    await trx.updateTable('meti_funds').set({ budget_line_key: lineKey }).where('id', '=', fund.id).execute();
    const line = await findBudgetLineByKey(trx, lineKey);
    await audit(ctx, trx, {
      action: 'meti-fund.create',
      entityType: 'meti_fund',
      entityId: fund.id,
      after: {
        projectId: project.id,
        clusterId,
        fiscalYear: body.fiscalYear,
        amountYen: body.amountYen,
        purpose: body.purpose,
        seedId: body.seedId,
        budgetLineKey: lineKey,
        fundedProjectId: funded.id,
      },
    });
    await audit(ctx, trx, {
      action: 'budget-line.create',
      entityType: 'budget_line',
      entityId: line!.id,
      after: budgetLineSnapshot(line!),
    });
    await audit(ctx, trx, {
      action: 'funded-project.create',
      entityType: 'funded_project',
      entityId: funded.id,
      after: fundedProjectSnapshot(funded),
    });
    return fund.id;
  });
  return toMetiFund((await findMetiFund(ctx.db, id))!);
}
