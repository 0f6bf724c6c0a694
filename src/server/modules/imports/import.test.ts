/**
 * Imports through the API on both engines: encodings, XLSX, Japanese headers and units, every kind
 * of bad input with its row and column, all-or-nothing commits and idempotent re-imports.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import { countRows, expectProblem, signInNew } from '../../../../test/support/factories';
import type { HttpClient, Response } from '../../../../test/support/http-client';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';
import { shiftJis, uploadImport, workbook } from '../../../../test/support/uploads';

const FINAL = ['validated', 'invalid', 'committed', 'failed', 'cancelled'];

async function settle(client: HttpClient, id: number): Promise<Response> {
  for (let i = 0; i < 400; i += 1) {
    const res = await client.get(`/api/v1/imports/${id}`);
    if (FINAL.includes(res.body.status)) return res;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`import ${id} did not finish`);
}

/** Uploads and waits for validation. */
async function validate(
  client: HttpClient,
  kind: string,
  name: string,
  content: Buffer | string,
): Promise<Response> {
  const res = await uploadImport(client, kind, { name, content });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return settle(client, res.body.id);
}

async function commit(client: HttpClient, job: { id: number; version: number }): Promise<Response> {
  const res = await client.post(`/api/v1/imports/${job.id}/commit`, { version: job.version });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return settle(client, job.id);
}

const problemsOf = (res: Response) =>
  (res.body.problems as { code: string; row: number | null; column: string | null }[]).map(
    (p) => `${p.code}@${p.row ?? ''}${p.column ?? ''}`,
  );

