/**
 * Proposals: a proposer drafts one for an open call on behalf of its organization, edits it, submits
 * it before the deadline (plus grace) with the required documents attached, and may withdraw it.
 * After the deadline only an officer's reopening (with a reason, audited) lets it change again.
 * A proposer never learns whether another organization's proposal exists (404, not 403).
 */
import type {
  CreateProposalBody,
  ProposalDetail,
  ProposalListResponse,
  ReopenProposalBody,
  UpdateProposalBody,
} from '../../../contracts/selection-proposals';
import { CreateProposalBody as CreateProposalSchema } from '../../../contracts/selection-proposals';
import type { BudgetPlanYear } from '../../../contracts/selection-common';
import { isIndicatorKey } from '../../../domain/indicators';
import { can, proposerOrganizationIds } from '../../../domain/permissions';
import type { Db, ServiceContext } from '../../context';
import { AppError, type FieldError, notFound, unknownReference, versionConflict } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { actorAccountId, requirePermission } from '../auth/authorize';
import { findCallRowById } from './call.repo';
import { callClosesAt, parseCallJson } from './call.presenter';
import { loadReadableCall } from './call.service';
import {
  missingDocuments,
  proposalSnapshot,
  toProposalDetail,
  toProposalSummary,
} from './proposal.presenter';
import {
  existingOrganizationIds,
  findPassedStageOneProposal,
  findProposalRow,
  insertProposalRow,
  keyFieldExists,
  listActiveAttachments,
  listProposalRows,
  organizationNames,
  updateProposalAtVersion,
} from './proposal.repo';
import type { CallRow, ProposalRow } from './selection.table';

function validationFailed(errors: FieldError[]): AppError {
  return new AppError('VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
    errors,
  });
}

export interface LoadedProposal {
  proposal: ProposalRow;
  call: CallRow;
  /** The actor drafts for the proposing organization. */
  isOwner: boolean;
}

/**
 * The proposal as the actor may read it: officers any, a proposer only its organizations' (404
 * otherwise, so another organization's proposal is not revealed); everyone else 401/403.
 */
export async function loadProposal(
  ctx: ServiceContext,
  id: number,
  mode: 'read' | 'edit',
): Promise<LoadedProposal> {
  const officer = mode === 'read' && can(ctx.actor, 'call:read-unpublished');
  if (!officer) requirePermission(ctx.actor, 'proposal:edit');
  const proposal = await findProposalRow(ctx.db, id);
  const isOwner =
    proposal !== undefined && proposerOrganizationIds(ctx.actor).includes(proposal.proposer_organization_id);
  if (!proposal || (!officer && !isOwner)) throw notFound('proposal', id);
  const call = await findCallRowById(ctx.db, proposal.call_id);
  if (!call) throw notFound('proposal', id);
  return { proposal, call, isOwner };
}

/** Whether the call still takes changes to this proposal now: before the deadline, or reopened. */
export function acceptsChanges(call: CallRow, proposal: ProposalRow, now: Date): boolean {
  if (proposal.reopened_at !== null) return call.status === 'open' || call.status === 'review';
  return call.status === 'open' && now.getTime() <= callClosesAt(call).getTime();
}

/** Throws the clear reason a draft cannot change now (DEADLINE_PASSED after the deadline and grace). */
export function requireChangeable(ctx: ServiceContext, loaded: LoadedProposal, what: string): void {
  const { call, proposal } = loaded;
  if (proposal.status !== 'draft')
    throw new AppError(
      'INVALID_TRANSITION',
      `proposal ${proposal.id} is ${proposal.status}; only a draft can be ${what}`,
      {
        errors: [{ field: 'params.id', message: `the proposal is ${proposal.status}` }],
      },
    );
  if (acceptsChanges(call, proposal, ctx.now())) return;
  if (call.status === 'open' || (call.status !== 'draft' && proposal.reopened_at === null))
    throw new AppError(
      'DEADLINE_PASSED',
      `the submission deadline of call ${call.key} (${callClosesAt(call).toISOString()} with grace) has passed; only an officer can reopen the proposal`,
      { errors: [{ field: 'call.submissionDeadline', message: 'the deadline has passed' }] },
    );
  throw new AppError('INVALID_TRANSITION', `call ${call.key} is ${call.status}; proposals cannot change now`);
}

