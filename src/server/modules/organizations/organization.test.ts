import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import {
  createOrganization,
  expectProblem,
  lastAuditEntry,
  organizationBody,
  snapshotCounts,
  unique,
} from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

describe.each(ENGINES)('organizations on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let hqSapporo: HttpClient;
  let evaluator: HttpClient;
  beforeAll(async () => {
    t = await buildTestApp(engine);
    [officer, hqSapporo, evaluator] = await Promise.all([
      t.signInAs('programme_officer'),
      t.signInAs('cluster_headquarters', { clusterKey: 'sapporo' }),
      t.signInAs('evaluator'),
    ]);
  });
  afterAll(async () => t?.close());

  describe('POST /api/v1/organizations', () => {
    it('lets a programme officer create an organization, with its prefecture named, and audits it', async () => {
      const body = organizationBody({
        kind: 'core_organization',
        prefectureCode: '26',
        url: 'https://kyoto-core.example.jp/',
      });

      const res = await officer.post('/api/v1/organizations', body);

      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        kind: 'core_organization',
        name: body.name,
        prefecture: { code: '26', name: { en: 'Kyoto' } },
        url: 'https://kyoto-core.example.jp/',
        source: 'test factory',
        withdrawnAt: null,
        version: 1,
      });
      const entry = await lastAuditEntry(t);
      expect(entry).toMatchObject({
        action: 'organization.create',
        entity_type: 'organization',
        entity_id: String(res.body.id),
      });
      expect(JSON.parse(entry.after_json!)).toMatchObject({ nameEn: body.name.en, prefecture: '26' });
    });

    it('lets cluster headquarters create an organization', async () => {
      const res = await hqSapporo.post('/api/v1/organizations', organizationBody({ kind: 'company' }));

      expect(res.status).toBe(201);
    });

    it('accepts an organization without prefecture or URL, and a name in one language only', async () => {
      const res = await officer.post('/api/v1/organizations', {
        kind: 'jst',
        name: { en: 'Japan Science and Technology Agency' },
        source: 'test',
      });

      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        prefecture: null,
        url: null,
        name: { ja: '', en: 'Japan Science and Technology Agency' },
      });
    });

    it('answers 403 to an evaluator and 401 to the public, writing nothing', async () => {
      const before = await snapshotCounts(t);

      const asEvaluator = await evaluator.post('/api/v1/organizations', organizationBody());
      const asPublic = await t.anonymous().post('/api/v1/organizations', organizationBody());

      expectProblem(asEvaluator, 403, 'FORBIDDEN');
      expectProblem(asPublic, 401, 'UNAUTHENTICATED');
      expect(await snapshotCounts(t)).toEqual(before);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['an unknown kind', { kind: 'club' }, 'body.kind'],
      ['a name in neither language', { name: { ja: '', en: '  ' } }, 'body.name'],
      ['a 201-character name', { name: { ja: 'あ'.repeat(201), en: 'x' } }, 'body.name.ja'],
      ['prefecture code 48', { prefectureCode: '48' }, 'body.prefectureCode'],
      ['an ftp URL', { url: 'ftp://files.example.jp/' }, 'body.url'],
      ['a URL that is not one', { url: 'not a url' }, 'body.url'],
      ['no source', { source: undefined }, 'body.source'],
      ['an empty source', { source: '   ' }, 'body.source'],
    ])('rejects %s with 400 naming the field and writes nothing', async (_label, overrides, field) => {
      const before = await snapshotCounts(t);

      const res = await officer.post('/api/v1/organizations', organizationBody(overrides));

      expectProblem(res, 400, 'VALIDATION_FAILED', field);
      expect(await snapshotCounts(t)).toEqual(before);
    });
  });

  describe('GET /api/v1/organizations', () => {
    it('pages with limit and offset in English-name order and reports the total', async () => {
      const tag = `Paging${unique()}`;
      for (const letter of ['C', 'A', 'B']) {
        await createOrganization(officer, { name: { ja: `${tag}${letter}`, en: `${tag} ${letter}` } });
      }

      const first = await t.anonymous().get(`/api/v1/organizations?q=${tag}&limit=2`);
      const second = await t.anonymous().get(`/api/v1/organizations?q=${tag}&limit=2&offset=2`);

      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
      expect(first.body.items.map((o: { name: { en: string } }) => o.name.en)).toEqual([
        `${tag} A`,
        `${tag} B`,
      ]);
      expect(second.body).toMatchObject({ total: 3, limit: 2, offset: 2 });
      expect(second.body.items.map((o: { name: { en: string } }) => o.name.en)).toEqual([`${tag} C`]);
    });

    it('searches the Japanese and English names, ignoring English letter case', async () => {
      const n = unique();
      const created = await createOrganization(officer, {
        name: { ja: `信州大学${n}`, en: `Shinshu University ${n}` },
      });

      const byJa = await t.anonymous().get(`/api/v1/organizations?q=${encodeURIComponent(`信州大学${n}`)}`);
      const byEn = await t
        .anonymous()
        .get(`/api/v1/organizations?q=${encodeURIComponent(`SHINSHU UNIVERSITY ${n}`)}`);

      expect(byJa.body.items.map((o: { id: number }) => o.id)).toEqual([created.id]);
      expect(byEn.body.items.map((o: { id: number }) => o.id)).toEqual([created.id]);
    });

    it('filters by kind', async () => {
      const tlo = await createOrganization(officer, { kind: 'tlo' });

      const res = await t.anonymous().get('/api/v1/organizations?kind=tlo&limit=200');

      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((o: { kind: string }) => o.kind === 'tlo')).toBe(true);
      expect(res.body.items.map((o: { id: number }) => o.id)).toContain(tlo.id);
    });

    it('answers 400 for an unknown kind filter', async () => {
      const res = await t.anonymous().get('/api/v1/organizations?kind=club');

      expectProblem(res, 400, 'VALIDATION_FAILED');
    });
  });

  describe('GET /api/v1/organizations/:id', () => {
    it('gives one organization to the public', async () => {
      const created = await createOrganization(officer);

      const res = await t.anonymous().get(`/api/v1/organizations/${created.id}`);

      expect(res.status).toBe(200);
      expect(res.body).toEqual(created);
    });

    it('answers 404 problem+json for an unknown id', async () => {
      const res = await t.anonymous().get('/api/v1/organizations/987654');

      expectProblem(res, 404, 'NOT_FOUND');
    });

    it.each(['0', 'abc', '2147483648'])('answers 400 naming params.id for id %s', async (id) => {
      const res = await t.anonymous().get(`/api/v1/organizations/${id}`);

      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field.split('.').pop())).toContain('id');
    });
  });

  describe('POST /api/v1/organizations/:id/withdraw', () => {
    it('withdraws the organization, keeps it readable and audits it; a second withdrawal is refused', async () => {
      const created = await createOrganization(officer);

      const res = await officer.post(`/api/v1/organizations/${created.id}/withdraw`, { version: 1 });

      expect(res.status).toBe(200);
      expect(res.body.withdrawnAt).toEqual(expect.any(String));
      expect(res.body.version).toBe(2);
      expect((await t.anonymous().get(`/api/v1/organizations/${created.id}`)).body.withdrawnAt).toBe(
        res.body.withdrawnAt,
      );
      const again = await officer.post(`/api/v1/organizations/${created.id}/withdraw`, { version: 2 });
      expectProblem(again, 422, 'RULE_VIOLATION');
    });

    it('refuses a stale version with 409 and leaves the organization as it was', async () => {
      const created = await createOrganization(officer);
      await officer.patch(`/api/v1/organizations/${created.id}`, { version: 1, source: 'edited source' });

      const res = await officer.post(`/api/v1/organizations/${created.id}/withdraw`, { version: 1 });

      expectProblem(res, 409, 'VERSION_CONFLICT');
      expect((await officer.get(`/api/v1/organizations/${created.id}`)).body.withdrawnAt).toBeNull();
    });
  });

  describe('PATCH /api/v1/organizations/:id', () => {
    it('lets a programme officer rename an organization, bumping its version and auditing before and after', async () => {
      const created = await createOrganization(officer);

      const res = await officer.patch(`/api/v1/organizations/${created.id}`, {
        version: 1,
        name: { ja: '改名大学', en: 'Renamed University' },
        prefectureCode: null,
      });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        name: { ja: '改名大学', en: 'Renamed University' },
        prefecture: null,
        version: 2,
      });
      const entry = await lastAuditEntry(t);
      expect(entry).toMatchObject({ action: 'organization.update', entity_id: String(created.id) });
      expect(JSON.parse(entry.before_json!)).toMatchObject({
        nameEn: created.name.en,
        prefecture: '01',
        version: 1,
      });
      expect(JSON.parse(entry.after_json!)).toMatchObject({
        nameEn: 'Renamed University',
        prefecture: null,
        version: 2,
      });
    });

    it('rejects a stale version with 409 VERSION_CONFLICT and changes nothing', async () => {
      const created = await createOrganization(officer);
      await officer.patch(`/api/v1/organizations/${created.id}`, {
        version: 1,
        url: 'https://first.example.jp/',
      });
      const before = await snapshotCounts(t);

      const res = await officer.patch(`/api/v1/organizations/${created.id}`, {
        version: 1,
        url: 'https://second.example.jp/',
      });

      expectProblem(res, 409, 'VERSION_CONFLICT', 'body.version');
      const now = await t.anonymous().get(`/api/v1/organizations/${created.id}`);
      expect(now.body).toMatchObject({ url: 'https://first.example.jp/', version: 2 });
      expect(await snapshotCounts(t)).toEqual(before);
    });

    it('answers 403 to cluster headquarters (only the programme office edits organizations)', async () => {
      const created = await createOrganization(hqSapporo);

      const res = await hqSapporo.patch(`/api/v1/organizations/${created.id}`, {
        version: 1,
        name: { en: 'Fixed typo' },
      });

      expectProblem(res, 403, 'FORBIDDEN');
    });

    it('answers 401 to the public', async () => {
      const created = await createOrganization(officer);

      const res = await t
        .anonymous()
        .patch(`/api/v1/organizations/${created.id}`, { version: 1, name: { en: 'x' } });

      expectProblem(res, 401, 'UNAUTHENTICATED');
    });

    it('answers 404 for an unknown id', async () => {
      const res = await officer.patch('/api/v1/organizations/987654', { version: 1, name: { en: 'x' } });

      expectProblem(res, 404, 'NOT_FOUND');
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['no version', { name: { en: 'x' } }, 'body.version'],
      ['an unknown kind', { version: 1, kind: 'club' }, 'body.kind'],
      ['a bad URL', { version: 1, url: 'javascript:alert(1)' }, 'body.url'],
    ])('rejects %s with 400 naming the field and changes nothing', async (_label, body, field) => {
      const created = await createOrganization(officer);
      const before = await snapshotCounts(t);

      const res = await officer.patch(`/api/v1/organizations/${created.id}`, body);

      expectProblem(res, 400, 'VALIDATION_FAILED', field);
      expect((await t.anonymous().get(`/api/v1/organizations/${created.id}`)).body).toEqual(created);
      expect(await snapshotCounts(t)).toEqual(before);
    });
  });
});
