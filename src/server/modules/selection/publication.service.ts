/**
 * Announcing a call's results: the officer sets the announcement date and publishes. Publication
 * opens the decisions to the public and each proposal's result to its proposer, so it needs every
 * submitted proposal decided and happens once, from the decision step.
 */
import type { PublicationResponse, PublishBody } from '../../../contracts/selection-decisions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../http/app-error';
import { audit } from '../audit/audit.service';
import { callSummary } from './result.compute';
import { findCallById } from './result.repo';
import { computeCallResults } from './result.service';
import { decidableCall } from './decision.service';

/** Sets (or moves) the announcement date while the call is in the decision step. */
export async function setPublishOn(
  ctx: ServiceContext,
  key: string,
  publishOn: string,
): Promise<PublicationResponse> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const call = await decidableCall(ctx, trx, key);
    if (call.publish_on === publishOn) return call.id;
    await trx
      .updateTable('calls')
      .set({ publish_on: publishOn, version: call.version + 1, updated_at: ctx.now().toISOString() })
      .where('id', '=', call.id)
      .execute();
    await audit(ctx, trx, {
      action: 'selection.call.publish-on',
      entityType: 'call',
      entityId: call.id,
      before: { publishOn: call.publish_on },
      after: { publishOn },
    });
    return call.id;
  });
  return { call: callSummary((await findCallById(ctx.db, id))!) };
}

/** Publishes the results: status → published, published_at now; refused while a proposal is undecided. */
export async function publishResults(
  ctx: ServiceContext,
  key: string,
  body: PublishBody,
): Promise<PublicationResponse> {
  const id = await ctx.db.transaction().execute(async (trx) => {
    const call = await decidableCall(ctx, trx, key);
    const publishOn = body.publishOn ?? call.publish_on;
    if (publishOn === null)
      throw new AppError('VALIDATION_FAILED', 'Set the announcement date before publishing', {
        errors: [{ field: 'body.publishOn', message: 'required: the call has no announcement date' }],
      });
    const results = await computeCallResults(ctx, trx, call);
    const undecided = results.proposals.filter((p) => p.decision === null).map((p) => p.proposalId);
    if (undecided.length > 0)
      throw new AppError(
        'RULE_VIOLATION',
        `Every submitted proposal needs a decision before publication; undecided: ${undecided.join(', ')}`,
        { errors: undecided.map((p) => ({ field: `proposals.${p}.decision`, message: 'no decision yet' })) },
      );
    const at = ctx.now().toISOString();
    await trx
      .updateTable('calls')
      .set({
        status: 'published',
        published_at: at,
        publish_on: publishOn,
        version: call.version + 1,
        updated_at: at,
      })
      .where('id', '=', call.id)
      .execute();
    // Clusters made from this call's regions before the announcement were kept unpublished; the
    // announcement is what makes them public.
    const clusterIds = results.proposals.flatMap((p) =>
      p.cluster && (p.decision?.outcome === 'selected' || p.decision?.outcome === 'trial')
        ? [p.cluster.id]
        : [],
    );
    const opened =
      clusterIds.length === 0
        ? []
        : await trx
            .updateTable('clusters')
            .set((eb) => ({ is_published: 1, version: eb('version', '+', 1), updated_at: at }))
            .where('id', 'in', clusterIds)
            .where('is_published', '=', 0)
            .returning(['id', 'key'])
            .execute();
    for (const c of opened)
      await audit(ctx, trx, {
        action: 'cluster.publish',
        entityType: 'cluster',
        entityId: c.id,
        before: { isPublished: false },
        after: { isPublished: true, reason: `Selection results of call ${call.key} published` },
      });
    await audit(ctx, trx, {
      action: 'selection.call.publish',
      entityType: 'call',
      entityId: call.id,
      before: { status: call.status, publishOn: call.publish_on, publishedAt: call.published_at },
      after: {
        status: 'published',
        publishOn,
        publishedAt: at,
        decisions: results.proposals.map((p) => ({ proposalId: p.proposalId, outcome: p.decision!.outcome })),
      },
    });
    return call.id;
  });
  return { call: callSummary((await findCallById(ctx.db, id))!) };
}
