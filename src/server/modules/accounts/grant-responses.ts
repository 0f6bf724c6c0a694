/** The live grants of accounts as the API shows them, with each cluster scope labelled by its key. */
import type { GrantResponse } from '../../../contracts/auth';
import type { Role, ScopeType } from '../../../domain/permissions';
import type { Db } from '../../context';
import { clusterKeysByIds, listActiveGrants } from './account.repo';

export async function grantResponsesByAccount(
  db: Db,
  accountIds: number[],
): Promise<Map<number, GrantResponse[]>> {
  const grants = await listActiveGrants(db, accountIds);
  const keys = await clusterKeysByIds(
    db,
    grants.filter((g) => g.scope_type === 'cluster' && g.scope_id !== null).map((g) => g.scope_id!),
  );
  const byAccount = new Map<number, GrantResponse[]>(accountIds.map((id) => [id, []]));
  for (const g of grants) {
    byAccount.get(g.account_id)?.push({
      id: g.id,
      role: g.role as Role,
      scopeType: g.scope_type as ScopeType,
      scopeId: g.scope_id,
      scopeLabel: g.scope_type === 'cluster' && g.scope_id !== null ? (keys.get(g.scope_id) ?? null) : null,
    });
  }
  return byAccount;
}
