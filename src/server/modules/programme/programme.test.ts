import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import { expectProblem } from '../../../../test/support/factories';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

interface Group {
  key: string;
  items: { key: string; aspects: { ja: string; en: string }[] }[];
}

describe.each(ENGINES)('programme and reference data on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(engine);
  });
  afterAll(async () => t?.close());

  describe('GET /api/v1/programme', () => {
    it('gives the seed deck’s programme facts to the public', async () => {
      const res = await t.anonymous().get('/api/v1/programme');

      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        key: 'knowledge-cluster-initiative',
        name: { ja: '知的クラスター創成事業', en: 'Knowledge Cluster Initiative' },
        yenPerUsd: 110,
        annualBudgetPerClusterYen: 500_000_000,
        durationYears: 5,
        candidateRegions: 30,
        participants: { organizations: 500, researchers: 1500 },
      });
      expect(res.body.source).toEqual(expect.any(String));
      expect(res.body.source.length).toBeGreaterThan(0);
    });

    it('counts the 18 clusters as 12, 3 and 3 by start fiscal year', async () => {
      const res = await t.anonymous().get('/api/v1/programme');

      expect(res.body.clusterCount).toBe(18);
      expect(res.body.clustersByStartFy).toEqual([
        { fy: 2002, count: 12 },
        { fy: 2003, count: 3 },
        { fy: 2004, count: 3 },
      ]);
    });

    it('counts the clusters by key field, adding up to 18', async () => {
      const res = await t.anonymous().get('/api/v1/programme');

      const byField = Object.fromEntries(
        (res.body.clustersByKeyField as { keyField: string; count: number }[]).map((c) => [
          c.keyField,
          c.count,
        ]),
      );
      expect(byField).toEqual({ it: 7, nanotech_materials: 3, life_sciences: 8 });
    });
  });

  describe('GET /api/v1/reference', () => {
    it('lists the 47 prefectures with JIS codes, 13 indicators and 5 key fields', async () => {
      const res = await t.anonymous().get('/api/v1/reference');

      expect(res.status).toBe(200);
      expect(res.body.prefectures).toHaveLength(47);
      expect(res.body.prefectures[0]).toMatchObject({ code: '01', name: { en: 'Hokkaido' } });
      expect(res.body.prefectures.map((p: { code: string }) => p.code)).toEqual(
        Array.from({ length: 47 }, (_, i) => String(i + 1).padStart(2, '0')),
      );
      expect(res.body.indicators).toHaveLength(13);
      expect(res.body.keyFields).toHaveLength(5);
      expect(
        res.body.keyFields.filter((f: { isBasicPlanPriority: boolean }) => f.isBasicPlanPriority),
      ).toHaveLength(4);
    });

    it('lists the codes the UI labels: roles, statuses, organization kinds', async () => {
      const res = await t.anonymous().get('/api/v1/reference');

      expect(res.body.roles).toContain('cluster_headquarters');
      expect(res.body.clusterStatuses).toEqual(
        expect.arrayContaining(['trial', 'full', 'ended', 'withdrawn']),
      );
      expect(res.body.organizationKinds).toContain('core_organization');
      expect(res.body.indicators.find((i: { key: string }) => i.key === 'sales')).toMatchObject({
        unit: 'yen',
      });
    });
  });

  describe('GET /api/v1/criteria-templates', () => {
    it('gives the 2001 selection criteria as 4 groups of 10 items', async () => {
      const res = await t.anonymous().get('/api/v1/criteria-templates');

      expect(res.status).toBe(200);
      const selection = res.body.items.find((x: { key: string }) => x.key === 'selection-2001');
      expect(selection).toMatchObject({ kind: 'selection', grades: null });
      expect(selection.groups.map((g: Group) => g.key)).toEqual([
        'basic',
        'technical',
        'promotion',
        'regional',
      ]);
      expect(selection.groups.flatMap((g: Group) => g.items)).toHaveLength(10);
    });

    it('gives the 2004 intermediate evaluation with grades S/A/B/C and the regional item’s two aspects', async () => {
      const res = await t.anonymous().get('/api/v1/criteria-templates');

      const intermediate = res.body.items.find((x: { key: string }) => x.key === 'intermediate-2004');
      expect(intermediate).toMatchObject({ kind: 'intermediate', grades: ['S', 'A', 'B', 'C'] });
      const regional = intermediate.groups
        .flatMap((g: Group) => g.items)
        .find((i: { key: string }) => i.key === 'progress.regional');
      expect(regional.aspects).toEqual([
        expect.objectContaining({ en: 'Strategy for intellectual property, industrializing, etc.' }),
        expect.objectContaining({ en: 'Harmonization with other policies' }),
      ]);
    });
  });

  describe('GET /api/v1/criteria-templates/:key', () => {
    it('gives one template by key', async () => {
      const res = await t.anonymous().get('/api/v1/criteria-templates/intermediate-2004');

      expect(res.status).toBe(200);
      expect(res.body.key).toBe('intermediate-2004');
      expect(res.body.groups).toHaveLength(4);
    });

    it('answers 404 problem+json for an unknown key', async () => {
      const res = await t.anonymous().get('/api/v1/criteria-templates/selection-1999');

      expectProblem(res, 404, 'NOT_FOUND');
    });
  });
});
