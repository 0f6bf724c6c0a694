import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import {
  addMember,
  addStaff,
  clusterBody,
  createCluster,
  createOrganization,
  createPerson,
  expectProblem,
  lastAuditEntry,
  snapshotCounts,
} from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

const keysOf = (body: { items: { key: string }[] }) => body.items.map((c) => c.key);

describe.each(ENGINES)('clusters on %s', (engine) => {
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

  describe('GET /api/v1/clusters', () => {
    it('lists the 18 published clusters for the public, 50 per page by default', async () => {
      const res = await t.anonymous().get('/api/v1/clusters');

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 18, limit: 50, offset: 0 });
      expect(res.body.items).toHaveLength(18);
      expect(res.body.items.every((c: { isPublished: boolean }) => c.isPublished)).toBe(true);
    });

    it('pages with limit and offset, in start-year order, and reports the total', async () => {
      const res = await t.anonymous().get('/api/v1/clusters?limit=5&offset=15');

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ total: 18, limit: 5, offset: 15 });
      expect(keysOf(res.body)).toEqual(['kanazawa', 'gifu', 'ube']);
    });

    it('gives an empty page past the end with the total still right', async () => {
      const res = await t.anonymous().get('/api/v1/clusters?limit=10&offset=40');

      expect(res.body).toMatchObject({ items: [], total: 18, limit: 10, offset: 40 });
    });

    it('filters by key field', async () => {
      const res = await t.anonymous().get('/api/v1/clusters?keyField=nanotech_materials');

      expect(res.body.total).toBe(3);
      expect(keysOf(res.body)).toEqual(['nagano', 'kyoto', 'nagoya']);
    });

    it('filters by start fiscal year', async () => {
      const res = await t.anonymous().get('/api/v1/clusters?startFy=2003');

      expect(res.body.total).toBe(3);
      expect(keysOf(res.body)).toEqual(['toyama-takaoka', 'nagoya', 'tokushima']);
    });

    it('combines filters', async () => {
      const res = await t.anonymous().get('/api/v1/clusters?startFy=2002&keyField=life_sciences&limit=2');

      expect(res.body).toMatchObject({ total: 4, limit: 2 });
      expect(keysOf(res.body)).toEqual(['osaka-saito', 'kobe']);
    });

    it.each([
      ['nag', ['nagano', 'nagoya']],
      ['KYOTO', ['kyoto']],
      ['京都', ['kyoto']],
      ['osaka-saito', ['osaka-saito']],
      ['no such place', []],
    ])('searches key and names with q=%s', async (q, keys) => {
      const res = await t.anonymous().get(`/api/v1/clusters?q=${encodeURIComponent(q)}`);

      expect(res.status).toBe(200);
      expect(keysOf(res.body)).toEqual(keys);
      expect(res.body.total).toBe(keys.length);
    });

    it.each(['%', '_'])('treats %s in q as a literal character, not a wildcard', async (q) => {
      const res = await t.anonymous().get(`/api/v1/clusters?q=${encodeURIComponent(q)}`);

      expect(res.status).toBe(200);
      expect(res.body.total).toBe(0);
    });

    it.each([
      ['limit=0', 'limit'],
      ['limit=201', 'limit'],
      ['offset=-1', 'offset'],
      ['keyField=biotech', 'keyField'],
      ['startFy=twenty', 'startFy'],
    ])('answers 400 naming the parameter for %s', async (query, name) => {
      const res = await t.anonymous().get(`/api/v1/clusters?${query}`);

      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors.map((e: { field: string }) => e.field.split('.').pop())).toContain(name);
    });

    it('names a bad query parameter query.<name>, as the FieldError contract documents', async () => {
      const res = await t.anonymous().get('/api/v1/clusters?limit=0');

      expectProblem(res, 400, 'VALIDATION_FAILED', 'query.limit');
    });
  });

  describe('GET /api/v1/clusters/:key', () => {
    it('gives Kyoto with its prefecture, period, confidence and sources', async () => {
      const res = await t.anonymous().get('/api/v1/clusters/kyoto');

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        key: 'kyoto',
        name: { ja: '京都', en: 'Kyoto' },
        theme: { ja: '京都ナノテク事業創成クラスター' },
        keyField: 'nanotech_materials',
        prefectures: [{ code: '26', name: { en: 'Kyoto' } }],
        startFy: 2002,
        endFy: 2006,
        status: 'full',
        isPublished: true,
        confidence: 'confirmed',
        source: 'seed deck table order; press 2002-04-30',
        members: [],
        staff: [],
        canEdit: false,
        version: 1,
      });
    });

    it('keeps the order of a cluster spanning three prefectures', async () => {
      const res = await t.anonymous().get('/api/v1/clusters/keihanna');

      expect(res.body.prefectures.map((p: { code: string }) => p.code)).toEqual(['26', '27', '29']);
    });

    it('tells each reader whether they may edit', async () => {
      const [officerView, hqOwn, hqOther, evaluatorView] = await Promise.all([
        officer.get('/api/v1/clusters/kyoto'),
        hqSapporo.get('/api/v1/clusters/sapporo'),
        hqSapporo.get('/api/v1/clusters/kyoto'),
        evaluator.get('/api/v1/clusters/kyoto'),
      ]);

      expect([officerView, hqOwn, hqOther, evaluatorView].map((r) => r.body.canEdit)).toEqual([
        true,
        true,
        false,
        false,
      ]);
    });

    it('answers 404 problem+json for an unknown key', async () => {
      const res = await t.anonymous().get('/api/v1/clusters/atlantis');

      expectProblem(res, 404, 'NOT_FOUND');
      expect(res.body.detail).toContain('atlantis');
    });
  });

  describe('PATCH /api/v1/clusters/:key', () => {
    it.each([
      ['status', { status: 'trial' }],
      ['the start fiscal year', { startFy: 2003 }],
      ['the end fiscal year', { endFy: 2007 }],
      ['publication', { isPublished: false }],
    ])('refuses headquarters changing %s (the office decides) with 403', async (_what, change) => {
      const current = (await hqSapporo.get('/api/v1/clusters/sapporo')).body;

      const res = await hqSapporo.patch('/api/v1/clusters/sapporo', { version: current.version, ...change });

      expectProblem(res, 403, 'FORBIDDEN');
    });

    it('answers 400, not 500, to a version past the 32-bit range', async () => {
      const res = await officer.patch('/api/v1/clusters/kyoto', { version: 3_000_000_000, source: 'x' });

      expectProblem(res, 400, 'VALIDATION_FAILED', 'body.version');
    });

    it('answers a client error, never 500, to text with a NUL character', async () => {
      const search = await t.anonymous().get('/api/v1/clusters?q=%00');
      const write = await officer.post('/api/v1/organizations', {
        kind: 'university',
        name: { ja: '', en: 'Nul\u0000 University' },
        source: 'test',
      });

      expect(search.status).toBeLessThan(500);
      expect(write.status).toBeLessThan(500);
    });

    it('lets a programme officer rename a cluster, bumping its version and auditing before and after', async () => {
      const cluster = await createCluster(officer, { isPublished: true });

      const res = await officer.patch(`/api/v1/clusters/${cluster.key}`, {
        version: cluster.version,
        name: { ja: '新しい名前', en: 'New Name' },
      });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        key: cluster.key,
        name: { ja: '新しい名前', en: 'New Name' },
        version: cluster.version + 1,
      });
      expect((await t.anonymous().get(`/api/v1/clusters/${cluster.key}`)).body.name.en).toBe('New Name');
      const entry = await lastAuditEntry(t);
      expect(entry).toMatchObject({
        action: 'cluster.update',
        entity_type: 'cluster',
        entity_id: String(cluster.id),
      });
      expect(entry.actor_label).toMatch(/^programme-officer-/);
      expect(JSON.parse(entry.before_json!)).toMatchObject({
        nameEn: cluster.name.en,
        version: cluster.version,
      });
      expect(JSON.parse(entry.after_json!)).toMatchObject({
        nameEn: 'New Name',
        version: cluster.version + 1,
      });
    });

    it('replaces the prefectures in the order given and sets the core organization', async () => {
      const cluster = await createCluster(officer);
      const core = await createOrganization(officer, { kind: 'core_organization' });

      const res = await officer.patch(`/api/v1/clusters/${cluster.key}`, {
        version: cluster.version,
        prefectureCodes: ['27', '26'],
        coreOrganizationId: core.id,
      });

      expect(res.status).toBe(200);
      expect(res.body.prefectures.map((p: { code: string }) => p.code)).toEqual(['27', '26']);
      expect(res.body.coreOrganization).toMatchObject({ id: core.id, kind: 'core_organization' });
    });

    it('rejects a stale version with 409 VERSION_CONFLICT and changes nothing', async () => {
      const cluster = await createCluster(officer);
      const first = await officer.patch(`/api/v1/clusters/${cluster.key}`, {
        version: cluster.version,
        name: { en: 'First edit' },
      });
      expect(first.status).toBe(200);
      const before = await snapshotCounts(t);

      const res = await officer.patch(`/api/v1/clusters/${cluster.key}`, {
        version: cluster.version,
        name: { en: 'Second edit' },
        prefectureCodes: ['13'],
      });

      expectProblem(res, 409, 'VERSION_CONFLICT', 'body.version');
      const now = await officer.get(`/api/v1/clusters/${cluster.key}`);
      expect(now.body).toMatchObject({ name: { en: 'First edit' }, version: cluster.version + 1 });
      expect(now.body.prefectures.map((p: { code: string }) => p.code)).toEqual(['01']);
      expect(await snapshotCounts(t)).toEqual(before);
    });

    it('lets only one of two simultaneous edits at the same version through', async () => {
      const cluster = await createCluster(officer);

      const answers = await Promise.all([
        officer.patch(`/api/v1/clusters/${cluster.key}`, { version: 1, name: { en: 'Edit A' } }),
        officer.patch(`/api/v1/clusters/${cluster.key}`, { version: 1, name: { en: 'Edit B' } }),
      ]);

      expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = answers.find((r) => r.status === 200)!;
      const now = await officer.get(`/api/v1/clusters/${cluster.key}`);
      expect(now.body).toMatchObject({ version: 2, name: { en: winner.body.name.en } });
    });

    it('lets the headquarters of Sapporo edit Sapporo', async () => {
      const current = await hqSapporo.get('/api/v1/clusters/sapporo');

      const res = await hqSapporo.patch('/api/v1/clusters/sapporo', {
        version: current.body.version,
        summary: { ja: '札幌のITクラスター', en: 'IT cluster of Sapporo' },
      });

      expect(res.status).toBe(200);
      expect(res.body.summary).toEqual({ ja: '札幌のITクラスター', en: 'IT cluster of Sapporo' });
      expect(res.body.version).toBe(current.body.version + 1);
    });

    it('refuses the headquarters of Sapporo 403 on Kyoto and changes nothing', async () => {
      const before = await snapshotCounts(t);

      const res = await hqSapporo.patch('/api/v1/clusters/kyoto', { version: 1, name: { en: 'Taken over' } });

      expectProblem(res, 403, 'FORBIDDEN');
      expect((await t.anonymous().get('/api/v1/clusters/kyoto')).body).toMatchObject({
        name: { en: 'Kyoto' },
        version: 1,
      });
      expect(await snapshotCounts(t)).toEqual(before);
    });

    it('refuses headquarters 403 when they try to change isPublished, and changes nothing', async () => {
      const current = await hqSapporo.get('/api/v1/clusters/sapporo');

      const res = await hqSapporo.patch('/api/v1/clusters/sapporo', {
        version: current.body.version,
        isPublished: false,
        name: { en: 'Hidden Sapporo' },
      });

      expectProblem(res, 403, 'FORBIDDEN');
      const after = await t.anonymous().get('/api/v1/clusters/sapporo');
      expect(after.status).toBe(200);
      expect(after.body).toMatchObject({
        isPublished: true,
        version: current.body.version,
        name: { en: 'Sapporo' },
      });
    });

    it('lets headquarters send isPublished unchanged', async () => {
      const current = await hqSapporo.get('/api/v1/clusters/sapporo');

      const res = await hqSapporo.patch('/api/v1/clusters/sapporo', {
        version: current.body.version,
        isPublished: true,
      });

      expect(res.status).toBe(200);
    });

    it('answers 401 to the public and 403 to an evaluator', async () => {
      const anonymous = await t
        .anonymous()
        .patch('/api/v1/clusters/kyoto', { version: 1, name: { en: 'x' } });
      const asEvaluator = await evaluator.patch('/api/v1/clusters/kyoto', { version: 1, name: { en: 'x' } });

      expectProblem(anonymous, 401, 'UNAUTHENTICATED');
      expectProblem(asEvaluator, 403, 'FORBIDDEN');
    });

    it('answers 404 for an unknown cluster', async () => {
      const res = await officer.patch('/api/v1/clusters/atlantis', { version: 1, name: { en: 'x' } });

      expectProblem(res, 404, 'NOT_FOUND');
    });

    describe('with bad input', () => {
      let target: { key: string; version: number };
      beforeAll(async () => {
        target = await createCluster(officer, { startFy: 2005, endFy: 2009 });
      });

      it.each<[string, { body?: unknown; raw?: string }, number, string, string]>([
        ['malformed JSON', { raw: '{"version":' }, 400, 'INVALID_JSON', 'body'],
        [
          'a string where a number belongs',
          { body: { version: 1, startFy: '2002' } },
          400,
          'VALIDATION_FAILED',
          'body.startFy',
        ],
        [
          'an unknown field',
          { body: { version: 1, colour: 'red' } },
          400,
          'VALIDATION_FAILED',
          'body.colour',
        ],
        ['no version', { body: { name: { en: 'No version' } } }, 400, 'VALIDATION_FAILED', 'body.version'],
        ['version 0', { body: { version: 0 } }, 400, 'VALIDATION_FAILED', 'body.version'],
        [
          'a 201-character name',
          { body: { version: 1, name: { en: 'x'.repeat(201) } } },
          400,
          'VALIDATION_FAILED',
          'body.name.en',
        ],
        [
          'an empty name in both languages',
          { body: { version: 1, name: { ja: ' ', en: '' } } },
          400,
          'VALIDATION_FAILED',
          'body.name',
        ],
        [
          'prefecture code 99',
          { body: { version: 1, prefectureCodes: ['99'] } },
          400,
          'VALIDATION_FAILED',
          'body.prefectureCodes.0',
        ],
        [
          'no prefecture',
          { body: { version: 1, prefectureCodes: [] } },
          400,
          'VALIDATION_FAILED',
          'body.prefectureCodes',
        ],
        [
          'a prefecture twice',
          { body: { version: 1, prefectureCodes: ['01', '01'] } },
          400,
          'VALIDATION_FAILED',
          'body.prefectureCodes',
        ],
        [
          'an unknown key field',
          { body: { version: 1, keyField: 'biotech' } },
          400,
          'VALIDATION_FAILED',
          'body.keyField',
        ],
        [
          'an unknown status',
          { body: { version: 1, status: 'paused' } },
          400,
          'VALIDATION_FAILED',
          'body.status',
        ],
        [
          'an end year before the start year',
          { body: { version: 1, endFy: 2004 } },
          400,
          'VALIDATION_FAILED',
          'body.endFy',
        ],
        [
          'a start year after the end year',
          { body: { version: 1, startFy: 2010 } },
          400,
          'VALIDATION_FAILED',
          'body.endFy',
        ],
        [
          'a fiscal year out of range',
          { body: { version: 1, startFy: 1800 } },
          400,
          'VALIDATION_FAILED',
          'body.startFy',
        ],
        [
          'an unknown core organization',
          { body: { version: 1, coreOrganizationId: 987654 } },
          422,
          'UNKNOWN_REFERENCE',
          'body.coreOrganizationId',
        ],
      ])('rejects %s, naming the field, and writes nothing', async (_label, input, status, code, field) => {
        const before = await snapshotCounts(t);

        const res = await officer.request(
          'PATCH',
          `/api/v1/clusters/${target.key}`,
          input.body,
          input.raw ? { raw: input.raw } : {},
        );

        expectProblem(res, status, code, field);
        const after = await officer.get(`/api/v1/clusters/${target.key}`);
        expect(after.body).toMatchObject({ version: target.version, startFy: 2005, endFy: 2009 });
        expect(await snapshotCounts(t)).toEqual(before);
      });

      it('answers 415 problem+json to a body that is not JSON', async () => {
        const res = await officer.request('PATCH', `/api/v1/clusters/${target.key}`, undefined, {
          raw: 'version=1',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        });

        expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
      });
    });
  });

  describe('POST /api/v1/clusters', () => {
    it('lets a programme officer create a cluster, defaulting the period to the programme’s five years', async () => {
      const body = clusterBody({ startFy: 2006, keyField: 'environment', prefectureCodes: ['13', '14'] });

      const res = await officer.post('/api/v1/clusters', body);

      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        key: body.key,
        name: body.name,
        keyField: 'environment',
        startFy: 2006,
        endFy: 2010,
        status: 'full',
        isPublished: false,
        version: 1,
        members: [],
        staff: [],
        source: 'test factory',
      });
      expect(res.body.prefectures.map((p: { code: string }) => p.code)).toEqual(['13', '14']);
      const entry = await lastAuditEntry(t);
      expect(entry).toMatchObject({
        action: 'cluster.create',
        entity_id: String(res.body.id),
        before_json: null,
      });
      expect(JSON.parse(entry.after_json!)).toMatchObject({ key: body.key, prefectures: ['13', '14'] });
    });

    it('rejects a duplicate key with 409 DUPLICATE naming body.key and writes nothing', async () => {
      const before = await snapshotCounts(t);

      const res = await officer.post('/api/v1/clusters', clusterBody({ key: 'kyoto' }));

      expectProblem(res, 409, 'DUPLICATE', 'body.key');
      expect(await snapshotCounts(t)).toEqual(before);
    });

    it.each<[string, Record<string, unknown>, number, string, string]>([
      ['a key with capitals and spaces', { key: 'Bad Key' }, 400, 'VALIDATION_FAILED', 'body.key'],
      [
        'the key the web app reserves for its registration page',
        { key: 'new' },
        400,
        'VALIDATION_FAILED',
        'body.key',
      ],
      ['no source', { source: undefined }, 400, 'VALIDATION_FAILED', 'body.source'],
      [
        'an end year before the start year',
        { startFy: 2006, endFy: 2005 },
        400,
        'VALIDATION_FAILED',
        'body.endFy',
      ],
      [
        'an unknown core organization',
        { coreOrganizationId: 987654 },
        422,
        'UNKNOWN_REFERENCE',
        'body.coreOrganizationId',
      ],
    ])('rejects %s, naming the field, and writes nothing', async (_label, overrides, status, code, field) => {
      const before = await snapshotCounts(t);

      const res = await officer.post('/api/v1/clusters', clusterBody(overrides));

      expectProblem(res, status, code, field);
      expect(await snapshotCounts(t)).toEqual(before);
    });

    it('answers 409, not 500, to the second of two simultaneous creates with one key', async () => {
      const body = clusterBody();

      const answers = await Promise.all([
        officer.post('/api/v1/clusters', body),
        officer.post('/api/v1/clusters', body),
      ]);

      expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
      expectProblem(
        answers.find((r) => r.status !== 201)!,
        409,
        'DUPLICATE',
        'body.key',
      );
      expect((await officer.get(`/api/v1/clusters?q=${body.key}`)).body.total).toBe(1);
    });

    it('answers 403 to headquarters and 401 to the public', async () => {
      const asHq = await hqSapporo.post('/api/v1/clusters', clusterBody());
      const asPublic = await t.anonymous().post('/api/v1/clusters', clusterBody());

      expectProblem(asHq, 403, 'FORBIDDEN');
      expectProblem(asPublic, 401, 'UNAUTHENTICATED');
    });

    it('keeps an unpublished cluster from the public (404, not listed) but shows it to officers', async () => {
      const hidden = await createCluster(officer, { isPublished: false });

      const publicDetail = await t.anonymous().get(`/api/v1/clusters/${hidden.key}`);
      const publicList = await t.anonymous().get(`/api/v1/clusters?q=${hidden.key}`);
      const otherHq = await hqSapporo.get(`/api/v1/clusters/${hidden.key}`);
      const officerDetail = await officer.get(`/api/v1/clusters/${hidden.key}`);
      const officerList = await officer.get(`/api/v1/clusters?q=${hidden.key}`);

      expectProblem(publicDetail, 404, 'NOT_FOUND');
      expect(publicList.body).toMatchObject({ items: [], total: 0 });
      expectProblem(otherHq, 404, 'NOT_FOUND');
      expect(officerDetail.status).toBe(200);
      expect(officerDetail.body.isPublished).toBe(false);
      expect(keysOf(officerList.body)).toEqual([hidden.key]);
    });

    it('shows a cluster to the public once an officer publishes it', async () => {
      const cluster = await createCluster(officer, { isPublished: false });

      const res = await officer.patch(`/api/v1/clusters/${cluster.key}`, {
        version: cluster.version,
        isPublished: true,
      });

      expect(res.status).toBe(200);
      expect((await t.anonymous().get(`/api/v1/clusters/${cluster.key}`)).status).toBe(200);
    });
  });

  describe('cluster members', () => {
    it('adds an organization created through POST /organizations, and shows it on the cluster', async () => {
      const cluster = await createCluster(officer);
      const organization = await createOrganization(officer, { kind: 'university' });

      const res = await officer.post(`/api/v1/clusters/${cluster.key}/members`, {
        organizationId: organization.id,
        role: 'university',
        fromFy: 2005,
        toFy: 2009,
      });

      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        organization: { id: organization.id, kind: 'university', name: organization.name },
        role: 'university',
        fromFy: 2005,
        toFy: 2009,
        note: null,
        withdrawnAt: null,
        version: 1,
      });
      const detail = await officer.get(`/api/v1/clusters/${cluster.key}`);
      expect(detail.body.members).toEqual([res.body]);
      expect(await lastAuditEntry(t)).toMatchObject({
        action: 'cluster-member.add',
        entity_type: 'cluster-member',
        entity_id: String(res.body.id),
      });
    });

    it('updates a member at its version', async () => {
      const cluster = await createCluster(officer);
      const member = await addMember(officer, cluster.key);

      const res = await officer.patch(`/api/v1/clusters/${cluster.key}/members/${member.id}`, {
        version: member.version,
        role: 'research_institute',
        note: 'joined the second phase',
        toFy: null,
      });

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: member.id,
        role: 'research_institute',
        note: 'joined the second phase',
        toFy: null,
        version: 2,
      });
      const entry = await lastAuditEntry(t);
      expect(entry.action).toBe('cluster-member.update');
      expect(JSON.parse(entry.before_json!)).toMatchObject({ role: 'university', version: 1 });
      expect(JSON.parse(entry.after_json!)).toMatchObject({ role: 'research_institute', version: 2 });
    });

    it('withdraws a member, keeping it in the cluster with withdrawnAt, and refuses to withdraw it twice', async () => {
      const cluster = await createCluster(officer);
      const member = await addMember(officer, cluster.key);

      const res = await officer.post(`/api/v1/clusters/${cluster.key}/members/${member.id}/withdraw`, {
        version: member.version,
      });

      expect(res.status).toBe(200);
      expect(res.body.withdrawnAt).toEqual(expect.any(String));
      expect(res.body.version).toBe(member.version + 1);
      const detail = await officer.get(`/api/v1/clusters/${cluster.key}`);
      expect(detail.body.members).toEqual([
        expect.objectContaining({ id: member.id, withdrawnAt: res.body.withdrawnAt }),
      ]);
      expect((await lastAuditEntry(t)).action).toBe('cluster-member.withdraw');
      const again = await officer.post(`/api/v1/clusters/${cluster.key}/members/${member.id}/withdraw`, {
        version: res.body.version,
      });
      expectProblem(again, 422, 'RULE_VIOLATION');
    });

    it('lists current members before withdrawn ones on every engine', async () => {
      const cluster = await createCluster(officer);
      const leaving = await addMember(officer, cluster.key);
      const staying = await addMember(officer, cluster.key);
      await officer.post(`/api/v1/clusters/${cluster.key}/members/${leaving.id}/withdraw`, {
        version: leaving.version,
      });

      const detail = await officer.get(`/api/v1/clusters/${cluster.key}`);

      expect(detail.body.members.map((m: { id: number }) => m.id)).toEqual([staying.id, leaving.id]);
    });

    it('rejects a stale version with 409 and changes nothing', async () => {
      const cluster = await createCluster(officer);
      const member = await addMember(officer, cluster.key);
      await officer.patch(`/api/v1/clusters/${cluster.key}/members/${member.id}`, {
        version: member.version,
        note: 'first',
      });
      const before = await snapshotCounts(t);

      const update = await officer.patch(`/api/v1/clusters/${cluster.key}/members/${member.id}`, {
        version: member.version,
        note: 'second',
      });
      const withdraw = await officer.post(`/api/v1/clusters/${cluster.key}/members/${member.id}/withdraw`, {
        version: member.version,
      });

      expectProblem(update, 409, 'VERSION_CONFLICT', 'body.version');
      expectProblem(withdraw, 409, 'VERSION_CONFLICT', 'body.version');
      const detail = await officer.get(`/api/v1/clusters/${cluster.key}`);
      expect(detail.body.members[0]).toMatchObject({ note: 'first', withdrawnAt: null, version: 2 });
      expect(await snapshotCounts(t)).toEqual(before);
    });

    it('rejects toFy before fromFy with 400 naming body.toFy, on adding and on updating', async () => {
      const cluster = await createCluster(officer);
      const organization = await createOrganization(officer);
      const member = await addMember(officer, cluster.key, { fromFy: 2005, toFy: 2009 });
      const before = await snapshotCounts(t);

      const add = await officer.post(`/api/v1/clusters/${cluster.key}/members`, {
        organizationId: organization.id,
        role: 'company',
        fromFy: 2006,
        toFy: 2005,
      });
      const update = await officer.patch(`/api/v1/clusters/${cluster.key}/members/${member.id}`, {
        version: 1,
        fromFy: 2010,
      });

      expectProblem(add, 400, 'VALIDATION_FAILED', 'body.toFy');
      expectProblem(update, 400, 'VALIDATION_FAILED', 'body.toFy');
      expect(await snapshotCounts(t)).toEqual(before);
    });

    it.each<[string, Record<string, unknown>, number, string, string]>([
      [
        'an unknown organization',
        { organizationId: 987654 },
        422,
        'UNKNOWN_REFERENCE',
        'body.organizationId',
      ],
      ['an unknown role', { role: 'sponsor' }, 400, 'VALIDATION_FAILED', 'body.role'],
      ['no fromFy', { fromFy: undefined }, 400, 'VALIDATION_FAILED', 'body.fromFy'],
    ])('rejects a member with %s, naming the field', async (_label, overrides, status, code, field) => {
      const organization = await createOrganization(officer);
      const before = await snapshotCounts(t);

      const res = await officer.post('/api/v1/clusters/nagoya/members', {
        organizationId: organization.id,
        role: 'university',
        fromFy: 2003,
        ...overrides,
      });

      expectProblem(res, status, code, field);
      expect(await snapshotCounts(t)).toEqual(before);
    });

    it('lets Sapporo’s headquarters manage Sapporo’s members but not Kyoto’s', async () => {
      const organization = await createOrganization(hqSapporo);

      const own = await hqSapporo.post('/api/v1/clusters/sapporo/members', {
        organizationId: organization.id,
        role: 'company',
        fromFy: 2002,
      });
      const other = await hqSapporo.post('/api/v1/clusters/kyoto/members', {
        organizationId: organization.id,
        role: 'company',
        fromFy: 2002,
      });

      expect(own.status).toBe(201);
      expectProblem(other, 403, 'FORBIDDEN');
      const kyotoMember = await addMember(officer, 'kyoto');
      const edit = await hqSapporo.patch(`/api/v1/clusters/kyoto/members/${kyotoMember.id}`, {
        version: 1,
        note: 'x',
      });
      expectProblem(edit, 403, 'FORBIDDEN');
    });

    it('answers 404 for a member of another cluster named under this one', async () => {
      const member = await addMember(officer, 'nagoya');

      const res = await officer.patch(`/api/v1/clusters/kyoto/members/${member.id}`, {
        version: 1,
        note: 'wrong cluster',
      });

      expectProblem(res, 404, 'NOT_FOUND');
    });

    it('answers 404 for an unknown member id', async () => {
      const res = await officer.patch('/api/v1/clusters/kyoto/members/987654', {
        version: 1,
        note: 'missing',
      });

      expectProblem(res, 404, 'NOT_FOUND');
    });

    it('answers a 4xx problem, not 500, for a member id beyond the id range', async () => {
      const res = await officer.patch('/api/v1/clusters/kyoto/members/99999999999', {
        version: 1,
        note: 'missing',
      });

      expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
      expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
    });
  });

  describe('cluster staff', () => {
    it('adds a person created through POST /people, updates and withdraws them, keeping the history', async () => {
      const cluster = await createCluster(officer);
      const organization = await createOrganization(officer);
      const person = await createPerson(officer, { organizationId: organization.id });

      const added = await officer.post(`/api/v1/clusters/${cluster.key}/staff`, {
        personId: person.id,
        role: 'coordinator',
        fromFy: 2005,
      });
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({
        person: { id: person.id, name: person.name, organization: { id: organization.id } },
        role: 'coordinator',
        fromFy: 2005,
        toFy: null,
        withdrawnAt: null,
        version: 1,
      });
      expect((await lastAuditEntry(t)).action).toBe('cluster-staff.add');

      const updated = await officer.patch(`/api/v1/clusters/${cluster.key}/staff/${added.body.id}`, {
        version: 1,
        role: 'research_director',
        toFy: 2007,
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ role: 'research_director', toFy: 2007, version: 2 });
      expect((await lastAuditEntry(t)).action).toBe('cluster-staff.update');

      const withdrawn = await officer.post(
        `/api/v1/clusters/${cluster.key}/staff/${added.body.id}/withdraw`,
        { version: 2 },
      );
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.withdrawnAt).toEqual(expect.any(String));
      expect((await lastAuditEntry(t)).action).toBe('cluster-staff.withdraw');

      const detail = await officer.get(`/api/v1/clusters/${cluster.key}`);
      expect(detail.body.staff).toEqual([
        expect.objectContaining({ id: added.body.id, withdrawnAt: withdrawn.body.withdrawnAt }),
      ]);
    });

    it('rejects a stale version with 409 and changes nothing', async () => {
      const cluster = await createCluster(officer);
      const staff = await addStaff(officer, cluster.key);
      await officer.patch(`/api/v1/clusters/${cluster.key}/staff/${staff.id}`, { version: 1, note: 'first' });
      const before = await snapshotCounts(t);

      const res = await officer.patch(`/api/v1/clusters/${cluster.key}/staff/${staff.id}`, {
        version: 1,
        note: 'second',
      });

      expectProblem(res, 409, 'VERSION_CONFLICT', 'body.version');
      const detail = await officer.get(`/api/v1/clusters/${cluster.key}`);
      expect(detail.body.staff[0]).toMatchObject({ note: 'first', version: 2 });
      expect(await snapshotCounts(t)).toEqual(before);
    });

    it('rejects toFy before fromFy with 400 naming body.toFy', async () => {
      const cluster = await createCluster(officer);
      const person = await createPerson(officer);
      const before = await snapshotCounts(t);

      const res = await officer.post(`/api/v1/clusters/${cluster.key}/staff`, {
        personId: person.id,
        role: 'researcher',
        fromFy: 2006,
        toFy: 2005,
      });

      expectProblem(res, 400, 'VALIDATION_FAILED', 'body.toFy');
      expect(await snapshotCounts(t)).toEqual(before);
    });

    it('rejects an unknown person with 422 naming body.personId', async () => {
      const res = await officer.post('/api/v1/clusters/nagoya/staff', {
        personId: 987654,
        role: 'researcher',
        fromFy: 2003,
      });

      expectProblem(res, 422, 'UNKNOWN_REFERENCE', 'body.personId');
    });

    it('lets Sapporo’s headquarters add staff to Sapporo but not to Kyoto', async () => {
      const person = await createPerson(hqSapporo);

      const own = await hqSapporo.post('/api/v1/clusters/sapporo/staff', {
        personId: person.id,
        role: 'staff',
        fromFy: 2002,
      });
      const other = await hqSapporo.post('/api/v1/clusters/kyoto/staff', {
        personId: person.id,
        role: 'staff',
        fromFy: 2002,
      });

      expect(own.status).toBe(201);
      expectProblem(other, 403, 'FORBIDDEN');
    });

    it('answers 404 for an unknown staff id', async () => {
      const res = await officer.post('/api/v1/clusters/kyoto/staff/987654/withdraw', { version: 1 });

      expectProblem(res, 404, 'NOT_FOUND');
    });

    it('answers a 4xx problem, not 500, for a staff id beyond the id range', async () => {
      const res = await officer.post('/api/v1/clusters/kyoto/staff/99999999999/withdraw', { version: 1 });

      expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(400);
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
      expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
    });
  });
});
