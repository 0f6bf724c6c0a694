/**
 * The workflow of a report: draft → submitted → accepted, or returned with a comment to
 * headquarters, who edit and resubmit. An accepted report is locked; a correction is a new draft
 * version with a reason that, once accepted, supersedes it (the old version stays readable).
 */
import type { OutcomeReport } from '../../../contracts/reports';
import type { Db, ServiceContext } from '../../context';
import { isUniqueViolation } from '../../db/errors';
import { AppError, versionConflict } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { actorAccountId, requirePermission } from '../auth/authorize';
import { getVisibleReport, isEditableStatus, staleOrLocked } from './report-access';
import { insertItems, listItems } from './report-item.repo';
import { checkStoredReport } from './report-view';
import { getReport } from './report.service';
import {
  EDITABLE_STATUSES,
  insertEvent,
  insertReport,
  insertValues,
  listReportChain,
  listSuccessors,
  listValues,
  type ReportRecord,
  updateReportWhere,
} from './report.repo';
import { reportSnapshot } from './report.presenter';

type Action = 'submitted' | 'returned' | 'accepted' | 'corrected';

function wrongStatus(r: ReportRecord, step: string, allowed: string): AppError {
  return new AppError(
    'INVALID_TRANSITION',
    `Outcome report ${r.id} is ${r.status}; only a ${allowed} report can be ${step}`,
  );
}

/** Moves the report to its next status at the version the client read, with the event and audit entry. */
async function transition(
  ctx: ServiceContext,
  r: ReportRecord,
  version: number,
  from: readonly string[],
  action: Action,
  comment: string | null,
  changes: Parameters<typeof updateReportWhere>[3],
): Promise<OutcomeReport> {
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const after = await updateReportWhere(
      trx,
      r.id,
      { version, statuses: from },
      { ...changes, updated_at: at },
    );
    if (!after) throw await staleOrLocked(trx, r.id, version);
    await insertEvent(trx, { report_id: r.id, action, comment, account_id: actorAccountId(ctx.actor), at });
    await audit(ctx, trx, {
      action: `outcome_report.${action === 'submitted' ? 'submit' : action === 'returned' ? 'return' : 'accept'}`,
      entityType: 'outcome_report',
      entityId: r.id,
      before: reportSnapshot(r),
      after: { ...reportSnapshot(after), ...(comment ? { comment } : {}) },
    });
  });
  return getReport(ctx, r.id);
}

/**
 * Headquarters submit a draft or returned report. Every error of the checks blocks (422 listing
 * each issue's field and message, nothing changes); warnings only ask for a second look.
 */
export async function submitReport(ctx: ServiceContext, id: number, version: number): Promise<OutcomeReport> {
  requirePermission(ctx.actor, 'outcome-report:read-drafts');
  const r = await getVisibleReport(ctx, id);
  requirePermission(ctx.actor, 'outcome-report:edit', { clusterId: r.cluster_id });
  if (!isEditableStatus(r.status)) throw wrongStatus(r, 'submitted', 'draft or returned');
  // The checks must judge the content being submitted: any later change bumps the version.
  if (r.version !== version) throw versionConflict('outcome report', id, r.version);
  const [values, items] = await Promise.all([listValues(ctx.db, id), listItems(ctx.db, id)]);
  const errors = (await checkStoredReport(ctx.db, r, values, items)).filter((i) => i.severity === 'error');
  if (errors.length > 0)
    throw new AppError(
      'RULE_VIOLATION',
      `The report has ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix before it can be submitted`,
      { errors: errors.map((i) => ({ field: i.field, message: i.message.en })) },
    );
  return transition(ctx, r, version, EDITABLE_STATUSES, 'submitted', null, {
    status: 'submitted',
    submitted_at: ctx.now().toISOString(),
  });
}

async function reviewable(ctx: ServiceContext, id: number, step: string): Promise<ReportRecord> {
  requirePermission(ctx.actor, 'outcome-report:review');
  const r = await getVisibleReport(ctx, id);
  if (r.status !== 'submitted') throw wrongStatus(r, step, 'submitted');
  return r;
}

