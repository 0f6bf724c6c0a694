import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import { createCluster, expectProblem } from '../../../../test/support/factories';
import { addBudgetLine, addReport, clusterId } from '../../../../test/support/analytics-fixtures';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

interface Group {
  key: string;
  rank: number | null;
  total: { value: number; normalised: number | null; denominator: number | null } | null;
  points: { fyFrom: number; fyTo: number; isMultiYear: boolean; value: number; normalised: number | null }[];
}

describe.each(ENGINES)('analytics on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(engine);
  });
  afterAll(async () => t?.close());

  const get = (query: string) => t.anonymous().get(`/api/v1/analytics/indicator?${query}`);
  const group = (body: { groups: Group[] }, key: string) => body.groups.find((g) => g.key === key)!;

  describe('GET /api/v1/analytics/indicator', () => {
    it('keeps the seed’s FY2002–FY2004 report as one period and says so, with the seed’s total', async () => {
      const res = await get('indicator=papers_domestic&from=2002&to=2004');

      expect(res.status).toBe(200);
      // The seed's figures run from each cluster's start year to FY2004.
      expect(res.body.periods).toEqual([
        { fyFrom: 2002, fyTo: 2004, isMultiYear: true },
        { fyFrom: 2003, fyTo: 2004, isMultiYear: true },
        { fyFrom: 2004, fyTo: 2004, isMultiYear: false },
      ]);
      expect(res.body.groups).toHaveLength(18);
      expect(res.body.overall.total.value).toBe(728);
      expect(group(res.body, 'kyoto').points).toEqual([
        expect.objectContaining({ fyFrom: 2002, fyTo: 2004, isMultiYear: true, value: 71 }),
      ]);
      expect(res.body.notes.map((n: { code: string }) => n.code)).toEqual(['MULTI_YEAR_PERIODS']);
      expect(res.body.links.targetsSummary).toMatch(/^\/api\/v1\/targets\/summary\?/);
    });

    it('ranks highest first, equal figures sharing a rank (1, 2, 2, …)', async () => {
      const res = await get('indicator=patents_domestic_acquired');

      expect(res.body.groups[0]).toMatchObject({ key: 'toyama-takaoka', rank: 1 });
      expect(res.body.groups.slice(1).every((g: Group) => g.rank === 2)).toBe(true);
      const papers = await get('indicator=papers_abroad');
      expect(papers.body.groups.slice(0, 2).map((g: Group) => [g.key, g.rank, g.total!.value])).toEqual([
        ['nagoya', 1, 296],
        ['kyoto', 2, 252],
      ]);
    });

    it('groups by key field and by start cohort', async () => {
      const cohorts = await get('indicator=papers_domestic&groupBy=cohort');
      const fields = await get('indicator=papers_domestic&groupBy=keyField');

      expect(cohorts.body.groups.map((g: Group) => [g.key, g.total!.value]).sort()).toEqual([
        ['2002', 488],
        ['2003', 118],
        ['2004', 122],
      ]);
      expect(cohorts.body.groups.find((g: { key: string }) => g.key === '2003').label).toEqual({
        ja: '2003年度開始',
        en: 'Started FY2003',
      });
      const total = fields.body.groups.reduce((sum: number, g: Group) => sum + (g.total?.value ?? 0), 0);
      expect(total).toBe(728);
      expect(fields.body.groups.find((g: { key: string }) => g.key === 'life_sciences').label.en).toBe(
        'Life Sciences',
      );
    });

    it('leaves out a multi-year report the range cuts through instead of splitting it', async () => {
      const res = await get('indicator=papers_domestic&from=2002&to=2003');

      expect(res.body.periods).toEqual([]);
      expect(res.body.overall.total).toBeNull();
      expect(res.body.groups.every((g: Group) => g.rank === null && g.total === null)).toBe(true);
    });

    it('gives null per ¥100M and per researcher where nothing is recorded, and says why', async () => {
      const per100m = await get('indicator=papers_domestic&normalise=per100m');
      const perResearcher = await get('indicator=papers_domestic&normalise=perResearcher');

      expect(group(per100m.body, 'kyoto').total).toMatchObject({
        value: 71,
        normalised: null,
        denominator: null,
      });
      expect(per100m.body.notes.map((n: { code: string }) => n.code)).toContain('NO_SUBSIDY_RECORDED');
      expect(perResearcher.body.notes.map((n: { code: string }) => n.code)).toContain('NO_RESEARCHER_COUNTS');
      expect(per100m.body.groups.every((g: Group) => g.rank === null)).toBe(true);
    });

    it('answers 400 naming the field for a reversed range and an unknown indicator', async () => {
      expectProblem(await get('from=2004&to=2002'), 400, 'VALIDATION_FAILED', 'query.from');
      expectProblem(await get('indicator=citations'), 400, 'VALIDATION_FAILED', 'query.indicator');
      expectProblem(await get('normalise=perCapita'), 400, 'VALIDATION_FAILED', 'query.normalise');
      expectProblem(await get('from=1990&to=2030'), 400, 'VALIDATION_FAILED', 'query.to');
    });
  });

  describe('GET /api/v1/analytics/indicator downloads', () => {
    it('downloads the ranked table as Shift_JIS CSV and as XLSX with the periods grouped', async () => {
      const csv = await t.app.inject({
        method: 'GET',
        url: '/api/v1/analytics/indicator?indicator=papers_abroad&format=csv&encoding=shift_jis&lang=ja',
      });
      const xlsx = await t.app.inject({
        method: 'GET',
        url: '/api/v1/analytics/indicator?indicator=papers_abroad&groupBy=cohort&format=xlsx&lang=en',
      });

      expect(csv.headers['content-type']).toBe('text/csv; charset=shift_jis');
      const lines = iconv.decode(csv.rawPayload, 'cp932').trim().split('\r\n');
      // The JIS wave dash 〜 of the period label leaves as CP932's ～.
      expect(lines[0]).toMatch(/^順位,キー,名称,報告期間別（実数） 平成14年度～平成16年度 \(件\),/);
      expect(lines[1]).toMatch(/^1,nagoya,名古屋,,296,,296,296$/);
      expect(lines.at(-1)).toMatch(/^,total,合計,.*,1708,1708$/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.getCell('D2').value).toBe('By reporting period (raw)');
      expect((sheet.model as unknown as { merges: string[] }).merges).toContain('D2:F2');
      expect(sheet.getCell('C5').value).toBe('Started FY2002');
    });
  });

  describe('GET /api/v1/analytics/map', () => {
    it('places clusters on their prefectures; a prefecture sums its clusters', async () => {
      const res = await t.anonymous().get('/api/v1/analytics/map?indicator=papers_domestic');

      expect(res.status).toBe(200);
      expect(res.body.prefectures).toHaveLength(47);
      const kyotoPrefecture = res.body.prefectures.find((p: { code: string }) => p.code === '26');
      expect(kyotoPrefecture.clusterKeys.sort()).toEqual(['keihanna', 'kyoto']);
      expect(kyotoPrefecture.figure.value).toBe(71 + 97);
      expect(res.body.clusters.find((c: { key: string }) => c.key === 'keihanna')).toMatchObject({
        prefectureCodes: ['26', '27', '29'],
        figure: expect.objectContaining({ value: 97 }),
      });
      expect(res.body.prefectures.find((p: { code: string }) => p.code === '13').figure).toBeNull();
    });
  });

  describe('with yearly reports, subsidies and researcher counts', () => {
    // Runs last: it adds reports and ledger lines the earlier tests must not see.
    it('normalises per ¥100M of MEXT subsidy and per researcher, over fiscal years, published clusters only', async () => {
      const db = t.database.db;
      const kyoto = await clusterId(t, 'kyoto');
      const sapporo = await clusterId(t, 'sapporo');
      await addReport(db, kyoto, {
        fy: 2005,
        status: 'accepted',
        values: { papers_domestic: 40 },
        researchers: 80,
      });
      await addReport(db, kyoto, {
        fy: 2006,
        status: 'accepted',
        values: { papers_domestic: 30 },
        researchers: 60,
      });
      await addReport(db, kyoto, { fy: 2007, status: 'draft', values: { papers_domestic: 9999 } });
      await addReport(db, sapporo, { fy: 2005, status: 'accepted', values: { papers_domestic: 10 } });
      await addBudgetLine(db, kyoto, 2005, 'mext_subsidy', 500_000_000);
      await addBudgetLine(db, kyoto, 2006, 'mext_subsidy', 250_000_000);
      await addBudgetLine(db, kyoto, 2006, 'local_government', 999_000_000);
      const officer = await t.signInAs('programme_officer');
      const hidden = await createCluster(officer, { startFy: 2005, isPublished: false });
      await addReport(db, await clusterId(t, hidden.key), {
        fy: 2005,
        status: 'accepted',
        values: { papers_domestic: 5000 },
      });

      const raw = await get('indicator=papers_domestic&from=2005&to=2007');
      const per100m = await get('indicator=papers_domestic&from=2005&to=2007&normalise=per100m');
      const perResearcher = await get('indicator=papers_domestic&from=2005&to=2007&normalise=perResearcher');

      expect(raw.body.periods.map((p: { fyFrom: number }) => p.fyFrom)).toEqual([2005, 2006]);
      expect(group(raw.body, 'kyoto').points.map((p) => p.value)).toEqual([40, 30]);
      expect(raw.body.overall.total.value).toBe(80);
      expect(raw.body.groups.map((g: Group) => g.key)).not.toContain(hidden.key);
      const kyoto100m = group(per100m.body, 'kyoto');
      expect(kyoto100m.total!.denominator).toBe(750_000_000);
      expect(kyoto100m.total!.normalised).toBeCloseTo((70 * 100_000_000) / 750_000_000, 10);
      expect(kyoto100m.rank).toBe(1);
      expect(group(per100m.body, 'sapporo').total).toMatchObject({ value: 10, normalised: null });
      expect(per100m.body.notes.map((n: { code: string }) => n.code)).toContain('PARTIAL_DENOMINATOR');
      expect(group(perResearcher.body, 'kyoto').total).toMatchObject({ normalised: 0.5, denominator: 140 });
      expect(group(perResearcher.body, 'kyoto').points.map((p) => p.normalised)).toEqual([0.5, 0.5]);
    });
  });
});
