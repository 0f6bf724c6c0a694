/**
 * The people an officer may name to a round (GET /rounds/:key/candidates). Officers do not manage
 * accounts, so without this they could not find the evaluators and weighting members the
 * administrator has granted; organization and prefecture are shown because they decide conflicts.
 */
import {
  MEMBER_ROLES,
  type MemberRole,
  type RoundCandidate,
  type RoundCandidateList,
} from '../../../contracts/evaluation-rounds';
import type { ServiceContext } from '../../context';
import { loadManagedRound } from './round.service';
import { listMemberCandidates, listRoundMembers } from './round.repo';

const isMemberRole = (role: string): role is MemberRole => (MEMBER_ROLES as readonly string[]).includes(role);

export async function listRoundCandidates(ctx: ServiceContext, key: string): Promise<RoundCandidateList> {
  const round = await loadManagedRound(ctx, key);
  const [rows, members] = await Promise.all([
    listMemberCandidates(ctx.db),
    listRoundMembers(ctx.db, round.id),
  ]);
  const memberRole = new Map(members.map((m) => [m.account_id, m.role]));
  const byAccount = new Map<number, RoundCandidate>();
  for (const row of rows) {
    if (!isMemberRole(row.role)) continue;
    const known = byAccount.get(row.account_id);
    if (known) {
      if (!known.roles.includes(row.role)) known.roles.push(row.role);
      continue;
    }
    const role = memberRole.get(row.account_id);
    byAccount.set(row.account_id, {
      accountId: row.account_id,
      displayName: row.display_name,
      roles: [row.role],
      organization: row.name_ja !== null ? { ja: row.name_ja, en: row.name_en ?? row.name_ja } : null,
      prefectureCode: row.prefecture_code,
      memberRole: role !== undefined && isMemberRole(role) ? role : null,
    });
  }
  return { items: [...byAccount.values()] };
}
