import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import {
  createAccount,
  createOrganization,
  createPerson,
  expectProblem,
  lastAuditEntry,
  signInNew,
  snapshotCounts,
  unique,
} from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

const GENERATED_PASSWORD = /^[a-km-zA-HJ-NP-Z2-9]{5}(-[a-km-zA-HJ-NP-Z2-9]{5}){3}$/;

function newAccountBody(overrides: Record<string, unknown> = {}) {
  const n = unique();
  return { email: `new-${n}@example.jp`, displayName: `New Person ${n}`, locale: 'ja', ...overrides };
}

describe.each(ENGINES)('accounts on %s', (engine) => {
  let t: TestApp;
  let admin: HttpClient;
  let adminId: number;
  let sapporoId: number;
  beforeAll(async () => {
    t = await buildTestApp(engine);
    const signedIn = await signInNew(t, 'administrator');
    admin = signedIn.client;
    adminId = signedIn.id;
    sapporoId = (await t.anonymous().get('/api/v1/clusters/sapporo')).body.id;
  });
  afterAll(async () => t?.close());

  describe('POST /api/v1/accounts', () => {
    it('creates an account without a password, returning a generated one once, which signs in', async () => {
      const body = newAccountBody();

      const res = await admin.post('/api/v1/accounts', body);

      expect(res.status).toBe(201);
      expect(res.body.account).toMatchObject({
        email: body.email,
        displayName: body.displayName,
        locale: 'ja',
        status: 'active',
        grants: [],
        lastSignInAt: null,
        version: 1,
      });
      expect(res.body.generatedPassword).toMatch(GENERATED_PASSWORD);
      const again = await admin.get(`/api/v1/accounts/${res.body.account.id}`);
      expect(JSON.stringify(again.body)).not.toContain(res.body.generatedPassword);
      expect(JSON.stringify(again.body)).not.toMatch(/argon2|password/i);
      const signIn = await t.anonymous().signIn(body.email, res.body.generatedPassword);
      expect(signIn.status).toBe(200);
    });

    it('does not put the generated password in the audit log', async () => {
      const res = await admin.post('/api/v1/accounts', newAccountBody());

      const entry = await lastAuditEntry(t);
      expect(entry).toMatchObject({
        action: 'account.create',
        entity_id: String(res.body.account.id),
        actor_account_id: adminId,
      });
      expect(JSON.stringify(entry)).not.toContain(res.body.generatedPassword);
      expect(entry.after_json).not.toMatch(/argon2/);
    });

    it('uses a password given by the administrator and generates none', async () => {
      const body = newAccountBody({ password: 'chosen by the administrator' });

      const res = await admin.post('/api/v1/accounts', body);

      expect(res.status).toBe(201);
      expect(res.body.generatedPassword).toBeNull();
      expect((await t.anonymous().signIn(body.email, 'chosen by the administrator')).status).toBe(200);
    });

    it('creates a Sapporo headquarters grant from clusterKey, which lets the account edit Sapporo', async () => {
      const body = newAccountBody({
        password: 'headquarters password',
        grants: [{ role: 'cluster_headquarters', clusterKey: 'sapporo' }],
      });

      const res = await admin.post('/api/v1/accounts', body);

      expect(res.status).toBe(201);
      expect(res.body.account.grants).toEqual([
        {
          id: expect.any(Number),
          role: 'cluster_headquarters',
          scopeType: 'cluster',
          scopeId: sapporoId,
          scopeLabel: 'sapporo',
        },
      ]);
      const client = t.anonymous();
      await client.signIn(body.email, 'headquarters password');
      const sapporo = await client.get('/api/v1/clusters/sapporo');
      expect(sapporo.body.canEdit).toBe(true);
      const edit = await client.patch('/api/v1/clusters/sapporo', {
        version: sapporo.body.version,
        summary: { en: 'Edited by HQ' },
      });
      expect(edit.status).toBe(200);
    });

    it('lowercases the e-mail address', async () => {
      const n = unique();

      const res = await admin.post('/api/v1/accounts', newAccountBody({ email: `MiXeD-${n}@Example.JP` }));

      expect(res.body.account.email).toBe(`mixed-${n}@example.jp`);
    });

    it('rejects an unknown clusterKey with 422 naming body.grants.0.clusterKey and writes nothing', async () => {
      const before = await snapshotCounts(t);

      const res = await admin.post(
        '/api/v1/accounts',
        newAccountBody({ grants: [{ role: 'cluster_headquarters', clusterKey: 'atlantis' }] }),
      );

      expectProblem(res, 422, 'UNKNOWN_REFERENCE', 'body.grants.0.clusterKey');
      expect(await snapshotCounts(t)).toEqual(before);
    });

    it('rejects a headquarters grant without a cluster with 400 naming the grant and writes nothing', async () => {
      const before = await snapshotCounts(t);

      const res = await admin.post(
        '/api/v1/accounts',
        newAccountBody({ grants: [{ role: 'cluster_headquarters' }] }),
      );

      expectProblem(res, 400, 'VALIDATION_FAILED', 'body.grants.0');
      expect(await snapshotCounts(t)).toEqual(before);
    });

    it('creates a partner company grant scoped to an existing organization', async () => {
      const officer = await t.signInAs('programme_officer');
      const company = await createOrganization(officer, { kind: 'company' });

      const res = await admin.post(
        '/api/v1/accounts',
        newAccountBody({
          grants: [{ role: 'partner_company', scopeType: 'organization', scopeId: company.id }],
        }),
      );

      expect(res.status).toBe(201);
      expect(res.body.account.grants).toEqual([
        expect.objectContaining({ role: 'partner_company', scopeType: 'organization', scopeId: company.id }),
      ]);
    });

    it('rejects a partner company grant naming an unknown organization with 422 and writes nothing', async () => {
      const before = await snapshotCounts(t);

      const res = await admin.post(
        '/api/v1/accounts',
        newAccountBody({ grants: [{ role: 'partner_company', scopeType: 'organization', scopeId: 987654 }] }),
      );

      expectProblem(res, 422, 'UNKNOWN_REFERENCE', 'body.grants.0.scopeId');
      expect(await snapshotCounts(t)).toEqual(before);
    });

    it('writes nothing when the second of two grants is bad', async () => {
      const before = await snapshotCounts(t);
      const body = newAccountBody({
        grants: [{ role: 'evaluator' }, { role: 'cluster_headquarters', clusterKey: 'atlantis' }],
      });

      const res = await admin.post('/api/v1/accounts', body);

      expectProblem(res, 422, 'UNKNOWN_REFERENCE', 'body.grants.1.clusterKey');
      expect(await snapshotCounts(t)).toEqual(before);
      expect((await admin.get(`/api/v1/accounts?q=${body.email}`)).body.total).toBe(0);
    });

    it('rejects an e-mail address already in use, in any letter case, with 409 DUPLICATE naming body.email', async () => {
      const existing = await createAccount(t, 'evaluator');
      const before = await snapshotCounts(t);

      const res = await admin.post(
        '/api/v1/accounts',
        newAccountBody({ email: existing.email.toUpperCase() }),
      );

      expectProblem(res, 409, 'DUPLICATE', 'body.email');
      expect(await snapshotCounts(t)).toEqual(before);
    });

    it('answers 409, not 500, to the second of two simultaneous creates with one e-mail address', async () => {
      const body = newAccountBody({ password: 'a long enough password' });

      const answers = await Promise.all([
        admin.post('/api/v1/accounts', body),
        admin.post('/api/v1/accounts', body),
      ]);

      expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
      expectProblem(
        answers.find((r) => r.status !== 201)!,
        409,
        'DUPLICATE',
        'body.email',
      );
      expect((await admin.get(`/api/v1/accounts?q=${body.email}`)).body.total).toBe(1);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a bad e-mail address', { email: 'not-an-address' }, 'body.email'],
      ['a password shorter than 12 characters', { password: 'short' }, 'body.password'],
      ['an empty display name', { displayName: '  ' }, 'body.displayName'],
      ['an unknown role', { grants: [{ role: 'emperor' }] }, 'body.grants.0.role'],
      ['an unknown locale', { locale: 'de' }, 'body.locale'],
    ])('rejects %s with 400 naming the field', async (_label, overrides, field) => {
      const res = await admin.post('/api/v1/accounts', newAccountBody(overrides));

      expectProblem(res, 400, 'VALIDATION_FAILED', field);
    });
  });

  describe('GET /api/v1/accounts', () => {
    it('searches by e-mail or display name and filters by role, with pagination', async () => {
      const tag = `findme${unique()}`;
      const officerA = await createAccount(t, 'programme_officer', { email: `${tag}-a@example.jp` });
      const officerB = await createAccount(t, 'programme_officer', { email: `${tag}-b@example.jp` });
      const evaluator = await createAccount(t, 'evaluator', { email: `${tag}-c@example.jp` });

      const all = await admin.get(`/api/v1/accounts?q=${tag}`);
      const officers = await admin.get(`/api/v1/accounts?q=${tag}&role=programme_officer`);
      const secondPage = await admin.get(`/api/v1/accounts?q=${tag}&limit=2&offset=2`);
      const byName = await admin.get(
        `/api/v1/accounts?q=${encodeURIComponent('PROGRAMME_OFFICER')}&role=evaluator`,
      );

      expect(all.body.total).toBe(3);
      expect(all.body.items.map((a: { id: number }) => a.id)).toEqual([
        officerA.id,
        officerB.id,
        evaluator.id,
      ]);
      expect(officers.body).toMatchObject({ total: 2 });
      expect(officers.body.items.map((a: { id: number }) => a.id)).toEqual([officerA.id, officerB.id]);
      expect(secondPage.body).toMatchObject({ total: 3, limit: 2, offset: 2 });
      expect(secondPage.body.items.map((a: { id: number }) => a.id)).toEqual([evaluator.id]);
      expect(byName.body.total).toBe(0);
    });

    it('does not list an account under a role whose grant was revoked', async () => {
      const account = await createAccount(t, 'weighting_member');
      const grantId = (await admin.get(`/api/v1/accounts/${account.id}`)).body.grants[0].id;
      await admin.post(`/api/v1/accounts/${account.id}/grants/${grantId}/revoke`);

      const res = await admin.get(`/api/v1/accounts?q=${account.email}&role=weighting_member`);

      expect(res.body.total).toBe(0);
    });
  });

  describe('GET /api/v1/accounts/:id', () => {
    it('answers 404 for an unknown id', async () => {
      const res = await admin.get('/api/v1/accounts/987654');

      expectProblem(res, 404, 'NOT_FOUND');
    });
  });

  describe('PATCH /api/v1/accounts/:id', () => {
    it('renames an account at its version and audits before and after', async () => {
      const account = await createAccount(t, 'evaluator');

      const res = await admin.patch(`/api/v1/accounts/${account.id}`, {
        version: 1,
        displayName: 'Renamed',
        locale: 'ja',
      });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ displayName: 'Renamed', locale: 'ja', version: 2 });
      const entry = await lastAuditEntry(t);
      expect(entry).toMatchObject({ action: 'account.update', entity_id: String(account.id) });
      expect(JSON.parse(entry.after_json!)).toMatchObject({ displayName: 'Renamed', version: 2 });
    });

    it('rejects a stale version with 409 and changes nothing', async () => {
      const account = await createAccount(t, 'evaluator');
      await admin.patch(`/api/v1/accounts/${account.id}`, { version: 1, displayName: 'First' });
      const before = await snapshotCounts(t);

      const res = await admin.patch(`/api/v1/accounts/${account.id}`, { version: 1, status: 'disabled' });

      expectProblem(res, 409, 'VERSION_CONFLICT', 'body.version');
      expect((await admin.get(`/api/v1/accounts/${account.id}`)).body).toMatchObject({
        displayName: 'First',
        status: 'active',
      });
      expect(await snapshotCounts(t)).toEqual(before);
    });

    it('refuses 422 when administrators try to disable themselves', async () => {
      const me = await admin.get(`/api/v1/accounts/${adminId}`);

      const res = await admin.patch(`/api/v1/accounts/${adminId}`, {
        version: me.body.version,
        status: 'disabled',
      });

      expectProblem(res, 422, 'RULE_VIOLATION', 'body.status');
      expect((await admin.get(`/api/v1/accounts/${adminId}`)).body.status).toBe('active');
    });
  });

  describe('the person behind an account', () => {
    it('links an account to a person on creation and by update, with the affiliation shown, audited', async () => {
      const university = await createOrganization(admin, { kind: 'university', prefectureCode: '01' });
      const person = await createPerson(admin, { organizationId: university.id });
      const made = await admin.post('/api/v1/accounts', newAccountBody({ personId: person.id }));
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      expect(made.body.account.person).toMatchObject({
        id: person.id,
        organization: { id: university.id, kind: 'university' },
      });

      const other = (await admin.post('/api/v1/accounts', newAccountBody())).body.account;
      expect(other.person).toBeNull();
      const second = await createPerson(admin);
      const linked = await admin.patch(`/api/v1/accounts/${other.id}`, {
        version: other.version,
        personId: second.id,
      });
      expect(linked.status, JSON.stringify(linked.body)).toBe(200);
      expect(linked.body.person).toMatchObject({ id: second.id, organization: null });
      const entry = await lastAuditEntry(t);
      expect(entry.action).toBe('account.update');
      expect(JSON.parse(entry.after_json!)).toMatchObject({ personId: second.id });
      const unlinked = await admin.patch(`/api/v1/accounts/${other.id}`, {
        version: linked.body.version,
        personId: null,
      });
      expect(unlinked.body.person).toBeNull();
    });

    it('refuses an unknown person and a person linked to another account, writing nothing', async () => {
      const person = await createPerson(admin);
      const first = await admin.post('/api/v1/accounts', newAccountBody({ personId: person.id }));
      expect(first.status).toBe(201);
      const before = await snapshotCounts(t);
      expectProblem(
        await admin.post('/api/v1/accounts', newAccountBody({ personId: person.id })),
        409,
        'DUPLICATE',
        'body.personId',
      );
      expectProblem(
        await admin.post('/api/v1/accounts', newAccountBody({ personId: 9_999_999 })),
        422,
        'UNKNOWN_REFERENCE',
        'body.personId',
      );
      const other = (await admin.post('/api/v1/accounts', newAccountBody())).body.account;
      const after = await snapshotCounts(t);
      expectProblem(
        await admin.patch(`/api/v1/accounts/${other.id}`, { version: other.version, personId: person.id }),
        409,
        'DUPLICATE',
        'body.personId',
      );
      expectProblem(
        await admin.patch(`/api/v1/accounts/${other.id}`, { version: other.version, personId: 'x' }),
        400,
        'VALIDATION_FAILED',
        'body.personId',
      );
      expect(await snapshotCounts(t)).toEqual(after);
      expect(after.accounts).toBe(before.accounts! + 1);
      // Re-linking an account to its own person is no conflict.
      const self = await admin.patch(`/api/v1/accounts/${first.body.account.id}`, {
        version: first.body.account.version,
        personId: person.id,
      });
      expect(self.status, JSON.stringify(self.body)).toBe(200);
    });
  });

  describe('POST /api/v1/accounts/:id/grants', () => {
    it('adds a role, which takes effect on the account’s next request', async () => {
      const account = await signInNew(t, 'evaluator');
      expect((await account.client.get('/api/v1/accounts')).status).toBe(403);

      const res = await admin.post(`/api/v1/accounts/${account.id}/grants`, { role: 'administrator' });

      expect(res.status).toBe(200);
      expect(res.body.grants.map((g: { role: string }) => g.role)).toEqual(['evaluator', 'administrator']);
      expect((await account.client.get('/api/v1/accounts')).status).toBe(200);
      expect(await lastAuditEntry(t)).toMatchObject({ action: 'grant.add', entity_id: String(account.id) });
    });

    it('adds a headquarters grant by clusterKey', async () => {
      const account = await createAccount(t, null);

      const res = await admin.post(`/api/v1/accounts/${account.id}/grants`, {
        role: 'cluster_headquarters',
        clusterKey: 'kyoto',
      });

      expect(res.status).toBe(200);
      expect(res.body.grants).toEqual([
        expect.objectContaining({ role: 'cluster_headquarters', scopeLabel: 'kyoto' }),
      ]);
    });

    it('rejects a grant the account already holds with 409', async () => {
      const account = await createAccount(t, 'evaluator');

      const res = await admin.post(`/api/v1/accounts/${account.id}/grants`, { role: 'evaluator' });

      expectProblem(res, 409, 'DUPLICATE');
    });

    it('rejects an unknown cluster with 422 naming body.clusterKey', async () => {
      const account = await createAccount(t, null);

      const res = await admin.post(`/api/v1/accounts/${account.id}/grants`, {
        role: 'cluster_headquarters',
        clusterKey: 'atlantis',
      });

      expectProblem(res, 422, 'UNKNOWN_REFERENCE', 'body.clusterKey');
    });

    it('answers 404 for an unknown account', async () => {
      const res = await admin.post('/api/v1/accounts/987654/grants', { role: 'evaluator' });

      expectProblem(res, 404, 'NOT_FOUND');
    });
  });

  describe('POST /api/v1/accounts/:id/grants/:grantId/revoke', () => {
    it('revokes a grant, which takes effect at once, keeping it out of the account’s grants', async () => {
      const hq = await signInNew(t, 'cluster_headquarters', { clusterKey: 'sapporo' });
      const grantId = (await admin.get(`/api/v1/accounts/${hq.id}`)).body.grants[0].id;

      const res = await admin.post(`/api/v1/accounts/${hq.id}/grants/${grantId}/revoke`);

      expect(res.status).toBe(200);
      expect(res.body.grants).toEqual([]);
      const sapporo = await hq.client.get('/api/v1/clusters/sapporo');
      const edit = await hq.client.patch('/api/v1/clusters/sapporo', {
        version: sapporo.body.version,
        summary: { en: 'x' },
      });
      expectProblem(edit, 403, 'FORBIDDEN');
      const entry = await lastAuditEntry(t);
      expect(entry).toMatchObject({ action: 'grant.revoke', entity_id: String(hq.id) });
      expect(JSON.parse(entry.before_json!)).toMatchObject({ id: grantId, role: 'cluster_headquarters' });
    });

    it('answers 404 for a grant already revoked or of another account', async () => {
      const first = await createAccount(t, 'evaluator');
      const second = await createAccount(t, 'evaluator');
      const grantId = (await admin.get(`/api/v1/accounts/${first.id}`)).body.grants[0].id;
      await admin.post(`/api/v1/accounts/${first.id}/grants/${grantId}/revoke`);

      const again = await admin.post(`/api/v1/accounts/${first.id}/grants/${grantId}/revoke`);
      const otherAccount = await admin.post(`/api/v1/accounts/${second.id}/grants/${grantId}/revoke`);

      expectProblem(again, 404, 'NOT_FOUND');
      expectProblem(otherAccount, 404, 'NOT_FOUND');
    });

    it('refuses 422 when administrators try to revoke their own administrator grant', async () => {
      const ownGrant = (await admin.get(`/api/v1/accounts/${adminId}`)).body.grants.find(
        (g: { role: string }) => g.role === 'administrator',
      );
      const before = await snapshotCounts(t);

      const res = await admin.post(`/api/v1/accounts/${adminId}/grants/${ownGrant.id}/revoke`);

      expectProblem(res, 422, 'RULE_VIOLATION');
      expect((await admin.get('/api/v1/accounts?limit=1')).status).toBe(200);
      expect(await snapshotCounts(t)).toEqual(before);
    });

    it('answers a client error, not 500, for ids beyond the id range', async () => {
      const res = await admin.post('/api/v1/accounts/99999999999/grants/99999999999/revoke');

      expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
    });
  });

  describe('POST /api/v1/accounts/:id/reset-password', () => {
    it('sets a new generated password shown once: it signs in, the old one does not, and sessions end', async () => {
      const account = await signInNew(t, 'evaluator');

      const res = await admin.post(`/api/v1/accounts/${account.id}/reset-password`);

      expect(res.status).toBe(200);
      expect(res.body.generatedPassword).toMatch(GENERATED_PASSWORD);
      expect((await account.client.get('/api/v1/auth/session')).body.account).toBeNull();
      expectProblem(await t.anonymous().signIn(account.email, account.password), 401, 'INVALID_CREDENTIALS');
      expect((await t.anonymous().signIn(account.email, res.body.generatedPassword)).status).toBe(200);
      const entry = (
        await admin.get(`/api/v1/audit?entityType=account&entityId=${account.id}`)
      ).body.items.find((e: { action: string }) => e.action === 'account.reset-password');
      expect(entry).toBeDefined();
      expect(JSON.stringify(entry)).not.toContain(res.body.generatedPassword);
    });

    it('answers 404 for an unknown account', async () => {
      const res = await admin.post('/api/v1/accounts/987654/reset-password');

      expectProblem(res, 404, 'NOT_FOUND');
    });
  });
});