function rightsOf(ctx: ServiceContext, loaded: LoadedProposal) {
  const { proposal, call, isOwner } = loaded;
  const changeable = proposal.status === 'draft' && acceptsChanges(call, proposal, ctx.now());
  const active = call.status === 'open' || call.status === 'review';
  return {
    canEdit: isOwner && changeable,
    canSubmit: isOwner && changeable,
    canWithdraw: isOwner && proposal.status !== 'withdrawn' && active,
    canReopen:
      can(ctx.actor, 'call:manage') &&
      active &&
      (proposal.status === 'submitted' ||
        (proposal.status === 'draft' && !acceptsChanges(call, proposal, ctx.now()))),
  };
}

async function detailOf(ctx: ServiceContext, loaded: LoadedProposal): Promise<ProposalDetail> {
  const { proposal } = loaded;
  const ids = [
    proposal.proposer_organization_id,
    ...(proposal.core_organization_id ? [proposal.core_organization_id] : []),
  ];
  const [names, attachments] = await Promise.all([
    organizationNames(ctx.db, ids),
    listActiveAttachments(ctx.db, [proposal.id]),
  ]);
  return toProposalDetail(
    proposal,
    loaded.call,
    {
      organization: names.get(proposal.proposer_organization_id) ?? { ja: '', en: '' },
      core:
        proposal.core_organization_id === null ? null : (names.get(proposal.core_organization_id) ?? null),
    },
    attachments,
    rightsOf(ctx, loaded),
  );
}

export async function getProposal(ctx: ServiceContext, id: number): Promise<ProposalDetail> {
  return detailOf(ctx, await loadProposal(ctx, id, 'read'));
}

async function summaries(
  ctx: ServiceContext,
  rows: ProposalRow[],
  calls: Map<number, CallRow>,
): Promise<ProposalListResponse> {
  const [names, attachments] = await Promise.all([
    organizationNames(
      ctx.db,
      rows.map((r) => r.proposer_organization_id),
    ),
    listActiveAttachments(
      ctx.db,
      rows.map((r) => r.id),
    ),
  ]);
  return {
    items: rows.map((r) =>
      toProposalSummary(
        r,
        calls.get(r.call_id)!,
        names.get(r.proposer_organization_id) ?? { ja: '', en: '' },
        attachments.filter((a) => a.owner_id === r.id),
      ),
    ),
  };
}

/** The proposer's own proposals, newest first. */
export async function listMyProposals(ctx: ServiceContext): Promise<ProposalListResponse> {
  requirePermission(ctx.actor, 'proposal:edit');
  const rows = await listProposalRows(ctx.db, { organizationIds: proposerOrganizationIds(ctx.actor) });
  const calls = new Map<number, CallRow>();
  for (const id of new Set(rows.map((r) => r.call_id))) {
    const call = await findCallRowById(ctx.db, id);
    if (call) calls.set(id, call);
  }
  return summaries(ctx, rows, calls);
}

/** Every proposal of a call, for officers. */
export async function listCallProposals(ctx: ServiceContext, key: string): Promise<ProposalListResponse> {
  requirePermission(ctx.actor, 'call:read-unpublished');
  const call = await loadReadableCall(ctx, key);
  return summaries(ctx, await listProposalRows(ctx.db, { callId: call.id }), new Map([[call.id, call]]));
}

