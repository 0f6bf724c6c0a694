/** The review and lifecycle actions seeds and needs share: what each action writes, or why it is refused. */
import type { ListingActionBody } from '../../../contracts/seeds-needs';
import { expiryFor, type ListingStatus, statusAfter } from '../../../domain/listing-lifecycle';
import type { ServiceContext } from '../../context';
import { AppError } from '../../http/app-error';
import { actorAccountId } from '../auth/authorize';
import { todayInJapan } from './listing-access';

export interface ListingState {
  status: string;
  expires_on: string | null;
  published_at: string | null;
}

export interface ListingChange {
  status: string;
  review_note?: string | null;
  reviewed_by?: number | null;
  reviewed_at?: string | null;
  published_at?: string | null;
  expires_on?: string | null;
}

/**
 * The columns an action writes. `allowed` is what the actor may do on this listing (from
 * listing-access.ts); an action not open from the status is a 409, one the actor may not take 403.
 */
export function applyListingAction(
  ctx: ServiceContext,
  entity: string,
  row: ListingState,
  body: ListingActionBody,
  allowed: readonly string[],
): ListingChange {
  const next = statusAfter(row.status as ListingStatus, body.action);
  if (next === null)
    throw new AppError('INVALID_TRANSITION', `a ${row.status} ${entity} cannot be ${body.action}ed`, {
      errors: [{ field: 'body.action', message: `not open while the ${entity} is ${row.status}` }],
    });
  if (!allowed.includes(body.action))
    throw new AppError('FORBIDDEN', `you may not ${body.action} this ${entity}`);
  const at = ctx.now().toISOString();
  const reviewer = actorAccountId(ctx.actor);
  switch (body.action) {
    case 'submit':
      return { status: next };
    case 'withdraw':
      return { status: next };
    case 'return':
      if (!body.note)
        throw new AppError('VALIDATION_FAILED', 'say what to change when returning', {
          errors: [{ field: 'body.note', message: 'required when returning' }],
        });
      return { status: next, review_note: body.note, reviewed_by: reviewer, reviewed_at: at };
    case 'publish':
    case 'renew': {
      const today = todayInJapan(ctx);
      const expiry = expiryFor(today, body.expiresOn, body.action === 'renew' ? row.expires_on : null);
      if ('refused' in expiry)
        throw new AppError('VALIDATION_FAILED', `expiry date ${body.expiresOn} refused`, {
          errors: [
            {
              field: 'body.expiresOn',
              message:
                expiry.refused === 'past'
                  ? `must be today (${expiry.limit}) or later`
                  : `must be on or before ${expiry.limit}`,
            },
          ],
        });
      return {
        status: next,
        expires_on: expiry.expiresOn,
        published_at: row.published_at ?? at,
        ...(body.action === 'publish'
          ? { review_note: body.note ?? null, reviewed_by: reviewer, reviewed_at: at }
          : {}),
      };
    }
  }
}
