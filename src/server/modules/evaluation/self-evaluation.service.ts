/**
 * Self-evaluation reports: a target cluster's headquarters write a narrative per criterion item of
 * the round, attach files and submit while the round is in its self-evaluation phase (409
 * WRONG_PHASE otherwise); a submitted report is locked (409 SUBMISSION_LOCKED) until an officer
 * reopens it with a reason. Officers and the cluster's headquarters read the report at any time;
 * an evaluator assigned to the cluster without a conflict reads it once submitted. Every reader
 * sees the cluster's outcomes, targets and budget for the period beside it.
 */
import type {
  ReopenSelfEvaluationBody,
  SaveSelfEvaluationBody,
  SelfEvaluationAttachment,
  SelfEvaluationAttachmentList,
  SelfEvaluationClusterData,
  SelfEvaluationDetail,
  SelfEvaluationListResponse,
  SubmitSelfEvaluationBody,
} from '../../../contracts/evaluation-self-evaluations';
import type { BudgetKind } from '../../../domain/budget';
import { can } from '../../../domain/permissions';
import type { Db, ServiceContext } from '../../context';
import { AppError, type FieldError, notFound, versionConflict } from '../../http/app-error';
import type { FileUpload } from '../../http/file-upload';
import { audit } from '../audit/audit.service';
import { actorAccountId, requirePermission } from '../auth/authorize';
import { sumBudgetLines } from '../budgets/budget.repo';
import { listCurrentAcceptedReportsWithin, sumCurrentAcceptedValuesWithin } from '../outcomes/outcome.repo';
import {
  type LocatedAttachment,
  locateAttachmentFile,
  softRemoveAttachment,
  storeOwnedAttachment,
} from '../selection/attachment.service';
import { findActiveAttachment, listActiveAttachments } from '../selection/proposal.repo';
import { listTargets } from '../targets/target.repo';
import type { EvaluationRoundRow, SelfEvaluationRow } from './evaluation.table';
import { getRoundCluster, readableClusterIds, requireClusterReader } from './round-access.service';
import { roundItemKeys } from './round.presenter';
import { listRoundClusters, type RoundClusterInfo } from './round.repo';
import { loadManagedRound, loadReadableRound, validationFailed } from './round.service';
import {
  missingItems,
  parseNarratives,
  selfEvaluationSnapshot,
  toSelfEvaluationAttachment,
  toSelfEvaluationDetail,
  toSelfEvaluationSummary,
} from './self-evaluation.presenter';
import {
  ensureSelfEvaluation,
  findOpenReopening,
  findSelfEvaluation,
  listSelfEvaluationRows,
  updateSelfEvaluationAtVersion,
} from './self-evaluation.repo';

/** The owner type of a self-evaluation's files in the generic `attachments` table. */
export const SELF_EVALUATION_OWNER = 'self_evaluation';

interface LoadedReport {
  round: EvaluationRoundRow;
  cluster: RoundClusterInfo;
  /** undefined until the first save or upload creates the report. */
  row: SelfEvaluationRow | undefined;
}

async function loadReport(ctx: ServiceContext, key: string, clusterKey: string): Promise<LoadedReport> {
  const round = await loadReadableRound(ctx, key);
  const cluster = await getRoundCluster(ctx, round, clusterKey);
  return { round, cluster, row: await findSelfEvaluation(ctx.db, round.id, cluster.id) };
}

/** The report for its headquarters' change: 401/403 for anyone but the cluster's headquarters. */
async function loadForEdit(ctx: ServiceContext, key: string, clusterKey: string): Promise<LoadedReport> {
  const loaded = await loadReport(ctx, key, clusterKey);
  requirePermission(ctx.actor, 'self-evaluation:edit', { clusterId: loaded.cluster.id });
  return loaded;
}

/** A report changes only while it is a draft and the round is in its self-evaluation phase. */
function requireEditable({ round, row, cluster }: LoadedReport): void {
  if (row?.status === 'submitted')
    throw new AppError(
      'SUBMISSION_LOCKED',
      `the self-evaluation of ${cluster.key} in round ${round.key} is submitted; an officer may reopen it`,
      { errors: [{ field: 'params.clusterKey', message: 'the report is submitted' }] },
    );
  if (round.status !== 'self_evaluation')
    throw new AppError(
      'WRONG_PHASE',
      `round ${round.key} is ${round.status}; self-evaluations change only in its self_evaluation phase`,
      { errors: [{ field: 'params.key', message: `the round is ${round.status}` }] },
    );
}

function requireVersion(loaded: LoadedReport, version: number): void {
  const current = loaded.row?.version ?? 1;
  if (version !== current)
    throw versionConflict(`self-evaluation of ${loaded.cluster.key}`, loaded.round.key, current);
}

