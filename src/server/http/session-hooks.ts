/**
 * Resolves the session cookie into an actor on every request, and enforces CSRF on every
 * state-changing API request: signed-in requests must echo their session's token in
 * `x-csrf-token`; sign-in itself (no session yet) uses a double-submit cookie.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS } from '../../domain/permissions';
import { resolveSession, type SessionPolicy } from '../modules/auth/auth.service';
import { AppError } from './app-error';

export const SESSION_COOKIE = 'kcp_session';
export const CSRF_COOKIE = 'kcp_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function setSessionCookie(reply: FastifyReply, token: string, policy: SessionPolicy): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    maxAge: policy.absoluteHours * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The token an anonymous client must echo to sign in; set as an HttpOnly cookie and returned in the body. */
export function ensureAnonymousCsrfToken(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{32}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  void reply.setCookie(CSRF_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: 'auto' });
  return token;
}

/** Why this write may not proceed (no session: 401; wrong CSRF token: 403), or null when it may. */
function writeRefusal(request: FastifyRequest): AppError | null {
  // The matched route, not the raw URL: '/%61pi/…' reaches an /api/ route too.
  const route = request.routeOptions.url;
  if (SAFE_METHODS.has(request.method) || !route?.startsWith('/api/') || request.is404) return null;
  const header = request.headers[CSRF_HEADER];
  const sent = Array.isArray(header) ? header[0] : header;
  if (request.sessionId) {
    return sameToken(sent, request.sessionCsrfToken)
      ? null
      : new AppError('CSRF_TOKEN_INVALID', `Send the session's CSRF token in the ${CSRF_HEADER} header`);
  }
  if (request.routeOptions.config.csrf !== 'anonymous') {
    // No session: only sign-in may change anything, so say "sign in" before judging the body.
    return request.routeOptions.config.anonymousWrite
      ? null
      : new AppError('UNAUTHENTICATED', 'Sign in to do this');
  }
  if (!sameToken(sent, request.cookies[CSRF_COOKIE])) {
    return new AppError(
      'CSRF_TOKEN_INVALID',
      `Fetch GET /api/v1/auth/session first and send its csrfToken in the ${CSRF_HEADER} header`,
    );
  }
  return null;
}

export function registerSessionHooks(app: FastifyInstance, policy: SessionPolicy): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('sessionId', null);
  app.decorateRequest('sessionCsrfToken', null);

  app.addHook('onRequest', async (request) => {
    request.actor = ANONYMOUS;
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 100) return;
    const session = await resolveSession(app.db, token, new Date(), policy);
    if (!session) return;
    request.actor = session.actor;
    request.sessionId = session.sessionId;
    request.sessionCsrfToken = session.csrfToken;
  });

  // Before validation, so a forged request learns nothing from validation messages.
  app.addHook('preValidation', (request, _reply, done) => done(writeRefusal(request) ?? undefined));
}
