/**
 * Downloads of the budget ledger, the per-cluster budget summary, a cluster's targets and the
 * reporting status: each in CSV (UTF-8 with BOM and Shift_JIS), XLSX and JSON, under the same
 * visibility as the tables they come from.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import { createCluster, expectProblem } from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';
import { systemContext } from '../../context';
import { SESSION_COOKIE } from '../../http/session-hooks';
import { exportBudgetLines } from '../budgets/budget.service';

interface Download {
  status: number;
  headers: Record<string, unknown>;
  body: Buffer;
}

/** A GET carrying the client's session cookie, answered as raw bytes (not parsed as JSON). */
async function download(t: TestApp, client: HttpClient | null, url: string): Promise<Download> {
  const cookie = client?.cookie(SESSION_COOKIE);
  const res = await t.app.inject({
    method: 'GET',
    url,
    headers: cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {},
  });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
}

function utf8Lines(body: Buffer): string[] {
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return body.subarray(3).toString('utf8').trimEnd().split('\r\n');
}

function sjisLines(body: Buffer): string[] {
  expect(body[0]).not.toBe(0xef);
  return iconv.decode(body, 'cp932').trimEnd().split('\r\n');
}

async function readSheet(body: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  return (sheet.getRow(row).values as unknown[]).slice(1);
}

/** The Total row: the last row of the table, before the blank row that separates the notes. */
function lastTableRow(sheet: ExcelJS.Worksheet): number {
  const filled = (row: number) => rowValues(sheet, row).some((v) => v !== null && v !== undefined);
  let row = 5;
  while (filled(row + 1)) row += 1;
  return row;
}

