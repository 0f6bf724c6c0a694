/** What every service function receives: the database, who is acting, and the request's identity. */
import type { Kysely } from 'kysely';
import type { Actor } from '../domain/permissions';
import type { Database } from './db/schema';

export interface ServiceContext {
  db: Kysely<Database>;
  actor: Actor;
  /** Ties audit entries to the request that wrote them; null outside HTTP (CLI, loaders). */
  requestId: string | null;
  now: () => Date;
}

export type Db = Kysely<Database>;

/** A context for the CLI and loaders, acting as the system. */
export function systemContext(db: Kysely<Database>, label = 'system'): ServiceContext {
  return { db, actor: { kind: 'system', label }, requestId: null, now: () => new Date() };
}
