/**
 * Conflicts of interest: detected from affiliations (src/domain/selection/conflicts.ts) when
 * reviewers join the pool, when they are assigned, or on demand; declared by reviewers (see
 * review.service.ts); confirmed or dismissed by an officer. A blocking conflict (pending or
 * confirmed: a finding counts until an officer dismisses it) removes the assignment it touches.
 */
import type {
  ConflictItem,
  ConflictRulingBody,
  ConflictsResponse,
  DetectConflictsResponse,
} from '../../../contracts/selection-reviews';
import { can } from '../../../domain/permissions';
import {
  type ConflictFinding,
  type ConflictKind,
  detectAllConflicts,
  isBlocking,
  type ProposalParties,
  type ReviewerProfile,
} from '../../../domain/selection/conflicts';
import type { Db, ServiceContext } from '../../context';
import { AppError, notFound } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { actorAccountId, requirePermission } from '../auth/authorize';
import {
  conflictNames,
  findConflict,
  insertConflict,
  listActiveAssignmentPairs,
  listCallConflicts,
  listReviewerAffiliations,
  listSubmittedProposalParties,
  organizationPrefectures,
  removeAssignment,
} from './conflict.repo';
import { loadCall } from './review.call';
import type { CallRow, ConflictRow } from './selection.table';

/**
 * Profiles list "recent collaborator organizations" already (the reviewer or officer keeps the list
 * current), so each counts as a collaboration up to the call's fiscal year; the window only has to
 * admit that year.
 */
const COLLABORATOR_YEARS = 5;

/** Whether a conflicts row blocks its pair: anything not dismissed (the domain's rule). */
export function blockingPairs(
  rows: readonly ConflictRow[],
): (reviewerId: number, proposalId: number) => boolean {
  const findings: ConflictFinding[] = rows.map((r) => ({
    reviewerId: r.reviewer_account_id,
    proposalId: r.proposal_id,
    kind: r.kind as ConflictKind,
    source: r.origin as 'detected' | 'declared',
    reason: r.detail ?? '',
  }));
  const rulings = rows
    .filter((r) => r.status === 'confirmed' || r.status === 'dismissed')
    .map((r) => ({
      reviewerId: r.reviewer_account_id,
      proposalId: r.proposal_id,
      kind: r.kind as ConflictKind,
      ruling: r.status as 'confirmed' | 'dismissed',
    }));
  return isBlocking(findings, rulings);
}

/** True when the reviewer has a blocking conflict with the proposal. */
export async function isPairBlocked(
  db: Db,
  callId: number,
  reviewerId: number,
  proposalId: number,
): Promise<boolean> {
  const rows = await db
    .selectFrom('conflicts')
    .selectAll()
    .where('call_id', '=', callId)
    .where('reviewer_account_id', '=', reviewerId)
    .where('proposal_id', '=', proposalId)
    .execute();
  return blockingPairs(rows)(reviewerId, proposalId);
}

/**
 * The conflicts affiliations reveal between the reviewers and the call's submitted proposals, in
 * memory (the preview of an automatic assignment uses them without writing).
 * The proposal's side: its proposer, core and participating organizations, the region's
 * prefectures and those organizations' prefectures. The reviewer's side: their person's
 * organization, in the prefecture their profile names if it overrides the organization's.
 */
