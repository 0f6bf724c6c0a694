/**
 * Scores and published results through HTTP on every engine, on the hand-computed round of
 * test/support/scored-round.ts: totals as means over non-conflicted submitted evaluators, a tie
 * sharing rank 2, bands and scores on 100, grade distributions, agreement, leniency and ranking
 * stability; who reads what when (officers from scoring, evaluators once they have submitted,
 * everyone once published, names only for officers); consolidated comments; publication once,
 * complete or explicitly incomplete; the public results and a cluster's results across rounds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { krippendorffAlpha } from '../../../domain/evaluation';
import { ENGINES } from '../../../../test/support/engines';
import { countRows, expectProblem, lastAuditEntry, signInNew } from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import {
  buildScoredRound,
  handComputedGradings,
  type ScoredRound,
} from '../../../../test/support/scored-round';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

interface Entry {
  cluster: { key: string };
  totalScore: number | null;
  score100: number | null;
  rank: number | null;
  tiedWith: string[];
  band: string | null;
  evaluatorCount: number;
  conflictedCount: number;
  pendingCount: number;
  evaluators: { evaluator: { label: string; name: string | null; isMe: boolean }; score: number }[];
  distribution: { item: string; counts: { grade: string; count: number }[]; graded: number }[];
  stability: { baselineRank: number; keptRankShare: number; minRank: number; maxRank: number } | null;
  comment: { ja: string; en: string } | null;
  commentVersion: number | null;
}

const entryOf = (body: { clusters: Entry[] }, key: string): Entry =>
  body.clusters.find((c) => c.cluster.key === key)!;
const counts = (d: { counts: { grade: string; count: number }[] }) =>
  Object.fromEntries(d.counts.map((c) => [c.grade, c.count]));

describe.each(ENGINES)('round scores and results on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let hq: HttpClient;
  let outsider: HttpClient;
  let e1: { id: number; client: HttpClient };
  let e2: { id: number; client: HttpClient };
  let e3: { id: number; client: HttpClient };
  let names: string[];
  let round: ScoredRound;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = (await signInNew(t, 'programme_officer')).client;
    hq = (await signInNew(t, 'cluster_headquarters', { clusterKey: 'sapporo' })).client;
    outsider = (await signInNew(t, 'evaluator')).client;
    // Created in this order, so their labels are A, B, C.
    e1 = await signInNew(t, 'evaluator');
    e2 = await signInNew(t, 'evaluator');
    e3 = await signInNew(t, 'evaluator');
    names = (
      await t.database.db
        .selectFrom('accounts')
        .select('display_name')
        .where('id', 'in', [e1.id, e2.id, e3.id])
        .orderBy('id')
        .execute()
    ).map((a) => a.display_name);
    round = await buildScoredRound(t, officer, { gradings: handComputedGradings(e1.id, e2.id, e3.id) });
  });
  afterAll(async () => t?.close());

  describe('GET /api/v1/rounds/:key/scores', () => {
    it('gives officers the hand-computed totals: conflicted grades excluded, equal totals sharing rank 2', async () => {
      const res = await officer.get(`/api/v1/rounds/${round.key}/scores`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body).toMatchObject({
        audience: 'officer',
        source: 'live',
        complete: true,
        pendingAssignments: 0,
      });
      expect(res.body.clusters.map((c: Entry) => c.cluster.key).slice(0, 1)).toEqual(['sapporo']);
      expect(res.body.clusters.map((c: Entry) => c.rank)).toEqual([1, 2, 2, 4]);

      const sapporo = entryOf(res.body, 'sapporo');
      expect(sapporo.totalScore).toBeCloseTo(3.7, 10);
      expect(sapporo.score100).toBeCloseTo(90, 9);
      expect(sapporo).toMatchObject({ rank: 1, band: 'S', evaluatorCount: 3, tiedWith: [] });
      expect(sapporo.evaluators.map((e) => e.score)).toEqual([
        expect.closeTo(3.8, 10),
        expect.closeTo(3.6, 10),
        expect.closeTo(3.7, 10),
      ]);
      expect(sapporo.evaluators.map((e) => e.evaluator.name)).toEqual(names);

      const sendai = entryOf(res.body, 'sendai');
      expect(sendai.totalScore).toBeCloseTo(3.2, 10);
      expect(sendai).toMatchObject({
        rank: 2,
        band: 'A',
        tiedWith: ['nagano'],
        evaluatorCount: 2,
        conflictedCount: 1,
        pendingCount: 0,
      });
      expect(sendai.evaluators.map((e) => [e.evaluator.label, e.score])).toEqual([
        ['A', expect.closeTo(3.0, 10)],
        ['B', expect.closeTo(3.4, 10)],
      ]);
      const nagano = entryOf(res.body, 'nagano');
      expect(nagano.totalScore).toBeCloseTo(3.2, 10);
      expect(nagano.score100).toBeCloseTo(220 / 3, 9);
      expect(nagano).toMatchObject({ rank: 2, band: 'A', tiedWith: ['sendai'], evaluatorCount: 3 });
      const hamamatsu = entryOf(res.body, 'hamamatsu');
      expect(hamamatsu.totalScore).toBeCloseTo(2.0, 10);
      expect(hamamatsu).toMatchObject({ rank: 4, band: 'B' });
      expect(hamamatsu.score100).toBeCloseTo(100 / 3, 9);

      expect(res.body.weightSet).toMatchObject({ version: 1, method: 'mean' });
      expect(res.body.weightSet.weights).toEqual([
        { item: 'progress.tech', weight: 50, display: 50, text: '50.0' },
        { item: 'progress.biz', weight: 30, display: 30, text: '30.0' },
        { item: 'plans.future', weight: 20, display: 20, text: '20.0' },
      ]);
      expect(res.body.items.map((i: { key: string; groupKey: string }) => [i.key, i.groupKey])).toEqual([
        ['progress.tech', 'progress'],
        ['progress.biz', 'progress'],
        ['plans.future', 'plans'],
      ]);
    });

    it('counts the grades per item, round-wide and per cluster, without the conflicted grading', async () => {
      const res = await officer.get(`/api/v1/rounds/${round.key}/scores`);
      const [tech, biz, future] = res.body.distribution;
      expect(counts(tech)).toEqual({ S: 5, A: 3, B: 3, C: 0 });
      expect(counts(biz)).toEqual({ S: 3, A: 5, B: 2, C: 1 });
      expect(counts(future)).toEqual({ S: 2, A: 5, B: 3, C: 1 });
      expect(res.body.distribution.map((d: { graded: number }) => d.graded)).toEqual([11, 11, 11]);
      const sendai = entryOf(res.body, 'sendai');
      expect(sendai.distribution.map(counts)).toEqual([
        { S: 1, A: 1, B: 0, C: 0 },
        { S: 0, A: 1, B: 1, C: 0 },
        { S: 1, A: 1, B: 0, C: 0 },
      ]);
    });

    it('measures agreement, leniency and ranking stability', async () => {
      const res = await officer.get(`/api/v1/rounds/${round.key}/scores`);
      // 4 clusters × 3 items, 11 counted gradings × 3 items.
      expect(res.body.agreement.overall).toMatchObject({ pairableUnits: 12, pairableValues: 33 });
      const points: Record<string, number> = { S: 4, A: 3, B: 2, C: 1 };
      const grids = handComputedGradings(1, 2, 3);
      const units = Object.values(grids).flatMap((gradings) =>
        [0, 1, 2].map((i) => gradings.filter((g) => !g.conflict).map((g) => points[g.grades[i]!]!)),
      );
      expect(res.body.agreement.overall.alpha).toBeCloseTo(krippendorffAlpha(units, 'ordinal').alpha!, 12);
      expect(res.body.agreement.items.map((i: { item: string }) => i.item)).toEqual([
        'progress.tech',
        'progress.biz',
        'plans.future',
      ]);

      // E1 grades 1/12 point below colleagues on average; E3's offsets cancel out (hand-computed).
      expect(res.body.leniency).toEqual([
        {
          evaluator: expect.objectContaining({ label: 'A', name: names[0] }),
          leniency: expect.closeTo(-1 / 12, 10),
          units: 12,
        },
        {
          evaluator: expect.objectContaining({ label: 'B', name: names[1] }),
          leniency: expect.any(Number),
          units: 12,
        },
        {
          evaluator: expect.objectContaining({ label: 'C', name: names[2] }),
          leniency: expect.closeTo(0, 10),
          units: 9,
        },
      ]);

      expect(res.body.stability).toEqual({ seed: 20050323, trials: 1000, perturbation: 0.2 });
      // Sapporo and Hamamatsu are far from the others; the tied pair splits one way or the other.
      expect(entryOf(res.body, 'sapporo').stability).toMatchObject({
        baselineRank: 1,
        keptRankShare: 1,
        minRank: 1,
        maxRank: 1,
      });
      expect(entryOf(res.body, 'hamamatsu').stability).toMatchObject({
        keptRankShare: 1,
        minRank: 4,
        maxRank: 4,
      });
      const sendai = entryOf(res.body, 'sendai').stability!;
      const nagano = entryOf(res.body, 'nagano').stability!;
      expect(sendai).toMatchObject({ baselineRank: 2, minRank: 2, maxRank: 3 });
      expect(sendai.keptRankShare).toBeGreaterThan(0);
      expect(sendai.keptRankShare).toBeLessThan(1);
      expect(sendai.keptRankShare + nagano.keptRankShare).toBeCloseTo(1, 10);
    });

    it('reproduces the stability trials from the seed and takes trials and perturbation from the query', async () => {
      const url = `/api/v1/rounds/${round.key}/scores?trials=300&perturbation=0.5&seed=7`;
      const a = await officer.get(url);
      const b = await officer.get(url);
      expect(a.status, JSON.stringify(a.body)).toBe(200);
      expect(a.body.stability).toEqual({ seed: 7, trials: 300, perturbation: 0.5 });
      expect(a.body.clusters.map((c: Entry) => c.stability)).toEqual(
        b.body.clusters.map((c: Entry) => c.stability),
      );
    });

    it.each([
      ['trials=0', 'query.trials'],
      ['trials=10001', 'query.trials'],
      ['trials=2.5', 'query.trials'],
      ['perturbation=0', 'query.perturbation'],
      ['perturbation=0.6', 'query.perturbation'],
      ['perturbation=abc', 'query.perturbation'],
      ['seed=-1', 'query.seed'],
      ['colour=red', 'query.colour'],
    ])('refuses %s with 400 naming the field', async (query, field) => {
      expectProblem(
        await officer.get(`/api/v1/rounds/${round.key}/scores?${query}`),
        400,
        'VALIDATION_FAILED',
        field,
      );
    });

    it('shows an evaluator who has submitted everything the scores, with colleagues anonymised and no leniency', async () => {
      const res = await e2.client.get(`/api/v1/rounds/${round.key}/scores`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.audience).toBe('evaluator');
      expect(res.body.leniency).toBeNull();
      const sapporo = entryOf(res.body, 'sapporo');
      expect(sapporo.evaluators.map((e) => e.evaluator)).toEqual([
        { label: 'A', displayLabel: { ja: '評価者A', en: 'Evaluator A' }, name: null, isMe: false },
        { label: 'B', displayLabel: { ja: '評価者B', en: 'Evaluator B' }, name: names[1], isMe: true },
        { label: 'C', displayLabel: { ja: '評価者C', en: 'Evaluator C' }, name: null, isMe: false },
      ]);
      expect(JSON.stringify(res.body)).not.toContain(names[0]);
      expect(JSON.stringify(res.body)).not.toContain(names[2]);
      // E3 is conflicted with Sendai: the scores E3 reads leave Sendai out entirely.
      const asConflicted = await e3.client.get(`/api/v1/rounds/${round.key}/scores`);
      expect(asConflicted.status, JSON.stringify(asConflicted.body)).toBe(200);
      expect(asConflicted.body.clusters.map((c: Entry) => c.cluster.key).sort()).toEqual([
        'hamamatsu',
        'nagano',
        'sapporo',
      ]);
    });

    it('keeps the scores from evaluators who have not submitted, from outsiders and from the public until publication', async () => {
      const pending = await buildScoredRound(t, officer, {
        gradings: {
          sapporo: [
            { evaluator: e1.id, grades: ['S', 'A', 'B'] },
            { evaluator: e2.id, grades: ['A', 'A', 'A'], submitted: false },
          ],
        },
      });
      expectProblem(await e2.client.get(`/api/v1/rounds/${pending.key}/scores`), 403, 'FORBIDDEN');
      expect((await e1.client.get(`/api/v1/rounds/${pending.key}/scores`)).status).toBe(200);
      expectProblem(await outsider.get(`/api/v1/rounds/${pending.key}/scores`), 403, 'FORBIDDEN');
      expectProblem(await hq.get(`/api/v1/rounds/${pending.key}/scores`), 403, 'FORBIDDEN');
      expectProblem(await t.anonymous().get(`/api/v1/rounds/${pending.key}/scores`), 401, 'UNAUTHENTICATED');
      const officerView = await officer.get(`/api/v1/rounds/${pending.key}/scores`);
      expect(officerView.body).toMatchObject({ complete: false, pendingAssignments: 1 });
      expect(entryOf(officerView.body, 'sapporo')).toMatchObject({ evaluatorCount: 1, pendingCount: 1 });
    });

    it('shows no one the totals while grading runs', async () => {
      const grading = await buildScoredRound(t, officer, {
        status: 'grading',
        gradings: { sapporo: [{ evaluator: e1.id, grades: ['S', 'S', 'S'] }] },
      });
      expectProblem(
        await officer.get(`/api/v1/rounds/${grading.key}/scores`),
        409,
        'WRONG_PHASE',
        'params.key',
      );
      expectProblem(await e1.client.get(`/api/v1/rounds/${grading.key}/scores`), 409, 'WRONG_PHASE');
      expectProblem(await officer.get('/api/v1/rounds/no-such-round/scores'), 404, 'NOT_FOUND');
    });
  });

  describe('PUT /api/v1/rounds/:key/results/:clusterKey/comment', () => {
    it('writes a consolidated comment at its version, audited, and shows it to officers', async () => {
      const url = `/api/v1/rounds/${round.key}/results/sapporo/comment`;
      const first = await officer.put(url, { comment: { ja: '事業化への道筋が明確', en: '' } });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      expect(first.body).toMatchObject({
        cluster: { key: 'sapporo' },
        comment: { ja: '事業化への道筋が明確', en: '' },
        version: 1,
      });
      expect((await lastAuditEntry(t)).action).toBe('round-result.comment');

      expectProblem(
        await officer.put(url, { comment: { ja: 'x' } }),
        409,
        'VERSION_CONFLICT',
        'body.version',
      );
      const second = await officer.put(url, {
        comment: { ja: '事業化への道筋が明確', en: 'A clear course toward business' },
        version: 1,
      });
      expect(second.body).toMatchObject({ version: 2, comment: { en: 'A clear course toward business' } });
      const scores = await officer.get(`/api/v1/rounds/${round.key}/scores`);
      expect(entryOf(scores.body, 'sapporo').comment).toEqual({
        ja: '事業化への道筋が明確',
        en: 'A clear course toward business',
      });
      expect(entryOf(scores.body, 'sapporo').commentVersion).toBe(2);
      expect(entryOf(scores.body, 'sendai').comment).toBeNull();
      expect(entryOf(scores.body, 'sendai').commentVersion).toBeNull();
      const evaluatorView = await e1.client.get(`/api/v1/rounds/${round.key}/scores`);
      expect(entryOf(evaluatorView.body, 'sapporo').comment).toBeNull();
      expect(entryOf(evaluatorView.body, 'sapporo').commentVersion).toBeNull();
    });

    it.each([
      ['a comment too long', { comment: { ja: 'あ'.repeat(4001) } }, 'body.comment.ja'],
      ['an unknown field', { comment: { ja: 'x' }, colour: 'red' }, 'body.colour'],
      ['no comment', {}, 'body.comment'],
    ])('refuses %s with 400 and writes nothing', async (_name, body, field) => {
      const before = await countRows(t, 'round_result_comments');
      expectProblem(
        await officer.put(`/api/v1/rounds/${round.key}/results/sendai/comment`, body),
        400,
        'VALIDATION_FAILED',
        field,
      );
      expect(await countRows(t, 'round_result_comments')).toBe(before);
    });

    it('refuses clusters outside the round and everyone but officers', async () => {
      expectProblem(
        await officer.put(`/api/v1/rounds/${round.key}/results/kyoto/comment`, { comment: { ja: 'x' } }),
        404,
        'NOT_FOUND',
      );
      expectProblem(
        await hq.put(`/api/v1/rounds/${round.key}/results/sapporo/comment`, { comment: { ja: 'x' } }),
        403,
        'FORBIDDEN',
      );
    });
  });

  describe('POST /api/v1/rounds/:key/publish', () => {
    it('refuses a round with gradings outstanding unless published incomplete with a reason', async () => {
      const incomplete = await buildScoredRound(t, officer, {
        gradings: {
          sapporo: [{ evaluator: e1.id, grades: ['S', 'A', 'B'] }],
          sendai: [{ evaluator: e1.id, grades: ['A', 'A', 'A'], submitted: false }],
        },
      });
      const { version } = (await officer.get(`/api/v1/rounds/${incomplete.key}`)).body as { version: number };
      const results = await countRows(t, 'round_results');
      expectProblem(
        await officer.post(`/api/v1/rounds/${incomplete.key}/publish`, { version }),
        422,
        'RULE_VIOLATION',
        'body.allowIncomplete',
      );
      expectProblem(
        await officer.post(`/api/v1/rounds/${incomplete.key}/publish`, { version, allowIncomplete: true }),
        400,
        'VALIDATION_FAILED',
        'body.reason',
      );
      expect(await countRows(t, 'round_results')).toBe(results);
      expect((await officer.get(`/api/v1/rounds/${incomplete.key}`)).body.status).toBe('scoring');

      const published = await officer.post(`/api/v1/rounds/${incomplete.key}/publish`, {
        version,
        allowIncomplete: true,
        reason: 'The evaluator withdrew for health reasons',
      });
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      expect(published.body.clusters).toEqual([
        expect.objectContaining({
          cluster: expect.objectContaining({ key: 'sapporo' }),
          rank: 1,
          evaluatorCount: 1,
        }),
        expect.objectContaining({
          cluster: expect.objectContaining({ key: 'sendai' }),
          totalScore: null,
          score100: null,
          rank: null,
          band: null,
          evaluatorCount: 0,
        }),
      ]);
      const entry = await lastAuditEntry(t);
      expect(entry.action).toBe('round.publish');
      expect(JSON.parse(entry.after_json!)).toMatchObject({
        allowIncomplete: true,
        pendingGradings: 1,
        reason: 'The evaluator withdrew for health reasons',
      });
    });

    it('refuses everyone but officers, a stale version and a round not yet scored', async () => {
      const { version } = (await officer.get(`/api/v1/rounds/${round.key}`)).body as { version: number };
      expectProblem(await hq.post(`/api/v1/rounds/${round.key}/publish`, { version }), 403, 'FORBIDDEN');
      expectProblem(
        await officer.post(`/api/v1/rounds/${round.key}/publish`, { version: version + 5 }),
        409,
        'VERSION_CONFLICT',
        'body.version',
      );
      const grading = await buildScoredRound(t, officer, {
        status: 'grading',
        gradings: { sapporo: [{ evaluator: e1.id, grades: ['S', 'S', 'S'] }] },
      });
      const g = (await officer.get(`/api/v1/rounds/${grading.key}`)).body as { version: number };
      expectProblem(
        await officer.post(`/api/v1/rounds/${grading.key}/publish`, { version: g.version }),
        409,
        'WRONG_PHASE',
      );
    });

    it('publishes the results once: a snapshot per cluster with the weight set and comments, read by everyone', async () => {
      expectProblem(await t.anonymous().get(`/api/v1/rounds/${round.key}/results`), 409, 'WRONG_PHASE');
      const { version } = (await officer.get(`/api/v1/rounds/${round.key}`)).body as { version: number };
      const res = await officer.post(`/api/v1/rounds/${round.key}/publish`, { version });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.clusters.map((c: Entry) => [c.cluster.key, c.rank, c.band])).toEqual([
        ['sapporo', 1, 'S'],
        [expect.any(String), 2, 'A'],
        [expect.any(String), 2, 'A'],
        ['hamamatsu', 4, 'B'],
      ]);
      expect(res.body.clusters[0].comment).toEqual({
        ja: '事業化への道筋が明確',
        en: 'A clear course toward business',
      });
      expect(res.body.weightSet.version).toBe(1);
      expect((await lastAuditEntry(t)).action).toBe('round.publish');
      const rows = await t.database.db
        .selectFrom('round_results')
        .selectAll()
        .where('round_id', '=', round.id)
        .orderBy('cluster_id')
        .execute();
      expect(rows).toHaveLength(4);
      const sendai = rows.find((r) => r.cluster_id === round.clusterIds.sendai)!;
      expect(sendai).toMatchObject({ rank: 2, band: 'A', evaluator_count: 2 });
      expect(sendai.total_score).toBeCloseTo(3.2, 10);
      const detail = (await officer.get(`/api/v1/rounds/${round.key}`)).body;
      expect(detail).toMatchObject({
        status: 'published',
        publishedAt: expect.any(String),
        version: version + 1,
      });

      expectProblem(
        await officer.post(`/api/v1/rounds/${round.key}/publish`, { version: version + 1 }),
        409,
        'DUPLICATE',
      );
      expect(await countRows(t, 'round_results')).toBeGreaterThanOrEqual(4);

      const anonymous = t.anonymous();
      const results = await anonymous.get(`/api/v1/rounds/${round.key}/results`);
      expect(results.status).toBe(200);
      expect(results.body.clusters).toHaveLength(4);
      const scores = await anonymous.get(`/api/v1/rounds/${round.key}/scores`);
      expect(scores.status, JSON.stringify(scores.body)).toBe(200);
      expect(scores.body).toMatchObject({ audience: 'public', source: 'published', leniency: null });
      // Totals only: no evaluator's individual score reaches the public.
      for (const c of scores.body.clusters as Entry[]) expect(c.evaluators).toEqual([]);
      expect(entryOf(scores.body, 'sendai')).toMatchObject({
        rank: 2,
        tiedWith: ['nagano'],
        evaluatorCount: 2,
      });
      for (const body of [
        results.body,
        scores.body,
        (await hq.get(`/api/v1/rounds/${round.key}/scores`)).body,
      ])
        for (const name of names) expect(JSON.stringify(body)).not.toContain(name);

      const comment = await officer.put(`/api/v1/rounds/${round.key}/results/sendai/comment`, {
        comment: { ja: '遅すぎ' },
      });
      expectProblem(comment, 409, 'WRONG_PHASE', 'body.comment');
    });
  });

  describe('the announcement date', () => {
    it('keeps results published ahead of their announcement date to officers until the day comes (Japan time)', async () => {
      const early = await buildScoredRound(t, officer, {
        gradings: handComputedGradings(e1.id, e2.id, e3.id),
      });
      // Tomorrow in Japan, whatever the time of day here.
      const tomorrow = new Date(Date.now() + 9 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
      const detail = (await officer.get(`/api/v1/rounds/${early.key}`)).body as { version: number };
      const dated = await officer.patch(`/api/v1/rounds/${early.key}`, {
        version: detail.version,
        announceOn: tomorrow,
      });
      expect(dated.status, JSON.stringify(dated.body)).toBe(200);
      const finding = await officer.post(`/api/v1/rounds/${early.key}/findings`, {
        clusterKey: 'sapporo',
        tag: 'talent',
        text: { ja: '人材の育成', en: 'Foster talent' },
      });
      expect(finding.status, JSON.stringify(finding.body)).toBe(201);
      const published = await officer.post(`/api/v1/rounds/${early.key}/publish`, {
        version: dated.body.version,
      });
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      expect(published.body.round).toMatchObject({ announceOn: tomorrow, isDemo: false });

      // Officers read the snapshot at once; everyone else meets a 409 naming the day.
      expect((await officer.get(`/api/v1/rounds/${early.key}/results`)).status).toBe(200);
      const listed = (await officer.get('/api/v1/rounds')).body.items.find(
        (r: { key: string }) => r.key === early.key,
      );
      expect(listed).toMatchObject({ announced: false, publishedAt: expect.any(String) });
      for (const client of [t.anonymous(), hq, e1.client]) {
        for (const path of ['results', 'scores', 'report?format=xlsx']) {
          const res = await client.get(`/api/v1/rounds/${early.key}/${path}`);
          expectProblem(res, 409, 'WRONG_PHASE', 'params.key');
          expect(res.body.detail).toContain(tomorrow);
        }
        const weights = (await client.get(`/api/v1/rounds/${early.key}/weights`)).body;
        expect(weights.locked).toBeNull();
      }
      const keysOf = (body: { items: { round: { key: string } }[] }) => body.items.map((i) => i.round.key);
      expect(keysOf((await t.anonymous().get('/api/v1/clusters/sapporo/evaluations')).body)).not.toContain(
        early.key,
      );
      expect(keysOf((await officer.get('/api/v1/clusters/sapporo/evaluations')).body)).toContain(early.key);
      expect((await t.anonymous().get(`/api/v1/rounds/${early.key}/findings`)).body.items).toEqual([]);
      expect(keysOf((await t.anonymous().get('/api/v1/clusters/sapporo/findings')).body)).not.toContain(
        early.key,
      );

      // The day comes (moved here rather than waiting): everyone reads the same snapshot.
      const yesterday = new Date(Date.now() + 9 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
      await t.database.db
        .updateTable('evaluation_rounds')
        .set({ announce_on: yesterday })
        .where('key', '=', early.key)
        .execute();
      const results = await t.anonymous().get(`/api/v1/rounds/${early.key}/results`);
      expect(results.status, JSON.stringify(results.body)).toBe(200);
      expect(results.body.clusters.map((c: Entry) => c.rank)).toEqual([1, 2, 2, 4]);
      expect((await hq.get(`/api/v1/rounds/${early.key}/scores`)).body.audience).toBe('public');
      expect(keysOf((await t.anonymous().get('/api/v1/clusters/sapporo/evaluations')).body)).toContain(
        early.key,
      );
      expect((await t.anonymous().get(`/api/v1/rounds/${early.key}/findings`)).body.items).toHaveLength(1);
      expect(
        (await t.anonymous().get('/api/v1/rounds')).body.items.find(
          (r: { key: string }) => r.key === early.key,
        ),
      ).toMatchObject({ announced: true });
    });
  });

  describe('GET /api/v1/clusters/:key/evaluations', () => {
    it("lists a cluster's published results across rounds for the public", async () => {
      const res = await t.anonymous().get('/api/v1/clusters/sapporo/evaluations');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const mine = res.body.items.find((i: { round: { key: string } }) => i.round.key === round.key);
      expect(mine).toMatchObject({
        rank: 1,
        band: 'S',
        clusterCount: 4,
        evaluatorCount: 3,
        weightSet: { version: 1 },
      });
      expect(mine.totalScore).toBeCloseTo(3.7, 10);
      expectProblem(await t.anonymous().get('/api/v1/clusters/atlantis/evaluations'), 404, 'NOT_FOUND');
    });
  });
});