export async function createProposal(
  ctx: ServiceContext,
  key: string,
  input: CreateProposalBody,
): Promise<ProposalDetail> {
  requirePermission(ctx.actor, 'proposal:edit');
  const body = CreateProposalSchema.parse(input);
  const organizationId = proposerOrganizationIds(ctx.actor)[0];
  if (organizationId === undefined)
    throw new AppError('FORBIDDEN', 'Your proposer grant names no organization');
  const call = await loadReadableCall(ctx, key);
  if (call.status !== 'open')
    throw new AppError(
      'INVALID_TRANSITION',
      `call ${key} is ${call.status}; proposals are accepted only while it is open`,
    );
  if (ctx.now().getTime() > callClosesAt(call).getTime())
    throw new AppError('DEADLINE_PASSED', `the submission deadline of call ${key} has passed`, {
      errors: [{ field: 'call.submissionDeadline', message: 'the deadline has passed' }],
    });
  if (!(await keyFieldExists(ctx.db, body.keyField)))
    throw unknownReference('body.keyField', 'key field', body.keyField);
  let previousProposalId: number | null = null;
  if (Number(call.stage) === 2 && call.previous_call_id !== null) {
    const passed = await findPassedStageOneProposal(ctx.db, call.previous_call_id, organizationId);
    if (!passed)
      throw new AppError(
        'RULE_VIOLATION',
        `call ${key} is a second stage: only organizations shortlisted in its first stage may propose`,
        {
          errors: [
            { field: 'params.key', message: 'your organization was not shortlisted in the first stage' },
          ],
        },
      );
    previousProposalId = passed.id;
  }
  const existing = await listProposalRows(ctx.db, { callId: call.id, organizationIds: [organizationId] });
  if (existing.some((p) => p.status !== 'withdrawn'))
    throw new AppError('DUPLICATE', `your organization already has a proposal to call ${key}`, {
      errors: [{ field: 'params.key', message: 'one proposal per organization and call' }],
    });
  const at = ctx.now().toISOString();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await insertProposalRow(trx, {
      call_id: call.id,
      proposer_organization_id: organizationId,
      title_ja: body.title.ja,
      title_en: body.title.en,
      region_ja: body.region.ja,
      region_en: body.region.en,
      prefectures_json: JSON.stringify(body.prefectures),
      key_field_key: body.keyField,
      core_organization_id: null,
      headquarters_plan: null,
      participants_json: '[]',
      narratives_json: '{}',
      budget_plan_json: '[]',
      targets_json: '[]',
      requested_yen: 0,
      status: 'draft',
      submitted_at: null,
      withdrawn_at: null,
      reopened_at: null,
      reopened_by: null,
      reopen_reason: null,
      previous_proposal_id: previousProposalId,
      cluster_id: null,
      created_by: actorAccountId(ctx.actor),
      created_at: at,
      updated_at: at,
    });
    await audit(ctx, trx, {
      action: 'proposal.create',
      entityType: 'proposal',
      entityId: inserted.id,
      after: proposalSnapshot(inserted),
    });
    return inserted;
  });
  return detailOf(ctx, { proposal: row, call, isOwner: true });
}

/** The subsidy asked for: the largest year of the plan (the budget check compares it per year). */
export function requestedYenOf(plan: readonly BudgetPlanYear[]): number {
  return plan.reduce((max, y) => Math.max(max, y.subsidyYen), 0);
}