export async function findDetectedConflicts(
  db: Db,
  call: CallRow,
  reviewerIds: number[],
  proposalIds?: number[],
): Promise<ConflictFinding[]> {
  const [affiliations, proposals] = await Promise.all([
    listReviewerAffiliations(db, reviewerIds),
    listSubmittedProposalParties(db, call.id, proposalIds),
  ]);
  const orgIds = proposals.flatMap((p) => [
    p.proposerOrganizationId,
    ...(p.coreOrganizationId === null ? [] : [p.coreOrganizationId]),
    ...p.participantOrganizationIds,
  ]);
  const prefectureOf = await organizationPrefectures(db, orgIds);
  const parties: ProposalParties[] = proposals.map((p) => {
    const orgs = [p.proposerOrganizationId, ...p.participantOrganizationIds];
    const all = p.coreOrganizationId === null ? orgs : [p.coreOrganizationId, ...orgs];
    const prefectures = new Set(p.prefectureCodes);
    for (const id of all) {
      const code = prefectureOf.get(id);
      if (code) prefectures.add(code);
    }
    return {
      proposalId: p.id,
      coreOrganizationId: p.coreOrganizationId,
      participatingOrganizationIds: orgs,
      prefectureCodes: [...prefectures],
      personIds: [],
    };
  });
  const profiles: ReviewerProfile[] = affiliations.map((a) => {
    const prefecture = a.prefectureOverride ?? a.organizationPrefecture;
    // Without an organization a prefecture override still counts: organization id 0 names no row.
    const affiliationsOf =
      a.organizationId !== null || prefecture !== null
        ? [{ organizationId: a.organizationId ?? 0, prefectureCode: prefecture }]
        : [];
    return {
      reviewerId: a.accountId,
      personId: null,
      affiliations: affiliationsOf,
      collaborations: a.collaboratorOrganizationIds.map((organizationId) => ({
        kind: 'joint_project' as const,
        organizationId,
        fyTo: call.fiscal_year,
      })),
      declared: [],
    };
  });
  const names = await conflictNames(
    db,
    [...orgIds, ...affiliations.flatMap((a) => [a.organizationId ?? 0, ...a.collaboratorOrganizationIds])],
    parties.flatMap((p) => p.prefectureCodes),
  );
  return detectAllConflicts(profiles, parties, call.fiscal_year, COLLABORATOR_YEARS, {
    organization: (id) => names.organizations.get(id) ?? `#${id}`,
    prefecture: (code) => names.prefectures.get(code) ?? code,
    person: (id) => `#${id}`,
  });
}

/**
 * Writes the findings not yet recorded (a pair and kind already ruled on stays as ruled: a
 * dismissed finding does not come back on the next run) and removes active assignments a blocking
 * conflict now touches. Runs inside the caller's transaction; audited.
 */
