/**
 * Removes what `kcp demo` built — the demo call (is_demo = 1) and everything hanging off it, the
 * @demo.kcp.invalid accounts, and the people and organizations carrying the demo source — and
 * nothing else. Where real data has come to depend on a demo row (a demo reviewer in a real call's
 * pool, a real proposal in the demo call) it refuses, naming what, rather than touch real data.
 */
import type { Db, ServiceContext } from '../server/context';
import { audit } from '../server/modules/audit/audit.service';
import { DEMO_CALL_KEY, DEMO_EMAIL_DOMAIN, DEMO_SOURCE } from './demo-data';

/** Removal would touch real data: nothing was removed. */
export class DemoRefusal extends Error {}

export interface RemovedDemo {
  calls: number;
  proposals: number;
  reviews: number;
  accounts: number;
  people: number;
  organizations: number;
}

function count(result: readonly { numDeletedRows: bigint }[]): number {
  return result.reduce((s, r) => s + Number(r.numDeletedRows), 0);
}

/** Deletes the demo inside the caller's transaction; audited when anything was there. */
export async function removeDemo(ctx: ServiceContext, trx: Db): Promise<RemovedDemo> {
  const calls = await trx
    .selectFrom('calls')
    .select(['id', 'is_demo'])
    .where('key', '=', DEMO_CALL_KEY)
    .execute();
  if (calls.some((c) => Number(c.is_demo) !== 1))
    throw new DemoRefusal(
      `call ${DEMO_CALL_KEY} exists but is not demo data (is_demo = 0): it was left alone`,
    );
  const callIds = calls.map((c) => c.id);
  const accountIds = (
    await trx.selectFrom('accounts').select('id').where('email', 'like', `%@${DEMO_EMAIL_DOMAIN}`).execute()
  ).map((a) => a.id);

  if (callIds.length > 0) {
    const real = await trx
      .selectFrom('proposals')
      .select('id')
      .where('call_id', 'in', callIds)
      .where('is_demo', '=', 0)
      .execute();
    if (real.length > 0)
      throw new DemoRefusal(
        `the demo call holds ${real.length} proposal(s) that are not demo data (ids ${real.map((r) => r.id).join(', ')}): nothing was removed`,
      );
    const later = await trx
      .selectFrom('calls')
      .select('key')
      .where('previous_call_id', 'in', callIds)
      .execute();
    if (later.length > 0)
      throw new DemoRefusal(
        `call(s) ${later.map((c) => c.key).join(', ')} name the demo call as their first stage: nothing was removed`,
      );
  }
  if (accountIds.length > 0) {
    const elsewhere = (table: 'call_reviewers' | 'review_assignments') =>
      trx
        .selectFrom(table)
        .select('call_id')
        .where(table === 'call_reviewers' ? 'account_id' : 'reviewer_account_id', 'in', accountIds)
        .$if(callIds.length > 0, (q) => q.where('call_id', 'not in', callIds))
        .execute();
    const used = [...(await elsewhere('call_reviewers')), ...(await elsewhere('review_assignments'))];
    if (used.length > 0)
      throw new DemoRefusal(
        `demo reviewer accounts are in the pool or assignments of other calls (ids ${[...new Set(used.map((u) => u.call_id))].join(', ')}): remove them there first; nothing was removed`,
      );
  }

  const removed: RemovedDemo = {
    calls: 0,
    proposals: 0,
    reviews: 0,
    accounts: 0,
    people: 0,
    organizations: 0,
  };
  if (callIds.length > 0) {
    const proposalIds = (
      await trx.selectFrom('proposals').select('id').where('call_id', 'in', callIds).execute()
    ).map((p) => p.id);
    await trx.deleteFrom('proposal_decisions').where('call_id', 'in', callIds).execute();
    if (proposalIds.length > 0) {
      await trx.deleteFrom('consensus_scores').where('proposal_id', 'in', proposalIds).execute();
      await trx
        .deleteFrom('attachments')
        .where('owner_type', '=', 'proposal')
        .where('owner_id', 'in', proposalIds)
        .execute();
    }
    await trx
      .deleteFrom('review_scores')
      .where('review_id', 'in', trx.selectFrom('reviews').select('id').where('call_id', 'in', callIds))
      .execute();
    removed.reviews = count(await trx.deleteFrom('reviews').where('call_id', 'in', callIds).execute());
    await trx.deleteFrom('conflicts').where('call_id', 'in', callIds).execute();
    await trx.deleteFrom('review_assignments').where('call_id', 'in', callIds).execute();
    await trx.deleteFrom('call_reviewers').where('call_id', 'in', callIds).execute();
    removed.proposals = count(await trx.deleteFrom('proposals').where('call_id', 'in', callIds).execute());
    removed.calls = count(await trx.deleteFrom('calls').where('id', 'in', callIds).execute());
  }
  if (accountIds.length > 0) {
    await trx.deleteFrom('sessions').where('account_id', 'in', accountIds).execute();
    await trx.deleteFrom('role_grants').where('account_id', 'in', accountIds).execute();
    await trx.deleteFrom('reviewer_profiles').where('account_id', 'in', accountIds).execute();
    removed.accounts = count(await trx.deleteFrom('accounts').where('id', 'in', accountIds).execute());
  }
  try {
    removed.people = count(await trx.deleteFrom('people').where('source', '=', DEMO_SOURCE).execute());
    removed.organizations = count(
      await trx.deleteFrom('organizations').where('source', '=', DEMO_SOURCE).execute(),
    );
  } catch (error) {
    // A foreign key from real data (a cluster member, a real account's person…) holds a demo row.
    throw new DemoRefusal(
      `real data refers to a demo person or organization (${error instanceof Error ? error.message : String(error)}): nothing was removed`,
    );
  }
  if (removed.calls + removed.accounts + removed.people + removed.organizations > 0)
    await audit(ctx, trx, {
      action: 'demo.remove',
      entityType: 'call',
      entityId: callIds[0] ?? DEMO_CALL_KEY,
      before: { key: DEMO_CALL_KEY, source: DEMO_SOURCE },
      after: removed,
    });
  return removed;
}
