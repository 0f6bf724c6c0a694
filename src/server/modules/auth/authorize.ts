/** Turns the policy table's answer into the right failure: 401 for the public, 403 for accounts. */
import { type Actor, can, type Permission, type PermissionTarget } from '../../../domain/permissions';
import { AppError } from '../../http/app-error';

/** Throws UNAUTHENTICATED or FORBIDDEN unless the actor holds the permission on the target. */
export function requirePermission(actor: Actor, permission: Permission, target: PermissionTarget = {}): void {
  if (can(actor, permission, target)) return;
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
  throw new AppError('FORBIDDEN', `Your roles do not allow ${permission}`);
}

/** The account id of the actor for audit entries, or null for the system and the public. */
export function actorAccountId(actor: Actor): number | null {
  return actor.kind === 'account' ? actor.accountId : null;
}

/** A human-readable name of the actor for audit entries. */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'account':
      return actor.email;
    case 'system':
      return `system:${actor.label}`;
    case 'anonymous':
      return 'anonymous';
  }
}
