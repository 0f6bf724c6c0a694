/**
 * Next fiscal year's subsidy through HTTP on every engine, from the hand-computed round of
 * test/support/scored-round.ts (sapporo 3.7, sendai 3.2, nagano 3.2, hamamatsu 2.0) and FY2004
 * subsidies of ¥500M, ¥500M, ¥400M (two lines) and ¥500M: +10 % / 0 / −10 % bands, a fixed total
 * that must sum exactly, floors and ceilings; bad rules get 400 naming the field and write
 * nothing; committing writes the FY2005 ledger once, replacing it only with a reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetLineKey } from '../../../domain/budget';
import { ENGINES } from '../../../../test/support/engines';
import { countRows, expectProblem, lastAuditEntry, signInNew } from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import {
  buildScoredRound,
  handComputedGradings,
  type ScoredRound,
} from '../../../../test/support/scored-round';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

const M = 1_000_000;
const BANDS = [
  { band: 'raise', minScore: 3.5, adjustment: 0.1 },
  { band: 'keep', minScore: 2.5, adjustment: 0 },
  { band: 'cut', minScore: -1e9, adjustment: -0.1 },
];

interface Line {
  cluster: { key: string };
  allocationBand: string;
  band: string | null;
  rank: number | null;
  currentYen: number;
  proposedYen: number;
  finalYen: number;
  changeYen: number;
  changePercent: number | null;
  clamped: 'floor' | 'ceiling' | null;
}

const finals = (body: { lines: Line[] }) =>
  Object.fromEntries(body.lines.map((l) => [l.cluster.key, l.finalYen / M]));

describe.each(ENGINES)('subsidy allocation on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let hq: HttpClient;
  let round: ScoredRound;

  async function tableCounts() {
    return {
      plans: await countRows(t, 'allocation_plans'),
      ledger: await countRows(t, 'budget_lines'),
      audit: await countRows(t, 'audit_log'),
    };
  }

  async function budget(
    cluster: string,
    fiscalYear: number,
    amountYen: number,
    source: string,
    kind = 'mext_subsidy',
  ) {
    const res = await officer.post('/api/v1/budgets', { cluster, fiscalYear, kind, amountYen, source });
    if (res.status !== 201)
      throw new Error(`budget line answered ${res.status}: ${JSON.stringify(res.body)}`);
  }

  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = (await signInNew(t, 'programme_officer')).client;
    hq = (await signInNew(t, 'cluster_headquarters', { clusterKey: 'sapporo' })).client;
    const [e1, e2, e3] = await Promise.all([
      signInNew(t, 'evaluator'),
      signInNew(t, 'evaluator'),
      signInNew(t, 'evaluator'),
    ]);
    round = await buildScoredRound(t, officer, { gradings: handComputedGradings(e1.id, e2.id, e3.id) });
    await budget('sapporo', 2004, 500 * M, 'MEXT grant decision FY2004');
    await budget('sendai', 2004, 500 * M, 'MEXT grant decision FY2004');
    await budget('nagano', 2004, 250 * M, 'MEXT grant decision FY2004');
    await budget('nagano', 2004, 150 * M, 'MEXT supplementary FY2004');
    await budget('hamamatsu', 2004, 500 * M, 'MEXT grant decision FY2004');
    // Neither another kind nor another year counts as the current subsidy.
    await budget('sapporo', 2004, 90 * M, 'Hokkaido prefecture FY2004', 'local_government');
    await budget('sapporo', 2003, 480 * M, 'MEXT grant decision FY2003');
  });
  afterAll(async () => t?.close());

  describe('POST /api/v1/rounds/:key/allocation/preview', () => {
    it('raises, keeps and cuts by band from the ledger of the base year, and writes nothing', async () => {
      const before = await tableCounts();
      const res = await officer.post(`/api/v1/rounds/${round.key}/allocation/preview`, { bands: BANDS });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({
        fiscalYear: 2005,
        scoreSource: 'live',
        fixedTotal: false,
        scale: 1,
        currentTotalYen: 1900 * M,
        proposedTotalYen: 1900 * M,
        totalYen: 1900 * M,
        rule: { unitYen: M, baseFiscalYear: 2004, fixedTotalYen: null, floorYen: null, ceilingYen: null },
      });
      const sapporo = res.body.lines.find((l: Line) => l.cluster.key === 'sapporo');
      expect(sapporo).toMatchObject({
        rank: 1,
        band: 'S',
        allocationBand: 'raise',
        currentYen: 500 * M,
        proposedYen: 550 * M,
        finalYen: 550 * M,
        changeYen: 50 * M,
        clamped: null,
      });
      expect(sapporo.changePercent).toBeCloseTo(10, 10);
      expect(finals(res.body)).toEqual({ sapporo: 550, sendai: 500, nagano: 400, hamamatsu: 450 });
      const hamamatsu = res.body.lines.find((l: Line) => l.cluster.key === 'hamamatsu');
      expect(hamamatsu).toMatchObject({ allocationBand: 'cut', changeYen: -50 * M });
      expect(hamamatsu.changePercent).toBeCloseTo(-10, 10);
      expect(await tableCounts()).toEqual(before);
    });

    it('rescales every proposal by one factor to a fixed total and rounds to ¥1M so the sum is exact', async () => {
      const res = await officer.post(`/api/v1/rounds/${round.key}/allocation/preview`, {
        bands: BANDS,
        fixedTotalYen: 1800 * M,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      // λ = 1800/1900: 521.05, 473.68, 378.95, 426.32 → floors sum to 1798; the two largest remainders get a unit.
      expect(res.body.scale).toBeCloseTo(18 / 19, 12);
      expect(finals(res.body)).toEqual({ sapporo: 521, sendai: 474, nagano: 379, hamamatsu: 426 });
      expect(res.body.lines.reduce((a: number, l: Line) => a + l.finalYen, 0)).toBe(1800 * M);
      expect(res.body.totalYen).toBe(1800 * M);
    });

    it('holds clusters at the floor and the ceiling and flags them', async () => {
      const fixed = await officer.post(`/api/v1/rounds/${round.key}/allocation/preview`, {
        bands: BANDS,
        fixedTotalYen: 1800 * M,
        floorYen: 400 * M,
        ceilingYen: 520 * M,
      });
      expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
      // Nagano (400 × λ < 400) is held at the floor; the rest share 1,400 at λ = 14/15.
      expect(finals(fixed.body)).toEqual({ sapporo: 513, sendai: 467, nagano: 400, hamamatsu: 420 });
      expect(fixed.body.lines.map((l: Line) => [l.cluster.key, l.clamped])).toContainEqual([
        'nagano',
        'floor',
      ]);
      expect(fixed.body.totalYen).toBe(1800 * M);

      const free = await officer.post(`/api/v1/rounds/${round.key}/allocation/preview`, {
        bands: BANDS,
        ceilingYen: 520 * M,
      });
      expect(finals(free.body)).toEqual({ sapporo: 520, sendai: 500, nagano: 400, hamamatsu: 450 });
      expect(free.body.lines.find((l: Line) => l.cluster.key === 'sapporo').clamped).toBe('ceiling');
      expect(free.body.totalYen).toBe(1870 * M);
    });

    it('reads the current subsidy of another base year, and labels unnamed bands by position', async () => {
      const res = await officer.post(`/api/v1/rounds/${round.key}/allocation/preview`, {
        bands: BANDS.map(({ minScore, adjustment }) => ({ minScore, adjustment })),
        baseFiscalYear: 2003,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.currentTotalYen).toBe(480 * M);
      expect(finals(res.body)).toEqual({ sapporo: 528, sendai: 0, nagano: 0, hamamatsu: 0 });
      expect(res.body.lines.map((l: Line) => l.allocationBand)).toEqual(['#1', '#2', '#2', '#3']);
      expect(res.body.lines.find((l: Line) => l.cluster.key === 'sendai').changePercent).toBeNull();
    });

    it.each([
      ['a total below the floors', { fixedTotalYen: 1000 * M, floorYen: 400 * M }, 'body.fixedTotalYen'],
      ['a total above the ceilings', { fixedTotalYen: 3000 * M, ceilingYen: 600 * M }, 'body.fixedTotalYen'],
      ['a total off the unit', { fixedTotalYen: 1800 * M + 500_000 }, 'body.fixedTotalYen'],
      ['a negative floor', { floorYen: -M }, 'body.floorYen'],
      ['a ceiling below the floor', { floorYen: 500 * M, ceilingYen: 400 * M }, 'body.ceilingYen'],
      ['a unit of 0', { unitYen: 0 }, 'body.unitYen'],
      [
        'bands not falling',
        {
          bands: [
            { minScore: 2.5, adjustment: 0.1 },
            { minScore: 3.5, adjustment: 0 },
          ],
        },
        'body.bands.1.minScore',
      ],
      [
        'a lower band raised more',
        {
          bands: [
            { minScore: 3.5, adjustment: 0 },
            { minScore: -1e9, adjustment: 0.1 },
          ],
        },
        'body.bands.1.adjustment',
      ],
      [
        'a score reaching no band',
        {
          bands: [
            { minScore: 3.5, adjustment: 0.1 },
            { minScore: 3.0, adjustment: 0 },
          ],
        },
        'body.bands.1.minScore',
      ],
      ['a cut beyond −100 %', { bands: [{ minScore: -1e9, adjustment: -1.5 }] }, 'body.bands.0.adjustment'],
      ['no bands', { bands: [] }, 'body.bands'],
      ['an unknown field', { colour: 'red' }, 'body.colour'],
      ['a fractional yen', { floorYen: 1.5 }, 'body.floorYen'],
    ])('refuses %s with 400 naming the field and writes nothing', async (_name, overrides, field) => {
      const before = await tableCounts();
      expectProblem(
        await officer.post(`/api/v1/rounds/${round.key}/allocation/preview`, { bands: BANDS, ...overrides }),
        400,
        'VALIDATION_FAILED',
        field,
      );
      expect(await tableCounts()).toEqual(before);
    });

    it('refuses everyone but officers, and rounds not yet scored', async () => {
      expectProblem(
        await hq.post(`/api/v1/rounds/${round.key}/allocation/preview`, { bands: BANDS }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await t.anonymous().post(`/api/v1/rounds/${round.key}/allocation/preview`, { bands: BANDS }),
        401,
        'UNAUTHENTICATED',
      );
      const e = await signInNew(t, 'evaluator');
      const grading = await buildScoredRound(t, officer, {
        status: 'grading',
        gradings: { sapporo: [{ evaluator: e.id, grades: ['S', 'S', 'S'] }] },
      });
      expectProblem(
        await officer.post(`/api/v1/rounds/${grading.key}/allocation/preview`, { bands: BANDS }),
        409,
        'WRONG_PHASE',
      );
    });
  });

  describe('POST /api/v1/rounds/:key/allocation/commit', () => {
    it('refuses to commit before the results are published, and GET finds no plan', async () => {
      const before = await tableCounts();
      expectProblem(
        await officer.post(`/api/v1/rounds/${round.key}/allocation/commit`, { bands: BANDS }),
        409,
        'WRONG_PHASE',
      );
      expect(await tableCounts()).toEqual(before);
      expectProblem(await officer.get(`/api/v1/rounds/${round.key}/allocation`), 404, 'NOT_FOUND');
    });

    it("writes next year's ledger and the plan in one audited transaction, readable by the public", async () => {
      const { version } = (await officer.get(`/api/v1/rounds/${round.key}`)).body as { version: number };
      expect((await officer.post(`/api/v1/rounds/${round.key}/publish`, { version })).status).toBe(200);

      const preview = await officer.post(`/api/v1/rounds/${round.key}/allocation/preview`, {
        bands: BANDS,
        fixedTotalYen: 1800 * M,
      });
      expect(preview.body.scoreSource).toBe('published');
      const ledgerBefore = await countRows(t, 'budget_lines');
      const res = await officer.post(`/api/v1/rounds/${round.key}/allocation/commit`, {
        bands: BANDS,
        fixedTotalYen: 1800 * M,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({
        status: 'committed',
        fiscalYear: 2005,
        totalYen: 1800 * M,
        replaceReason: null,
        ledgerSource: `evaluation round ${round.key}`,
        hiddenClusterCount: 0,
        history: [],
      });
      expect(res.body.lines).toEqual(preview.body.lines);
      expect(await countRows(t, 'budget_lines')).toBe(ledgerBefore + 4);

      const lines = await t.database.db
        .selectFrom('budget_lines')
        .selectAll()
        .where('fiscal_year', '=', 2005)
        .where('kind', '=', 'mext_subsidy')
        .execute();
      expect(lines).toHaveLength(4);
      const sapporo = lines.find((l) => l.cluster_id === round.clusterIds.sapporo)!;
      expect(Number(sapporo.amount_yen)).toBe(521 * M);
      expect(sapporo.source).toBe(`evaluation round ${round.key}`);
      expect(sapporo.line_key).toBe(
        budgetLineKey(round.clusterIds.sapporo!, 2005, 'mext_subsidy', `evaluation round ${round.key}`),
      );
      expect(lines.reduce((a, l) => a + Number(l.amount_yen), 0)).toBe(1800 * M);
      expect(res.body.ledgerLines).toContainEqual({
        clusterKey: 'sapporo',
        id: sapporo.id,
        amountYen: 521 * M,
      });

      const entry = await lastAuditEntry(t);
      expect(entry).toMatchObject({ action: 'allocation.commit', entity_type: 'allocation_plan' });
      expect(JSON.parse(entry.after_json!).ledger).toContainEqual({
        cluster: 'sapporo',
        lineId: sapporo.id,
        beforeYen: null,
        afterYen: 521 * M,
      });

      const ledger = await t.anonymous().get('/api/v1/budgets?fy=2005&kind=mext_subsidy');
      expect(ledger.body.totalYen).toBe(1800 * M);
      const publicPlan = await t.anonymous().get(`/api/v1/rounds/${round.key}/allocation`);
      expect(publicPlan.status, JSON.stringify(publicPlan.body)).toBe(200);
      expect(finals(publicPlan.body)).toEqual({ sapporo: 521, sendai: 474, nagano: 379, hamamatsu: 426 });
    });

    it('refuses a second commit unless it replaces the first with a reason, keeping the first as superseded', async () => {
      const before = await tableCounts();
      expectProblem(
        await officer.post(`/api/v1/rounds/${round.key}/allocation/commit`, { bands: BANDS }),
        409,
        'DUPLICATE',
        'body.replace',
      );
      expectProblem(
        await officer.post(`/api/v1/rounds/${round.key}/allocation/commit`, { bands: BANDS, replace: true }),
        400,
        'VALIDATION_FAILED',
        'body.reason',
      );
      expectProblem(
        await officer.post(`/api/v1/rounds/${round.key}/allocation/commit`, {
          bands: BANDS,
          fixedTotalYen: 1000 * M,
          floorYen: 400 * M,
          replace: true,
          reason: 'x',
        }),
        400,
        'VALIDATION_FAILED',
        'body.fixedTotalYen',
      );
      expect(await tableCounts()).toEqual(before);

      const first = (await officer.get(`/api/v1/rounds/${round.key}/allocation`)).body as { id: number };
      const replaced = await officer.post(`/api/v1/rounds/${round.key}/allocation/commit`, {
        bands: BANDS,
        replace: true,
        reason: 'The Diet kept the programme budget at this year’s level',
      });
      expect(replaced.status, JSON.stringify(replaced.body)).toBe(201);
      expect(finals(replaced.body)).toEqual({ sapporo: 550, sendai: 500, nagano: 400, hamamatsu: 450 });
      expect(replaced.body).toMatchObject({
        replaceReason: 'The Diet kept the programme budget at this year’s level',
        history: [{ id: first.id, totalYen: 1800 * M }],
      });
      const after = await tableCounts();
      expect(after.ledger).toBe(before.ledger);
      expect(after.plans).toBe(before.plans + 1);
      const statuses = await t.database.db
        .selectFrom('allocation_plans')
        .select(['id', 'status'])
        .where('round_id', '=', round.id)
        .orderBy('id')
        .execute();
      expect(statuses.map((s) => s.status)).toEqual(['superseded', 'committed']);
      const sapporo = await t.database.db
        .selectFrom('budget_lines')
        .selectAll()
        .where('fiscal_year', '=', 2005)
        .where('cluster_id', '=', round.clusterIds.sapporo!)
        .executeTakeFirstOrThrow();
      expect(Number(sapporo.amount_yen)).toBe(550 * M);
      expect(sapporo.version).toBe(2);
      const entry = await lastAuditEntry(t);
      expect(entry.action).toBe('allocation.replace');
      expect(JSON.parse(entry.after_json!).ledger).toContainEqual({
        cluster: 'sapporo',
        lineId: sapporo.id,
        beforeYen: 521 * M,
        afterYen: 550 * M,
      });
      expectProblem(
        await hq.post(`/api/v1/rounds/${round.key}/allocation/commit`, {
          bands: BANDS,
          replace: true,
          reason: 'x',
        }),
        403,
        'FORBIDDEN',
      );
    });
  });
});
