import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ChangePasswordBody,
  SelfResponse,
  SessionResponse,
  SignInBody,
  UpdateSelfBody,
} from '../../../contracts/auth';
import { errorResponses, OkResponse } from '../../../contracts/common';
import { changeOwnPassword, updateSelf } from '../accounts/account.service';
import { ctxOf } from '../../http/request-context';
import {
  clearSessionCookie,
  ensureAnonymousCsrfToken,
  SESSION_COOKIE,
  setSessionCookie,
} from '../../http/session-hooks';
import { getSignedInSelf, type SessionPolicy, signIn, signOut } from './auth.service';

export function registerAuthRoutes(app: FastifyInstance, policy: SessionPolicy): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  r.get(
    '/api/v1/auth/session',
    {
      schema: {
        tags,
        summary: 'Who is signed in, and the CSRF token to send with writes',
        response: { 200: SessionResponse },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      const self = await getSignedInSelf(ctxOf(request));
      if (self && request.sessionCsrfToken) return { account: self, csrfToken: request.sessionCsrfToken };
      return { account: null, csrfToken: ensureAnonymousCsrfToken(request, reply) };
    },
  );

  r.post(
    '/api/v1/auth/sign-in',
    {
      config: { csrf: 'anonymous' },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password (rate-limited per account and address)',
        body: SignInBody,
        response: { 200: SessionResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await signIn(
        ctxOf(request),
        request.body,
        {
          ip: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          previousToken: request.cookies[SESSION_COOKIE] ?? null,
        },
        policy,
      );
      setSessionCookie(reply, result.token, policy);
      return { account: result.account, csrfToken: result.csrfToken };
    },
  );

  r.post(
    '/api/v1/auth/sign-out',
    {
      config: { anonymousWrite: true },
      schema: { tags, summary: 'End the current session', response: { 200: OkResponse, ...errorResponses } },
    },
    async (request, reply) => {
      if (request.sessionId) await signOut(ctxOf(request), request.sessionId);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  r.patch(
    '/api/v1/auth/me',
    {
      schema: {
        tags,
        summary: 'Change your display name or language',
        body: UpdateSelfBody,
        response: { 200: SelfResponse, ...errorResponses },
      },
    },
    async (request) => updateSelf(ctxOf(request), request.body),
  );

  r.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags,
        summary: 'Change your password (other sessions end)',
        body: ChangePasswordBody,
        response: { 200: OkResponse, ...errorResponses },
      },
    },
    async (request) => {
      await changeOwnPassword(ctxOf(request), request.body, request.sessionId);
      return { ok: true as const };
    },
  );
}
