/**
 * The itemised evidence of a report. Every change answers with the whole report, because items
 * change the indicator values they back and the report's issues.
 */
import type { z } from 'zod';
import type { ItemBody, OutcomeReport, UpdateItemBody } from '../../../contracts/reports';
import {
  deriveIndicatorValues,
  itemDateFiscalYear,
  itemNaturalKey,
  type OutcomeItem,
  REQUIRED_FIELDS,
} from '../../../domain/outcome-items';
import type { Db, ServiceContext } from '../../context';
import { isUniqueViolation } from '../../db/errors';
import { AppError, type FieldError, notFound, versionConflict } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { requirePermission } from '../auth/authorize';
import { assertEditable, getVisibleReport, lockedError } from './report-access';
import {
  deleteItemAtVersion,
  findItem,
  findSameItem,
  insertItem,
  listItems,
  updateItemAtVersion,
} from './report-item.repo';
import { getReport } from './report.service';
import {
  deleteValues,
  EDITABLE_STATUSES,
  findReport,
  listValues,
  type ReportRecord,
  updateReportWhere,
  upsertValue,
} from './report.repo';
import { itemColumns, itemSnapshot, toDomainItem } from './report.presenter';
import type { OutcomeItemRow } from './report.table';

type ItemInput = z.infer<typeof ItemBody>;

const DATE_FIELDS = ['filingDate', 'grantedDate', 'launchDate', 'itemDate'] as const;

/** The fields the kind needs, and dates the fiscal-year rules can read: 400 naming `body.<field>`. */
function validateItem(input: ItemInput): void {
  const errors: FieldError[] = [];
  for (const field of REQUIRED_FIELDS[input.kind]) {
    const v = input[field];
    if (v === undefined || v === null || v === '')
      errors.push({ field: `body.${field}`, message: `required for a ${input.kind}` });
  }
  for (const field of DATE_FIELDS) {
    const date = input[field];
    if (date && itemDateFiscalYear(date) === null)
      errors.push({ field: `body.${field}`, message: 'must be a date between FY1950 and FY2100' });
  }
  if (errors.length > 0)
    throw new AppError('VALIDATION_FAILED', `The ${input.kind} is missing or has wrong fields`, { errors });
}

/** The field that makes the item "the same item", to name in a 409. */
function identifyingField(key: string): string {
  if (key.startsWith('doi:')) return 'body.doi';
  if (key.startsWith('app:')) return 'body.applicationNumber';
  return 'body.title';
}

function duplicateItem(key: string, existingId?: number): AppError {
  const field = identifyingField(key);
  return new AppError(
    'DUPLICATE',
    `The report already lists this item${existingId ? ` (item ${existingId})` : ''}`,
    { errors: [{ field, message: `already in this report (${field.slice(5)})` }] },
  );
}

/**
 * Keeps the value rows of item-backed indicators equal to what the items add up to; an indicator
 * whose last item went away loses its derived value instead of keeping it as an unexplained aggregate.
 */
export async function syncDerivedValues(
  trx: Db,
  r: { id: number; fy_from: number; fy_to: number },
  before: readonly OutcomeItem[],
  after: readonly OutcomeItem[],
): Promise<void> {
  const was = deriveIndicatorValues(before, r.fy_from, r.fy_to).itemBacked;
  const now = deriveIndicatorValues(after, r.fy_from, r.fy_to);
  const notes = new Map((await listValues(trx, r.id)).map((v) => [v.indicator_key, v.note]));
  for (const key of now.itemBacked)
    await upsertValue(trx, r.id, {
      indicator_key: key,
      value: now.values[key] ?? 0,
      note: notes.get(key) ?? null,
    });
  await deleteValues(
    trx,
    r.id,
    [...was].filter((key) => !now.itemBacked.has(key)),
  );
}

/** The report's version goes up with every item change, so a submit made against an older view fails. */
async function touchEditableReport(ctx: ServiceContext, trx: Db, r: ReportRecord): Promise<void> {
  const touched = await updateReportWhere(
    trx,
    r.id,
    { statuses: EDITABLE_STATUSES },
    { updated_at: ctx.now().toISOString() },
  );
  if (!touched) throw lockedError((await findReport(trx, r.id)) ?? r);
}

async function editableReport(ctx: ServiceContext, reportId: number): Promise<ReportRecord> {
  requirePermission(ctx.actor, 'outcome-report:read-drafts');
  const r = await getVisibleReport(ctx, reportId);
  requirePermission(ctx.actor, 'outcome-report:edit', { clusterId: r.cluster_id });
  assertEditable(r);
  return r;
}