describe.each(ENGINES)('imports on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let year = 2005;
  /** A fiscal year no other test of this suite writes into. */
  const freshYear = () => (year += 1);

  async function value(cluster: string, fy: number, indicator: string): Promise<number | null> {
    const result = await sql<{ value: number }>`select v.value from outcome_values v
      join outcome_reports r on r.id = v.report_id join clusters c on c.id = r.cluster_id
      where c.key = ${cluster} and r.fy_from = ${fy} and r.fy_to = ${fy} and v.indicator_key = ${indicator}`.execute(
      t.database.db,
    );
    return result.rows[0] ? Number(result.rows[0].value) : null;
  }

  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = (await signInNew(t, 'programme_officer')).client;
  });
  afterAll(async () => t?.close());

  it('imports outcome values from a UTF-8 CSV with Japanese headers, full-width digits and 千円, then changes nothing the second time', async () => {
    const fy = freshYear();
    const csv = [
      'クラスター,年度,論文（国内）,Papers (abroad),売上（千円）,研究者数',
      `札幌,平成${fy - 1988}年度,１２,"1,234",５００,40`,
      `Kyoto,FY${fy},3,0,"1，000",`,
    ].join('\r\n');
    const job = await validate(officer, 'outcome-values', 'values.csv', csv);
    expect(job.body).toMatchObject({
      status: 'validated',
      encoding: 'utf-8',
      format: 'csv',
      errorCount: 0,
      totalRows: 2,
      progress: 1,
      summary: {
        rows: 2,
        reportsCreated: 2,
        tables: { outcome_values: { insert: 6, update: 0, unchanged: 0 } },
      },
    });
    const auditBefore = await countRows(t, 'audit_log');
    const done = await commit(officer, job.body);
    expect(done.body.status).toBe('committed');
    expect(await value('sapporo', fy, 'papers_domestic')).toBe(12);
    expect(await value('sapporo', fy, 'papers_abroad')).toBe(1234);
    expect(await value('sapporo', fy, 'sales')).toBe(500_000);
    expect(await value('kyoto', fy, 'sales')).toBe(1_000_000);
    expect(await countRows(t, 'audit_log')).toBe(auditBefore + 1);
    const entry = await sql<{
      action: string;
      after_json: string;
    }>`select action, after_json from audit_log order by seq desc limit 1`.execute(t.database.db);
    expect(entry.rows[0]!.action).toBe('import.commit');
    expect(JSON.parse(entry.rows[0]!.after_json)).toMatchObject({
      rows: 2,
      tables: { outcome_values: { insert: 6 } },
    });

    // The same file again: the preview says every row is unchanged and the commit writes nothing.
    const snapshot = async () =>
      (
        await sql`select r.id, r.version, r.researcher_count, v.indicator_key, v.value from outcome_reports r
        join outcome_values v on v.report_id = r.id order by r.id, v.indicator_key`.execute(t.database.db)
      ).rows;
    const before = await snapshot();
    const reportsBefore = await countRows(t, 'outcome_reports');
    const again = await validate(officer, 'outcome-values', 'values.csv', csv);
    expect(again.body.summary).toMatchObject({
      reportsCreated: 0,
      tables: { outcome_values: { insert: 0, update: 0, unchanged: 6 } },
    });
    expect((await commit(officer, again.body)).body.status).toBe('committed');
    expect(await snapshot()).toEqual(before);
    expect(await countRows(t, 'outcome_reports')).toBe(reportsBefore);
  });

  it('detects UTF-8 with a BOM and imports targets', async () => {
    const fy = freshYear();
    const csv = `\uFEFFcluster,indicator,fiscal_year,基準値（百万円）,目標値（百万円）\r\nsapporo,売上,${fy},1,12.5\r\nsapporo,Awards,${fy},0,3\r\n`;
    const job = await validate(officer, 'targets', 'targets.csv', csv);
    expect(job.body).toMatchObject({ status: 'validated', encoding: 'utf-8-bom' });
    await commit(officer, job.body);
    const rows = await sql<{
      indicator_key: string;
      target: number;
      baseline: number;
    }>`select indicator_key, target, baseline from targets
      where fiscal_year = ${fy} order by indicator_key`.execute(t.database.db);
    expect(rows.rows.map((r) => [r.indicator_key, Number(r.target), Number(r.baseline)])).toEqual([
      ['awards', 3, 0],
      ['sales', 12_500_000, 1_000_000],
    ]);
  });

  it('detects Shift_JIS and imports budget lines, programme-level ones too', async () => {
    const fy = freshYear();
    const text = `クラスター,年度,区分,金額（千円）,出典\r\n札幌,${fy},文部科学省補助金,"500,000",交付決定通知\r\nプログラム,${fy},mext_subsidy,"9,000,000",予算書\r\n`;
    const job = await validate(officer, 'budget-lines', 'budget.csv', shiftJis(text));
    expect(job.body).toMatchObject({
      status: 'validated',
      encoding: 'cp932',
      summary: { tables: { budget_lines: { insert: 2 } } },
    });
    await commit(officer, job.body);
    const lines = await sql<{
      cluster_id: number | null;
      amount_yen: number;
      source: string;
    }>`select cluster_id, amount_yen, source
      from budget_lines where fiscal_year = ${fy} order by amount_yen`.execute(t.database.db);
    expect(lines.rows.map((l) => [l.cluster_id === null, Number(l.amount_yen), l.source])).toEqual([
      [false, 500_000_000, '交付決定通知'],
      [true, 9_000_000_000, '予算書'],
    ]);
  });

  it('imports outcome items from XLSX and derives the item-backed values of the report', async () => {
    const fy = freshYear();
    const book = await workbook([
      [
        'cluster',
        'fy',
        'kind',
        'title',
        'authors',
        'venue',
        'pub_year',
        'doi',
        'scope',
        '出願番号',
        '出願日',
        '国',
        '状態',
        '登録日',
        '権利者の種別',
      ],
      [
        'sapporo',
        fy,
        '論文',
        'Paper one',
        'Sato',
        'J. Test',
        fy,
        '10.1/one',
        '国内',
        null,
        null,
        null,
        null,
        null,
        null,
      ],
      [
        'sapporo',
        fy,
        'paper',
        'Paper two',
        'Suzuki',
        'J. Test',
        fy,
        '10.1/two',
        'abroad',
        null,
        null,
        null,
        null,
        null,
        null,
      ],
      [
        'sapporo',
        fy,
        'patent',
        'Sensor',
        null,
        null,
        null,
        null,
        null,
        `特願${fy}-1`,
        new Date(Date.UTC(fy, 5, 1)) as unknown as string,
        'JP',
        '登録',
        `${fy}/9/1`,
        '大学',
      ],
    ]);
    const job = await validate(officer, 'outcome-items', 'items.xlsx', book);
    expect(job.body, JSON.stringify(job.body.problems)).toMatchObject({
      status: 'validated',
      format: 'xlsx',
      summary: { tables: { outcome_items: { insert: 3 } } },
    });
    await commit(officer, job.body);
    expect(await value('sapporo', fy, 'papers_domestic')).toBe(1);
    expect(await value('sapporo', fy, 'papers_abroad')).toBe(1);
    expect(await value('sapporo', fy, 'patents_domestic_applied')).toBe(1);
    expect(await value('sapporo', fy, 'patents_domestic_acquired')).toBe(1);
    const again = await validate(officer, 'outcome-items', 'items.xlsx', book);
    expect(again.body.summary.tables.outcome_items).toEqual({ insert: 0, update: 0, unchanged: 3 });
  });

  it('refuses formulas and merged cells in a workbook, naming the cell', async () => {
    const formula = await workbook(
      [
        ['cluster', 'fiscal_year', 'papers_domestic'],
        ['sapporo', 2009, 1],
        ['sapporo', 2010, 2],
        ['sapporo', 2011, 3],
      ],
      (sheet) => {
        sheet.getCell('C4').value = { formula: 'C2+C3', result: 3 };
      },
    );
    const job = await validate(officer, 'outcome-values', 'formula.xlsx', formula);
    expect(job.body.status).toBe('invalid');
    expect(job.body.problems).toContainEqual(
      expect.objectContaining({
        code: 'formula',
        row: 4,
        column: 'C',
        message: expect.objectContaining({ en: 'formulas are not accepted; paste values' }),
      }),
    );
    const merged = await workbook(
      [
        ['cluster', 'fiscal_year', 'papers_domestic', 'awards'],
        ['sapporo', 2009, 1, 1],
        ['sapporo', 2010, 2, null],
      ],
      (sheet) => sheet.mergeCells('C3:D3'),
    );
    const mergedJob = await validate(officer, 'outcome-values', 'merged.xlsx', merged);
    expect(mergedJob.body.status).toBe('invalid');
    expect(problemsOf(mergedJob)).toContain('merged_cells@3C');
  });

  it('names row and column of an unknown cluster, a negative and a non-numeric value, and writes nothing', async () => {
    const fy = freshYear();
    const csv = [
      'cluster,fiscal_year,papers_domestic,awards',
      `sapporo,${fy},1,2`,
      `atlantis,${fy},1,2`,
      `kyoto,${fy},-4,many`,
    ].join('\n');
    const before = await countRows(t, 'outcome_values');
    const job = await validate(officer, 'outcome-values', 'bad.csv', csv);
    expect(job.body).toMatchObject({ status: 'invalid', errorCount: 3 });
    expect(problemsOf(job)).toEqual(['unknown_cluster@3A', 'invalid_value@4C', 'invalid_value@4D']);
    const unknown = job.body.problems[0];
    expect(unknown.message.en).toContain('atlantis');
    expect(unknown.message.ja).toContain('atlantis');
    // One bad row: the good row is not written either, and the commit is refused.
    const refused = await officer.post(`/api/v1/imports/${job.body.id}/commit`, {
      version: job.body.version,
    });
    expectProblem(refused, 422, 'RULE_VIOLATION');
    expect(await countRows(t, 'outcome_values')).toBe(before);
  });

  it('names an unknown indicator column and a missing required column', async () => {
    const job = await validate(
      officer,
      'outcome-values',
      'cols.csv',
      'cluster,fiscal_year,papers_domestic,citations\nsapporo,2004,1,2\n',
    );
    expect(problemsOf(job)).toEqual(['unknown_indicator_column@1D']);
    const missing = await validate(
      officer,
      'targets',
      'targets.csv',
      'cluster,indicator,target\nsapporo,awards,3\n',
    );
    expect(problemsOf(missing)).toEqual(['missing_column@1']);
  });

  it('refuses a row for an accepted report, and rolls back a commit when the data changed after the preview', async () => {
    const fy = freshYear();
    const csv = `cluster,fiscal_year,awards\nsapporo,${fy},1\nkyoto,${fy},2\n`;
    const job = await validate(officer, 'outcome-values', 'race.csv', csv);
    expect(job.body.status).toBe('validated');
    // Between preview and commit, Kyoto's report for the year is accepted by someone else.
    const now = new Date().toISOString();
    await sql`insert into outcome_reports (cluster_id, fy_from, fy_to, status, report_version, source, created_at, updated_at)
      select id, ${fy}, ${fy}, 'accepted', 1, 'test', ${now}, ${now} from clusters where key = 'kyoto'`.execute(
      t.database.db,
    );
    const before = await countRows(t, 'outcome_values');
    const reportsBefore = await countRows(t, 'outcome_reports');
    const done = await commit(officer, job.body);
    expect(done.body.status).toBe('failed');
    expect(problemsOf(done)).toEqual(['report_accepted@3A']);
    expect(done.body.problems[0].message.en).toContain('accepted; make a correction');
    expect(await countRows(t, 'outcome_values')).toBe(before);
    expect(await countRows(t, 'outcome_reports')).toBe(reportsBefore);
  });

  describe("outcome items committed from the preview's plan", () => {
    const HEADER = 'cluster,fiscal_year,kind,title,authors,venue,pub_year,doi,scope';
    const paper = (fy: number, n: string, title = `Plan paper ${n}`, scope = 'domestic') =>
      `sapporo,${fy},paper,${title},Sato,J. Plan,${fy},10.7777/plan${fy}.${n},${scope}`;
    const planFiles = (id: number) =>
      (fs.existsSync(path.join(t.dataDir, 'imports', 'plans'))
        ? fs.readdirSync(path.join(t.dataDir, 'imports', 'plans'))
        : []
      ).filter((f) => f.startsWith(`${id}-`));
    const sapporoReport = async (fy: number) =>
      (
        await sql<{ id: number; version: number }>`select r.id, r.version from outcome_reports r
          join clusters c on c.id = r.cluster_id
          where c.key = 'sapporo' and r.fy_from = ${fy} and r.fy_to = ${fy}`.execute(t.database.db)
      ).rows[0]!;

    it("writes the preview's rows without reading the file again, then removes the plan", async () => {
      const fy = freshYear();
      const csv = [HEADER, paper(fy, 'a'), paper(fy, 'b', 'Plan paper b', 'abroad')].join('\n');
      const job = await validate(officer, 'outcome-items', 'plan.csv', csv);
      expect(job.body, JSON.stringify(job.body.problems)).toMatchObject({
        status: 'validated',
        summary: { tables: { outcome_items: { insert: 2, update: 0, unchanged: 0 } }, reportsCreated: 1 },
      });
      expect(planFiles(job.body.id).sort()).toEqual([
        expect.stringMatching(/\.json$/),
        expect.stringMatching(/\.rows$/),
      ]);
      // The stored upload no longer parses: only a commit from the plan can still succeed.
      const stored = path.join(t.dataDir, 'imports', job.body.fileSha256 as string);
      expect(fs.existsSync(stored)).toBe(true);
      fs.writeFileSync(stored, 'not,the,file\n"broken');
      const done = await commit(officer, job.body);
      expect(done.body.status, JSON.stringify(done.body.problems)).toBe('committed');
      expect(done.body.summary).toMatchObject({
        tables: { outcome_items: { insert: 2, update: 0, unchanged: 0 } },
        reportsCreated: 1,
      });
      expect(await value('sapporo', fy, 'papers_domestic')).toBe(1);
      expect(await value('sapporo', fy, 'papers_abroad')).toBe(1);
      expect(planFiles(job.body.id)).toEqual([]);
      // Into the report that now holds items: its values are derived from all of them.
      const more = await validate(officer, 'outcome-items', 'more.csv', [HEADER, paper(fy, 'c')].join('\n'));
      expect(planFiles(more.body.id)).toHaveLength(2);
      expect((await commit(officer, more.body)).body.status).toBe('committed');
      expect(await value('sapporo', fy, 'papers_domestic')).toBe(2);
      expect(await value('sapporo', fy, 'papers_abroad')).toBe(1);
    });

    it('removes the plan of a validated import that is cancelled', async () => {
      const job = await validate(
        officer,
        'outcome-items',
        'cancel.csv',
        [HEADER, paper(freshYear(), 'a')].join('\n'),
      );
      expect(planFiles(job.body.id)).toHaveLength(2);
      expect((await officer.post(`/api/v1/imports/${job.body.id}/cancel`)).body.status).toBe('cancelled');
      expect(planFiles(job.body.id)).toEqual([]);
    });

    it('fails, writing nothing, when the report was accepted after the preview', async () => {
      const fy = freshYear();
      const first = await validate(
        officer,
        'outcome-items',
        'first.csv',
        [HEADER, paper(fy, 'a')].join('\n'),
      );
      expect((await commit(officer, first.body)).body.status).toBe('committed');
      const job = await validate(officer, 'outcome-items', 'second.csv', [HEADER, paper(fy, 'b')].join('\n'));
      expect(job.body.summary.tables.outcome_items).toEqual({ insert: 1, update: 0, unchanged: 0 });
      // Accepted without its version moving: the plan's status check alone must catch it.
      await sql`update outcome_reports set status = 'accepted' where id = ${(await sapporoReport(fy)).id}`.execute(
        t.database.db,
      );
      const items = await countRows(t, 'outcome_items');
      const done = await commit(officer, job.body);
      expect(done.body.status).toBe('failed');
      expect(problemsOf(done)).toEqual(['report_accepted@2A']);
      expect(await countRows(t, 'outcome_items')).toBe(items);
      expect(planFiles(job.body.id)).toEqual([]);
    });

    it('fails when a report appeared where the preview planned a new draft', async () => {
      const fy = freshYear();
      const job = await validate(officer, 'outcome-items', 'new.csv', [HEADER, paper(fy, 'a')].join('\n'));
      expect(job.body.summary.reportsCreated).toBe(1);
      const now = new Date().toISOString();
      await sql`insert into outcome_reports (cluster_id, fy_from, fy_to, status, report_version, source, created_at, updated_at)
        select id, ${fy}, ${fy}, 'submitted', 1, 'test', ${now}, ${now} from clusters where key = 'sapporo'`.execute(
        t.database.db,
      );
      const reports = await countRows(t, 'outcome_reports');
      const done = await commit(officer, job.body);
      expect(done.body.status).toBe('failed');
      expect(problemsOf(done)).toEqual(['report_submitted@2A']);
      expect(await countRows(t, 'outcome_reports')).toBe(reports);
    });

    it("checks every row again when the report's items changed after the preview", async () => {
      const fy = freshYear();
      const csv = [HEADER, paper(fy, 'a')].join('\n');
      expect(
        (await commit(officer, (await validate(officer, 'outcome-items', 'a.csv', csv)).body)).body.status,
      ).toBe('committed');
      const again = await validate(officer, 'outcome-items', 'a.csv', csv);
      expect(again.body.summary.tables.outcome_items).toEqual({ insert: 0, update: 0, unchanged: 1 });
      // Someone edits the item (an item edit moves its report's version): the plan, which writes
      // nothing for an unchanged row, no longer holds.
      const report = await sapporoReport(fy);
      await sql`update outcome_items set title = 'Edited meanwhile' where report_id = ${report.id}`.execute(
        t.database.db,
      );
      await sql`update outcome_reports set version = version + 1 where id = ${report.id}`.execute(
        t.database.db,
      );
      const done = await commit(officer, again.body);
      expect(done.body.status, JSON.stringify(done.body.problems)).toBe('committed');
      expect(done.body.summary.tables.outcome_items).toEqual({ insert: 0, update: 1, unchanged: 0 });
      const titles = await sql<{
        title: string;
      }>`select title from outcome_items where report_id = ${report.id}`.execute(t.database.db);
      expect(titles.rows.map((r) => r.title)).toEqual(['Plan paper a']);
    });
  });

  it('lets headquarters import their own cluster only, and shows them only their own jobs', async () => {
    const hq = await signInNew(t, 'cluster_headquarters', { clusterKey: 'sapporo' });
    const fy = freshYear();
    const job = await validate(
      hq.client,
      'targets',
      'hq.csv',
      `cluster,indicator,fiscal_year,target\nsapporo,awards,${fy},2\nkyoto,awards,${fy},2\n`,
    );
    expect(problemsOf(job)).toEqual(['not_your_cluster@3A']);
    const list = await hq.client.get('/api/v1/imports');
    expect(list.body.items.map((j: { id: number }) => j.id)).toEqual([job.body.id]);
    expect((await officer.get('/api/v1/imports')).body.total).toBeGreaterThan(1);
    const other = await officer.get('/api/v1/imports?limit=1');
    expect((await hq.client.get(`/api/v1/imports/${other.body.items[0].id}`)).status).toBe(
      other.body.items[0].id === job.body.id ? 200 : 404,
    );
    // The ledger is the ministry's: headquarters may not import budget lines at all.
    const budget = await uploadImport(hq.client, 'budget-lines', { name: 'b.csv', content: 'cluster\n' });
    expectProblem(budget, 403, 'FORBIDDEN');
  });

  it('refuses an upload over the limit with 413, and wrong types with 415', async () => {
    const huge = await officer.request('POST', '/api/v1/imports', undefined, {
      raw: Buffer.alloc(200 * 1024 * 1024, 0x61) as unknown as string,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    });
    expectProblem(huge, 413, 'PAYLOAD_TOO_LARGE');
    expectProblem(
      await uploadImport(officer, 'targets', { name: 'notes.txt', content: 'a,b' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'file',
    );
    expectProblem(
      await uploadImport(officer, 'targets', { name: 'fake.xlsx', content: 'cluster,indicator\n' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'file',
    );
    expectProblem(
      await uploadImport(officer, 'targets', { name: 'book.csv', content: await workbook([['a']]) }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'file',
    );
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expectProblem(
      await uploadImport(officer, 'targets', { name: 'garbage.csv', content: garbage }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'file',
    );
    expectProblem(
      await uploadImport(officer, 'wishes', { name: 'a.csv', content: 'a\n' }),
      400,
      'VALIDATION_FAILED',
      'body.kind',
    );
    expectProblem(await officer.post('/api/v1/imports', { kind: 'targets' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('enforces a configured smaller limit while streaming', async () => {
    const small = await buildTestApp(engine, { importMaxBytes: 1024 });
    try {
      const client = (await signInNew(small, 'programme_officer')).client;
      const csv = 'cluster,indicator,fiscal_year,target\n' + 'sapporo,awards,2004,1\n'.repeat(200);
      expectProblem(
        await uploadImport(client, 'targets', { name: 'big.csv', content: csv }),
        413,
        'PAYLOAD_TOO_LARGE',
        'file',
      );
    } finally {
      await small.close();
    }
  });

  it('serves a template per kind that itself validates', async () => {
    for (const kind of ['outcome-values', 'outcome-items', 'targets', 'budget-lines']) {
      const res = await officer.get(`/api/v1/imports/templates/${kind}`);
      expect(res.status).toBe(200);
      expect(String(res.headers['content-type'])).toMatch(/^text\/csv/);
      expect(res.text.startsWith('\uFEFF')).toBe(true);
      const job = await validate(officer, kind, `${kind}.csv`, res.text);
      expect(job.body.status, `${kind}: ${JSON.stringify(job.body.problems)}`).toBe('validated');
      await officer.post(`/api/v1/imports/${job.body.id}/cancel`);
    }
  });

  it('validates a large file in chunks, writing progress while other requests are served', async () => {
    const rows = 30_000;
    const lines = ['cluster,fiscal_year,kind,amount,source'];
    for (let i = 0; i < rows; i += 1) lines.push(`sapporo,2040,other,${i + 1},large file line ${i}`);
    const upload = await uploadImport(officer, 'budget-lines', {
      name: 'large.csv',
      content: lines.join('\n'),
    });
    expect(upload.status).toBe(202);
    const seen: { status: string; processedRows: number; progress: number }[] = [];
    for (;;) {
      // Each poll is a full request (session, database) answered while the job runs.
      const res = await officer.get(`/api/v1/imports/${upload.body.id}`);
      seen.push(res.body);
      if (FINAL.includes(res.body.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const midway = seen.filter(
      (s) => s.status === 'validating' && s.processedRows > 0 && s.processedRows < rows,
    );
    expect(midway.length, JSON.stringify(seen.slice(0, 5))).toBeGreaterThan(0);
    expect(midway.every((s) => s.progress > 0 && s.progress < 1)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ status: 'validated', processedRows: rows, progress: 1 });
  });

  it('answers reads during a large commit and a write with 503 + Retry-After on SQLite, never waiting for the commit', async () => {
    const fy = freshYear();
    // Large enough that the commit outlasts a few requests (PostgreSQL writes these more slowly).
    const rows = engine === 'sqlite' ? 60_000 : 20_000;
    // Papers with DOIs: their natural key is the DOI itself, unique per row.
    const lines = ['cluster,fiscal_year,kind,title,authors,venue,pub_year,doi,scope'];
    for (let i = 0; i < rows; i += 1)
      lines.push(`sendai,${fy},paper,Paper ${i},Sato,J. Test,${fy},10.9999/t${fy}.${i},国内`);
    const job = await validate(officer, 'outcome-items', 'many-papers.csv', lines.join('\n'));
    expect(job.body.status, JSON.stringify(job.body.problems)).toBe('validated');
    const started = await officer.post(`/api/v1/imports/${job.body.id}/commit`, {
      version: job.body.version,
    });
    expect(started.status).toBe(202);
    // Progress of a commit comes only from inside its transaction (the worker's messages): once
    // it is above 0 the worker holds the transaction open.
    for (;;) {
      const res = await officer.get(`/api/v1/imports/${job.body.id}`);
      expect(res.body.status, JSON.stringify(res.body.problems)).toBe('committing');
      if (res.body.progress > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const read = await officer.get('/api/v1/clusters');
    expect(read.status).toBe(200);
    const write = await uploadImport(officer, 'targets', {
      name: 'during.csv',
      content: 'cluster,indicator,fiscal_year,target\nsapporo,awards,2031,1\n',
    });
    // Both were answered while the commit was still running: neither waited for it.
    const during = await officer.get(`/api/v1/imports/${job.body.id}`);
    expect(during.body.status).toBe('committing');
    if (engine === 'sqlite') {
      // The worker holds SQLite's one write lock: the write is refused at once, not queued behind it.
      expect(write.status).toBe(503);
      expect(write.body.code).toBe('BUSY');
      expect(write.headers['retry-after']).toBe('5');
      expect(String(write.headers['content-type'])).toContain('application/problem+json');
    } else {
      expect(write.status).toBe(202);
    }
    const done = await settle(officer, job.body.id);
    expect(done.body.status).toBe('committed');
    expect(done.body.summary.tables.outcome_items).toEqual({ insert: rows, update: 0, unchanged: 0 });
  });

  it('cancels a validated import and refuses to commit it or a stale version', async () => {
    const job = await validate(
      officer,
      'targets',
      't.csv',
      'cluster,indicator,fiscal_year,target\nsapporo,awards,2030,1\n',
    );
    const stale = await officer.post(`/api/v1/imports/${job.body.id}/commit`, {
      version: job.body.version - 1,
    });
    expectProblem(stale, 409, 'VERSION_CONFLICT');
    const cancelled = await officer.post(`/api/v1/imports/${job.body.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    const refused = await officer.post(`/api/v1/imports/${job.body.id}/commit`, {
      version: cancelled.body.version,
    });
    expectProblem(refused, 422, 'RULE_VIOLATION');
  });
});