describe.each(ENGINES)('table downloads on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let shown: { id: number; key: string };
  let hidden: { id: number; key: string };

  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = await t.signInAs('programme_officer');
    shown = await createCluster(officer, {
      startFy: 2004,
      isPublished: true,
      name: { ja: '浜松オプトロニクス〜試験', en: 'Hamamatsu Optronics Test' },
    });
    hidden = await createCluster(officer, {
      startFy: 2004,
      isPublished: false,
      name: { ja: '非公開試験クラスター', en: 'Hidden Test Cluster' },
    });
    const add = async (body: Record<string, unknown>) => {
      const res = await officer.post('/api/v1/budgets', { source: '文部科学省 交付決定通知', ...body });
      if (res.status !== 201)
        throw new Error(`adding a line answered ${res.status} ${JSON.stringify(res.body)}`);
    };
    await add({
      cluster: shown.key,
      fiscalYear: 2004,
      kind: 'mext_subsidy',
      amountYen: 500_000_000,
      note: '初年度',
    });
    await add({ cluster: shown.key, fiscalYear: 2005, kind: 'meti', amountYen: 20_000_000 });
    await add({ cluster: hidden.key, fiscalYear: 2004, kind: 'other', amountYen: 7_000, note: '内部メモ' });
    await add({ cluster: null, fiscalYear: 2004, kind: 'mext_subsidy', amountYen: 9_000_000_000 });
  });
  afterAll(async () => t?.close());

  describe('GET /api/v1/budgets/export', () => {
    it('writes every visible line as UTF-8 CSV with a BOM, Japanese headers, the 和暦 label and a Total', async () => {
      const res = await download(t, null, '/api/v1/budgets/export?from=2004&to=2005');

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="budget-ledger-fy2004-fy2005.csv"',
      );
      const lines = utf8Lines(res.body);
      expect(lines[0]).toBe('年度,年度（和暦）,クラスターキー,クラスター,種別キー,種別,金額 (円),出典,備考');
      // The page's order: newest year first, programme lines before cluster lines; the hidden cluster is left out.
      expect(lines.slice(1)).toEqual([
        `2005,平成17年度,${shown.key},浜松オプトロニクス〜試験,meti,経済産業省資金,20000000,文部科学省 交付決定通知,`,
        '2004,平成16年度,programme,事業全体,mext_subsidy,文部科学省補助金,9000000000,文部科学省 交付決定通知,',
        `2004,平成16年度,${shown.key},浜松オプトロニクス〜試験,mext_subsidy,文部科学省補助金,500000000,文部科学省 交付決定通知,初年度`,
        ',,total,合計,,,9520000000,,',
      ]);
      expect(res.body.toString('utf8')).not.toContain(hidden.key);
    });

    it('gives officers the unpublished cluster’s lines too, filtered like the page, in Shift_JIS', async () => {
      const res = await download(
        t,
        officer,
        `/api/v1/budgets/export?cluster=${hidden.key}&format=csv&encoding=shift_jis&lang=ja`,
      );

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=shift_jis');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="budget-ledger-${hidden.key}-sjis.csv"`,
      );
      const lines = sjisLines(res.body);
      expect(lines[1]).toBe(
        `2004,平成16年度,${hidden.key},非公開試験クラスター,other,その他の資金,7000,文部科学省 交付決定通知,内部メモ`,
      );
      expect(lines.at(-1)).toBe(',,total,合計,,,7000,,');
    });

    it('keeps the Japanese names through Shift_JIS, replacing the wave dash by its CP932 look-alike', async () => {
      const lines = sjisLines(
        (await download(t, null, `/api/v1/budgets/export?cluster=${shown.key}&encoding=shift_jis`)).body,
      );

      expect(lines[1]).toContain(',浜松オプトロニクス～試験,meti,経済産業省資金,20000000,');
    });

    it('answers 404 to the public for an unpublished cluster, as the page does', async () => {
      expectProblem(
        await t.anonymous().get(`/api/v1/budgets/export?cluster=${hidden.key}`),
        404,
        'NOT_FOUND',
      );
    });

    it('writes XLSX with a title, header row, units, bold Total row and a note about double counting', async () => {
      const res = await download(t, null, '/api/v1/budgets/export?fy=2004&format=xlsx&lang=en');

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const sheet = await readSheet(res.body);
      expect(sheet.getCell('A1').value).toBe('Budget ledger (FY2004)');
      expect(rowValues(sheet, 2)).toEqual([
        'Fiscal year',
        'Fiscal year (Japanese era)',
        'Cluster key',
        'Cluster',
        'Kind key',
        'Kind',
        'Amount',
        'Source',
        'Note',
      ]);
      expect(sheet.getCell('G4').value).toBe('yen');
      expect(rowValues(sheet, 5).slice(0, 7)).toEqual([
        2004,
        '平成16年度',
        'programme',
        'Programme level',
        'mext_subsidy',
        'MEXT subsidy',
        9_000_000_000,
      ]);
      expect(rowValues(sheet, 6)[3]).toBe('Hamamatsu Optronics Test');
      const total = lastTableRow(sheet);
      expect(total).toBe(7);
      expect(sheet.getCell(total, 4).value).toBe('Total');
      expect(sheet.getCell(total, 7).value).toBe(9_500_000_000);
      expect(sheet.getCell(total, 7).font?.bold).toBe(true);
      expect(sheet.getCell(total + 2, 1).text).toMatch(/counts them twice/);
    });

    it('answers JSON rows keyed by column with the Total flagged', async () => {
      const res = await download(t, null, `/api/v1/budgets/export?cluster=${shown.key}&format=json`);

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      const rows = JSON.parse(res.body.toString('utf8'));
      expect(rows).toEqual([
        expect.objectContaining({ fiscal_year: 2005, kind: 'meti', amount_yen: 20_000_000, note: null }),
        expect.objectContaining({ fiscal_year: 2004, fiscal_year_ja: '平成16年度', note: '初年度' }),
        expect.objectContaining({ cluster_key: 'total', amount_yen: 520_000_000, isTotal: true }),
      ]);
    });

    it('refuses a download larger than the cap with 422 naming the fiscal-year filter', async () => {
      const ctx = systemContext(t.database.db, 'test');
      const query = { format: 'csv', encoding: 'utf-8', lang: 'ja' } as const;

      await expect(exportBudgetLines(ctx, { ...query, from: 2004 }, 2)).rejects.toMatchObject({
        status: 422,
        errors: [{ field: 'query.to', message: expect.stringContaining('4 lines match') }],
      });
      await expect(exportBudgetLines(ctx, query, 2)).rejects.toMatchObject({
        errors: [{ field: 'query.from' }],
      });
      const file = await exportBudgetLines(ctx, { ...query, fy: 2005 }, 2);
      expect(file.fileName).toBe('budget-ledger-fy2005.csv');
    });

    it.each([
      ['?format=pdf', 'query.format'],
      ['?encoding=latin1', 'query.encoding'],
      ['?from=2006&to=2004', 'query.from'],
      ['?limit=10', 'query.limit'],
    ])('answers 400 to %s naming %s', async (query, field) => {
      expectProblem(
        await t.anonymous().get(`/api/v1/budgets/export${query}`),
        400,
        'VALIDATION_FAILED',
        field,
      );
    });
  });

  describe('GET /api/v1/budgets/summary?format=', () => {
    it('keeps JSON the default', async () => {
      const res = await t.anonymous().get('/api/v1/budgets/summary?from=2004&to=2005');
      expect(res.status).toBe(200);
      expect(res.body.period).toEqual({ from: 2004, to: 2005 });
    });

    it('downloads the per-cluster table: programme row, clusters by year and kind, Total of the clusters', async () => {
      const lines = utf8Lines(
        (await download(t, null, '/api/v1/budgets/summary?from=2004&to=2005&format=csv&lang=en')).body,
      );

      expect(lines[0]).toBe(
        'Cluster key,Cluster,By fiscal year FY2004 (yen),By fiscal year FY2005 (yen),' +
          'By kind (whole range) MEXT subsidy (yen),By kind (whole range) Local government funds (yen),' +
          'By kind (whole range) METI funds (yen),By kind (whole range) Other funds (yen),' +
          'By kind (whole range) Follow-on funds obtained (yen),Total (yen)',
      );
      expect(lines.slice(1)).toEqual([
        'programme,Programme level,9000000000,,9000000000,0,0,0,0,9000000000',
        `${shown.key},Hamamatsu Optronics Test,500000000,20000000,500000000,0,20000000,0,0,520000000`,
        'total,Total (all clusters),500000000,20000000,500000000,0,20000000,0,0,520000000',
      ]);
    });

    it('counts the unpublished cluster for officers, in Shift_JIS and XLSX', async () => {
      const lines = sjisLines(
        (
          await download(
            t,
            officer,
            '/api/v1/budgets/summary?from=2004&to=2005&format=csv&encoding=shift_jis',
          )
        ).body,
      );
      expect(lines[0]).toMatch(/^クラスターキー,クラスター,年度別 平成16年度 \(円\),/);
      expect(lines).toContain(`${hidden.key},非公開試験クラスター,7000,,0,0,0,7000,0,7000`);
      expect(lines.at(-1)).toBe(
        'total,合計（全クラスター）,500007000,20000000,500000000,0,20000000,7000,0,520007000',
      );

      const res = await download(t, officer, '/api/v1/budgets/summary?from=2004&to=2005&format=xlsx');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="budget-summary-fy2004-fy2005.xlsx"',
      );
      const sheet = await readSheet(res.body);
      expect(sheet.getCell('A1').value).toBe('クラスター別・年度別予算（平成16年度〜平成17年度）');
      expect(sheet.getCell('C2').value).toBe('年度別');
      expect(rowValues(sheet, 3).slice(2, 4)).toEqual(['平成16年度', '平成17年度']);
      const total = lastTableRow(sheet);
      expect(rowValues(sheet, total).slice(0, 2)).toEqual(['total', '合計（全クラスター）']);
      expect(sheet.getCell(total, 10).value).toBe(520_007_000);
      expect(sheet.getCell(total, 1).font?.bold).toBe(true);
    });
  });

  describe('GET /api/v1/clusters/:key/targets?format=', () => {
    beforeAll(async () => {
      const res = await officer.request('PUT', `/api/v1/clusters/${shown.key}/targets`, {
        targets: [
          {
            indicator: 'papers_domestic',
            fiscalYear: 2005,
            baseline: 5,
            target: 25,
            note: '中間評価を踏まえて',
          },
          { indicator: 'sales', fiscalYear: 2006, baseline: null, target: 30_000_000 },
        ],
      });
      if (res.status !== 200) throw new Error(`setting targets answered ${res.status}`);
      // An accepted single-year report, as the workflow leaves it, gives FY2005 its actual.
      const at = new Date().toISOString();
      const report = await t.database.db
        .insertInto('outcome_reports')
        .values({
          cluster_id: shown.id,
          fy_from: 2005,
          fy_to: 2005,
          status: 'accepted',
          report_version: 1,
          supersedes_id: null,
          reason: null,
          source: 'test report',
          submitted_at: at,
          accepted_at: at,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await t.database.db
        .insertInto('outcome_values')
        .values({ report_id: report.id, indicator_key: 'papers_domestic', value: 15, note: null })
        .execute();
    });

    it('keeps JSON the default', async () => {
      const res = await t.anonymous().get(`/api/v1/clusters/${shown.key}/targets`);
      expect(res.status).toBe(200);
      expect(res.body.targets).toHaveLength(2);
    });

    it('downloads indicator, year, baseline, target, actual and progress as CSV and Shift_JIS', async () => {
      const utf8 = utf8Lines(
        (await download(t, null, `/api/v1/clusters/${shown.key}/targets?format=csv`)).body,
      );
      expect(utf8).toEqual([
        '指標キー,指標,単位,年度,年度（和暦）,基準値,目標値,実績値,達成率 (%),備考',
        'papers_domestic,論文（国内）,件,2005,平成17年度,5,25,15,50,中間評価を踏まえて',
        'sales,売上,円,2006,平成18年度,,30000000,,,',
      ]);

      const res = await download(
        t,
        null,
        `/api/v1/clusters/${shown.key}/targets?format=csv&encoding=shift_jis`,
      );
      expect(res.headers['content-disposition']).toBe(`attachment; filename="targets-${shown.key}-sjis.csv"`);
      expect(sjisLines(res.body)[1]).toBe(
        'papers_domestic,論文（国内）,件,2005,平成17年度,5,25,15,50,中間評価を踏まえて',
      );
    });

    it('downloads XLSX in English and JSON rows', async () => {
      const sheet = await readSheet(
        (await download(t, null, `/api/v1/clusters/${shown.key}/targets?format=xlsx&lang=en`)).body,
      );
      expect(sheet.getCell('A1').value).toBe('Hamamatsu Optronics Test: targets and actuals');
      expect(rowValues(sheet, 2).slice(0, 9)).toEqual([
        'Indicator key',
        'Indicator',
        'Unit',
        'Fiscal year',
        'Fiscal year (Japanese era)',
        'Baseline',
        'Target',
        'Actual',
        'Progress',
      ]);
      expect(rowValues(sheet, 5).slice(0, 9)).toEqual([
        'papers_domestic',
        'Papers (domestic)',
        'items',
        2005,
        '平成17年度',
        5,
        25,
        15,
        50,
      ]);

      const json = JSON.parse(
        (await download(t, null, `/api/v1/clusters/${shown.key}/targets?format=json`)).body.toString('utf8'),
      );
      // format=json is the API's own answer, not a file.
      expect(json.cluster.key).toBe(shown.key);
    });

    it('hides an unpublished cluster’s targets from the public download', async () => {
      expectProblem(
        await t.anonymous().get(`/api/v1/clusters/${hidden.key}/targets?format=csv`),
        404,
        'NOT_FOUND',
      );
      expect((await download(t, officer, `/api/v1/clusters/${hidden.key}/targets?format=csv`)).status).toBe(
        200,
      );
    });
  });

  describe('GET /api/v1/reporting-status?format=', () => {
    it('downloads every funded cluster with its status and a Total row counting them (officers)', async () => {
      const utf8 = utf8Lines(
        (await download(t, officer, '/api/v1/reporting-status?fy=2005&format=csv')).body,
      );
      expect(utf8[0]).toBe('年度,クラスターキー,クラスター,状態キー,状態,期限超過,提出期限,提出日時,報告ID');
      expect(utf8.find((l) => l.includes(hidden.key))).toBe(
        `2005,${hidden.key},非公開試験クラスター,missing,未着手,,,,`,
      );
      expect(utf8.find((l) => l.includes(shown.key))).toMatch(
        new RegExp(`^2005,${shown.key},浜松オプトロニクス〜試験,accepted,受理,,,\\S+,\\d+$`),
      );
      expect(utf8.at(-1)).toMatch(
        /^,total,合計 \d+クラスター,,受理 \d+・提出済み 0・作成中 0・差戻し 0・未着手 \d+,期限超過 0,,,$/,
      );

      const sjis = sjisLines(
        (await download(t, officer, '/api/v1/reporting-status?fy=2005&format=csv&encoding=shift_jis')).body,
      );
      expect(sjis.find((l) => l.includes(hidden.key))).toContain(',非公開試験クラスター,missing,未着手,');

      const res = await download(t, officer, '/api/v1/reporting-status?fy=2005&format=xlsx&lang=en');
      expect(res.headers['content-disposition']).toBe('attachment; filename="reporting-status-fy2005.xlsx"');
      const sheet = await readSheet(res.body);
      expect(sheet.getCell('A1').value).toBe('Reporting status, FY2005');
      expect(rowValues(sheet, 2).slice(0, 5)).toEqual([
        'Fiscal year',
        'Cluster key',
        'Cluster',
        'Status key',
        'Status',
      ]);
      const total = lastTableRow(sheet);
      expect(sheet.getCell(total, 3).text).toMatch(/^Total: \d+ clusters$/);
      expect(sheet.getCell(total, 3).font?.bold).toBe(true);
    });

    it('keeps JSON the default', async () => {
      const res = await officer.get('/api/v1/reporting-status?fy=2005');
      expect(res.status).toBe(200);
      expect(res.body.fiscalYear).toBe(2005);
    });

    it('refuses the download to the public (401) and to headquarters (403)', async () => {
      expectProblem(
        await t.anonymous().get('/api/v1/reporting-status?fy=2005&format=csv'),
        401,
        'UNAUTHENTICATED',
      );
      const hq = await t.signInAs('cluster_headquarters', { clusterKey: shown.key });
      expectProblem(await hq.get('/api/v1/reporting-status?fy=2005&format=xlsx'), 403, 'FORBIDDEN');
    });
  });
});