async function itemOf(ctx: ServiceContext, r: ReportRecord, itemId: number): Promise<OutcomeItemRow> {
  const item = await findItem(ctx.db, r.id, itemId);
  if (!item) throw notFound('outcome item', itemId);
  return item;
}

/** Runs an item change with the report touched, duplicates refused and derived values kept in step. */
async function changeItems(
  ctx: ServiceContext,
  r: ReportRecord,
  naturalKey: string | null,
  change: (trx: Db, before: OutcomeItemRow[]) => Promise<void>,
): Promise<OutcomeReport> {
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await touchEditableReport(ctx, trx, r);
      const before = await listItems(trx, r.id);
      await change(trx, before);
      const after = await listItems(trx, r.id);
      await syncDerivedValues(trx, r, before.map(toDomainItem), after.map(toDomainItem));
    });
  } catch (error) {
    if (naturalKey !== null && isUniqueViolation(error)) throw duplicateItem(naturalKey);
    throw error;
  }
  return getReport(ctx, r.id);
}

export async function addItem(
  ctx: ServiceContext,
  reportId: number,
  body: ItemInput,
): Promise<OutcomeReport> {
  const r = await editableReport(ctx, reportId);
  validateItem(body);
  const naturalKey = itemNaturalKey(body);
  return changeItems(ctx, r, naturalKey, async (trx) => {
    const same = await findSameItem(trx, r.id, body.kind, naturalKey, null);
    if (same) throw duplicateItem(naturalKey, same.id);
    const at = ctx.now().toISOString();
    const row = await insertItem(trx, {
      ...itemColumns(body),
      report_id: r.id,
      cluster_id: r.cluster_id,
      // A multi-year report's items are filed under its first year.
      fiscal_year: r.fy_from,
      natural_key: naturalKey,
      created_at: at,
      updated_at: at,
    });
    await audit(ctx, trx, {
      action: 'outcome_item.create',
      entityType: 'outcome_item',
      entityId: row.id,
      after: itemSnapshot(row),
    });
  });
}

export async function updateItem(
  ctx: ServiceContext,
  reportId: number,
  itemId: number,
  body: z.infer<typeof UpdateItemBody>,
): Promise<OutcomeReport> {
  const r = await editableReport(ctx, reportId);
  const current = await itemOf(ctx, r, itemId);
  const { version, ...input } = body;
  validateItem(input);
  const naturalKey = itemNaturalKey(input);
  return changeItems(ctx, r, naturalKey, async (trx) => {
    const same = await findSameItem(trx, r.id, input.kind, naturalKey, itemId);
    if (same) throw duplicateItem(naturalKey, same.id);
    const updated = await updateItemAtVersion(trx, itemId, version, {
      ...itemColumns(input),
      natural_key: naturalKey,
      updated_at: ctx.now().toISOString(),
    });
    if (!updated) {
      const fresh = await findItem(trx, r.id, itemId);
      if (!fresh) throw notFound('outcome item', itemId);
      throw versionConflict('outcome item', itemId, fresh.version);
    }
    await audit(ctx, trx, {
      action: 'outcome_item.update',
      entityType: 'outcome_item',
      entityId: itemId,
      before: itemSnapshot(current),
      after: itemSnapshot(updated),
    });
  });
}

/** Removes an item from a draft (a report still being written; accepted reports keep theirs). */
export async function deleteItem(
  ctx: ServiceContext,
  reportId: number,
  itemId: number,
  version: number,
): Promise<OutcomeReport> {
  const r = await editableReport(ctx, reportId);
  const current = await itemOf(ctx, r, itemId);
  return changeItems(ctx, r, null, async (trx) => {
    if (!(await deleteItemAtVersion(trx, itemId, version))) {
      const fresh = await findItem(trx, r.id, itemId);
      if (!fresh) throw notFound('outcome item', itemId);
      throw new AppError(
        'VERSION_CONFLICT',
        `outcome item "${itemId}" was changed by someone else (now at version ${fresh.version}); reload and apply your change again`,
        {
          errors: [{ field: 'query.version', message: `stale version; current version is ${fresh.version}` }],
        },
      );
    }
    await audit(ctx, trx, {
      action: 'outcome_item.delete',
      entityType: 'outcome_item',
      entityId: itemId,
      before: itemSnapshot(current),
    });
  });
}
