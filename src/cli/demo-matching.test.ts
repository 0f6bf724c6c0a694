import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPostgresDatabase, ENGINES } from '../../test/support/engines';
import { HttpClient } from '../../test/support/http-client';
import { japanDate } from '../domain/fiscal-year';
import { addMonths } from '../domain/listing-lifecycle';
import { type Answer, PIPELINE_STEPS, type PipelineStep, stageOf } from '../domain/match-pipeline';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { type DatabaseHandle, openDatabase } from '../server/db/database';
import { companyVariants, REDACTED_COMPANY } from '../domain/matching/redact-company';
import { DEMO_SOURCE } from './demo-data';
import { DEMO_COORDINATOR_EMAIL, DEMO_PARTNER_EMAIL } from './demo-matching';
import { DEMO_MATCHES, EXPIRED_SEEDS, IN_REVIEW_SEEDS, readDemoMatchingSet } from './demo-matching-data';
import { main } from './kcp';

const SET = readDemoMatchingSet()!;

/** Every table seeds to business writes to: --remove must leave none of the demo's rows. */
const MATCHING_TABLES = ['seeds', 'needs', 'matches', 'match_steps', 'funded_projects'] as const;

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

function execute(file: string, sql: string, ...params: unknown[]): void {
  const db = new SqliteDatabase(file);
  try {
    db.prepare(sql).run(...params);
  } finally {
    db.close();
  }
}

