/** The bridge from a Fastify request to a service context. */
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { ANONYMOUS, type Actor } from '../../domain/permissions';
import type { ServiceContext } from '../context';
import type { Database } from '../db/schema';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    /** Id (hash) of the live session the cookie named, or null. */
    sessionId: string | null;
    /** The CSRF token bound to the live session, or null. */
    sessionCsrfToken: string | null;
  }
  interface FastifyInstance {
    db: Kysely<Database>;
  }
  interface FastifyContextConfig {
    /** `anonymous`: a state-changing route used before sign-in, protected by the double-submit cookie. */
    csrf?: 'anonymous';
    /** A write the public may make without a session (signing out when already signed out). */
    anonymousWrite?: boolean;
  }
}

export { ANONYMOUS };

/** The service context of this request: the database, the signed-in actor and the request id. */
export function ctxOf(request: FastifyRequest): ServiceContext {
  return { db: request.server.db, actor: request.actor, requestId: request.id, now: () => new Date() };
}
