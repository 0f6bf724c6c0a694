/**
 * Calls for proposals: officers create and edit them and move them draft → open → review →
 * decision (or closed); everyone reads a call once it is open. The criteria, scale, weights and
 * scoring rules are frozen into the call and cannot change once it is open, so every proposal is
 * judged by the rules it was written against.
 */
import type {
  CallDetail,
  CallListQuery,
  CallListResponse,
  CallTransitionBody,
  CreateCallBody,
  UpdateCallBody,
} from '../../../contracts/selection-calls';
import { CreateCallBody as CreateCallSchema } from '../../../contracts/selection-calls';
import type { CallCriteria } from '../../../contracts/selection-common';
import { can } from '../../../domain/permissions';
import { validateScale, validateWeights } from '../../../domain/selection/scoring';
import type { ServiceContext } from '../../context';
import { isUniqueViolation } from '../../db/errors';
import { AppError, type FieldError, notFound, versionConflict } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { actorAccountId, requirePermission } from '../auth/authorize';
import {
  countProposalsByCall,
  findCallRowById,
  findCallRowByKey,
  findCriteriaTemplate,
  findCriteriaTemplateKey,
  insertCallRow,
  listCallRows,
  updateCallAtVersion,
} from './call.repo';
import { callClosesAt, callSnapshot, parseCallJson, toCallDetail, toCallSummary } from './call.presenter';
import type { CallRow } from './selection.table';

function validationFailed(errors: FieldError[]): AppError {
  return new AppError('VALIDATION_FAILED', errors.map((e) => `${e.field}: ${e.message}`).join('; '), {
    errors,
  });
}

/** Whether the actor sees drafts and every proposal of a call. */
export function seesUnpublishedCalls(ctx: ServiceContext): boolean {
  return can(ctx.actor, 'call:read-unpublished');
}

/**
 * The call by key as the actor may read it: drafts only for officers (404 for anyone else, so a
 * draft's existence is not revealed).
 */
export async function loadReadableCall(ctx: ServiceContext, key: string): Promise<CallRow> {
  requirePermission(ctx.actor, 'published:read');
  const row = await findCallRowByKey(ctx.db, key);
  if (!row || (row.status === 'draft' && !seesUnpublishedCalls(ctx))) throw notFound('call', key);
  return row;
}

export async function listCalls(ctx: ServiceContext, query: CallListQuery): Promise<CallListResponse> {
  requirePermission(ctx.actor, 'published:read');
  const officer = seesUnpublishedCalls(ctx);
  const rows = await listCallRows(ctx.db, { status: query.status, fy: query.fy, includeDrafts: officer });
  const counts = officer
    ? await countProposalsByCall(
        ctx.db,
        rows.map((r) => r.id),
      )
    : null;
  return { items: rows.map((r) => toCallSummary(r, counts?.get(r.id) ?? null)) };
}

async function detailOf(ctx: ServiceContext, row: CallRow): Promise<CallDetail> {
  const officer = seesUnpublishedCalls(ctx);
  const [counts, previous, templateKey] = await Promise.all([
    officer ? countProposalsByCall(ctx.db, [row.id]) : Promise.resolve(null),
    row.previous_call_id === null
      ? Promise.resolve(undefined)
      : findCallRowById(ctx.db, row.previous_call_id),
    findCriteriaTemplateKey(ctx.db, row.criteria_template_id),
  ]);
  return toCallDetail(row, {
    counts: counts?.get(row.id) ?? null,
    previousCall: previous
      ? { key: previous.key, title: { ja: previous.title_ja, en: previous.title_en } }
      : null,
    criteriaTemplateKey: templateKey,
    canManage: can(ctx.actor, 'call:manage'),
    canPropose:
      can(ctx.actor, 'proposal:edit') &&
      row.status === 'open' &&
      ctx.now().getTime() <= callClosesAt(row).getTime(),
  });
}

export async function getCall(ctx: ServiceContext, key: string): Promise<CallDetail> {
  return detailOf(ctx, await loadReadableCall(ctx, key));
}

// ---------------------------------------------------------------------------------------------
// Validation shared by create and edit

interface CallSettings {
  criteria: CallCriteria;
  scale: { min: number; max: number; step: number };
  overallThreshold: number | null;
  tieBreak: { kind: 'criterion'; criterion: string }[];
  requiredDocuments: { key: string }[];
  submissionDeadline: string;
  reviewDeadline: string;
  decisionDeadline: string;
}