describe('kcp demo seeds to business on SQLite', () => {
  let dir: string;
  let file: string;
  let output: string[];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-demo-matching-'));
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

  it('offers the 150 labelled seeds and 74 needs, labelled, with a review queue and expired seeds', async () => {
    expect(await main(['demo'])).toBe(0);
    const today = japanDate(new Date());
    const text = output.join('\n');
    expect(text).toContain('150 seeds of the 18 clusters (142 published, 5 in review, 3 expired)');
    expect(text).toContain('74 needs of 74 demo companies (15 confidential)');
    expect(text).toContain(DEMO_COORDINATOR_EMAIL);

    const seeds = query<{
      title_ja: string | null;
      title_en: string | null;
      status: string;
      expires_on: string | null;
      is_demo: number;
      coordinator_account_id: number | null;
    }>(file, 'select * from seeds');
    expect(seeds).toHaveLength(SET.seeds.length);
    expect(seeds.every((s) => s.is_demo === 1 && s.coordinator_account_id !== null)).toBe(true);
    expect(seeds.every((s) => s.title_ja === null || s.title_ja.startsWith('【デモ】'))).toBe(true);
    expect(seeds.every((s) => s.title_en === null || s.title_en.startsWith('[Demo] '))).toBe(true);
    // Titles only in the languages the set has.
    expect(seeds.filter((s) => s.title_ja !== null)).toHaveLength(SET.seeds.filter((s) => s.title.ja).length);
    expect(seeds.filter((s) => s.title_en !== null)).toHaveLength(SET.seeds.filter((s) => s.title.en).length);
    const live = seeds.filter((s) => s.status === 'published' && s.expires_on! >= today);
    expect(live).toHaveLength(142);
    expect(live.every((s) => s.expires_on === addMonths(today, 12))).toBe(true);
    expect(seeds.filter((s) => s.status === 'in_review')).toHaveLength(IN_REVIEW_SEEDS.length);
    expect(seeds.filter((s) => s.status === 'published' && s.expires_on! < today)).toHaveLength(
      EXPIRED_SEEDS.length,
    );

    const needs = query<{
      title_ja: string | null;
      title_en: string | null;
      status: string;
      confidential: number;
      prefecture_code: string;
      is_demo: number;
      kind: string;
      source: string;
      org_prefecture: string;
      name_ja: string;
    }>(
      file,
      'select n.*, o.kind, o.source, o.prefecture_code as org_prefecture, o.name_ja from needs n join organizations o on o.id = n.organization_id',
    );
    expect(needs).toHaveLength(74);
    expect(
      needs.every(
        (n) =>
          n.is_demo === 1 &&
          n.status === 'published' &&
          n.kind === 'company' &&
          n.source === DEMO_SOURCE &&
          n.org_prefecture === n.prefecture_code &&
          (n.title_ja ?? n.title_en)!.match(/^(【デモ】|\[Demo\] )/) !== null,
      ),
    ).toBe(true);
    expect(new Set(needs.map((n) => n.name_ja)).size).toBe(new Set(SET.needs.map((n) => n.company)).size);
    expect(needs.filter((n) => n.confidential === 1)).toHaveLength(15);
    expect(scalar(file, 'select min(revision) from matching_revision')).toBeGreaterThan(0);
  });

  it('spreads 20 matches over the pipeline, in order, dated within 18 months and never in the future', async () => {
    expect(await main(['demo'])).toBe(0);
    const today = japanDate(new Date());
    const earliest = addMonths(today, -18);
    const matches = query<{
      id: number;
      stage: string;
      seed_answer: Answer;
      need_answer: Answer;
      seed_interest_json: string | null;
      need_interest_json: string | null;
      closed_at: string | null;
      created_at: string;
      is_demo: number;
      proposed_by: number;
    }>(file, 'select * from matches order by id');
    expect(matches).toHaveLength(DEMO_MATCHES.length);
    const coordinator = scalar(file, 'select id from accounts where email = ?', DEMO_COORDINATOR_EMAIL);
    expect(matches.every((m) => m.is_demo === 1 && m.proposed_by === coordinator)).toBe(true);
    const byStage: Record<string, number> = {};
    for (const m of matches) byStage[m.stage] = (byStage[m.stage] ?? 0) + 1;
    expect(byStage).toEqual({
      proposed: 7,
      introduction: 2,
      meeting: 2,
      confidentiality_agreement: 2,
      joint_research: 3,
      product: 1,
      sales: 1,
      declined: 1,
      closed: 1,
    });
    // Three with both sides' interest and no step yet, every interest answering the three questions.
    expect(
      matches.filter(
        (m) => m.stage === 'proposed' && m.seed_answer === 'interested' && m.need_answer === 'interested',
      ),
    ).toHaveLength(3);
    for (const m of matches) {
      for (const json of [m.seed_interest_json, m.need_interest_json])
        if (json) expect(Object.keys(JSON.parse(json) as object).sort()).toEqual(['next', 'offer', 'seek']);
    }

    const steps = query<{
      match_id: number;
      step: PipelineStep;
      occurred_on: string;
      joint_research_json: string | null;
      sales_yen: number | null;
    }>(file, 'select * from match_steps order by match_id, id');
    for (const m of matches) {
      const mine = steps.filter((s) => s.match_id === m.id);
      // The board column is the domain's stageOf of what was recorded.
      expect(
        stageOf({
          seedAnswer: m.seed_answer,
          needAnswer: m.need_answer,
          closed: m.closed_at !== null,
          steps: mine.map((s) => ({ step: s.step, occurredOn: s.occurred_on })),
        }),
      ).toBe(m.stage);
      // In pipeline order, dated in order, after the proposal and not after today.
      const order = mine.map((s) => PIPELINE_STEPS.indexOf(s.step));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      const dates = mine.map((s) => s.occurred_on);
      expect(dates).toEqual([...dates].sort());
      expect(m.created_at.slice(0, 10) >= earliest).toBe(true);
      for (const d of dates) expect(d >= m.created_at.slice(0, 10) && d <= today).toBe(true);
    }
    const research = steps.filter((s) => s.step === 'joint_research');
    expect(research).toHaveLength(5);
    for (const r of research) {
      const detail = JSON.parse(r.joint_research_json!) as {
        partners: string[];
        budgetYen: number;
        funder: string;
      };
      expect(detail.partners.length).toBeGreaterThanOrEqual(2);
      expect(detail.budgetYen).toBeGreaterThan(0);
      expect(['mext', 'meti']).toContain(detail.funder);
    }
    expect(new Set(research.map((r) => JSON.parse(r.joint_research_json!).funder as string))).toEqual(
      new Set(['mext', 'meti']),
    );
    expect(steps.filter((s) => s.step === 'sales').map((s) => Number(s.sales_yen))).toEqual([18_400_000]);
    // Each joint research is entered among the funded projects (the duplication check reads them).
    expect(scalar(file, 'select count(*) from funded_projects where match_id is not null')).toBe(5);
    const audit = query<{ after_json: string }>(
      file,
      "select * from audit_log where action = 'demo.build'",
    )[0]!;
    expect(JSON.parse(audit.after_json).matching).toMatchObject({ seeds: 150, needs: 74, matches: 20 });
  });

  it('leaves out, and reports, the seeds of a cluster the database lacks', async () => {
    expect(await main(['seed'])).toBe(0);
    execute(file, "update clusters set status = 'withdrawn' where key = 'gifu'");
    const gifu = SET.seeds.filter((s) => s.cluster === 'gifu').length;
    output.length = 0;

    expect(await main(['demo'])).toBe(0);

    expect(output.join('\n')).toContain(`${gifu} seed(s) of the matching set were left out`);
    expect(scalar(file, 'select count(*) from seeds')).toBe(SET.seeds.length - gifu);
    // The two planned matches on Gifu seeds (surgical training, walking rehabilitation) too.
    expect(output.join('\n')).toContain('2 planned match(es) were left out');
    expect(scalar(file, 'select count(*) from matches')).toBe(DEMO_MATCHES.length - 2);
  });

  it('refuses a second build, rebuilds with --reset, and --remove deletes it all and keeps a real seed', async () => {
    expect(await main(['seed'])).toBe(0);
    const organizations = scalar(file, 'select count(*) from organizations');
    const at = new Date().toISOString();
    execute(
      file,
      `insert into seeds (cluster_id, title_ja, title_en, summary_ja, summary_en, key_field, keywords_json, stage,
         licensing_status, coordinator_account_id, status, expires_on, created_at, updated_at)
       values ((select id from clusters where key = 'sapporo'), '本物のシーズ', null, '実データ', null, 'it', '[]',
         'research', 'available', null, 'draft', null, ?, ?)`,
      at,
      at,
    );

    expect(await main(['demo'])).toBe(0);
    output.length = 0;
    expect(await main(['demo'])).toBe(1);
    expect(output.join('\n')).toContain('already there');
    expect(scalar(file, 'select count(*) from seeds')).toBe(151);

    expect(await main(['demo', '--reset'])).toBe(0);
    expect(scalar(file, 'select count(*) from seeds')).toBe(151);
    expect(scalar(file, 'select count(*) from needs')).toBe(74);
    expect(scalar(file, 'select count(*) from matches')).toBe(20);
    expect(scalar(file, 'select count(*) from funded_projects')).toBe(5);
    expect(scalar(file, 'select count(*) from accounts where email = ?', DEMO_COORDINATOR_EMAIL)).toBe(1);
    const revision = scalar(file, "select revision from matching_revision where name = 'seeds'");

    output.length = 0;
    expect(await main(['demo', '--remove'])).toBe(0);
    expect(output.join('\n')).toMatch(/150 seeds, 74 needs, 20 matches/);
    expect(scalar(file, 'select count(*) from seeds where is_demo = 1')).toBe(0);
    for (const table of MATCHING_TABLES.filter((t) => t !== 'seeds'))
      expect(scalar(file, `select count(*) from ${table}`), table).toBe(0);
    expect(query(file, 'select title_ja from seeds')).toEqual([{ title_ja: '本物のシーズ' }]);
    expect(scalar(file, 'select count(*) from organizations')).toBe(organizations);
    expect(scalar(file, "select count(*) from accounts where email like '%@demo.kcp.invalid'")).toBe(0);
    // Running servers rebuild their index without the demo seeds.
    expect(scalar(file, "select revision from matching_revision where name = 'seeds'")).toBeGreaterThan(
      revision,
    );
    expect(await main(['audit', 'verify'])).toBe(0);
  });

  it('refuses to remove a demo seed matched with a real need', async () => {
    expect(await main(['demo'])).toBe(0);
    execute(
      file,
      'update needs set is_demo = 0 where id = (select need_id from matches order by id limit 1)',
    );
    output.length = 0;

    expect(await main(['demo', '--remove'])).toBe(1);

    expect(output.join('\n')).toContain('pair a demo seed or need with a real one');
    expect(scalar(file, 'select count(*) from seeds')).toBe(150);
    expect(scalar(file, 'select count(*) from matches')).toBe(20);
  });
});

