import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import {
  createAccount,
  expectProblem,
  lastAuditEntry,
  signInNew,
  unique,
} from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

const SESSION_COOKIE = 'kcp_session';

function setCookieHeaders(headers: Record<string, unknown>): string[] {
  const raw = headers['set-cookie'];
  if (raw === undefined) return [];
  return Array.isArray(raw) ? raw.map(String) : [raw as string];
}

/** A client that replays a session cookie someone else obtained (an old tab, a copied cookie). */
function clientWithCookie(t: TestApp, sessionCookie: string): HttpClient {
  const client = t.anonymous();
  client.setCookie(SESSION_COOKIE, sessionCookie);
  return client;
}

async function signedInAccountOf(client: HttpClient): Promise<{ email: string } | null> {
  const res = await client.get('/api/v1/auth/session');
  expect(res.status).toBe(200);
  return res.body.account;
}

describe.each(ENGINES)('authentication and sessions on %s', (engine) => {
  let t: TestApp;
  let admin: HttpClient;
  beforeAll(async () => {
    t = await buildTestApp(engine);
    admin = await t.signInAs('administrator');
  });
  afterAll(async () => t?.close());

  describe('GET /api/v1/auth/session', () => {
    it('gives the public no account and a CSRF token, set also as an HttpOnly cookie', async () => {
      const res = await t.anonymous().get('/api/v1/auth/session');

      expect(res.status).toBe(200);
      expect(res.body.account).toBeNull();
      expect(res.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{32}$/);
      const cookie = setCookieHeaders(res.headers).find((c) => c.startsWith('kcp_csrf='));
      expect(cookie).toContain(`kcp_csrf=${res.body.csrfToken}`);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(res.headers['cache-control']).toBe('no-store');
    });
  });

  describe('POST /api/v1/auth/sign-in', () => {
    it('sets an HttpOnly SameSite=Lax session cookie and returns the account and a new CSRF token', async () => {
      const account = await createAccount(t, 'programme_officer');
      const client = t.anonymous();
      const anonymousToken = (await client.get('/api/v1/auth/session')).body.csrfToken;
      client.csrfToken = anonymousToken;

      const res = await client.post('/api/v1/auth/sign-in', {
        email: account.email,
        password: account.password,
      });

      expect(res.status).toBe(200);
      expect(res.body.account).toMatchObject({ id: account.id, email: account.email });
      expect(res.body.account.grants).toEqual([
        expect.objectContaining({ role: 'programme_officer', scopeType: 'programme' }),
      ]);
      expect(res.body.account.permissions).toContain('cluster:create');
      expect(res.body.csrfToken).toEqual(expect.any(String));
      expect(res.body.csrfToken).not.toBe(anonymousToken);
      const cookie = setCookieHeaders(res.headers).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
      expect(cookie).toBeDefined();
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*SameSite=Lax/i);
      expect(cookie).toMatch(/;\s*Path=\//i);
      client.csrfToken = res.body.csrfToken;
      expect(await signedInAccountOf(client)).toMatchObject({ email: account.email });
    });

    it('accepts the e-mail address in any letter case', async () => {
      const account = await createAccount(t, 'evaluator');

      const res = await t.anonymous().signIn(account.email.toUpperCase(), account.password);

      expect(res.status).toBe(200);
      expect(res.body.account.email).toBe(account.email);
    });

    it('records the sign-in in the audit log and as lastSignInAt', async () => {
      const account = await createAccount(t, 'coordinator');

      const res = await t.anonymous().signIn(account.email, account.password);

      expect(res.status).toBe(200);
      const entry = await lastAuditEntry(t);
      expect(entry).toMatchObject({
        action: 'session.sign-in',
        entity_type: 'account',
        entity_id: String(account.id),
      });
      expect(entry.actor_account_id).toBe(account.id);
      const listed = await admin.get(`/api/v1/accounts/${account.id}`);
      expect(listed.body.lastSignInAt).toEqual(expect.any(String));
    });

    it('rotates the session: signing in again gives a new cookie and the old cookie stops working', async () => {
      const account = await createAccount(t, 'evaluator');
      const client = t.anonymous();
      await client.signIn(account.email, account.password);
      const firstCookie = client.cookie(SESSION_COOKIE)!;
      const firstToken = client.csrfToken;

      const again = await client.signIn(account.email, account.password);

      expect(again.status).toBe(200);
      const secondCookie = client.cookie(SESSION_COOKIE)!;
      expect(secondCookie).toBeDefined();
      expect(secondCookie).not.toBe(firstCookie);
      expect(client.csrfToken).not.toBe(firstToken);
      expect(await signedInAccountOf(client)).toMatchObject({ email: account.email });
      expect(await signedInAccountOf(clientWithCookie(t, firstCookie))).toBeNull();
    });

    it('answers 401 INVALID_CREDENTIALS to a wrong password, exactly as to an unknown e-mail', async () => {
      const account = await createAccount(t, 'evaluator');

      const wrongPassword = await t.anonymous().signIn(account.email, 'not the password at all');
      const unknownEmail = await t
        .anonymous()
        .signIn(`nobody-${unique()}@example.jp`, 'not the password at all');

      expectProblem(wrongPassword, 401, 'INVALID_CREDENTIALS');
      expectProblem(unknownEmail, 401, 'INVALID_CREDENTIALS');
      const { requestId: _a, ...first } = wrongPassword.body;
      const { requestId: _b, ...second } = unknownEmail.body;
      expect(first).toEqual(second);
      expect(JSON.stringify(first)).not.toContain(account.email);
      expect(
        setCookieHeaders(wrongPassword.headers).filter((c) => c.startsWith(`${SESSION_COOKIE}=`)),
      ).toEqual([]);
    });

    it('answers 429 with Retry-After to the sixth failed attempt on one account, even with the right password', async () => {
      const account = await createAccount(t, 'evaluator');
      const client = t.anonymous();
      for (let attempt = 1; attempt <= 5; attempt += 1) {
        const res = await client.signIn(account.email, `wrong password ${attempt}`);
        expectProblem(res, 401, 'INVALID_CREDENTIALS');
      }

      const sixth = await client.signIn(account.email, 'wrong password 6');
      const rightPassword = await client.signIn(account.email, account.password);

      expectProblem(sixth, 429, 'RATE_LIMITED');
      const retryAfter = Number(sixth.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expectProblem(rightPassword, 429, 'RATE_LIMITED');
      expect(await signedInAccountOf(client)).toBeNull();
    });

    it('lets at most five of ten simultaneous wrong guesses through to the password check', async () => {
      const account = await createAccount(t, 'evaluator');
      const clients = await Promise.all(
        Array.from({ length: 10 }, async () => {
          const client = t.anonymous();
          client.remoteAddress = '192.0.2.55';
          client.csrfToken = (await client.get('/api/v1/auth/session')).body.csrfToken;
          return client;
        }),
      );

      const results = await Promise.all(
        clients.map((c) => c.post('/api/v1/auth/sign-in', { email: account.email, password: 'guess' })),
      );

      expect(results.filter((r) => r.status === 401).length).toBeLessThanOrEqual(5);
      expect(results.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(5);
    });

    it('lets the owner sign in from another address while a stranger is locked out', async () => {
      const account = await createAccount(t, 'evaluator');
      const stranger = t.anonymous();
      stranger.remoteAddress = '198.51.100.7';
      for (let attempt = 1; attempt <= 6; attempt += 1)
        await stranger.signIn(account.email, `guess ${attempt}`);
      expectProblem(await stranger.signIn(account.email, account.password), 429, 'RATE_LIMITED');

      const owner = t.anonymous();
      owner.remoteAddress = '203.0.113.20';
      const res = await owner.signIn(account.email, account.password);

      expect(res.status).toBe(200);
    });

    it('answers 401 to a write from the public before looking at its body', async () => {
      const res = await t
        .anonymous()
        .request('PATCH', '/api/v1/clusters/kyoto', { colour: 'red' }, { csrf: null });

      expectProblem(res, 401, 'UNAUTHENTICATED');
    });

    it('does not count failures on one account against another', async () => {
      const other = await createAccount(t, 'evaluator');

      const res = await t.anonymous().signIn(other.email, other.password);

      expect(res.status).toBe(200);
    });

    it('refuses 403 CSRF_TOKEN_INVALID when the double-submit token is missing or wrong', async () => {
      const account = await createAccount(t, 'evaluator');
      const body = { email: account.email, password: account.password };

      const noCookieNoHeader = await t.anonymous().post('/api/v1/auth/sign-in', body);
      const headerWithoutCookie = await t
        .anonymous()
        .request('POST', '/api/v1/auth/sign-in', body, { csrf: 'A'.repeat(32) });
      const withCookie = t.anonymous();
      await withCookie.get('/api/v1/auth/session');
      const cookieWithoutHeader = await withCookie.request('POST', '/api/v1/auth/sign-in', body, {
        csrf: null,
      });
      const cookieWithWrongHeader = await withCookie.request('POST', '/api/v1/auth/sign-in', body, {
        csrf: 'B'.repeat(32),
      });

      expectProblem(noCookieNoHeader, 403, 'CSRF_TOKEN_INVALID');
      expectProblem(headerWithoutCookie, 403, 'CSRF_TOKEN_INVALID');
      expectProblem(cookieWithoutHeader, 403, 'CSRF_TOKEN_INVALID');
      expectProblem(cookieWithWrongHeader, 403, 'CSRF_TOKEN_INVALID');
      expect(await signedInAccountOf(withCookie)).toBeNull();
    });

    it('answers 400 naming body.password when the password is missing', async () => {
      const client = t.anonymous();
      client.csrfToken = (await client.get('/api/v1/auth/session')).body.csrfToken;

      const res = await client.post('/api/v1/auth/sign-in', { email: 'someone@example.jp' });

      expectProblem(res, 400, 'VALIDATION_FAILED', 'body.password');
    });
  });

  describe('CSRF on state-changing requests with a session', () => {
    it('checks the token however the path is spelled (/%61pi/… reaches /api/… too)', async () => {
      const { client } = await signInNew(t, 'programme_officer');

      const res = await client.request('PATCH', '/%61pi/v1/auth/me', { locale: 'ja' }, { csrf: null });

      expectProblem(res, 403, 'CSRF_TOKEN_INVALID');
      expect(await signedInAccountOf(client)).toMatchObject({ locale: 'en' });
    });

    it('refuses a write without x-csrf-token with 403 CSRF_TOKEN_INVALID and changes nothing', async () => {
      const { client } = await signInNew(t, 'programme_officer');

      const res = await client.request('PATCH', '/api/v1/auth/me', { locale: 'ja' }, { csrf: null });

      expectProblem(res, 403, 'CSRF_TOKEN_INVALID');
      expect(await signedInAccountOf(client)).toMatchObject({ locale: 'en' });
    });

    it('refuses a write with a wrong x-csrf-token with 403 and changes nothing', async () => {
      const { client } = await signInNew(t, 'programme_officer');

      const res = await client.request(
        'PATCH',
        '/api/v1/clusters/kyoto',
        { version: 1, name: { en: 'Hijacked' } },
        { csrf: 'x'.repeat(32) },
      );

      expectProblem(res, 403, 'CSRF_TOKEN_INVALID');
      const kyoto = await t.anonymous().get('/api/v1/clusters/kyoto');
      expect(kyoto.body.name.en).toBe('Kyoto');
    });

    it('refuses the CSRF token of another session', async () => {
      const first = await signInNew(t, 'programme_officer');
      const second = await signInNew(t, 'programme_officer');

      const res = await first.client.request(
        'PATCH',
        '/api/v1/auth/me',
        { locale: 'ja' },
        { csrf: second.client.csrfToken },
      );

      expectProblem(res, 403, 'CSRF_TOKEN_INVALID');
    });

    it('checks the token before it looks at the body (a forged request learns nothing from validation)', async () => {
      const { client } = await signInNew(t, 'programme_officer');

      const res = await client.request('PATCH', '/api/v1/clusters/kyoto', { colour: 'red' }, { csrf: null });

      expectProblem(res, 403, 'CSRF_TOKEN_INVALID');
    });

    it('needs no token for reads', async () => {
      const { client } = await signInNew(t, 'programme_officer');
      client.csrfToken = null;

      const res = await client.get('/api/v1/clusters');

      expect(res.status).toBe(200);
    });
  });

  describe('POST /api/v1/auth/sign-out', () => {
    it('ends the session: the cookie is cleared and no longer works if replayed', async () => {
      const { client, email } = await signInNew(t, 'evaluator');
      const cookie = client.cookie(SESSION_COOKIE)!;

      const res = await client.post('/api/v1/auth/sign-out');

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true });
      const cleared = setCookieHeaders(res.headers).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
      expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
      expect(client.cookie(SESSION_COOKIE)).toBeUndefined();
      expect(await signedInAccountOf(client)).toBeNull();
      expect(await signedInAccountOf(clientWithCookie(t, cookie))).toBeNull();
      const entry = await lastAuditEntry(t);
      expect(entry).toMatchObject({ action: 'session.sign-out', actor_label: email });
    });

    it('answers ok to the public, with nothing to end', async () => {
      const res = await t.anonymous().post('/api/v1/auth/sign-out');

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true });
    });
  });

  describe('session expiry', () => {
    it('treats a session idle for longer than the idle limit as signed out', async () => {
      const { client, id } = await signInNew(t, 'programme_officer');
      const threeHoursAgo = new Date(Date.now() - 3 * 3_600_000).toISOString();
      await sql`update sessions set last_seen_at = ${threeHoursAgo} where account_id = ${id}`.execute(
        t.database.db,
      );

      const session = await signedInAccountOf(client);
      const write = await client.patch('/api/v1/auth/me', { locale: 'ja' });

      expect(session).toBeNull();
      expectProblem(write, 401, 'UNAUTHENTICATED');
    });

    it('keeps a session that was active within the idle limit', async () => {
      const { client, id } = await signInNew(t, 'programme_officer');
      const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString();
      await sql`update sessions set last_seen_at = ${tenMinutesAgo} where account_id = ${id}`.execute(
        t.database.db,
      );

      expect(await signedInAccountOf(client)).not.toBeNull();
    });

    it('treats a session past its absolute expiry as signed out, however active', async () => {
      const { client, id } = await signInNew(t, 'programme_officer');
      const past = new Date(Date.now() - 60_000).toISOString();
      await sql`update sessions set expires_at = ${past} where account_id = ${id}`.execute(t.database.db);

      expect(await signedInAccountOf(client)).toBeNull();
    });
  });

  describe('disabled accounts', () => {
    it('end their sessions and cannot sign in again until enabled', async () => {
      const target = await signInNew(t, 'cluster_headquarters', { clusterKey: 'sapporo' });
      const before = await admin.get(`/api/v1/accounts/${target.id}`);

      const disabled = await admin.patch(`/api/v1/accounts/${target.id}`, {
        version: before.body.version,
        status: 'disabled',
      });

      expect(disabled.status).toBe(200);
      expect(disabled.body.status).toBe('disabled');
      expect(await signedInAccountOf(target.client)).toBeNull();
      const write = await target.client.patch('/api/v1/clusters/sapporo', {
        version: 1,
        name: { en: 'Sapporo!' },
      });
      expectProblem(write, 401, 'UNAUTHENTICATED');
      const signIn = await t.anonymous().signIn(target.email, target.password);
      expectProblem(signIn, 403, 'ACCOUNT_DISABLED');

      const enabled = await admin.patch(`/api/v1/accounts/${target.id}`, {
        version: disabled.body.version,
        status: 'active',
      });
      expect(enabled.status).toBe(200);
      expect((await t.anonymous().signIn(target.email, target.password)).status).toBe(200);
    });

    it('do not reveal that they are disabled to someone without the password', async () => {
      const account = await createAccount(t, 'evaluator');
      const current = await admin.get(`/api/v1/accounts/${account.id}`);
      await admin.patch(`/api/v1/accounts/${account.id}`, {
        version: current.body.version,
        status: 'disabled',
      });

      const res = await t.anonymous().signIn(account.email, 'a guessed password');

      expectProblem(res, 401, 'INVALID_CREDENTIALS');
    });
  });

  describe('PATCH /api/v1/auth/me', () => {
    it('changes the language and display name of the signed-in account and audits it', async () => {
      const { client, id } = await signInNew(t, 'evaluator');

      const res = await client.patch('/api/v1/auth/me', { locale: 'ja', displayName: '評価 花子' });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id, locale: 'ja', displayName: '評価 花子' });
      expect(await signedInAccountOf(client)).toMatchObject({ locale: 'ja', displayName: '評価 花子' });
      const entry = await lastAuditEntry(t);
      expect(entry).toMatchObject({
        action: 'account.update-self',
        entity_id: String(id),
        actor_account_id: id,
      });
      expect(JSON.parse(entry.before_json!)).toMatchObject({ locale: 'en' });
      expect(JSON.parse(entry.after_json!)).toMatchObject({ locale: 'ja' });
    });

    it('answers 400 naming body.locale for an unsupported language', async () => {
      const { client } = await signInNew(t, 'evaluator');

      const res = await client.patch('/api/v1/auth/me', { locale: 'fr' });

      expectProblem(res, 400, 'VALIDATION_FAILED', 'body.locale');
    });

    it('answers 401 to the public', async () => {
      const res = await t.anonymous().patch('/api/v1/auth/me', { locale: 'ja' });

      expectProblem(res, 401, 'UNAUTHENTICATED');
    });
  });

  describe('POST /api/v1/auth/password', () => {
    it('answers 400 naming body.currentPassword when the current password is wrong, and changes nothing', async () => {
      const account = await signInNew(t, 'evaluator');

      const res = await account.client.post('/api/v1/auth/password', {
        currentPassword: 'not my password',
        newPassword: 'a brand new long password',
      });

      expectProblem(res, 400, 'VALIDATION_FAILED', 'body.currentPassword');
      expect((await t.anonymous().signIn(account.email, account.password)).status).toBe(200);
    });

    it('answers 400 naming body.newPassword when the new password is shorter than 12 characters', async () => {
      const account = await signInNew(t, 'evaluator');

      const res = await account.client.post('/api/v1/auth/password', {
        currentPassword: account.password,
        newPassword: 'short',
      });

      expectProblem(res, 400, 'VALIDATION_FAILED', 'body.newPassword');
    });

    it('changes the password: the new one signs in, the old one does not, other sessions end and this one stays', async () => {
      const account = await signInNew(t, 'evaluator');
      const otherDevice = t.anonymous();
      await otherDevice.signIn(account.email, account.password);
      const newPassword = `a brand new long password ${unique()}`;

      const res = await account.client.post('/api/v1/auth/password', {
        currentPassword: account.password,
        newPassword,
      });

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ ok: true });
      expect(await signedInAccountOf(account.client)).toMatchObject({ email: account.email });
      expect(await signedInAccountOf(otherDevice)).toBeNull();
      expectProblem(await t.anonymous().signIn(account.email, account.password), 401, 'INVALID_CREDENTIALS');
      expect((await t.anonymous().signIn(account.email, newPassword)).status).toBe(200);
      const audit = await admin.get(`/api/v1/audit?entityType=account&entityId=${account.id}`);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('account.change-password');
    });

    it('never answers ok while keeping the old password, even if the account changes meanwhile', async () => {
      const account = await signInNew(t, 'evaluator');
      const newPassword = `a brand new long password ${unique()}`;

      // The language change lands while the new password is being hashed.
      const [changed] = await Promise.all([
        account.client.post('/api/v1/auth/password', { currentPassword: account.password, newPassword }),
        new Promise((resolve) => setTimeout(resolve, 5)).then(() =>
          account.client.patch('/api/v1/auth/me', { locale: 'ja' }),
        ),
      ]);

      if (changed.status === 200) {
        expect((await t.anonymous().signIn(account.email, newPassword)).status).toBe(200);
      } else {
        expectProblem(changed, 409, 'VERSION_CONFLICT');
        expect((await t.anonymous().signIn(account.email, account.password)).status).toBe(200);
      }
    });

    it('answers 401 to the public', async () => {
      const res = await t.anonymous().post('/api/v1/auth/password', {
        currentPassword: 'whatever it is',
        newPassword: 'a brand new long password',
      });

      expectProblem(res, 401, 'UNAUTHENTICATED');
    });
  });

  // Last: it locks 127.0.0.1 (every injected request's address) out of signing in for this app.
  describe('sign-in limit per client address', () => {
    it('answers 429 once one address has failed 30 times in the window, whatever the account', async () => {
      const account = await createAccount(t, 'evaluator');
      let res = await t.anonymous().signIn(`guess-0-${unique()}@example.jp`, 'wrong password');
      for (let attempt = 1; attempt <= 31 && res.status === 401; attempt += 1) {
        res = await t.anonymous().signIn(`guess-${attempt}-${unique()}@example.jp`, 'wrong password');
      }

      expectProblem(res, 429, 'RATE_LIMITED');
      const rightPassword = await t.anonymous().signIn(account.email, account.password);
      expectProblem(rightPassword, 429, 'RATE_LIMITED');
      expect(Number(rightPassword.headers['retry-after'])).toBeGreaterThan(0);
    });
  });
});