/** Checks the scale, weights, thresholds, tie-breaks, documents and deadlines together. */
function checkSettings(s: CallSettings): FieldError[] {
  const errors: FieldError[] = [];
  const scaleProblem = validateScale(s.scale);
  if (scaleProblem) errors.push({ field: 'body.scale', message: scaleProblem });
  const items = s.criteria.flatMap((g) => g.items);
  const weightProblem = validateWeights(items.map((i) => ({ key: i.key, weight: i.weight })));
  if (weightProblem) errors.push({ field: 'body.criteria', message: weightProblem });
  const groupKeys = new Set<string>();
  const itemKeys = new Set(items.map((i) => i.key));
  s.criteria.forEach((g, gi) => {
    if (groupKeys.has(g.key) || itemKeys.has(g.key))
      errors.push({
        field: `body.criteria.${gi}.key`,
        message: `criterion group key ${g.key} is used twice`,
      });
    groupKeys.add(g.key);
    g.items.forEach((item, ii) => {
      const t = item.threshold;
      if (t !== null && !scaleProblem && (t < s.scale.min || t > s.scale.max))
        errors.push({
          field: `body.criteria.${gi}.items.${ii}.threshold`,
          message: `threshold ${t} is outside the scale ${s.scale.min}–${s.scale.max}`,
        });
    });
  });
  const o = s.overallThreshold;
  if (o !== null && !scaleProblem && (o < s.scale.min || o > s.scale.max))
    errors.push({
      field: 'body.overallThreshold',
      message: `threshold ${o} is outside the scale ${s.scale.min}–${s.scale.max}`,
    });
  s.tieBreak.forEach((rule, i) => {
    if (!itemKeys.has(rule.criterion))
      errors.push({
        field: `body.tieBreak.${i}.criterion`,
        message: `the call has no criterion ${rule.criterion}`,
      });
  });
  const documents = new Set<string>();
  s.requiredDocuments.forEach((d, i) => {
    if (documents.has(d.key))
      errors.push({ field: `body.requiredDocuments.${i}.key`, message: `document ${d.key} is listed twice` });
    documents.add(d.key);
  });
  const submission = Date.parse(s.submissionDeadline);
  const review = Date.parse(s.reviewDeadline);
  const decision = Date.parse(s.decisionDeadline);
  if (review < submission)
    errors.push({
      field: 'body.reviewDeadline',
      message: 'the review deadline must follow the submission deadline',
    });
  if (decision < review)
    errors.push({
      field: 'body.decisionDeadline',
      message: 'the decision deadline must follow the review deadline',
    });
  return errors;
}

/** The template's groups (items with no parent) and their items, weight 1 and no threshold each. */
async function criteriaFromTemplate(
  ctx: ServiceContext,
  key: string,
): Promise<{ criteria: CallCriteria; templateId: number }> {
  const found = await findCriteriaTemplate(ctx.db, key);
  if (!found)
    throw new AppError('UNKNOWN_REFERENCE', `criteria template "${key}" does not exist`, {
      errors: [{ field: 'body.criteriaTemplateKey', message: `unknown criteria template "${key}"` }],
    });
  const criteria: CallCriteria = found.items
    .filter((i) => i.parent_key === null)
    .map((g) => ({
      key: g.key,
      label: { ja: g.label_ja, en: g.label_en },
      items: found.items
        .filter((i) => i.parent_key === g.key)
        .map((i) => ({ key: i.key, label: { ja: i.label_ja, en: i.label_en }, weight: 1, threshold: null })),
    }))
    .filter((g) => g.items.length > 0);
  if (criteria.length === 0)
    throw new AppError('RULE_VIOLATION', `criteria template "${key}" has no scored items`, {
      errors: [
        { field: 'body.criteriaTemplateKey', message: 'the template has no criterion groups with items' },
      ],
    });
  return { criteria, templateId: found.template.id };
}