/**
 * The demo's seeds to business through the HTTP API, on both engines: the coordinator signs in
 * with the printed password, the matcher finds each need's labelled relevant seed, the board and the
 * review queue read as the demo meant, and --remove leaves no demo listing.
 */
describe.each(ENGINES)('kcp demo seeds to business through the API on %s', (engine) => {
  let dir: string;
  let dropDatabase: (() => Promise<void>) | null = null;
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let coordinator: HttpClient;
  let output: string[];
  let password: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-demo-matching-api-'));
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
    coordinator = new HttpClient(app);
    expect((await coordinator.signIn(DEMO_COORDINATOR_EMAIL, password)).status).toBe(200);
  });
  afterAll(async () => {
    await app?.close();
    await handle?.close();
    await dropDatabase?.();
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds a labelled relevant seed among the top 10 matching seeds for most needs', async () => {
    const seeds = await handle.db.selectFrom('seeds').select(['id', 'title_ja', 'title_en']).execute();
    const seedKey = new Map<number, string>();
    for (const s of SET.seeds) {
      const row = seeds.find((r) =>
        s.title.ja ? r.title_ja === `【デモ】${s.title.ja}` : r.title_en === `[Demo] ${s.title.en}`,
      );
      seedKey.set(row!.id, s.id);
    }
    const needs = await handle.db.selectFrom('needs').select(['id', 'title_ja', 'title_en']).execute();
    let found = 0;
    for (const n of SET.needs) {
      const row = needs.find(
        (r) => (r.title_ja ?? r.title_en) === (n.lang === 'ja' ? `【デモ】${n.title}` : `[Demo] ${n.title}`),
      )!;
      const res = await coordinator.get(`/api/v1/needs/${row.id}/matching-seeds?limit=10`);
      expect(res.status).toBe(200);
      const keys = (res.body.items as { seed: { id: number } }[]).map((i) => seedKey.get(i.seed.id));
      if (n.relevant.some((k) => keys.includes(k))) found++;
    }
    const fraction = found / SET.needs.length;
    process.stdout.write(
      `[demo matching, ${engine}] labelled relevant seed in the top 10 for ${found}/${SET.needs.length} needs (${fraction.toFixed(3)})\n`,
    );
    expect(fraction).toBeGreaterThanOrEqual(0.7);
  });

  it('shows the coordinator the board, the review queue and the expired seeds', async () => {
    const board = await coordinator.get('/api/v1/matches');
    expect(board.status).toBe(200);
    expect(board.body.total).toBe(20);
    const column = (stage: string) =>
      (board.body.columns as { stage: string; items: unknown[] }[]).find((c) => c.stage === stage)!.items
        .length;
    expect(column('sales')).toBe(1);
    expect(column('joint_research')).toBe(3);
    expect(column('declined')).toBe(1);

    const queue = await coordinator.get('/api/v1/seeds?status=in_review');
    expect(queue.status).toBe(200);
    expect(queue.body.total).toBe(5);
    const expired = await coordinator.get('/api/v1/seeds?expired=only');
    expect(expired.body.total).toBe(3);
  });

  it('lets the demo partner company sign in and see its own match only', async () => {
    const partner = new HttpClient(app);
    expect((await partner.signIn(DEMO_PARTNER_EMAIL, password)).status).toBe(200);

    const board = await partner.get('/api/v1/matches');

    expect(board.status).toBe(200);
    expect(board.body.total).toBe(1);
    const card = (board.body.columns as { stage: string; items: { id: number }[] }[]).find(
      (c) => c.stage === 'sales',
    )!.items[0]!;
    const match = await partner.get(`/api/v1/matches/${card.id}`);
    expect(match.status).toBe(200);
    expect(match.body.needSide.answer).toBe('interested');
    expect(match.body.steps.map((s: { step: string }) => s.step)).toEqual([
      'introduction',
      'meeting',
      'meeting',
      'confidentiality_agreement',
      'joint_research',
      'patent',
      'product',
      'sales',
    ]);
  });

  it('keeps each confidential demo company’s name out of what the seed’s headquarters read', async () => {
    const confidential = await handle.db
      .selectFrom('matches')
      .innerJoin('needs', 'needs.id', 'matches.need_id')
      .innerJoin('organizations', 'organizations.id', 'needs.organization_id')
      .innerJoin('seeds', 'seeds.id', 'matches.seed_id')
      .innerJoin('clusters', 'clusters.id', 'seeds.cluster_id')
      .where('needs.confidential', '=', 1)
      .select(['matches.id', 'clusters.key', 'organizations.name_ja', 'organizations.name_en'])
      .execute();
    expect(confidential.length).toBeGreaterThan(0);
    let redactions = 0;
    for (const [n, row] of confidential.entries()) {
      const email = `hq${n}@demo-test.invalid`;
      output.length = 0;
      expect(
        await main(['user', 'add', '--email', email, '--role', 'cluster_headquarters', '--cluster', row.key]),
      ).toBe(0);
      const hqPassword = /password \(shown once\): (\S+)/.exec(output.join('\n'))![1]!;
      const hq = new HttpClient(app);
      expect((await hq.signIn(email, hqPassword)).status).toBe(200);
      const text = JSON.stringify((await hq.get(`/api/v1/matches/${row.id}`)).body);
      // The demo writes names as people do: without the "(demo)" mark, sometimes without the region.
      for (const variant of companyVariants({ ja: row.name_ja, en: row.name_en }))
        expect(text, `match ${row.id}`).not.toContain(variant.text);
      redactions += text.split(REDACTED_COMPANY.en).length - 1 + text.split(REDACTED_COMPANY.ja).length - 1;
    }
    expect(redactions).toBeGreaterThan(0);
  });

  it('--remove leaves no demo seed, need or match', async () => {
    output.length = 0;
    expect(await main(['demo', '--remove'])).toBe(0);

    for (const table of MATCHING_TABLES) {
      const row = await handle.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(row.n), table).toBe(0);
    }
    // The demo accounts and their sessions are gone; the public list holds no demo seed.
    expect((await coordinator.get('/api/v1/matches')).status).toBe(401);
    expect((await coordinator.get('/api/v1/seeds')).body.total).toBe(0);
  });
});
