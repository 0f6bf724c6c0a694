/** The date by which every cluster's report for a fiscal year is due: public to read, set by the office. */
import type { z } from 'zod';
import type { Deadline, DeadlineListResponse, PutDeadlineBody } from '../../../contracts/reports';
import type { ServiceContext } from '../../context';
import { isUniqueViolation } from '../../db/errors';
import { AppError, versionConflict } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { requirePermission } from '../auth/authorize';
import { findFirstProgramme } from '../programme/programme.repo';
import {
  findDeadline,
  insertDeadline,
  listDeadlines as listDeadlineRows,
  updateDeadlineAtVersion,
} from './report-deadline.repo';
import type { ReportDeadlineRow } from './report.table';

type DeadlineResponse = z.infer<typeof Deadline>;

function toDeadline(row: ReportDeadlineRow): DeadlineResponse {
  return { id: row.id, fiscalYear: row.fiscal_year, dueOn: row.due_on, note: row.note, version: row.version };
}

async function programmeId(ctx: ServiceContext): Promise<number> {
  const programme = await findFirstProgramme(ctx.db);
  if (!programme) throw new AppError('RULE_VIOLATION', 'Load the programme before setting deadlines');
  return programme.id;
}

/** Deadlines are not secret: anyone, signed in or not, may read them. */
export async function listDeadlines(ctx: ServiceContext): Promise<z.infer<typeof DeadlineListResponse>> {
  requirePermission(ctx.actor, 'published:read');
  const programme = await findFirstProgramme(ctx.db);
  return { items: programme ? (await listDeadlineRows(ctx.db, programme.id)).map(toDeadline) : [] };
}

/**
 * Sets the deadline of a fiscal year: creates it, or changes it at the version the client read
 * (a change without a version is refused with 409 so nobody overwrites a date they never saw).
 */
export async function putDeadline(
  ctx: ServiceContext,
  fy: number,
  body: z.infer<typeof PutDeadlineBody>,
): Promise<DeadlineResponse> {
  requirePermission(ctx.actor, 'report-deadline:manage');
  const pid = await programmeId(ctx);
  const at = ctx.now().toISOString();
  const note = body.note || null;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      const current = await findDeadline(trx, pid, fy);
      if (!current) {
        const row = await insertDeadline(trx, {
          programme_id: pid,
          fiscal_year: fy,
          due_on: body.dueOn,
          note,
          at,
        });
        await audit(ctx, trx, {
          action: 'report_deadline.create',
          entityType: 'report_deadline',
          entityId: row.id,
          after: toDeadline(row),
        });
        return toDeadline(row);
      }
      if (body.version === undefined) throw versionConflict('report deadline', `FY${fy}`, current.version);
      const row = await updateDeadlineAtVersion(trx, current.id, body.version, {
        due_on: body.dueOn,
        note,
        updated_at: at,
      });
      if (!row) throw versionConflict('report deadline', `FY${fy}`, current.version);
      await audit(ctx, trx, {
        action: 'report_deadline.update',
        entityType: 'report_deadline',
        entityId: row.id,
        before: toDeadline(current),
        after: toDeadline(row),
      });
      return toDeadline(row);
    });
  } catch (error) {
    // Someone created the same year's deadline at the same moment.
    if (isUniqueViolation(error)) {
      const current = await findDeadline(ctx.db, pid, fy);
      throw versionConflict('report deadline', `FY${fy}`, current?.version ?? 1);
    }
    throw error;
  }
}
