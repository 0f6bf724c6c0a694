/**
 * Who sees and edits which reports. Accepted reports of published clusters are public; drafts,
 * submitted and returned reports are seen only by the programme office and the cluster's own
 * headquarters — everyone else gets 404, so a draft's existence does not leak.
 */
import { can, headquartersClusterIds, type Actor } from '../../../domain/permissions';
import type { Db, ServiceContext } from '../../context';
import { AppError, notFound, versionConflict } from '../../http/app-error';
import { EDITABLE_STATUSES, findReport, type ReportRecord } from './report.repo';

/** The clusters whose unaccepted reports the actor sees: every cluster's for the office, their own for headquarters. */
export function draftScope(actor: Actor): number[] | 'all' {
  if (!can(actor, 'outcome-report:read-drafts')) return [];
  if (can(actor, 'outcome-report:review')) return 'all';
  return headquartersClusterIds(actor);
}

export function seesDraftsOf(actor: Actor, clusterId: number): boolean {
  const scope = draftScope(actor);
  return scope === 'all' || scope.includes(clusterId);
}

export function canSeeReport(actor: Actor, r: ReportRecord): boolean {
  if (r.status === 'accepted' && r.cluster_is_published === 1) return true;
  return seesDraftsOf(actor, r.cluster_id);
}

/** The report if the actor may see it; otherwise 404, exactly as if it did not exist. */
export async function getVisibleReport(ctx: ServiceContext, id: number): Promise<ReportRecord> {
  const r = await findReport(ctx.db, id);
  if (!r || !canSeeReport(ctx.actor, r)) throw notFound('outcome report', id);
  return r;
}

export function isEditableStatus(status: string): boolean {
  return (EDITABLE_STATUSES as readonly string[]).includes(status);
}

/** Whether the actor may change the report now: a draft or returned report of a cluster they edit. */
export function canEditReport(actor: Actor, r: ReportRecord): boolean {
  return isEditableStatus(r.status) && can(actor, 'outcome-report:edit', { clusterId: r.cluster_id });
}

export function lockedError(r: { id: number; status: string }): AppError {
  const why =
    r.status === 'accepted'
      ? 'it was accepted; open a correction to change it'
      : `it is ${r.status} and waits for review`;
  return new AppError('REPORT_LOCKED', `Outcome report ${r.id} cannot be edited: ${why}`);
}

/** Throws REPORT_LOCKED unless headquarters may still edit the report. */
export function assertEditable(r: { id: number; status: string }): void {
  if (!isEditableStatus(r.status)) throw lockedError(r);
}

/**
 * After a guarded update found no row: tell a stale version from a report that got locked meanwhile.
 * Pass the transaction: on SQLite a read through the pool would wait for the transaction forever.
 */
export async function staleOrLocked(db: Db, id: number, version: number): Promise<AppError> {
  const fresh = await findReport(db, id);
  if (!fresh) return notFound('outcome report', id);
  if (fresh.version !== version) return versionConflict('outcome report', id, fresh.version);
  return lockedError(fresh);
}