async function checkEdit(db: Db, call: CallRow, body: UpdateProposalBody): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const groups = new Set(parseCallJson(call).criteria.map((g) => g.key));
  for (const key of Object.keys(body.narratives ?? {}))
    if (!groups.has(key))
      errors.push({ field: `body.narratives.${key}`, message: `the call has no criterion group ${key}` });
  const plan = body.budgetPlan;
  if (plan && plan.length > 0) {
    if (plan.length !== 5)
      errors.push({
        field: 'body.budgetPlan',
        message: `give five fiscal years FY${call.fiscal_year}–FY${call.fiscal_year + 4}`,
      });
    plan.forEach((y, i) => {
      if (y.fiscalYear !== call.fiscal_year + i)
        errors.push({
          field: `body.budgetPlan.${i}.fiscalYear`,
          message: `expected FY${call.fiscal_year + i}`,
        });
    });
  }
  (body.targets ?? []).forEach((t, i) => {
    if (!isIndicatorKey(t.indicatorKey))
      errors.push({
        field: `body.targets.${i}.indicatorKey`,
        message: `unknown indicator ${t.indicatorKey}`,
      });
    if (t.fiscalYear < call.fiscal_year || t.fiscalYear > call.fiscal_year + 4)
      errors.push({
        field: `body.targets.${i}.fiscalYear`,
        message: `outside the plan FY${call.fiscal_year}–FY${call.fiscal_year + 4}`,
      });
  });
  if (body.keyField !== undefined && !(await keyFieldExists(db, body.keyField)))
    errors.push({ field: 'body.keyField', message: `unknown key field ${body.keyField}` });
  const orgIds = [
    ...(body.coreOrganizationId ? [body.coreOrganizationId] : []),
    ...(body.participants ?? []).flatMap((p) => (p.organizationId ? [p.organizationId] : [])),
  ];
  const known = await existingOrganizationIds(db, orgIds);
  if (body.coreOrganizationId && !known.has(body.coreOrganizationId))
    errors.push({
      field: 'body.coreOrganizationId',
      message: `unknown organization ${body.coreOrganizationId}`,
    });
  (body.participants ?? []).forEach((p, i) => {
    if (p.organizationId && !known.has(p.organizationId))
      errors.push({
        field: `body.participants.${i}.organizationId`,
        message: `unknown organization ${p.organizationId}`,
      });
  });
  return errors;
}

async function writeProposal(
  ctx: ServiceContext,
  loaded: LoadedProposal,
  version: number,
  values: Partial<ProposalRow>,
  action: string,
): Promise<ProposalDetail> {
  const { proposal } = loaded;
  if (version !== proposal.version) throw versionConflict('proposal', proposal.id, proposal.version);
  const next = await ctx.db.transaction().execute(async (trx) => {
    const updated = await updateProposalAtVersion(trx, proposal.id, version, {
      ...values,
      updated_at: ctx.now().toISOString(),
    });
    if (!updated) {
      const fresh = await findProposalRow(trx, proposal.id);
      throw versionConflict('proposal', proposal.id, fresh?.version ?? version);
    }
    await audit(ctx, trx, {
      action,
      entityType: 'proposal',
      entityId: proposal.id,
      before: proposalSnapshot(proposal),
      after: proposalSnapshot(updated),
    });
    return updated;
  });
  return detailOf(ctx, { ...loaded, proposal: next });
}

export async function updateProposal(
  ctx: ServiceContext,
  id: number,
  body: UpdateProposalBody,
): Promise<ProposalDetail> {
  const loaded = await loadProposal(ctx, id, 'edit');
  requireChangeable(ctx, loaded, 'edited');
  const errors = await checkEdit(ctx.db, loaded.call, body);
  if (errors.length > 0) throw validationFailed(errors);
  const values: Partial<ProposalRow> = {
    ...(body.title ? { title_ja: body.title.ja, title_en: body.title.en } : {}),
    ...(body.region ? { region_ja: body.region.ja, region_en: body.region.en } : {}),
    ...(body.prefectures ? { prefectures_json: JSON.stringify(body.prefectures) } : {}),
    ...(body.keyField !== undefined ? { key_field_key: body.keyField } : {}),
    ...(body.coreOrganizationId !== undefined ? { core_organization_id: body.coreOrganizationId } : {}),
    ...(body.headquartersPlan !== undefined ? { headquarters_plan: body.headquartersPlan || null } : {}),
    ...(body.participants ? { participants_json: JSON.stringify(body.participants) } : {}),
    ...(body.narratives ? { narratives_json: JSON.stringify(body.narratives) } : {}),
    ...(body.budgetPlan
      ? { budget_plan_json: JSON.stringify(body.budgetPlan), requested_yen: requestedYenOf(body.budgetPlan) }
      : {}),
    ...(body.targets ? { targets_json: JSON.stringify(body.targets) } : {}),
  };
  return writeProposal(ctx, loaded, body.version, values, 'proposal.update');
}