/** The office returns a submitted report to headquarters with a comment saying what to change. */
export async function returnReport(
  ctx: ServiceContext,
  id: number,
  body: { version: number; comment: string },
): Promise<OutcomeReport> {
  const r = await reviewable(ctx, id, 'returned');
  return transition(ctx, r, body.version, ['submitted'], 'returned', body.comment, {
    status: 'returned',
    return_comment: body.comment,
    returned_at: ctx.now().toISOString(),
  });
}

/** The office accepts a submitted report: it is locked, public for a published cluster, and counted. */
export async function acceptReport(
  ctx: ServiceContext,
  id: number,
  body: { version: number; comment?: string | null | undefined },
): Promise<OutcomeReport> {
  const r = await reviewable(ctx, id, 'accepted');
  return transition(ctx, r, body.version, ['submitted'], 'accepted', body.comment || null, {
    status: 'accepted',
    accepted_at: ctx.now().toISOString(),
  });
}

function correctionRefused(detail: string): AppError {
  return new AppError('INVALID_TRANSITION', detail, {
    errors: [{ field: 'params.id', message: detail }],
  });
}

/** Copies an accepted report into a new draft version that will supersede it once accepted. */
async function copyAsCorrection(
  ctx: ServiceContext,
  trx: Db,
  r: ReportRecord,
  reportVersion: number,
  reason: string,
): Promise<number> {
  const at = ctx.now().toISOString();
  const row = await insertReport(trx, {
    cluster_id: r.cluster_id,
    fy_from: r.fy_from,
    fy_to: r.fy_to,
    status: 'draft',
    report_version: reportVersion,
    supersedes_id: r.id,
    reason,
    source: r.source,
    submitted_at: null,
    accepted_at: null,
    researcher_count: r.researcher_count,
    return_comment: null,
    returned_at: null,
    created_by: actorAccountId(ctx.actor),
    created_at: at,
    updated_at: at,
  });
  await insertValues(trx, row.id, await listValues(trx, r.id));
  const items = await listItems(trx, r.id);
  await insertItems(
    trx,
    items.map(({ id: _id, version: _version, ...item }) => ({
      ...item,
      report_id: row.id,
      created_at: at,
      updated_at: at,
    })),
  );
  await insertEvent(trx, {
    report_id: row.id,
    action: 'corrected',
    comment: reason,
    account_id: actorAccountId(ctx.actor),
    at,
  });
  await audit(ctx, trx, {
    action: 'outcome_report.correct',
    entityType: 'outcome_report',
    entityId: row.id,
    before: reportSnapshot(r),
    after: { ...reportSnapshot(row), copiedValues: true, copiedItems: items.length },
  });
  return row.id;
}

/**
 * Headquarters (or the office) open a correction of the current accepted version. One correction
 * at a time: a second one, or one of a version already superseded, is refused with 409.
 */
export async function correctReport(
  ctx: ServiceContext,
  id: number,
  body: { version: number; reason: string },
): Promise<OutcomeReport> {
  requirePermission(ctx.actor, 'outcome-report:read-drafts');
  const r = await getVisibleReport(ctx, id);
  requirePermission(ctx.actor, 'outcome-report:edit', { clusterId: r.cluster_id });
  if (r.status !== 'accepted') throw wrongStatus(r, 'corrected', 'accepted');
  if (r.version !== body.version) throw versionConflict('outcome report', id, r.version);
  const [successor] = await listSuccessors(ctx.db, id);
  if (successor)
    throw correctionRefused(
      successor.status === 'accepted'
        ? `Outcome report ${id} was superseded by report ${successor.id}; correct that one`
        : `Outcome report ${id} already has an open correction (report ${successor.id})`,
    );
  const chain = await listReportChain(ctx.db, r.cluster_id, r.fy_from, r.fy_to);
  const next = Math.max(...chain.map((v) => v.report_version)) + 1;
  let newId: number;
  try {
    newId = await ctx.db.transaction().execute((trx) => copyAsCorrection(ctx, trx, r, next, body.reason));
  } catch (error) {
    // Two corrections at once both took the next version number: the unique index let one through.
    if (isUniqueViolation(error))
      throw correctionRefused(`Outcome report ${id} already has an open correction`);
    throw error;
  }
  return getReport(ctx, newId);
}
