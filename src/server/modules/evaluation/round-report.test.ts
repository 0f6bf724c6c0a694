/**
 * The round's result report through HTTP on SQLite and PostgreSQL, on the hand-computed round of
 * test/support/scored-round.ts: the officer's XLSX (ranked results with the shared rank as =2,
 * the locked weights adding up to 100, the grade distribution with agreement, each evaluator's
 * weighted score by name with the conflict marked, leniency) in Japanese and English; the PDF's
 * text read back; the public's report once published, naming no evaluator; refusals before
 * publication and for a draft; bad input.
 */
import { execFileSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import { expectProblem, signInNew, unique } from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { pdfPageTexts } from '../../../../test/support/pdf-text';
import {
  buildScoredRound,
  handComputedGradings,
  type ScoredRound,
} from '../../../../test/support/scored-round';
import {
  allText,
  download,
  hasPdftotext,
  table,
  values,
  workbookOf,
} from '../../../../test/support/report-files';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

describe.each(ENGINES)('round result reports on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let hq: HttpClient;
  let outsider: HttpClient;
  let evaluators: { id: number; client: HttpClient }[];
  let names: string[];
  let round: ScoredRound;
  let published: ScoredRound;

  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = (await signInNew(t, 'programme_officer')).client;
    hq = (await signInNew(t, 'cluster_headquarters', { clusterKey: 'sapporo' })).client;
    outsider = (await signInNew(t, 'evaluator')).client;
    // Created in this order, so their letters are A, B, C.
    evaluators = [];
    for (let i = 0; i < 3; i++) evaluators.push(await signInNew(t, 'evaluator'));
    names = ['評価 一郎', '評価 花子', '評価 次郎'];
    for (const [i, e] of evaluators.entries())
      await t.database.db
        .updateTable('accounts')
        .set({ display_name: names[i]! })
        .where('id', '=', e.id)
        .execute();
    const gradings = handComputedGradings(evaluators[0]!.id, evaluators[1]!.id, evaluators[2]!.id);
    round = await buildScoredRound(t, officer, { gradings });
    await t.database.db
      .updateTable('evaluation_rounds')
      .set({ is_demo: 1 })
      .where('id', '=', round.id)
      .execute();
    const comment = await officer.put(`/api/v1/rounds/${round.key}/results/sapporo/comment`, {
      comment: { ja: '産学連携が大きく進んだ。', en: 'Industry–academia links grew strongly.' },
    });
    expect(comment.status, JSON.stringify(comment.body)).toBe(200);

    published = await buildScoredRound(t, officer, { gradings });
    const { version } = (await officer.get(`/api/v1/rounds/${published.key}`)).body as { version: number };
    expect((await officer.post(`/api/v1/rounds/${published.key}/publish`, { version })).status).toBe(200);
  });
  afterAll(async () => t?.close());

  describe('GET /api/v1/rounds/:key/report', () => {
    it('writes the officer’s XLSX: results with =2 for the tie, weights, distribution, evaluators and leniency', async () => {
      const res = await download(t, officer, `/api/v1/rounds/${round.key}/report?format=xlsx&lang=ja`);

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="round-report-${round.key}.xlsx"`,
      );
      const workbook = await workbookOf(res.body);
      expect(workbook.worksheets.map((s) => s.name)).toEqual([
        '評価結果',
        '重み',
        '評点分布',
        '評価者別評点',
        '評価者の傾向',
      ]);

      const results = workbook.getWorksheet('評価結果')!;
      expect(results.getCell('A1').value).toBe('評価結果（順位）：平成16年度 中間評価（試験）');
      expect(results.getCell('A2').value).toMatch(/^合成デモデータ/);
      const text = allText(workbook);
      expect(text).toContain('中間評価・平成16年度（FY2004）・結果は平成17年度の補助金に反映');
      expect(text).toContain('未公表（採点段階の暫定値）');
      expect(text).toContain('評点 S=4, A=3, B=2, C=1／評価帯 S ≥ 3.5, A ≥ 2.5, B ≥ 1.5, C');
      expect(text).toMatch(/評価者間の一致度（クリッペンドルフのα、順序尺度）：-?\d\.\d{3}/);
      const { header, rows } = table(results, ['順位']);
      expect(values(results, header).slice(0, 7)).toEqual([
        '順位',
        'クラスター',
        '評価',
        '総合評点',
        '100点換算',
        '評価者数',
        '利益相反で除外',
      ]);
      expect(rows.map((r) => r.slice(0, 7))).toEqual([
        ['1', '札幌', 'S', 3.7, 90, 3, 0],
        ['=2', '仙台', 'A', 3.2, 73.3, 2, 1],
        ['=2', '長野・上田', 'A', 3.2, 73.3, 3, 0],
        ['4', '浜松', 'B', 2, 33.3, 3, 0],
      ]);
      expect(rows[0]!.at(-1)).toBe('産学連携が大きく進んだ。');
      expect(results.getCell(header + 3, 4).numFmt).toBe('#,##0.000');

      const weights = table(workbook.getWorksheet('重み')!, ['評価項目群']);
      expect(weights.rows).toEqual([
        ['進捗', '研究開発', 50],
        ['進捗', '事業化', 30],
        ['計画', '今後の計画', 20],
        ['合計', '', 100],
      ]);

      const distribution = workbook.getWorksheet('評点分布')!;
      const d = table(distribution, ['評価項目群']);
      expect(values(distribution, d.header + 1).slice(2, 6)).toEqual(['S', 'A', 'B', 'C']);
      // 研究開発 over counted gradings: S S S | A S | A A S | B B B.
      expect(d.rows[0]!.slice(0, 8)).toEqual(['進捗', '研究開発', 5, 3, 3, 0, 11, 3.18]);
      expect(typeof d.rows[0]![8]).toBe('number');
      expect(d.rows.at(-1)!.slice(0, 7)).toEqual(['全項目', '', 10, 13, 8, 2, 33]);

      const perEvaluator = workbook.getWorksheet('評価者別評点')!;
      const e = table(perEvaluator, ['順位']);
      expect(values(perEvaluator, e.header + 1).slice(2, 5)).toEqual([
        '評価者A（評価 一郎）',
        '評価者B（評価 花子）',
        '評価者C（評価 次郎）',
      ]);
      expect(e.rows[0]).toEqual(['1', '札幌', 3.8, 3.6, 3.7, 3.7]);
      expect(e.rows[1]).toEqual(['=2', '仙台', 3, 3.4, '利益相反', 3.2]);

      const leniency = table(workbook.getWorksheet('評価者の傾向')!, ['評価者']);
      expect(leniency.rows.map((r) => r[0])).toEqual([
        '評価者A（評価 一郎）',
        '評価者B（評価 花子）',
        '評価者C（評価 次郎）',
      ]);
      expect(leniency.rows.every((r) => typeof r[1] === 'number' && typeof r[2] === 'number')).toBe(true);
    });

    it('labels the workbook in English with lang=en', async () => {
      const res = await download(t, officer, `/api/v1/rounds/${round.key}/report?format=xlsx&lang=en`);
      const workbook = await workbookOf(res.body);

      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="round-report-${round.key}-en.xlsx"`,
      );
      expect(workbook.worksheets.map((s) => s.name)).toEqual([
        'Results',
        'Weights',
        'Grade distribution',
        'Scores by evaluator',
        'Leniency',
      ]);
      const results = workbook.getWorksheet('Results')!;
      expect(results.getCell('A1').value).toBe('Ranked results: FY2004 intermediate evaluation (test)');
      const { header, rows } = table(results, ['Rank']);
      expect(values(results, header).slice(0, 3)).toEqual(['Rank', 'Cluster', 'Band']);
      expect(rows[0]!.slice(0, 3)).toEqual(['1', 'Sapporo', 'S']);
      expect(rows[0]!.at(-1)).toBe('Industry–academia links grew strongly.');
      const text = allText(workbook);
      expect(text).toContain(
        'Intermediate evaluation · FY2004 (平成16年度) · results adjust the FY2005 subsidy',
      );
      expect(text).toContain('Evaluator C (評価 次郎)');
      expect(text).toContain('Conflict');
    });

    it('writes an A4 landscape PDF whose Japanese text reads back, with page numbers and the banner', async () => {
      const res = await download(t, officer, `/api/v1/rounds/${round.key}/report`);

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="round-report-${round.key}.pdf"`);
      const doc = await PDFDocument.load(res.body);
      expect(doc.getPage(0).getSize()).toEqual({ width: 841.89, height: 595.28 });
      expect(doc.getTitle()).toBe('評価結果報告: 平成16年度 中間評価（試験）');
      const pages = await pdfPageTexts(res.body);
      pages.forEach((page, i) => expect(page).toContain(`${i + 1} / ${pages.length}`));
      const text = pages.join('\n').replace(/\n/g, '');
      for (const expected of [
        'FY2004 intermediate evaluation (test)',
        '合成デモデータ：この評価は説明用に合成したデータであり、実際の評価結果ではありません。',
        '評価結果（順位）',
        '確定した重み',
        '評価項目別の評点分布',
        '評価者別の加重評点',
        '札幌',
        '=2',
        '評価者A（評価 一郎）',
        '利益相反',
        '産学連携が大きく進んだ。',
      ])
        expect(text).toContain(expected);
      expect(res.body.length).toBeLessThan(250_000);
    });

    it.skipIf(!hasPdftotext)('reads the same with poppler’s pdftotext', async () => {
      const res = await download(t, officer, `/api/v1/rounds/${round.key}/report?lang=en`);
      const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: res.body }).toString('utf8');

      expect(text).toContain('Evaluation report: FY2004 intermediate evaluation (test)');
      expect(text).toContain('平成16年度 中間評価（試験）');
      expect(text).toContain('Synthetic demo data');
      expect(text).toContain('Sapporo');
    });

    it('gives everyone a published round’s report without any evaluator', async () => {
      const res = await download(t, null, `/api/v1/rounds/${published.key}/report?format=xlsx`);

      expect(res.status).toBe(200);
      const workbook = await workbookOf(res.body);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['評価結果', '重み', '評点分布']);
      const { rows } = table(workbook.getWorksheet('評価結果')!, ['順位']);
      // The published snapshot lists a shared rank by cluster key.
      expect(rows.map((r) => r.slice(0, 4))).toEqual([
        ['1', '札幌', 'S', 3.7],
        ['=2', '長野・上田', 'A', 3.2],
        ['=2', '仙台', 'A', 3.2],
        ['4', '浜松', 'B', 2],
      ]);
      const text = allText(workbook);
      expect(text).toContain('評価者の氏名は公表しません。');
      expect(text).not.toMatch(/評価 一郎|評価 花子|評価 次郎|評価者A|一致度 α/);
      expect(text).not.toContain('未公表');

      const pdf = await download(t, hq, `/api/v1/rounds/${published.key}/report?lang=en`);
      expect(pdf.status).toBe(200);
      const pdfText = (await pdfPageTexts(pdf.body)).join('\n');
      expect(pdfText).toContain('Ranked results');
      expect(pdfText).not.toMatch(/評価 一郎|評価 花子|評価 次郎|Evaluator A|Leniency/);
    });

    it('refuses an unpublished round to the public (401) and to other accounts (403)', async () => {
      expectProblem(await t.anonymous().get(`/api/v1/rounds/${round.key}/report`), 401, 'UNAUTHENTICATED');
      expectProblem(await hq.get(`/api/v1/rounds/${round.key}/report?format=xlsx`), 403, 'FORBIDDEN');
      expectProblem(await outsider.get(`/api/v1/rounds/${round.key}/report`), 403, 'FORBIDDEN');
    });

    it('answers 404 for a draft to the public and 409 to an officer before the scoring phase', async () => {
      const draft = await officer.post('/api/v1/rounds', {
        key: `draft-${unique()}`,
        title: { ja: '下書き', en: 'Draft' },
        fiscalYear: 2004,
        clusterKeys: ['sapporo'],
      });
      expect(draft.status, JSON.stringify(draft.body)).toBe(201);
      expectProblem(await t.anonymous().get(`/api/v1/rounds/${draft.body.key}/report`), 404, 'NOT_FOUND');
      expectProblem(await officer.get(`/api/v1/rounds/${draft.body.key}/report`), 409, 'WRONG_PHASE');
      expectProblem(await officer.get('/api/v1/rounds/no-such-round/report'), 404, 'NOT_FOUND');
    });

    it.each([
      ['format=docx', 'query.format'],
      ['lang=fr', 'query.lang'],
      ['format=pdf&extra=1', 'query.extra'],
    ])('answers 400 to ?%s naming %s', async (query, field) => {
      expectProblem(
        await officer.get(`/api/v1/rounds/${round.key}/report?${query}`),
        400,
        'VALIDATION_FAILED',
        field,
      );
    });
  });
});