/** The cluster's figures from its start fiscal year to the round's, read live from the platform. */
async function clusterDataOf(
  db: Db,
  round: EvaluationRoundRow,
  cluster: RoundClusterInfo,
): Promise<SelfEvaluationClusterData> {
  const to = round.fiscal_year;
  const from = Math.min(cluster.start_fy, to);
  const [outcomes, reports, targets, budgets] = await Promise.all([
    sumCurrentAcceptedValuesWithin(db, from, to, cluster.id),
    listCurrentAcceptedReportsWithin(db, from, to, cluster.id),
    listTargets(db, cluster.id),
    sumBudgetLines(db, { clusterId: cluster.id, fyFrom: from, fyTo: to, unpublished: true }),
  ]);
  const budgetLines = budgets
    .map((b) => ({ fiscalYear: b.fiscal_year, kind: b.kind as BudgetKind, amountYen: b.total }))
    .sort((a, b) => a.fiscalYear - b.fiscalYear || a.kind.localeCompare(b.kind));
  return {
    fromFiscalYear: from,
    toFiscalYear: to,
    outcomes: outcomes
      .map((o) => ({ indicatorKey: o.indicator_key, total: o.total }))
      .sort((a, b) => a.indicatorKey.localeCompare(b.indicatorKey)),
    outcomeReports: reports.map((r) => ({ fyFrom: r.fy_from, fyTo: r.fy_to, source: r.source })),
    targets: targets
      .filter((t) => t.fiscal_year >= from && t.fiscal_year <= to)
      .map((t) => ({
        indicatorKey: t.indicator_key,
        fiscalYear: t.fiscal_year,
        baseline: t.baseline === null ? null : Number(t.baseline),
        target: Number(t.target),
      })),
    budgets: budgetLines,
    budgetTotalYen: budgetLines.reduce((sum, b) => sum + b.amountYen, 0),
  };
}

async function detailOf(
  ctx: ServiceContext,
  loaded: LoadedReport,
  reader: 'officer' | 'headquarters' | 'evaluator',
): Promise<SelfEvaluationDetail> {
  const { round, cluster, row } = loaded;
  const [attachments, clusterData, reopened] = await Promise.all([
    row ? listActiveAttachments(ctx.db, [row.id], SELF_EVALUATION_OWNER) : Promise.resolve([]),
    clusterDataOf(ctx.db, round, cluster),
    row?.status === 'draft' ? findOpenReopening(ctx.db, row.id) : Promise.resolve(undefined),
  ]);
  const inPhase = round.status === 'self_evaluation';
  return toSelfEvaluationDetail(round, cluster, row, {
    itemKeys: roundItemKeys(round),
    attachments,
    clusterData,
    reopened: reopened ?? null,
    // A draft is headquarters' work in progress: evaluators read what was submitted.
    contentHidden: reader === 'evaluator' && row?.status !== 'submitted',
    canEdit:
      can(ctx.actor, 'self-evaluation:edit', { clusterId: cluster.id }) &&
      inPhase &&
      row?.status !== 'submitted',
    canReopen: can(ctx.actor, 'round:manage') && inPhase && row?.status === 'submitted',
  });
}

/** Every target cluster's report status for officers; their own for headquarters and evaluators. */
export async function listSelfEvaluations(
  ctx: ServiceContext,
  key: string,
): Promise<SelfEvaluationListResponse> {
  const round = await loadReadableRound(ctx, key);
  const readable = await readableClusterIds(ctx, round, 'self-evaluations');
  const [clusters, rows] = await Promise.all([
    listRoundClusters(ctx.db, round.id),
    listSelfEvaluationRows(ctx.db, round.id),
  ]);
  const visible =
    readable === true
      ? clusters
      : clusters.filter((c) => readable.headquarters.includes(c.id) || readable.evaluator.includes(c.id));
  const byCluster = new Map(rows.map((r) => [r.cluster_id, r]));
  const attachments = await listActiveAttachments(
    ctx.db,
    visible.flatMap((c) => {
      const row = byCluster.get(c.id);
      return row ? [row.id] : [];
    }),
    SELF_EVALUATION_OWNER,
  );
  const itemKeys = roundItemKeys(round);
  return {
    items: visible.map((c) => {
      const row = byCluster.get(c.id);
      const isOwn = readable === true || readable.headquarters.includes(c.id);
      return toSelfEvaluationSummary(c, row, {
        itemKeys,
        attachmentCount: row ? attachments.filter((a) => a.owner_id === row.id).length : 0,
        contentHidden: !isOwn && row?.status !== 'submitted',
      });
    }),
  };
}

