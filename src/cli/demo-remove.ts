/**
 * Removes what `kcp demo` built — the demo call and the demo evaluation round (is_demo = 1) and
 * everything hanging off them (the round's allocation plans and the ledger lines a commit of it
 * wrote included), the @demo.kcp.invalid accounts, and the people, organizations and ledger lines
 * carrying the demo source — and nothing else. Where real data has come to depend on a demo row (a
 * demo reviewer in a real call's pool, a real proposal in the demo call, a demo evaluator in a real
 * round, a real finding followed up in the demo round) it refuses, naming what, rather than touch
 * real data. The seeds-to-business part (demo seeds, needs and matches) goes with it (demo-matching.ts).
 */
import type { Db, ServiceContext } from '../server/context';
import { audit } from '../server/modules/audit/audit.service';
import { DEMO_CALL_KEY, DEMO_EMAIL_DOMAIN, DEMO_SOURCE } from './demo-data';
import { removeDemoMatching } from './demo-matching';
import { DEMO_ROUND_KEY } from './demo-round-data';

/** Removal would touch real data: nothing was removed. */
export class DemoRefusal extends Error {}

export interface RemovedDemo {
  calls: number;
  proposals: number;
  reviews: number;
  rounds: number;
  grades: number;
  /** The what-if's base lines and any allocation a user committed from the demo round. */
  budgetLines: number;
  accounts: number;
  people: number;
  organizations: number;
  seeds: number;
  needs: number;
  matches: number;
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
  const rounds = await trx
    .selectFrom('evaluation_rounds')
    .select(['id', 'is_demo'])
    .where('key', '=', DEMO_ROUND_KEY)
    .execute();
  if (rounds.some((r) => Number(r.is_demo) !== 1))
    throw new DemoRefusal(
      `evaluation round ${DEMO_ROUND_KEY} exists but is not demo data (is_demo = 0): it was left alone`,
    );
  const roundIds = rounds.map((r) => r.id);
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
  if (roundIds.length > 0) {
    const followed = await trx
      .selectFrom('findings')
      .select('id')
      .where('follow_up_round_id', 'in', roundIds)
      .where('round_id', 'not in', roundIds)
      .execute();
    if (followed.length > 0)
      throw new DemoRefusal(
        `finding(s) of other rounds are followed up in the demo round (ids ${followed.map((f) => f.id).join(', ')}): nothing was removed`,
      );
  }
  if (accountIds.length > 0) {
    const inRounds = [
      ...(await trx
        .selectFrom('round_members')
        .select('round_id')
        .where('account_id', 'in', accountIds)
        .$if(roundIds.length > 0, (q) => q.where('round_id', 'not in', roundIds))
        .execute()),
      ...(await trx
        .selectFrom('round_assignments')
        .select('round_id')
        .where('evaluator_account_id', 'in', accountIds)
        .$if(roundIds.length > 0, (q) => q.where('round_id', 'not in', roundIds))
        .execute()),
    ];
    if (inRounds.length > 0)
      throw new DemoRefusal(
        `demo accounts are members of other evaluation rounds (ids ${[...new Set(inRounds.map((u) => u.round_id))].join(', ')}): remove them there first; nothing was removed`,
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
    rounds: 0,
    grades: 0,
    budgetLines: 0,
    accounts: 0,
    people: 0,
    organizations: 0,
    seeds: 0,
    needs: 0,
    matches: 0,
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
  if (roundIds.length > 0) await removeRounds(trx, roundIds, removed);
  removed.budgetLines += count(
    await trx.deleteFrom('budget_lines').where('source', '=', DEMO_SOURCE).execute(),
  );
  const matching = await removeDemoMatching(trx, accountIds, (message) => new DemoRefusal(message));
  removed.seeds = matching.seeds;
  removed.needs = matching.needs;
  removed.matches = matching.matches;
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
  if (
    removed.calls +
      removed.rounds +
      removed.budgetLines +
      removed.accounts +
      removed.people +
      removed.organizations +
      removed.seeds +
      removed.needs +
      removed.matches >
    0
  )
    await audit(ctx, trx, {
      action: 'demo.remove',
      entityType: 'call',
      entityId: callIds[0] ?? DEMO_CALL_KEY,
      before: { key: DEMO_CALL_KEY, round: DEMO_ROUND_KEY, source: DEMO_SOURCE },
      after: removed,
    });
  return removed;
}

/** The demo round and every row hanging off it, children first. */
async function removeRounds(trx: Db, roundIds: number[], removed: RemovedDemo): Promise<void> {
  await trx.deleteFrom('allocation_plans').where('round_id', 'in', roundIds).execute();
  // What committing the demo round's allocation wrote to the ledger (allocation.service's source).
  removed.budgetLines += count(
    await trx.deleteFrom('budget_lines').where('source', '=', `evaluation round ${DEMO_ROUND_KEY}`).execute(),
  );
  await trx.deleteFrom('findings').where('round_id', 'in', roundIds).execute();
  await trx.deleteFrom('round_results').where('round_id', 'in', roundIds).execute();
  await trx.deleteFrom('round_result_comments').where('round_id', 'in', roundIds).execute();
  removed.grades = count(
    await trx
      .deleteFrom('grades')
      .where(
        'assignment_id',
        'in',
        trx.selectFrom('round_assignments').select('id').where('round_id', 'in', roundIds),
      )
      .execute(),
  );
  await trx.deleteFrom('round_assignments').where('round_id', 'in', roundIds).execute();
  await trx.deleteFrom('interviews').where('round_id', 'in', roundIds).execute();
  await trx.deleteFrom('weight_sets').where('round_id', 'in', roundIds).execute();
  await trx.deleteFrom('weight_proposals').where('round_id', 'in', roundIds).execute();
  await trx
    .deleteFrom('attachments')
    .where('owner_type', '=', 'self_evaluation')
    .where(
      'owner_id',
      'in',
      trx.selectFrom('self_evaluations').select('id').where('round_id', 'in', roundIds),
    )
    .execute();
  await trx.deleteFrom('self_evaluations').where('round_id', 'in', roundIds).execute();
  await trx.deleteFrom('round_members').where('round_id', 'in', roundIds).execute();
  await trx.deleteFrom('round_clusters').where('round_id', 'in', roundIds).execute();
  removed.rounds = count(await trx.deleteFrom('evaluation_rounds').where('id', 'in', roundIds).execute());
}
