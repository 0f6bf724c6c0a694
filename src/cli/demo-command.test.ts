import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPostgresDatabase, ENGINES } from '../../test/support/engines';
import { HttpClient } from '../../test/support/http-client';
import { buildApp } from '../server/app';
import { readReferenceFiles } from '../server/modules/reference-data/reference-data.files';
import { loadConfig } from '../server/config';
import { systemContext } from '../server/context';
import { type DatabaseHandle, openDatabase } from '../server/db/database';
import { SESSION_COOKIE } from '../server/http/session-hooks';
import { createAccount } from '../server/modules/accounts/account.service';
import { computeCallResults } from '../server/modules/selection/result.service';
import { DEMO_CALL_KEY, DEMO_SOURCE } from './demo-data';
import { DEMO_ROUND_KEY } from './demo-round-data';
import { main } from './kcp';

/** Every table an evaluation round writes to: --remove must leave none of the demo's rows. */
const EVALUATION_TABLES = [
  'evaluation_rounds',
  'round_clusters',
  'round_members',
  'round_assignments',
  'self_evaluations',
  'weight_proposals',
  'weight_sets',
  'interviews',
  'grades',
  'round_results',
  'round_result_comments',
  'findings',
  'allocation_plans',
] as const;

function query<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = new SqliteDatabase(file, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

function scalar(file: string, sql: string, ...params: unknown[]): number {
  return Object.values(query<Record<string, number>>(file, sql, ...params)[0]!)[0]!;
}

describe('kcp demo on SQLite', () => {
  let dir: string;
  let file: string;
  let output: string[];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-demo-'));
    file = path.join(dir, 'kcp.sqlite');
    vi.stubEnv('KCP_DATA_DIR', dir);
    vi.stubEnv('DATABASE_URL', '');
    output = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void output.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void output.push(a.join(' ')));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('builds a labelled FY2002 selection: 30 proposals, the 18 real regions, complete reviews, conflicts kept out', async () => {
    expect(await main(['demo'])).toBe(0);
    const text = output.join('\n');
    expect(text).toContain(`/calls/${DEMO_CALL_KEY}/results`);
    expect(text).toMatch(/password of every demo account \(shown once\): \S+/);

    const [call] = query<Record<string, unknown>>(file, 'select * from calls where key = ?', DEMO_CALL_KEY);
    expect(call).toMatchObject({
      is_demo: 1,
      status: 'decision',
      slots: 12,
      source: DEMO_SOURCE,
      fiscal_year: 2002,
    });
    expect(call!.title_ja).toMatch(/^【デモ】/);
    expect(call!.title_en).toMatch(/^\[Demo\]/);
    expect(call!.reviews_revealed_at).not.toBeNull();
    expect(Number(call!.total_budget_yen)).toBe(6_000_000_000);
    const criteria = JSON.parse(call!.criteria_json as string) as {
      key: string;
      items: { weight: number }[];
    }[];
    expect(criteria.map((g) => g.key)).toEqual(['basic', 'technical', 'promotion', 'regional']);
    expect(criteria.find((g) => g.key === 'technical')!.items.every((i) => i.weight === 2)).toBe(true);

    const proposals = query<{ region_en: string; title_ja: string; is_demo: number; status: string }>(
      file,
      'select region_en, title_ja, is_demo, status from proposals where call_id = ?',
      call!.id,
    );
    expect(proposals).toHaveLength(30);
    expect(
      proposals.every(
        (p) => p.is_demo === 1 && p.status === 'submitted' && p.title_ja.startsWith('【デモ】'),
      ),
    ).toBe(true);
    const regions = new Set(proposals.map((p) => p.region_en));
    for (const row of readReferenceFiles().clusters) expect(regions).toContain(row.name_en);
    expect(proposals.filter((p) => p.region_en.endsWith('(synthetic)'))).toHaveLength(12);
    expect(
      scalar(
        file,
        "select count(*) from organizations o join proposals p on p.proposer_organization_id = o.id where o.kind = 'local_government' and o.name_ja like '%（デモ）'",
      ),
    ).toBe(30);

    // Reviewers, every assignment reviewed and submitted on every criterion.
    expect(scalar(file, 'select count(*) from call_reviewers where call_id = ?', call!.id)).toBe(24);
    // 30 proposers and 24 reviewers; 5 weighting members and 9 evaluators of the evaluation round;
    // the coordinator and the partner company of seeds to business (demo-matching.test.ts).
    expect(scalar(file, "select count(*) from accounts where email like '%@demo.kcp.invalid'")).toBe(70);
    expect(scalar(file, 'select count(*) from review_assignments where call_id = ?', call!.id)).toBe(120);
    expect(
      scalar(file, "select count(*) from reviews where call_id = ? and status = 'submitted'", call!.id),
    ).toBe(120);
    expect(scalar(file, 'select count(*) from review_scores')).toBe(120 * 10);
    expect(
      scalar(
        file,
        'select max(n) from (select count(*) n from review_assignments where call_id = ? group by proposal_id)',
        call!.id,
      ),
    ).toBe(4);
    // Conflicts by prefecture, confirmed, and no conflicted pair reviews.
    expect(
      scalar(
        file,
        "select count(*) from conflicts where call_id = ? and kind = 'prefecture' and status = 'confirmed'",
        call!.id,
      ),
    ).toBeGreaterThan(0);
    expect(
      scalar(
        file,
        'select count(*) from reviews r join conflicts c on c.proposal_id = r.proposal_id and c.reviewer_account_id = r.reviewer_account_id',
      ),
    ).toBe(0);
    expect(scalar(file, 'select count(distinct proposal_id) from consensus_scores')).toBe(1);
    expect(scalar(file, "select count(*) from audit_log where action = 'demo.build'")).toBe(1);
    expect(scalar(file, 'select count(*) from proposal_decisions')).toBe(0);

    // The officer's ranked list reads it: mostly the real FY2002 clusters on top, some flags.
    const handle = openDatabase(loadConfig());
    try {
      const row = await handle.db
        .selectFrom('calls')
        .selectAll()
        .where('key', '=', DEMO_CALL_KEY)
        .executeTakeFirstOrThrow();
      const results = await computeCallResults(systemContext(handle.db), handle.db, row);
      expect(results.proposals).toHaveLength(30);
      const fy2002 = new Set(
        readReferenceFiles()
          .clusters.filter((c) => c.start_fy === 2002)
          .map((c) => c.name_en),
      );
      const top = results.proposals.slice(0, 12).filter((p) => fy2002.has(p.region.en));
      expect(top.length).toBeGreaterThanOrEqual(9);
      expect(results.proposals.filter((p) => p.disagreementFlags.length > 0).length).toBeGreaterThan(0);
      expect(results.proposals.every((p) => p.excludedConflictedReviews === 0 && p.reviewCount === 4)).toBe(
        true,
      );
    } finally {
      await handle.close();
    }
  });

  it('refuses a second build, rebuilds with --reset, removes with --remove; real data untouched', async () => {
    expect(await main(['seed'])).toBe(0);
    const clusters = query(file, 'select * from clusters order by id');
    const organizations = scalar(file, 'select count(*) from organizations');
    expect(clusters).toHaveLength(18);

    expect(await main(['demo'])).toBe(0);
    const firstCall = scalar(file, 'select id from calls where key = ?', DEMO_CALL_KEY);
    output.length = 0;
    expect(await main(['demo'])).toBe(1);
    expect(output.join('\n')).toContain('already there');
    expect(scalar(file, 'select count(*) from calls')).toBe(1);
    expect(scalar(file, 'select count(*) from proposals')).toBe(30);

    expect(await main(['demo', '--reset'])).toBe(0);
    expect(scalar(file, 'select count(*) from calls')).toBe(1);
    expect(scalar(file, 'select id from calls where key = ?', DEMO_CALL_KEY)).not.toBe(firstCall);
    expect(scalar(file, 'select count(*) from proposals')).toBe(30);
    expect(scalar(file, "select count(*) from accounts where email like '%@demo.kcp.invalid'")).toBe(70);
    expect(scalar(file, 'select count(*) from reviews')).toBe(120);
    expect(scalar(file, 'select count(*) from evaluation_rounds')).toBe(1);

    expect(await main(['demo', '--remove'])).toBe(0);
    for (const table of [
      'calls',
      'proposals',
      'reviews',
      'review_scores',
      'review_assignments',
      'conflicts',
      'call_reviewers',
      'consensus_scores',
      'reviewer_profiles',
      'budget_lines',
      ...EVALUATION_TABLES,
    ])
      expect(scalar(file, `select count(*) from ${table}`), table).toBe(0);
    expect(scalar(file, "select count(*) from accounts where email like '%@demo.kcp.invalid'")).toBe(0);
    expect(scalar(file, 'select count(*) from organizations')).toBe(organizations);
    expect(query(file, 'select * from clusters order by id')).toEqual(clusters);
    expect(scalar(file, "select count(*) from audit_log where action = 'demo.remove'")).toBe(2);
    expect(await main(['audit', 'verify'])).toBe(0);
  });

  it('leaves a real call that happens to use the demo key alone', async () => {
    expect(await main(['demo'])).toBe(0);
    const db = new SqliteDatabase(file);
    db.prepare('update calls set is_demo = 0 where key = ?').run(DEMO_CALL_KEY);
    db.close();
    output.length = 0;
    expect(await main(['demo', '--remove'])).toBe(1);
    expect(output.join('\n')).toContain('is not demo data');
    expect(scalar(file, 'select count(*) from proposals')).toBe(30);
    expect(scalar(file, "select count(*) from accounts where email like '%@demo.kcp.invalid'")).toBe(70);
  });

  it('leaves a real round that happens to use the demo round key alone', async () => {
    expect(await main(['demo'])).toBe(0);
    const db = new SqliteDatabase(file);
    db.prepare('update evaluation_rounds set is_demo = 0 where key = ?').run(DEMO_ROUND_KEY);
    db.close();
    output.length = 0;
    expect(await main(['demo', '--remove'])).toBe(1);
    expect(output.join('\n')).toContain(`evaluation round ${DEMO_ROUND_KEY} exists but is not demo data`);
    expect(scalar(file, 'select count(*) from grades')).toBeGreaterThan(0);
    expect(scalar(file, 'select count(*) from calls')).toBe(1);
  });

  it('says clearly that the round is not built when the database lacks the FY2002 clusters', async () => {
    expect(await main(['seed'])).toBe(0);
    const db = new SqliteDatabase(file);
    db.prepare("update clusters set status = 'withdrawn' where start_fy = 2002").run();
    db.close();
    output.length = 0;

    expect(await main(['demo'])).toBe(0);

    const text = output.join('\n');
    expect(text).toContain('the database has no cluster that started in FY2002 (the reference data lists 12');
    expect(text).toContain(`the demo evaluation round ${DEMO_ROUND_KEY} was not built`);
    expect(scalar(file, 'select count(*) from evaluation_rounds')).toBe(0);
    expect(scalar(file, 'select count(*) from calls')).toBe(1);
    expect(scalar(file, "select count(*) from accounts where email like 'evaluator%@demo.kcp.invalid'")).toBe(
      0,
    );
  });

  it('rejects --reset with --remove', async () => {
    expect(await main(['demo', '--reset', '--remove'])).toBe(2);
    expect(output.join('\n')).toContain('not both');
  });
});