export async function getSelfEvaluation(
  ctx: ServiceContext,
  key: string,
  clusterKey: string,
): Promise<SelfEvaluationDetail> {
  const loaded = await loadReport(ctx, key, clusterKey);
  const reader = await requireClusterReader(
    ctx,
    loaded.round,
    loaded.cluster.id,
    `the self-evaluation of ${clusterKey}`,
  );
  return detailOf(ctx, loaded, reader);
}

/** Writes the report at the version read, creating it on first use; audited. */
async function writeReport(
  ctx: ServiceContext,
  loaded: LoadedReport,
  version: number,
  values: Partial<SelfEvaluationRow>,
  action: string,
  extra: Record<string, unknown> = {},
): Promise<SelfEvaluationRow> {
  const { round, cluster } = loaded;
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const { row, created } = await ensureSelfEvaluation(trx, round.id, cluster.id, at);
    if (created)
      await audit(ctx, trx, {
        action: 'self-evaluation.create',
        entityType: 'self_evaluation',
        entityId: row.id,
        after: selfEvaluationSnapshot(row),
      });
    const updated = await updateSelfEvaluationAtVersion(trx, row.id, version, { ...values, updated_at: at });
    if (!updated) throw versionConflict(`self-evaluation of ${cluster.key}`, round.key, row.version);
    await audit(ctx, trx, {
      action,
      entityType: 'self_evaluation',
      entityId: row.id,
      before: selfEvaluationSnapshot(row),
      after: { ...selfEvaluationSnapshot(updated), ...extra },
    });
    return updated;
  });
}

/** Headquarters save the whole draft: a narrative per criterion item of the round, none other. */
export async function saveSelfEvaluation(
  ctx: ServiceContext,
  key: string,
  clusterKey: string,
  body: SaveSelfEvaluationBody,
): Promise<SelfEvaluationDetail> {
  const loaded = await loadForEdit(ctx, key, clusterKey);
  requireEditable(loaded);
  const itemKeys = new Set(roundItemKeys(loaded.round));
  const errors: FieldError[] = Object.keys(body.narratives)
    .filter((k) => !itemKeys.has(k))
    .map((k) => ({ field: `body.narratives.${k}`, message: `the round has no criterion item ${k}` }));
  if (errors.length > 0) throw validationFailed(errors);
  requireVersion(loaded, body.version);
  // Blank narratives are not kept: an item is written or it is missing.
  const narratives = Object.fromEntries(
    Object.entries(body.narratives).filter(([, text]) => text.trim() !== ''),
  );
  const row = await writeReport(
    ctx,
    loaded,
    body.version,
    { narratives_json: JSON.stringify(narratives) },
    'self-evaluation.save',
  );
  return detailOf(ctx, { ...loaded, row }, 'headquarters');
}

/** Headquarters submit a report with every item written, during the self-evaluation phase. */
export async function submitSelfEvaluation(
  ctx: ServiceContext,
  key: string,
  clusterKey: string,
  body: SubmitSelfEvaluationBody,
): Promise<SelfEvaluationDetail> {
  const loaded = await loadForEdit(ctx, key, clusterKey);
  requireEditable(loaded);
  requireVersion(loaded, body.version);
  const missing = missingItems(roundItemKeys(loaded.round), parseNarratives(loaded.row));
  if (missing.length > 0)
    throw new AppError(
      'RULE_VIOLATION',
      `the self-evaluation is incomplete: no narrative for ${missing.join(', ')}`,
      { errors: missing.map((k) => ({ field: `narratives.${k}`, message: 'required before submission' })) },
    );
  const row = await writeReport(
    ctx,
    loaded,
    body.version,
    { status: 'submitted', submitted_at: ctx.now().toISOString(), submitted_by: actorAccountId(ctx.actor) },
    'self-evaluation.submit',
  );
  return detailOf(ctx, { ...loaded, row }, 'headquarters');
}

/** An officer returns a submitted report to draft, with a reason kept in the audit log. */
export async function reopenSelfEvaluation(
  ctx: ServiceContext,
  key: string,
  clusterKey: string,
  body: ReopenSelfEvaluationBody,
): Promise<SelfEvaluationDetail> {
  const round = await loadManagedRound(ctx, key);
  const cluster = await getRoundCluster(ctx, round, clusterKey);
  const loaded = { round, cluster, row: await findSelfEvaluation(ctx.db, round.id, cluster.id) };
  if (loaded.row?.status !== 'submitted')
    throw new AppError(
      'INVALID_TRANSITION',
      `the self-evaluation of ${clusterKey} in round ${key} is not submitted; only a submitted report is reopened`,
      { errors: [{ field: 'params.clusterKey', message: 'the report is not submitted' }] },
    );
  if (round.status !== 'self_evaluation')
    throw new AppError(
      'WRONG_PHASE',
      `round ${key} is ${round.status}; a report is reopened only during the self_evaluation phase`,
      { errors: [{ field: 'params.key', message: `the round is ${round.status}` }] },
    );
  requireVersion(loaded, body.version);
  const row = await writeReport(
    ctx,
    loaded,
    body.version,
    { status: 'draft', submitted_at: null, submitted_by: null },
    'self-evaluation.reopen',
    { reason: body.reason },
  );
  return detailOf(ctx, { ...loaded, row }, 'officer');
}