export async function createCall(ctx: ServiceContext, input: CreateCallBody): Promise<CallDetail> {
  requirePermission(ctx.actor, 'call:manage');
  const body = CreateCallSchema.parse(input);
  const fromTemplate = body.criteria ? null : await criteriaFromTemplate(ctx, body.criteriaTemplateKey);
  const criteria = body.criteria ?? fromTemplate!.criteria;
  const errors = checkSettings({ ...body, criteria });

  let previousCallId: number | null = null;
  if (body.stage === 2) {
    if (!body.previousCallKey)
      errors.push({
        field: 'body.previousCallKey',
        message: 'a second-stage call names its first-stage call',
      });
    else {
      const previous = await findCallRowByKey(ctx.db, body.previousCallKey);
      if (!previous || Number(previous.stage) !== 1)
        errors.push({
          field: 'body.previousCallKey',
          message: `no first-stage call "${body.previousCallKey}"`,
        });
      else previousCallId = previous.id;
    }
  } else if (body.previousCallKey)
    errors.push({ field: 'body.previousCallKey', message: 'only a second-stage call names a previous call' });
  if (errors.length > 0) throw validationFailed(errors);

  const duplicate = () =>
    new AppError('DUPLICATE', `a call with key "${body.key}" already exists`, {
      errors: [{ field: 'body.key', message: 'already used' }],
    });
  if (await findCallRowByKey(ctx.db, body.key)) throw duplicate();
  const programme = await ctx.db
    .selectFrom('programmes')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const at = ctx.now().toISOString();
  try {
    const row = await ctx.db.transaction().execute(async (trx) => {
      const inserted = await insertCallRow(trx, {
        programme_id: programme.id,
        key: body.key,
        fiscal_year: body.fiscalYear,
        title_ja: body.title.ja,
        title_en: body.title.en,
        description_ja: body.description?.ja ?? null,
        description_en: body.description?.en ?? null,
        status: 'draft',
        stage: body.stage,
        previous_call_id: previousCallId,
        slots: body.slots,
        budget_per_cluster_yen: body.budgetPerClusterYen,
        total_budget_yen: body.totalBudgetYen,
        submission_deadline: new Date(body.submissionDeadline).toISOString(),
        grace_minutes: body.graceMinutes,
        review_deadline: new Date(body.reviewDeadline).toISOString(),
        decision_deadline: new Date(body.decisionDeadline).toISOString(),
        criteria_template_id: fromTemplate?.templateId ?? null,
        criteria_json: JSON.stringify(criteria),
        scale_json: JSON.stringify(body.scale),
        overall_threshold: body.overallThreshold,
        aggregation: body.aggregation,
        tie_break_json: JSON.stringify(body.tieBreak),
        disagreement_json: JSON.stringify(body.disagreement),
        required_documents_json: JSON.stringify(body.requiredDocuments),
        reviewers_per_proposal: body.reviewersPerProposal,
        reviewer_cap: body.reviewerCap,
        reviews_revealed_at: null,
        publish_on: null,
        published_at: null,
        source: 'created in the platform',
        created_by: actorAccountId(ctx.actor),
        created_at: at,
        updated_at: at,
      });
      await audit(ctx, trx, {
        action: 'call.create',
        entityType: 'call',
        entityId: inserted.id,
        after: callSnapshot(inserted),
      });
      return inserted;
    });
    return detailOf(ctx, row);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

/** Fields that decide how proposals are scored: frozen once the call is open. */
const FROZEN_FIELDS = [
  'criteria',
  'scale',
  'overallThreshold',
  'aggregation',
  'tieBreak',
  'disagreement',
] as const;

export async function updateCall(
  ctx: ServiceContext,
  key: string,
  body: UpdateCallBody,
): Promise<CallDetail> {
  requirePermission(ctx.actor, 'call:manage');
  const row = await loadReadableCall(ctx, key);
  if (row.status === 'published' || row.status === 'closed')
    throw new AppError('INVALID_TRANSITION', `call ${key} is ${row.status} and can no longer be edited`);
  if (row.status !== 'draft') {
    const frozen = FROZEN_FIELDS.filter((f) => body[f] !== undefined);
    if (frozen.length > 0)
      throw new AppError(
        'CALL_FROZEN',
        `call ${key} is ${row.status}: its criteria, scale, weights and scoring rules are frozen`,
        { errors: frozen.map((f) => ({ field: `body.${f}`, message: 'frozen once the call is open' })) },
      );
  }
  if (body.version !== row.version) throw versionConflict('call', key, row.version);
  const current = parseCallJson(row);
  const merged = {
    criteria: body.criteria ?? current.criteria,
    scale: body.scale ?? current.scale,
    overallThreshold: body.overallThreshold !== undefined ? body.overallThreshold : row.overall_threshold,
    tieBreak: body.tieBreak ?? current.tieBreak,
    requiredDocuments: body.requiredDocuments ?? current.requiredDocuments,
    submissionDeadline: body.submissionDeadline ?? row.submission_deadline,
    reviewDeadline: body.reviewDeadline ?? row.review_deadline,
    decisionDeadline: body.decisionDeadline ?? row.decision_deadline,
  };
  const errors = checkSettings(merged);
  if (errors.length > 0) throw validationFailed(errors);

  const iso = (s: string | undefined) => (s === undefined ? undefined : new Date(s).toISOString());
  const values: Partial<CallRow> = {
    ...(body.title ? { title_ja: body.title.ja, title_en: body.title.en } : {}),
    ...(body.description !== undefined
      ? { description_ja: body.description?.ja ?? null, description_en: body.description?.en ?? null }
      : {}),
    ...(body.fiscalYear !== undefined ? { fiscal_year: body.fiscalYear } : {}),
    ...(body.slots !== undefined ? { slots: body.slots } : {}),
    ...(body.budgetPerClusterYen !== undefined ? { budget_per_cluster_yen: body.budgetPerClusterYen } : {}),
    ...(body.totalBudgetYen !== undefined ? { total_budget_yen: body.totalBudgetYen } : {}),
    ...(body.submissionDeadline ? { submission_deadline: iso(body.submissionDeadline)! } : {}),
    ...(body.graceMinutes !== undefined ? { grace_minutes: body.graceMinutes } : {}),
    ...(body.reviewDeadline ? { review_deadline: iso(body.reviewDeadline)! } : {}),
    ...(body.decisionDeadline ? { decision_deadline: iso(body.decisionDeadline)! } : {}),
    ...(body.criteria ? { criteria_json: JSON.stringify(body.criteria) } : {}),
    ...(body.scale ? { scale_json: JSON.stringify(body.scale) } : {}),
    ...(body.overallThreshold !== undefined ? { overall_threshold: body.overallThreshold } : {}),
    ...(body.aggregation ? { aggregation: body.aggregation } : {}),
    ...(body.tieBreak ? { tie_break_json: JSON.stringify(body.tieBreak) } : {}),
    ...(body.disagreement ? { disagreement_json: JSON.stringify(body.disagreement) } : {}),
    ...(body.requiredDocuments ? { required_documents_json: JSON.stringify(body.requiredDocuments) } : {}),
    ...(body.reviewersPerProposal !== undefined ? { reviewers_per_proposal: body.reviewersPerProposal } : {}),
    ...(body.reviewerCap !== undefined ? { reviewer_cap: body.reviewerCap } : {}),
  };
  // The fiscal year anchors the proposals' 5-year plans: it cannot move once proposals may exist.
  if (body.fiscalYear !== undefined && body.fiscalYear !== row.fiscal_year && row.status !== 'draft')
    throw new AppError('CALL_FROZEN', `call ${key} is ${row.status}: its fiscal year is frozen`, {
      errors: [{ field: 'body.fiscalYear', message: 'frozen once the call is open' }],
    });
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const next = await updateCallAtVersion(trx, row.id, row.version, {
      ...values,
      updated_at: ctx.now().toISOString(),
    });
    if (!next) {
      const fresh = await findCallRowById(trx, row.id);
      throw versionConflict('call', key, fresh?.version ?? row.version);
    }
    await audit(ctx, trx, {
      action: 'call.update',
      entityType: 'call',
      entityId: row.id,
      before: callSnapshot(row),
      after: callSnapshot(next),
    });
    return next;
  });
  return detailOf(ctx, updated);
}

