import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readReferenceFiles } from '../server/modules/reference-data/reference-data.files';
import { loadConfig } from '../server/config';
import { systemContext } from '../server/context';
import { openDatabase } from '../server/db/database';
import { computeCallResults } from '../server/modules/selection/result.service';
import { DEMO_CALL_KEY, DEMO_SOURCE } from './demo-data';
import { main } from './kcp';

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
    expect(scalar(file, "select count(*) from accounts where email like '%@demo.kcp.invalid'")).toBe(54);
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
    expect(scalar(file, "select count(*) from accounts where email like '%@demo.kcp.invalid'")).toBe(54);
    expect(scalar(file, 'select count(*) from reviews')).toBe(120);

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
    ])
      expect(scalar(file, `select count(*) from ${table}`)).toBe(0);
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
    expect(scalar(file, "select count(*) from accounts where email like '%@demo.kcp.invalid'")).toBe(54);
  });

  it('rejects --reset with --remove', async () => {
    expect(await main(['demo', '--reset', '--remove'])).toBe(2);
    expect(output.join('\n')).toContain('not both');
  });
});