// ---------------------------------------------------------------------------------------------
// Attachments (the selection module's storage and checks, owner type 'self_evaluation')

export interface PreparedUpload {
  loaded: LoadedReport;
  itemKey: string | null;
}

/** Checks the uploader may attach a file (for `itemKey`, optional) to the report now, before a byte is read. */
export async function prepareSelfEvaluationUpload(
  ctx: ServiceContext,
  key: string,
  clusterKey: string,
  itemKey: string | undefined,
): Promise<PreparedUpload> {
  const loaded = await loadForEdit(ctx, key, clusterKey);
  requireEditable(loaded);
  const item = itemKey?.trim() ? itemKey.trim() : null;
  if (item !== null && !roundItemKeys(loaded.round).includes(item))
    throw validationFailed([{ field: 'itemKey', message: `the round has no criterion item ${item}` }]);
  return { loaded, itemKey: item };
}

export async function uploadSelfEvaluationAttachment(
  ctx: ServiceContext,
  prepared: PreparedUpload,
  upload: FileUpload,
  options: { dataDir: string; maxBytes: number },
): Promise<SelfEvaluationAttachment> {
  const { round, cluster } = prepared.loaded;
  let report = prepared.loaded.row;
  if (!report)
    report = await ctx.db.transaction().execute(async (trx) => {
      const { row, created } = await ensureSelfEvaluation(trx, round.id, cluster.id, ctx.now().toISOString());
      if (created)
        await audit(ctx, trx, {
          action: 'self-evaluation.create',
          entityType: 'self_evaluation',
          entityId: row.id,
          after: selfEvaluationSnapshot(row),
        });
      return row;
    });
  const stored = await storeOwnedAttachment(
    ctx,
    { type: SELF_EVALUATION_OWNER, id: report.id, documentKey: prepared.itemKey },
    upload,
    options,
  );
  return toSelfEvaluationAttachment(stored);
}

/** The report's files for its readers; an evaluator sees none before submission. */
export async function listSelfEvaluationAttachments(
  ctx: ServiceContext,
  key: string,
  clusterKey: string,
): Promise<SelfEvaluationAttachmentList> {
  const { round, cluster, row } = await loadReport(ctx, key, clusterKey);
  const reader = await requireClusterReader(ctx, round, cluster.id, `the self-evaluation of ${clusterKey}`);
  if (!row || (reader === 'evaluator' && row.status !== 'submitted')) return { items: [] };
  const rows = await listActiveAttachments(ctx.db, [row.id], SELF_EVALUATION_OWNER);
  return { items: rows.map(toSelfEvaluationAttachment) };
}

export async function locateSelfEvaluationAttachment(
  ctx: ServiceContext,
  key: string,
  clusterKey: string,
  attachmentId: number,
  dataDir: string,
): Promise<LocatedAttachment> {
  const { round, cluster, row } = await loadReport(ctx, key, clusterKey);
  const reader = await requireClusterReader(ctx, round, cluster.id, `the self-evaluation of ${clusterKey}`);
  if (!row || (reader === 'evaluator' && row.status !== 'submitted'))
    throw notFound('attachment', attachmentId);
  const a = await findActiveAttachment(ctx.db, row.id, attachmentId, SELF_EVALUATION_OWNER);
  return locateAttachmentFile(a, attachmentId, dataDir);
}

/** Headquarters remove a file from a draft (softly: the bytes and the row stay for the record). */
export async function removeSelfEvaluationAttachment(
  ctx: ServiceContext,
  key: string,
  clusterKey: string,
  attachmentId: number,
): Promise<void> {
  const loaded = await loadForEdit(ctx, key, clusterKey);
  requireEditable(loaded);
  const a = loaded.row
    ? await findActiveAttachment(ctx.db, loaded.row.id, attachmentId, SELF_EVALUATION_OWNER)
    : undefined;
  if (!a) throw notFound('attachment', attachmentId);
  await softRemoveAttachment(ctx, a);
}