/** What a proposal lacks before it can be submitted, naming each missing field. */
async function completeness(ctx: ServiceContext, loaded: LoadedProposal): Promise<FieldError[]> {
  const { proposal: p, call } = loaded;
  const errors: FieldError[] = [];
  const need = (field: string, ok: boolean, message = 'required before submission') => {
    if (!ok) errors.push({ field, message });
  };
  need('title', p.title_ja.trim() !== '' || p.title_en.trim() !== '');
  need('region', p.region_ja.trim() !== '' || p.region_en.trim() !== '');
  need('prefectures', (JSON.parse(p.prefectures_json) as string[]).length > 0);
  need('coreOrganizationId', p.core_organization_id !== null);
  need('headquartersPlan', (p.headquarters_plan ?? '').trim() !== '');
  const narratives = JSON.parse(p.narratives_json) as Record<string, string>;
  for (const g of parseCallJson(call).criteria)
    need(`narratives.${g.key}`, (narratives[g.key] ?? '').trim() !== '');
  need(
    'budgetPlan',
    (JSON.parse(p.budget_plan_json) as unknown[]).length === 5,
    'a 5-year budget plan is required',
  );
  const attachments = await listActiveAttachments(ctx.db, [p.id]);
  for (const key of missingDocuments(call, attachments))
    need(`documents.${key}`, false, 'required document not attached');
  return errors;
}

export async function submitProposal(
  ctx: ServiceContext,
  id: number,
  version: number,
): Promise<ProposalDetail> {
  const loaded = await loadProposal(ctx, id, 'edit');
  requireChangeable(ctx, loaded, 'submitted');
  const missing = await completeness(ctx, loaded);
  if (missing.length > 0)
    throw new AppError(
      'RULE_VIOLATION',
      `the proposal is incomplete: ${missing.map((e) => e.field).join(', ')}`,
      {
        errors: missing,
      },
    );
  return writeProposal(
    ctx,
    loaded,
    version,
    { status: 'submitted', submitted_at: ctx.now().toISOString() },
    'proposal.submit',
  );
}

export async function withdrawProposal(
  ctx: ServiceContext,
  id: number,
  version: number,
): Promise<ProposalDetail> {
  const loaded = await loadProposal(ctx, id, 'edit');
  const { proposal, call } = loaded;
  if (proposal.status === 'withdrawn')
    throw new AppError('INVALID_TRANSITION', `proposal ${id} is already withdrawn`);
  if (call.status !== 'open' && call.status !== 'review')
    throw new AppError(
      'INVALID_TRANSITION',
      `call ${call.key} is ${call.status}; a proposal can no longer be withdrawn`,
    );
  return writeProposal(
    ctx,
    loaded,
    version,
    { status: 'withdrawn', withdrawn_at: ctx.now().toISOString() },
    'proposal.withdraw',
  );
}

/** An officer lets a submitted (or late draft) proposal change again past the deadline. */
export async function reopenProposal(
  ctx: ServiceContext,
  id: number,
  body: ReopenProposalBody,
): Promise<ProposalDetail> {
  requirePermission(ctx.actor, 'call:manage');
  const loaded = await loadProposal(ctx, id, 'read');
  if (!rightsOf(ctx, loaded).canReopen)
    throw new AppError(
      'INVALID_TRANSITION',
      `proposal ${id} is ${loaded.proposal.status} in a call that is ${loaded.call.status}; only a submitted or late draft proposal of an open or reviewing call can be reopened`,
    );
  return writeProposal(
    ctx,
    loaded,
    body.version,
    {
      status: 'draft',
      reopened_at: ctx.now().toISOString(),
      reopened_by: actorAccountId(ctx.actor),
      reopen_reason: body.reason,
    },
    'proposal.reopen',
  );
}