/** The moves this module makes; published is the results' own step. */
const TRANSITIONS: Record<string, readonly string[]> = {
  draft: ['open', 'closed'],
  open: ['review', 'closed'],
  review: ['decision', 'closed'],
  decision: ['closed'],
};

export async function transitionCall(
  ctx: ServiceContext,
  key: string,
  body: CallTransitionBody,
): Promise<CallDetail> {
  requirePermission(ctx.actor, 'call:manage');
  const row = await loadReadableCall(ctx, key);
  if (body.version !== row.version) throw versionConflict('call', key, row.version);
  if (!(TRANSITIONS[row.status] ?? []).includes(body.status))
    throw new AppError('INVALID_TRANSITION', `call ${key} cannot move from ${row.status} to ${body.status}`, {
      errors: [{ field: 'body.status', message: `not possible from ${row.status}` }],
    });
  if (body.status === 'open' && callClosesAt(row).getTime() <= ctx.now().getTime())
    throw new AppError(
      'RULE_VIOLATION',
      `call ${key}'s submission deadline has passed; move it before opening`,
      {
        errors: [{ field: 'body.status', message: 'the submission deadline has passed' }],
      },
    );
  const updated = await ctx.db.transaction().execute(async (trx) => {
    const next = await updateCallAtVersion(trx, row.id, row.version, {
      status: body.status,
      updated_at: ctx.now().toISOString(),
    });
    if (!next) {
      const fresh = await findCallRowById(trx, row.id);
      throw versionConflict('call', key, fresh?.version ?? row.version);
    }
    await audit(ctx, trx, {
      action: `call.${body.status}`,
      entityType: 'call',
      entityId: row.id,
      before: { status: row.status, version: row.version },
      after: { status: next.status, version: next.version },
    });
    return next;
  });
  return detailOf(ctx, updated);
}
