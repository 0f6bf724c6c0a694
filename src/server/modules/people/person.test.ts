import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import {
  createOrganization,
  createPerson,
  expectProblem,
  lastAuditEntry,
  personBody,
  signInNew,
  snapshotCounts,
  unique,
} from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

describe.each(ENGINES)('people on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let admin: HttpClient;
  let hqSapporo: HttpClient;
  let evaluator: HttpClient;
  let coordinator: HttpClient;
  let partner: HttpClient;
  beforeAll(async () => {
    t = await buildTestApp(engine);
    [officer, admin, hqSapporo, evaluator, coordinator] = await Promise.all([
      t.signInAs('programme_officer'),
      t.signInAs('administrator'),
      t.signInAs('cluster_headquarters', { clusterKey: 'sapporo' }),
      t.signInAs('evaluator'),
      t.signInAs('coordinator'),
    ]);
    // A partner company's grant names its organization, which signInAs cannot express.
    const company = await createOrganization(officer, { kind: 'company' });
    partner = (await signInNew(t, 'partner_company', { scopeType: 'organization', scopeId: company.id }))
      .client;
  });
  afterAll(async () => t?.close());

  describe('POST /api/v1/people', () => {
    it('lets a programme officer add a person with an organization, and audits it', async () => {
      const organization = await createOrganization(officer);
      const body = personBody({ organizationId: organization.id });

      const res = await officer.post('/api/v1/people', body);

      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        name: body.name,
        organization: { id: organization.id, name: organization.name },
        title: { ja: '教授', en: 'Professor' },
        email: body.email,
        withdrawnAt: null,
        version: 1,
      });
      const entry = await lastAuditEntry(t);
      expect(entry).toMatchObject({
        action: 'person.create',
        entity_type: 'person',
        entity_id: String(res.body.id),
      });
      expect(JSON.parse(entry.after_json!)).toMatchObject({
        nameEn: body.name.en,
        organizationId: organization.id,
      });
    });

    it('lets cluster headquarters add a person', async () => {
      const res = await hqSapporo.post('/api/v1/people', personBody());

      expect(res.status).toBe(201);
    });

    it('answers 403 to an evaluator and 401 to the public, writing nothing', async () => {
      const before = await snapshotCounts(t);

      const asEvaluator = await evaluator.post('/api/v1/people', personBody());
      const asPublic = await t.anonymous().post('/api/v1/people', personBody());

      expectProblem(asEvaluator, 403, 'FORBIDDEN');
      expectProblem(asPublic, 401, 'UNAUTHENTICATED');
      expect(await snapshotCounts(t)).toEqual(before);
    });

    it.each<[string, Record<string, unknown>, number, string, string]>([
      ['a bad e-mail address', { email: 'taro at example' }, 400, 'VALIDATION_FAILED', 'body.email'],
      [
        'a 101-character name',
        { name: { ja: '', en: 'x'.repeat(101) } },
        400,
        'VALIDATION_FAILED',
        'body.name.en',
      ],
      ['no name', { name: undefined }, 400, 'VALIDATION_FAILED', 'body.name'],
      [
        'an organization id that is text',
        { organizationId: '1' },
        400,
        'VALIDATION_FAILED',
        'body.organizationId',
      ],
      [
        'an unknown organization',
        { organizationId: 987654 },
        422,
        'UNKNOWN_REFERENCE',
        'body.organizationId',
      ],
    ])('rejects %s, naming the field, and writes nothing', async (_label, overrides, status, code, field) => {
      const before = await snapshotCounts(t);

      const res = await officer.post('/api/v1/people', personBody(overrides));

      expectProblem(res, status, code, field);
      expect(await snapshotCounts(t)).toEqual(before);
    });
  });

  describe('e-mail addresses', () => {
    let personId: number;
    let email: string;
    beforeAll(async () => {
      const person = await createPerson(officer);
      personId = person.id;
      email = person.email;
    });

    it.each([
      ['the public', () => t.anonymous()],
      ['an evaluator', () => evaluator],
      ['a partner company', () => partner],
    ])('are hidden from %s, in the detail and in the list', async (_who, client) => {
      const detail = await client().get(`/api/v1/people/${personId}`);
      const list = await client().get(`/api/v1/people?q=${encodeURIComponent(detail.body.name.en)}`);

      expect(detail.status).toBe(200);
      expect(detail.body.email).toBeNull();
      expect(list.body.items).toEqual([expect.objectContaining({ id: personId, email: null })]);
      expect(JSON.stringify([detail.body, list.body])).not.toContain(email);
    });

    it.each([
      ['a programme officer', () => officer],
      ['a coordinator', () => coordinator],
      ['an administrator', () => admin],
    ])('are shown to %s, in the detail and in the list', async (_who, client) => {
      const detail = await client().get(`/api/v1/people/${personId}`);
      const list = await client().get(`/api/v1/people?q=${encodeURIComponent(detail.body.name.en)}`);

      expect(detail.body.email).toBe(email);
      expect(list.body.items).toEqual([expect.objectContaining({ id: personId, email })]);
    });
  });

  describe('GET /api/v1/people', () => {
    it('pages with limit and offset and reports the total', async () => {
      const tag = `Paging${unique()}`;
      for (const letter of ['B', 'C', 'A']) {
        await createPerson(officer, { name: { ja: '', en: `${tag} ${letter}` } });
      }

      const first = await t.anonymous().get(`/api/v1/people?q=${tag}&limit=2`);
      const last = await t.anonymous().get(`/api/v1/people?q=${tag}&limit=2&offset=2`);

      expect(first.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
      expect(first.body.items.map((p: { name: { en: string } }) => p.name.en)).toEqual([
        `${tag} A`,
        `${tag} B`,
      ]);
      expect(last.body.items.map((p: { name: { en: string } }) => p.name.en)).toEqual([`${tag} C`]);
    });

    it('filters by organization', async () => {
      const organization = await createOrganization(officer);
      const member = await createPerson(officer, { organizationId: organization.id });
      await createPerson(officer);

      const res = await t.anonymous().get(`/api/v1/people?organizationId=${organization.id}`);

      expect(res.body).toMatchObject({ total: 1, items: [expect.objectContaining({ id: member.id })] });
    });

    it('answers a client error, not 500, for an organizationId beyond the id range', async () => {
      const res = await t.anonymous().get('/api/v1/people?organizationId=99999999999');

      expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
      if (res.status === 200) expect(res.body.total).toBe(0);
      else expectProblem(res, 400, 'VALIDATION_FAILED');
    });
  });

  describe('GET /api/v1/people/:id', () => {
    it('answers 404 problem+json for an unknown id', async () => {
      const res = await t.anonymous().get('/api/v1/people/987654');

      expectProblem(res, 404, 'NOT_FOUND');
    });
  });

  describe('POST /api/v1/people/:id/withdraw', () => {
    it('withdraws the person, keeps it readable and audits it; a second withdrawal is refused', async () => {
      const created = await createPerson(officer);

      const res = await officer.post(`/api/v1/people/${created.id}/withdraw`, { version: 1 });

      expect(res.status).toBe(200);
      expect(res.body.withdrawnAt).toEqual(expect.any(String));
      expect(res.body.version).toBe(2);
      expect((await t.anonymous().get(`/api/v1/people/${created.id}`)).body.withdrawnAt).toBe(
        res.body.withdrawnAt,
      );
      const again = await officer.post(`/api/v1/people/${created.id}/withdraw`, { version: 2 });
      expectProblem(again, 422, 'RULE_VIOLATION');
    });

    it('refuses a stale version with 409 and leaves the person as it was', async () => {
      const created = await createPerson(officer);
      await officer.patch(`/api/v1/people/${created.id}`, { version: 1, source: 'edited source' });

      const res = await officer.post(`/api/v1/people/${created.id}/withdraw`, { version: 1 });

      expectProblem(res, 409, 'VERSION_CONFLICT');
      expect((await officer.get(`/api/v1/people/${created.id}`)).body.withdrawnAt).toBeNull();
    });
  });

  describe('PATCH /api/v1/people/:id', () => {
    it('lets a programme officer change title, organization and e-mail, bumping the version and auditing', async () => {
      const person = await createPerson(officer);
      const organization = await createOrganization(officer);

      const res = await officer.patch(`/api/v1/people/${person.id}`, {
        version: 1,
        title: { ja: '特任教授', en: 'Project Professor' },
        organizationId: organization.id,
        email: null,
      });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        title: { ja: '特任教授', en: 'Project Professor' },
        organization: { id: organization.id },
        email: null,
        version: 2,
      });
      const entry = await lastAuditEntry(t);
      expect(entry).toMatchObject({ action: 'person.update', entity_id: String(person.id) });
      expect(JSON.parse(entry.before_json!)).toMatchObject({
        email: person.email,
        organizationId: null,
        version: 1,
      });
      expect(JSON.parse(entry.after_json!)).toMatchObject({
        email: null,
        organizationId: organization.id,
        version: 2,
      });
    });

    it('rejects a stale version with 409 VERSION_CONFLICT and changes nothing', async () => {
      const person = await createPerson(officer);
      await officer.patch(`/api/v1/people/${person.id}`, { version: 1, title: { en: 'First' } });
      const before = await snapshotCounts(t);

      const res = await officer.patch(`/api/v1/people/${person.id}`, { version: 1, title: { en: 'Second' } });

      expectProblem(res, 409, 'VERSION_CONFLICT', 'body.version');
      const now = await officer.get(`/api/v1/people/${person.id}`);
      expect(now.body).toMatchObject({ title: { en: 'First' }, version: 2 });
      expect(await snapshotCounts(t)).toEqual(before);
    });

    it('rejects an unknown organization with 422 and changes nothing', async () => {
      const person = await createPerson(officer);
      const before = await snapshotCounts(t);

      const res = await officer.patch(`/api/v1/people/${person.id}`, { version: 1, organizationId: 987654 });

      expectProblem(res, 422, 'UNKNOWN_REFERENCE', 'body.organizationId');
      expect((await officer.get(`/api/v1/people/${person.id}`)).body.version).toBe(1);
      expect(await snapshotCounts(t)).toEqual(before);
    });

    it('answers 403 to cluster headquarters and a coordinator, 401 to the public', async () => {
      const person = await createPerson(officer);

      const asHq = await hqSapporo.patch(`/api/v1/people/${person.id}`, { version: 1, title: { en: 'x' } });
      const asCoordinator = await coordinator.patch(`/api/v1/people/${person.id}`, {
        version: 1,
        title: { en: 'x' },
      });
      const asPublic = await t
        .anonymous()
        .patch(`/api/v1/people/${person.id}`, { version: 1, title: { en: 'x' } });

      expectProblem(asHq, 403, 'FORBIDDEN');
      expectProblem(asCoordinator, 403, 'FORBIDDEN');
      expectProblem(asPublic, 401, 'UNAUTHENTICATED');
    });

    it('answers 404 for an unknown id', async () => {
      const res = await officer.patch('/api/v1/people/987654', { version: 1, title: { en: 'x' } });

      expectProblem(res, 404, 'NOT_FOUND');
    });
  });
});
