import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import { expectProblem } from '../../../../test/support/factories';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

/** The seed deck's Total row as the deck prints it: sales in thousands of yen. */
const SEED_TOTAL_ROW = [728, 1708, 143, 944, 1, 116, 0, 86, 219, 544_305, 1564, 197, 474];

async function download(t: TestApp, url: string) {
  const res = await t.app.inject({ method: 'GET', url });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
}

async function readWorkbook(body: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  return (sheet.getRow(row).values as unknown[]).slice(1);
}

describe.each(ENGINES)('outcome table downloads on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(engine);
  });
  afterAll(async () => t?.close());

  describe('GET /api/v1/outcome-table?format=xlsx', () => {
    it('reproduces the seed deck: title, grouped and merged headers, units, 18 clusters and the Total row', async () => {
      const res = await download(t, '/api/v1/outcome-table?from=2002&to=2004&format=xlsx&lang=ja');

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(res.headers['content-disposition']).toBe('attachment; filename="outcomes-fy2002-fy2004.xlsx"');
      const sheet = await readWorkbook(res.body);
      expect(sheet.getCell('A1').text).toContain('知的クラスター創成事業');
      const merges = (sheet.model as unknown as { merges: string[] }).merges;
      // Title across all 14 columns; クラスター and single-column groups span both header rows;
      // 論文 over two columns, 特許 over four, 報道 over three.
      expect([...merges].sort()).toEqual(
        ['A1:N1', 'A2:A3', 'B2:C2', 'D2:D3', 'E2:H2', 'I2:I3', 'J2:J3', 'K2:K3', 'L2:N2'].sort(),
      );
      expect(sheet.getCell('K2').value).toBe('売上');
      expect(sheet.getCell('B2').value).toBe('論文');
      expect(rowValues(sheet, 3).slice(1, 3)).toEqual(['国内', '海外']);
      expect(sheet.getCell('E2').value).toBe('特許');
      expect(rowValues(sheet, 3).slice(4, 8)).toEqual(['国内出願', '国内取得', '海外出願', '海外取得']);
      expect(sheet.getCell('L2').value).toBe('報道');
      expect(rowValues(sheet, 3).slice(11, 14)).toEqual(['新聞', 'TV', '雑誌']);
      expect(sheet.getCell('B4').value).toBe('件');
      expect(sheet.getCell('K4').value).toBe('千円');
      // Rows 5–22: one per cluster; row 23: the Total, in bold, equal to the deck's.
      expect(rowValues(sheet, 5)[0]).toBe('札幌');
      const total = rowValues(sheet, 5 + 18);
      expect(total[0]).toBe('合計');
      expect(total.slice(1)).toEqual(SEED_TOTAL_ROW);
      expect(sheet.getCell(5 + 18, 1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
      expect(sheet.getColumn(1).width).toBeGreaterThan(15);
    });

    it('labels the workbook in English with lang=en', async () => {
      const sheet = await readWorkbook((await download(t, '/api/v1/outcome-table?format=xlsx&lang=en')).body);

      expect(sheet.getCell('B2').value).toBe('Papers');
      expect(sheet.getCell('K4').value).toBe('¥ thousand');
      expect(rowValues(sheet, 5)[0]).toBe('Sapporo');
      expect(rowValues(sheet, 23)[0]).toBe('Total');
    });
  });

  describe('GET /api/v1/outcome-table?format=csv', () => {
    it('encodes Shift_JIS that decodes back to the Japanese names, with Japanese headers', async () => {
      const res = await download(t, '/api/v1/outcome-table?format=csv&encoding=shift_jis&lang=ja');

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=shift_jis');
      expect(res.headers['content-disposition']).toBe(
        'attachment; filename="outcomes-fy2002-fy2004-sjis.csv"',
      );
      expect(res.body[0]).not.toBe(0xef); // no UTF-8 BOM
      const text = iconv.decode(res.body, 'cp932');
      const lines = text.trim().split('\r\n');
      expect(lines[0]).toMatch(/^クラスターキー,クラスター名,/);
      expect(lines[0]).toContain('論文（国内）');
      expect(lines.find((l) => l.startsWith('kyoto,'))).toMatch(/^kyoto,京都,Kyoto,/);
      expect(lines.at(-1)).toMatch(/^total,合計,Total,728,1708,/);
      expect(lines.at(-1)).toContain(',544305000,');
    });

    it('replaces characters Shift_JIS cannot hold instead of failing', async () => {
      const officer = await t.signInAs('programme_officer');
      const current = (await officer.get('/api/v1/clusters/gifu')).body;
      await officer.patch('/api/v1/clusters/gifu', {
        version: current.version,
        name: { ja: '岐阜〜𠮷田😀', en: 'Gifu – Café' },
      });

      const text = iconv.decode(
        (await download(t, '/api/v1/outcome-table?format=csv&encoding=shift_jis')).body,
        'cp932',
      );

      expect(text).toContain('gifu,岐阜～吉田?,Gifu - Cafe,');
      await officer.patch('/api/v1/clusters/gifu', { version: current.version + 1, name: current.name });
    });

    it('answers 400 naming query.encoding for an unknown encoding', async () => {
      const res = await t.anonymous().get('/api/v1/outcome-table?format=csv&encoding=latin1');

      expectProblem(res, 400, 'VALIDATION_FAILED', 'query.encoding');
    });
  });
});