/**
 * The demo's FY2004 intermediate evaluation through the HTTP API, on both engines: what an officer
 * and a demo evaluator read, that a new user can publish it and preview next year's allocation,
 * and that --remove then leaves no evaluation row.
 */
describe.each(ENGINES)('kcp demo evaluation round on %s', (engine) => {
  let dir: string;
  let dropDatabase: (() => Promise<void>) | null = null;
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let officer: HttpClient;
  let output: string[];
  let password: string;
  const round = `/api/v1/rounds/${DEMO_ROUND_KEY}`;

  const count = async (table: string) =>
    Number(
      (await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(handle.db))
        .rows[0]!.n,
    );

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-demo-round-'));
    vi.stubEnv('KCP_DATA_DIR', dir);
    if (engine === 'postgres') {
      const created = await createPostgresDatabase();
      dropDatabase = created.drop;
      vi.stubEnv('DATABASE_URL', created.url);
    } else vi.stubEnv('DATABASE_URL', '');
    output = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void output.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void output.push(a.join(' ')));

    expect(await main(['demo'])).toBe(0);
    password = /password of every demo account \(shown once\): (\S+)/.exec(output.join('\n'))![1]!;

    const config = { ...loadConfig(), logLevel: 'silent', webDir: null };
    handle = openDatabase(config);
    app = await buildApp({ config, database: handle, logger: false });
    await app.ready();
    await createAccount(systemContext(handle.db, 'test'), {
      email: 'officer@example.jp',
      displayName: 'Officer',
      locale: 'en',
      password: 'correct horse battery staple',
      grants: [{ role: 'programme_officer' }],
    });
    officer = new HttpClient(app);
    expect((await officer.signIn('officer@example.jp', 'correct horse battery staple')).status).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
    await dropDatabase?.();
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the round, its conflicts and its live ranking', () => {
    const text = output.join('\n');
    expect(text).toContain(`built the demo evaluation round ${DEMO_ROUND_KEY}`);
    expect(text).toMatch(
      /12 clusters that started in FY2002, 5 weighting members .*9 evaluators, 105 submitted gradings/,
    );
    expect(text).toContain('3 conflicts by prefecture kept out');
    expect(text).toContain(`/rounds/${DEMO_ROUND_KEY}`);
  });

  it('opens a labelled FY2004 intermediate round of the 12 FY2002 clusters, in scoring', async () => {
    const res = await officer.get(round);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      key: DEMO_ROUND_KEY,
      kind: 'intermediate',
      fiscalYear: 2004,
      allocationFiscalYear: 2005,
      status: 'scoring',
      isDemo: true,
      announceOn: '2005-03-23',
      scale: [
        { grade: 'S', points: 4 },
        { grade: 'A', points: 3 },
        { grade: 'B', points: 2 },
        { grade: 'C', points: 1 },
      ],
    });
    expect(res.body.title.ja).toMatch(/^【デモ】/);
    expect(res.body.title.en).toMatch(/^\[Demo\]/);
    const fy2002 = readReferenceFiles()
      .clusters.filter((c) => c.start_fy === 2002)
      .map((c) => c.cluster_key);
    expect(fy2002).toHaveLength(12);
    expect((res.body.clusters as { key: string }[]).map((c) => c.key).sort()).toEqual([...fy2002].sort());
    expect((res.body.criteria as { items: unknown[] }[]).flatMap((g) => g.items)).toHaveLength(8);
    expect(res.body.phases.map((p: { phase: string }) => p.phase)).toEqual([
      'self_evaluation',
      'weighting',
      'interviews',
      'grading',
      'scoring',
      'announcement',
    ]);
    const members = res.body.members as { role: string; isChair: boolean }[];
    expect(members.filter((m) => m.role === 'weighting_member')).toHaveLength(5);
    expect(members.filter((m) => m.isChair)).toHaveLength(1);
    expect(members.filter((m) => m.role === 'evaluator')).toHaveLength(9);
    const conflicts = (res.body.assignments as { conflictKind: string | null }[]).filter(
      (a) => a.conflictKind !== null,
    );
    expect(conflicts.map((c) => c.conflictKind)).toEqual(['prefecture', 'prefecture', 'prefecture']);
  });

  it('gives an officer 12 ranked clusters with bands from S to C, agreement and leniency', async () => {
    const res = await officer.get(`${round}/scores?trials=100`);

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      audience: 'officer',
      source: 'live',
      complete: true,
      pendingAssignments: 0,
    });
    const clusters = res.body.clusters as {
      cluster: { key: string };
      rank: number;
      band: string;
      totalScore: number;
      evaluatorCount: number;
      conflictedCount: number;
      comment: { ja: string } | null;
    }[];
    expect(clusters).toHaveLength(12);
    expect(clusters.map((c) => c.rank)).toEqual([...clusters.map((c) => c.rank)].sort((a, b) => a - b));
    expect(clusters[0]!.rank).toBe(1);
    expect(
      clusters.every((c) => typeof c.totalScore === 'number' && c.comment?.ja.startsWith('【デモ】')),
    ).toBe(true);
    const bands = new Set(clusters.map((c) => c.band));
    for (const band of ['S', 'A', 'B', 'C']) expect(bands).toContain(band);
    expect(clusters.reduce((n, c) => n + c.conflictedCount, 0)).toBe(3);
    expect(clusters.find((c) => c.cluster.key === 'sapporo')!.evaluatorCount).toBe(8);
    expect(typeof res.body.agreement.overall.alpha).toBe('number');
    expect(res.body.agreement.overall.alpha).toBeGreaterThan(0);
    expect(res.body.agreement.items).toHaveLength(8);
    expect(res.body.leniency).toHaveLength(9);
    expect(res.body.weightSet).toMatchObject({ version: 1, method: 'mean', memberCount: 5 });
    expect(res.body.weightSet.lockedAt).not.toBeNull();
    const shown = (res.body.weightSet.weights as { display: number }[]).reduce((n, w) => n + w.display, 0);
    expect(Math.round(shown * 10)).toBe(1000);
  });

  it('writes the round report with the demo banner, the 12 clusters and the nine evaluators', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `${round}/report?format=xlsx&lang=en`,
      headers: { cookie: `${SESSION_COOKIE}=${officer.cookie(SESSION_COOKIE)}` },
    });

    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Results',
      'Weights',
      'Grade distribution',
      'Scores by evaluator',
      'Leniency',
    ]);
    const results = workbook.getWorksheet('Results')!;
    expect(results.getCell('A2').text).toMatch(/^Synthetic demo data/);
    const clusters: string[] = [];
    results.eachRow((row, n) => {
      if (n > 1 && /^=?\d+$/.test(row.getCell(1).text)) clusters.push(row.getCell(2).text);
    });
    expect(clusters).toHaveLength(12);
    expect(workbook.getWorksheet('Leniency')!.rowCount).toBeGreaterThanOrEqual(9);
  });

  it('holds submitted self-evaluations, interviews with minutes and tagged findings', async () => {
    const selfEvaluations = await officer.get(`${round}/self-evaluations`);
    expect(selfEvaluations.status).toBe(200);
    expect(selfEvaluations.body.items).toHaveLength(12);
    expect(
      (selfEvaluations.body.items as { status: string; writtenItemCount: number }[]).every(
        (s) => s.status === 'submitted' && s.writtenItemCount === 8,
      ),
    ).toBe(true);

    const interviews = await officer.get(`${round}/interviews`);
    expect(interviews.status).toBe(200);
    expect(interviews.body.items).toHaveLength(12);
    expect(Object.keys(interviews.body.items[0].minutes)).toHaveLength(4);

    const findings = await officer.get(`${round}/findings`);
    expect(findings.status).toBe(200);
    expect(new Set((findings.body.items as { tag: string }[]).map((f) => f.tag))).toEqual(
      new Set([
        'business_course',
        'ip_strategy',
        'market_needs_targets',
        'global_activity',
        'talent',
        'regulation',
      ]),
    );
  });

  it('lets a demo evaluator sign in with the printed password and read the scores anonymised', async () => {
    const evaluator = new HttpClient(app);
    expect((await evaluator.signIn('evaluator03@demo.kcp.invalid', password)).status).toBe(200);

    const res = await evaluator.get(`${round}/scores?trials=10`);

    expect(res.status).toBe(200);
    expect(res.body.audience).toBe('evaluator');
    expect(res.body.leniency).toBeNull();
    const names = (
      res.body.clusters as { evaluators: { evaluator: { name: string | null; isMe: boolean } }[] }[]
    )
      .flatMap((c) => c.evaluators)
      .filter((e) => e.evaluator.name !== null);
    expect(names.every((e) => e.evaluator.isMe)).toBe(true);
  });

  it('lets the officer publish it and preview and commit the FY2005 allocation; --remove then leaves no evaluation row', async () => {
    expect((await new HttpClient(app).get(`${round}/scores`)).status).toBe(401);
    const { version } = (await officer.get(round)).body as { version: number };
    const published = await officer.post(`${round}/publish`, { version });
    expect(published.status).toBe(200);
    expect(published.body.clusters).toHaveLength(12);
    expect((await new HttpClient(app).get(`${round}/results`)).status).toBe(200);

    const rule = {
      bands: [
        { band: 'S', minScore: 3.5, adjustment: 0.1 },
        { band: 'A', minScore: 2.5, adjustment: 0 },
        { band: 'B/C', minScore: -100, adjustment: -0.1 },
      ],
      fixedTotalYen: 6_000_000_000,
    };
    const preview = await officer.post(`${round}/allocation/preview`, rule);
    expect(preview.status).toBe(200);
    expect(preview.body.currentTotalYen).toBe(12 * 500_000_000);
    expect(preview.body.totalYen).toBe(6_000_000_000);
    const lines = preview.body.lines as { cluster: { key: string }; finalYen: number }[];
    expect(lines[0]!.finalYen).toBeGreaterThan(lines.at(-1)!.finalYen);
    expect((await officer.post(`${round}/allocation/commit`, rule)).status).toBe(201);
    expect(await count('budget_lines')).toBe(24);

    const clusters = await handle.db.selectFrom('clusters').selectAll().orderBy('id').execute();
    output.length = 0;
    expect(await main(['demo', '--remove'])).toBe(0);

    expect(output.join('\n')).toMatch(/1 evaluation round, 840 grades, 24 demo ledger lines/);
    for (const table of [...EVALUATION_TABLES, 'budget_lines', 'calls', 'proposals'])
      expect(await count(table), table).toBe(0);
    expect((await officer.get(round)).status).toBe(404);
    expect(await handle.db.selectFrom('clusters').selectAll().orderBy('id').execute()).toEqual(clusters);
  });
});
