/**
 * Seeds and needs through HTTP on every engine: headquarters offer their cluster's seeds and a
 * company posts its needs as drafts; a coordinator reviews, returns with a note or publishes with
 * an expiry; the public reads only what is published and unexpired; a confidential company's
 * name reaches nobody but coordinators and the company until it agrees to disclose; matching
 * ranks across Japanese and English and never offers unpublished or expired listings; bad input
 * gets a 4xx naming the field and writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../../domain/listing-lifecycle';
import { japanDate } from '../../../domain/fiscal-year';
import { ENGINES } from '../../../../test/support/engines';
import {
  countRows,
  createOrganization,
  expectProblem,
  lastAuditEntry,
  signInNew,
} from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { needBody, publishListing, seedBody } from '../../../../test/support/matching';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

const TODAY = japanDate(new Date());

describe.each(ENGINES)('seeds and needs on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let coordinator: HttpClient;
  let hq: HttpClient;
  let kyotoHq: HttpClient;
  let company: HttpClient;
  let otherCompany: HttpClient;
  let evaluator: HttpClient;
  let companyId: number;
  let secretName: string;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = (await signInNew(t, 'programme_officer')).client;
    coordinator = (await signInNew(t, 'coordinator')).client;
    hq = (await signInNew(t, 'cluster_headquarters', { clusterKey: 'sapporo' })).client;
    kyotoHq = (await signInNew(t, 'cluster_headquarters', { clusterKey: 'kyoto' })).client;
    evaluator = (await signInNew(t, 'evaluator')).client;
    const org = await createOrganization(officer, { kind: 'company', prefectureCode: '01' });
    companyId = org.id as number;
    secretName = org.name.en as string;
    company = (await signInNew(t, 'partner_company', { scopeType: 'organization', scopeId: companyId }))
      .client;
    const other = await createOrganization(officer, { kind: 'company' });
    otherCompany = (
      await signInNew(t, 'partner_company', { scopeType: 'organization', scopeId: other.id as number })
    ).client;
  });
  afterAll(async () => t.close());

  describe('POST /api/v1/seeds', () => {
    it('lets headquarters offer their own cluster’s seed as a draft, audited, unseen by the public', async () => {
      const res = await hq.post(
        '/api/v1/seeds',
        seedBody({ keywords: ['FPGA', 'ＦＰＧＡ', ' road surface '] }),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({
        status: 'draft',
        cluster: { key: 'sapporo' },
        keywords: ['FPGA', 'road surface'],
        actions: ['submit', 'withdraw'],
        canEdit: true,
      });
      expect((await lastAuditEntry(t)).action).toBe('seed.create');
      expect((await t.anonymous().get(`/api/v1/seeds/${res.body.id}`)).status).toBe(404);
      const list = await t.anonymous().get('/api/v1/seeds?limit=200');
      expect(list.body.items.map((s: { id: number }) => s.id)).not.toContain(res.body.id);
    });

    it('refuses another cluster’s headquarters and roles without seed:edit', async () => {
      expect((await kyotoHq.post('/api/v1/seeds', seedBody())).status).toBe(403);
      expect((await evaluator.post('/api/v1/seeds', seedBody())).status).toBe(403);
      expect((await company.post('/api/v1/seeds', seedBody())).status).toBe(403);
      expect((await t.anonymous().post('/api/v1/seeds', seedBody())).status).toBe(401);
    });

    it.each([
      ['no title in either language', { title: { ja: '', en: '  ' } }, 'body.title'],
      ['no summary', { summary: { ja: '' } }, 'body.summary'],
      ['a title over 200 characters', { title: { ja: 'あ'.repeat(201) } }, 'body.title.ja'],
      ['a summary over 4,000 characters', { summary: { en: 'x'.repeat(4001) } }, 'body.summary.en'],
      ['an empty keyword', { keywords: [''] }, 'body.keywords.0'],
      ['21 keywords', { keywords: Array.from({ length: 21 }, (_, i) => `k${i}`) }, 'body.keywords'],
      ['an unknown stage', { stage: 'idea' }, 'body.stage'],
      ['an unknown key field', { keyField: 'space' }, 'body.keyField'],
      ['an unknown field', { colour: 'red' }, 'body'],
    ])('answers 400 naming the field for %s, writing nothing', async (_what, overrides, field) => {
      const before = await countRows(t, 'seeds');
      const res = await hq.post('/api/v1/seeds', seedBody(overrides));
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(res.body.errors)).toContain(field);
      expect(await countRows(t, 'seeds')).toBe(before);
    });

    it('answers 422 for an unknown cluster, an outcome item that does not exist, a non-coordinator', async () => {
      const before = await countRows(t, 'seeds');
      expectProblem(
        await officer.post('/api/v1/seeds', seedBody({ clusterKey: 'atlantis' })),
        422,
        'UNKNOWN_REFERENCE',
        'body.clusterKey',
      );
      expectProblem(
        await hq.post('/api/v1/seeds', seedBody({ outcomeItemIds: [999999] })),
        422,
        'UNKNOWN_REFERENCE',
        'body.outcomeItemIds.0',
      );
      expectProblem(
        await hq.post('/api/v1/seeds', seedBody({ coordinatorAccountId: 1 })),
        422,
        'UNKNOWN_REFERENCE',
        'body.coordinatorAccountId',
      );
      expect(await countRows(t, 'seeds')).toBe(before);
    });
  });

  describe('POST /api/v1/seeds/:id/actions', () => {
    it('takes a seed through review: submit, return with a note, resubmit, publish for a year', async () => {
      const created = (await hq.post('/api/v1/seeds', seedBody())).body;
      const path = `/api/v1/seeds/${created.id}/actions`;
      const submitted = await hq.post(path, { action: 'submit', version: created.version });
      expect(submitted.body).toMatchObject({ status: 'in_review', actions: ['withdraw'] });
      // Headquarters cannot publish their own seed: that is the coordinator's review.
      expectProblem(
        await hq.post(path, { action: 'publish', version: submitted.body.version }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await coordinator.post(path, { action: 'return', version: submitted.body.version }),
        400,
        'VALIDATION_FAILED',
        'body.note',
      );
      const returned = await coordinator.post(path, {
        action: 'return',
        version: submitted.body.version,
        note: '用途と性能の数値を明記してください',
      });
      expect(returned.body).toMatchObject({
        status: 'returned',
        reviewNote: '用途と性能の数値を明記してください',
      });
      const again = await hq.post(path, { action: 'submit', version: returned.body.version });
      const published = await coordinator.post(path, { action: 'publish', version: again.body.version });
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      expect(published.body).toMatchObject({
        status: 'published',
        expiresOn: addMonths(TODAY, 12),
        isExpired: false,
      });
      expect((await lastAuditEntry(t)).action).toBe('seed.publish');
      const seen = await t.anonymous().get(`/api/v1/seeds/${created.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body.actions).toEqual([]);
      expectProblem(
        await coordinator.post(path, { action: 'submit', version: published.body.version }),
        409,
        'INVALID_TRANSITION',
        'body.action',
      );
    });

    it('refuses an expiry in the past or more than two years ahead', async () => {
      const created = (await hq.post('/api/v1/seeds', seedBody())).body;
      const path = `/api/v1/seeds/${created.id}/actions`;
      const submitted = (await hq.post(path, { action: 'submit', version: created.version })).body;
      expectProblem(
        await coordinator.post(path, {
          action: 'publish',
          version: submitted.version,
          expiresOn: '2004-01-01',
        }),
        400,
        'VALIDATION_FAILED',
        'body.expiresOn',
      );
      expectProblem(
        await coordinator.post(path, {
          action: 'publish',
          version: submitted.version,
          expiresOn: addMonths(TODAY, 25),
        }),
        400,
        'VALIDATION_FAILED',
        'body.expiresOn',
      );
      expect((await coordinator.get(`/api/v1/seeds/${created.id}`)).body.status).toBe('in_review');
    });

    it('hides an expired seed from the public and matching until it is renewed', async () => {
      const seed = await publishListing(
        hq,
        coordinator,
        'seeds',
        seedBody({ title: { en: 'Expiring snow sensor' } }),
      );
      await t.database.db
        .updateTable('seeds')
        .set({ expires_on: '2005-03-31' })
        .where('id', '=', seed.id)
        .execute();
      expect((await t.anonymous().get(`/api/v1/seeds/${seed.id}`)).status).toBe(404);
      const mine = await hq.get(`/api/v1/seeds/${seed.id}`);
      expect(mine.body).toMatchObject({ isExpired: true, actions: ['renew', 'withdraw'] });
      const expired = await coordinator.get('/api/v1/seeds?expired=only&limit=200');
      expect(expired.body.items.map((s: { id: number }) => s.id)).toContain(seed.id);
      const renewed = await hq.post(`/api/v1/seeds/${seed.id}/actions`, {
        action: 'renew',
        version: mine.body.version,
      });
      expect(renewed.body).toMatchObject({
        status: 'published',
        isExpired: false,
        expiresOn: addMonths(TODAY, 12),
      });
      expect((await t.anonymous().get(`/api/v1/seeds/${seed.id}`)).status).toBe(200);
    });

    it('answers 409 for a stale version and writes nothing', async () => {
      const created = (await hq.post('/api/v1/seeds', seedBody())).body;
      await hq.patch(`/api/v1/seeds/${created.id}`, { version: created.version, stage: 'prototype' });
      expectProblem(
        await hq.post(`/api/v1/seeds/${created.id}/actions`, { action: 'submit', version: created.version }),
        409,
        'VERSION_CONFLICT',
        'body.version',
      );
      expect((await hq.get(`/api/v1/seeds/${created.id}`)).body.status).toBe('draft');
    });
  });

  describe('needs and the confidential company', () => {
    let needId: number;

    beforeAll(async () => {
      const need = await publishListing(
        company,
        coordinator,
        'needs',
        needBody(companyId, { confidential: true }),
      );
      needId = need.id;
    });

    it('lets a company post needs for itself only', async () => {
      expectProblem(await otherCompany.post('/api/v1/needs', needBody(companyId)), 403, 'FORBIDDEN');
      expectProblem(
        await coordinator.post('/api/v1/needs', needBody(987654)),
        422,
        'UNKNOWN_REFERENCE',
        'body.organizationId',
      );
      expect((await hq.post('/api/v1/needs', needBody(companyId))).status).toBe(403);
    });

    it.each([
      ['no title', { title: { ja: '', en: '' } }, 'body.title'],
      ['no description', { description: { ja: ' ', en: '' } }, 'body.description'],
      [
        'a description over 4,000 characters',
        { description: { ja: 'あ'.repeat(4001) } },
        'body.description.ja',
      ],
      ['an unknown prefecture', { prefectureCode: '48' }, 'body.prefectureCode'],
      ['a malformed wanted-by date', { wantedBy: '2005-13-01' }, 'body.wantedBy'],
    ])('answers 400 naming the field for %s', async (_what, overrides, field) => {
      const before = await countRows(t, 'needs');
      const res = await company.post('/api/v1/needs', needBody(companyId, overrides));
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(res.body.errors)).toContain(field);
      expect(await countRows(t, 'needs')).toBe(before);
    });

    it('names the company to coordinators, officers and the company itself only', async () => {
      for (const client of [coordinator, officer, company]) {
        const res = await client.get(`/api/v1/needs/${needId}`);
        expect(res.body).toMatchObject({ companyHidden: false, company: { id: companyId } });
      }
      for (const client of [t.anonymous(), hq, evaluator, otherCompany]) {
        const res = await client.get(`/api/v1/needs/${needId}`);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ company: null, companyHidden: true, confidential: true });
        expect(JSON.stringify(res.body)).not.toContain(secretName);
        const list = await client.get('/api/v1/needs?limit=200');
        expect(list.body.items.some((n: { id: number }) => n.id === needId)).toBe(true);
        expect(JSON.stringify(list.body)).not.toContain(secretName);
        // Filtering by the company would tell which needs are its: the confidential one stays out.
        const filtered = await client.get(`/api/v1/needs?organizationId=${companyId}`);
        expect(filtered.body.items.map((n: { id: number }) => n.id)).not.toContain(needId);
      }
    });

    it('shows the company once it agrees to disclose, and never hides it again', async () => {
      const need = await publishListing(
        company,
        coordinator,
        'needs',
        needBody(companyId, { confidential: true }),
      );
      expectProblem(
        await hq.patch(`/api/v1/needs/${need.id}`, { version: need.version, confidential: false }),
        403,
        'FORBIDDEN',
      );
      const disclosed = await company.patch(`/api/v1/needs/${need.id}`, {
        version: need.version,
        confidential: false,
      });
      expect(disclosed.body).toMatchObject({ confidential: false });
      expect(disclosed.body.disclosedAt).not.toBeNull();
      expect((await lastAuditEntry(t)).action).toBe('need.disclose');
      const publicView = await t.anonymous().get(`/api/v1/needs/${need.id}`);
      expect(publicView.body).toMatchObject({ companyHidden: false, company: { id: companyId } });
      expectProblem(
        await company.patch(`/api/v1/needs/${need.id}`, {
          version: disclosed.body.version,
          confidential: true,
        }),
        422,
        'RULE_VIOLATION',
        'body.confidential',
      );
    });
  });

  describe('GET /api/v1/needs/:id/matching-seeds and /seeds/:id/matching-needs', () => {
    let liveSeed: number;
    let englishSeed: number;
    let draftSeed: number;
    let expiredSeed: number;
    let need: number;

    beforeAll(async () => {
      liveSeed = (await publishListing(hq, coordinator, 'seeds', seedBody())).id;
      englishSeed = (
        await publishListing(
          kyotoHq,
          coordinator,
          'seeds',
          seedBody({
            clusterKey: 'kyoto',
            title: { en: 'FPGA vision unit for icy road detection' },
            summary: {
              en: 'Detects icy and snowy road surfaces from a vehicle camera with an FPGA at low power.',
            },
            keywords: ['FPGA', 'road surface', 'ice'],
            stage: 'prototype',
          }),
        )
      ).id;
      draftSeed = (await hq.post('/api/v1/seeds', seedBody())).body.id as number;
      expiredSeed = (await publishListing(hq, coordinator, 'seeds', seedBody())).id;
      await t.database.db
        .updateTable('seeds')
        .set({ expires_on: '2005-03-31' })
        .where('id', '=', expiredSeed)
        .execute();
      // The expiry change above went round the service: bump the index like a write would.
      await t.database.db
        .updateTable('matching_revision')
        .set({ revision: 1_000_000 })
        .where('name', '=', 'seeds')
        .execute();
      need = (
        await publishListing(
          company,
          coordinator,
          'needs',
          needBody(companyId, {
            title: { ja: '凍結路面を検知するFPGAカメラ', en: '' },
            description: {
              ja: '除雪車で路面の凍結と圧雪を走行中に判別したい。FPGAの画像認識に関心がある。',
              en: '',
            },
            confidential: true,
          }),
        )
      ).id;
    });

    it('ranks published, unexpired seeds with the terms and signals that matched', async () => {
      const res = await coordinator.get(`/api/v1/needs/${need}/matching-seeds?limit=20`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const ids = res.body.items.map((s: { seed: { id: number } }) => s.seed.id);
      expect(ids).toContain(liveSeed);
      // The English-only Kyoto seed meets the Japanese need on the terms they share (FPGA).
      expect(ids).toContain(englishSeed);
      expect(ids).not.toContain(draftSeed);
      expect(ids).not.toContain(expiredSeed);
      const first = res.body.items[0];
      expect(first.rank).toBe(1);
      expect(first.seed.cluster.key).toBe('sapporo');
      expect(first.explanation.matched.map((m: { term: string }) => m.term)).toContain('fpga');
      expect(first.explanation.signals).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'same_field' }),
          expect.objectContaining({ kind: 'same_region', region: 'hokkaido' }),
        ]),
      );
      expect(first.explanation.score).toBeGreaterThan(first.explanation.textScore);
    });

    it('lets the need’s company and the seed’s headquarters ask, no one else', async () => {
      expect((await company.get(`/api/v1/needs/${need}/matching-seeds`)).status).toBe(200);
      expect((await hq.get(`/api/v1/needs/${need}/matching-seeds`)).status).toBe(403);
      expect((await otherCompany.get(`/api/v1/needs/${need}/matching-seeds`)).status).toBe(403);
      expect((await t.anonymous().get(`/api/v1/needs/${need}/matching-seeds`)).status).toBe(401);
      const forHq = await hq.get(`/api/v1/seeds/${liveSeed}/matching-needs?limit=50`);
      expect(forHq.status).toBe(200);
      const found = forHq.body.items.find((n: { need: { id: number } }) => n.need.id === need);
      expect(found.need).toMatchObject({ company: null, companyHidden: true });
      // (Another need of the same company was disclosed above: only this one must stay anonymous.)
      expect(JSON.stringify(found)).not.toContain(secretName);
      expect((await kyotoHq.get(`/api/v1/seeds/${liveSeed}/matching-needs`)).status).toBe(403);
    });

    it('drops a seed from the suggestions once it is withdrawn', async () => {
      const seed = (await coordinator.get(`/api/v1/seeds/${englishSeed}`)).body;
      await coordinator.post(`/api/v1/seeds/${englishSeed}/actions`, {
        action: 'withdraw',
        version: seed.version,
      });
      const res = await coordinator.get(`/api/v1/needs/${need}/matching-seeds?limit=50`);
      expect(res.body.items.map((s: { seed: { id: number } }) => s.seed.id)).not.toContain(englishSeed);
    });
  });
});