export async function persistFindings(
  ctx: ServiceContext,
  trx: Db,
  call: CallRow,
  findings: readonly ConflictFinding[],
): Promise<DetectConflictsResponse> {
  const at = ctx.now().toISOString();
  const existing = await listCallConflicts(trx, call.id);
  const seen = new Set(existing.map((r) => `${r.reviewer_account_id}:${r.proposal_id}:${r.kind}`));
  let found = 0;
  const rows = [...existing];
  for (const f of findings) {
    const k = `${f.reviewerId}:${f.proposalId}:${f.kind}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const row = await insertConflict(trx, {
      callId: call.id,
      proposalId: f.proposalId,
      reviewerId: f.reviewerId,
      kind: f.kind,
      origin: 'detected',
      detail: f.reason,
      at,
    });
    rows.push(row);
    found++;
    await audit(ctx, trx, {
      action: 'conflict.detect',
      entityType: 'conflict',
      entityId: row.id,
      after: row,
    });
  }
  const removed = await removeBlockedAssignments(ctx, trx, call, rows);
  return { found, removedAssignments: removed };
}

/** Removes the call's active assignments whose pair is blocked; returns how many. */
export async function removeBlockedAssignments(
  ctx: ServiceContext,
  trx: Db,
  call: CallRow,
  rows?: readonly ConflictRow[],
): Promise<number> {
  const blocked = blockingPairs(rows ?? (await listCallConflicts(trx, call.id)));
  const at = ctx.now().toISOString();
  let removed = 0;
  for (const a of await listActiveAssignmentPairs(trx, call.id)) {
    if (!blocked(a.reviewer_account_id, a.proposal_id)) continue;
    await removeAssignment(trx, a.id, at, 'conflict of interest');
    await audit(ctx, trx, {
      action: 'review-assignment.remove',
      entityType: 'review_assignment',
      entityId: a.id,
      before: a,
      after: { removedAt: at, reason: 'conflict of interest' },
    });
    removed++;
  }
  return removed;
}

/** Detection for the whole pool against every submitted proposal, on an officer's demand. */
export async function detectCallConflicts(
  ctx: ServiceContext,
  key: string,
): Promise<DetectConflictsResponse> {
  requirePermission(ctx.actor, 'call:manage');
  const call = await loadCall(ctx.db, key);
  return ctx.db.transaction().execute(async (trx) => {
    const pool = await trx
      .selectFrom('call_reviewers')
      .select('account_id')
      .where('call_id', '=', call.row.id)
      .execute();
    const findings = await findDetectedConflicts(
      trx,
      call.row,
      pool.map((p) => p.account_id),
    );
    return persistFindings(ctx, trx, call.row, findings);
  });
}

function toConflictItem(
  r: ConflictRow & { title_ja: string; title_en: string; display_name: string },
  blocked: boolean,
): ConflictItem {
  return {
    id: r.id,
    proposal: { id: r.proposal_id, title: { ja: r.title_ja, en: r.title_en } },
    reviewer: { accountId: r.reviewer_account_id, displayName: r.display_name },
    kind: r.kind as ConflictItem['kind'],
    origin: r.origin as ConflictItem['origin'],
    detail: r.detail,
    status: r.status as ConflictItem['status'],
    blocking: blocked,
    createdAt: r.created_at,
    ruledBy: r.ruled_by,
    ruledAt: r.ruled_at,
    rulingNote: r.ruling_note,
  };
}

/** The conflicts queue of a call: pending first, then ruled ones, oldest first. */
export async function listConflicts(ctx: ServiceContext, key: string): Promise<ConflictsResponse> {
  requirePermission(ctx.actor, 'call:manage');
  const call = await loadCall(ctx.db, key);
  const rows = await ctx.db
    .selectFrom('conflicts as c')
    .innerJoin('proposals as p', 'p.id', 'c.proposal_id')
    .innerJoin('accounts as a', 'a.id', 'c.reviewer_account_id')
    .selectAll('c')
    .select(['p.title_ja', 'p.title_en', 'a.display_name'])
    .where('c.call_id', '=', call.row.id)
    .orderBy('c.id')
    .execute();
  const blocked = blockingPairs(rows);
  const order = { pending: 0, confirmed: 1, dismissed: 2 } as Record<string, number>;
  return {
    conflicts: rows
      .map((r) => toConflictItem(r, blocked(r.reviewer_account_id, r.proposal_id)))
      .sort((a, b) => order[a.status]! - order[b.status]! || a.id - b.id),
  };
}

/**
 * An officer confirms or dismisses a conflict with a note. Confirming removes an assignment still
 * active on the pair; dismissing does not restore one removed earlier — the officer assigns again
 * by hand if the reviewer should review after all.
 */
export async function ruleConflict(
  ctx: ServiceContext,
  key: string,
  id: number,
  body: ConflictRulingBody,
): Promise<ConflictItem> {
  requirePermission(ctx.actor, 'call:manage');
  const call = await loadCall(ctx.db, key);
  const row = await findConflict(ctx.db, id);
  if (!row || row.call_id !== call.row.id) throw notFound('conflict', id);
  if (row.status === body.status)
    throw new AppError('INVALID_TRANSITION', `conflict ${id} is already ${row.status}`, {
      errors: [{ field: 'body.status', message: `already ${row.status}` }],
    });
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('conflicts')
      .set({ status: body.status, ruled_by: actorAccountId(ctx.actor), ruled_at: at, ruling_note: body.note })
      .where('id', '=', id)
      .execute();
    await audit(ctx, trx, {
      action: `conflict.${body.status === 'confirmed' ? 'confirm' : 'dismiss'}`,
      entityType: 'conflict',
      entityId: id,
      before: row,
      after: { status: body.status, ruledAt: at, note: body.note },
    });
    if (body.status === 'confirmed') await removeBlockedAssignments(ctx, trx, call.row);
  });
  const list = await listConflicts(ctx, key);
  return list.conflicts.find((c) => c.id === id)!;
}

/** Whether the actor is an officer who sees every conflict and review of a call. */
export function seesEverything(ctx: ServiceContext): boolean {
  return can(ctx.actor, 'call:read-unpublished');
}
