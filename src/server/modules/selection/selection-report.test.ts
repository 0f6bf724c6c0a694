/**
 * The selection report downloads through HTTP on SQLite and PostgreSQL: the officer's XLSX and PDF
 * of a whole call (ranked rows with ties, Japanese labels, reviewers' names), the proposer's own
 * report after publication (anonymised reviewers, nobody else's proposal), the PDF's text and page
 * count read back, its embedded Japanese glyphs compared with the font's, and bad input.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import {
  createAccount,
  createOrganization,
  expectProblem,
  signInNew,
} from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { pdfEmbeddedGlyphs, pdfPageTexts } from '../../../../test/support/pdf-text';
import { CRITERION_KEYS, insertCall, insertProposal } from '../../../../test/support/selection';
import {
  allText,
  download,
  hasPdftotext,
  table,
  values,
  workbookOf,
} from '../../../../test/support/report-files';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

const require = createRequire(import.meta.url);
/** Column A of the ranked sheets holds 順位 / Rank. */
const RANK_COLUMN = ['順位', 'Rank'];
describe.each(ENGINES)('selection reports on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let proposer: HttpClient;
  let otherProposer: HttpClient;
  let call: { id: number; key: string };
  let ids: { hamamatsu: number; kyoto: number; sapporo: number };
  let unpublished: { key: string; proposalId: number };

  const db = () => t.database.db;

  async function review(proposalId: number, reviewer: number, score: number, comment: string) {
    const at = '2026-11-20T01:00:00.000Z';
    const a = await db()
      .insertInto('review_assignments')
      .values({
        call_id: call.id,
        proposal_id: proposalId,
        reviewer_account_id: reviewer,
        method: 'manual',
        assigned_by: null,
        assigned_at: at,
        declared_at: at,
        removed_at: null,
        removed_reason: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const r = await db()
      .insertInto('reviews')
      .values({
        assignment_id: a.id,
        call_id: call.id,
        proposal_id: proposalId,
        reviewer_account_id: reviewer,
        status: 'submitted',
        overall_comment: comment,
        submitted_at: at,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('review_scores')
      .values(
        CRITERION_KEYS.map((criterion_key, i) => ({
          review_id: r.id,
          criterion_key,
          score,
          comment: i === 0 ? `特化の度合い：${comment}` : null,
        })),
      )
      .execute();
  }

  async function decide(proposalId: number, outcome: string, reason: string) {
    await db()
      .insertInto('proposal_decisions')
      .values({
        call_id: call.id,
        proposal_id: proposalId,
        outcome,
        reason,
        consolidated_comment: outcome === 'rejected' ? '事業化計画の具体化を期待する。' : null,
        decided_by: null,
        decided_at: '2026-11-25T01:00:00.000Z',
        superseded_at: null,
      })
      .execute();
  }

  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = await t.signInAs('programme_officer');
    const orgId = (await createOrganization(officer, { kind: 'local_government' })).id;
    const otherOrgId = (await createOrganization(officer, { kind: 'local_government' })).id;
    proposer = (await signInNew(t, 'proposer', { scopeType: 'organization', scopeId: orgId })).client;
    otherProposer = (await signInNew(t, 'proposer', { scopeType: 'organization', scopeId: otherOrgId }))
      .client;
    await db().updateTable('organizations').set({ name_ja: '静岡県' }).where('id', '=', orgId).execute();

    const reviewers: number[] = [];
    for (const name of ['審査 花子', '審査 太郎']) {
      const account = await createAccount(t, 'evaluator');
      await db().updateTable('accounts').set({ display_name: name }).where('id', '=', account.id).execute();
      reviewers.push(account.id);
    }

    call = await insertCall(db(), { status: 'published', slots: 2 });
    await db()
      .updateTable('calls')
      .set({
        title_ja: '知的クラスター創成事業 平成14年度公募',
        title_en: 'Knowledge Cluster Initiative FY2002 call',
        is_demo: 1,
        published_at: '2026-11-30T01:00:00.000Z',
      })
      .where('id', '=', call.id)
      .execute();
    const proposal = async (org: number, region: string, keyField: string) => {
      const { id } = await insertProposal(db(), call.id, org, { keyField });
      await db()
        .updateTable('proposals')
        .set({ region_ja: region, region_en: `${region} region` })
        .where('id', '=', id)
        .execute();
      return id;
    };
    ids = {
      hamamatsu: await proposal(orgId, '浜松', 'it'),
      kyoto: await proposal(otherOrgId, '京都', 'nanotech_materials'),
      sapporo: await proposal(otherOrgId, '札幌', 'it'),
    };
    // Hamamatsu and Kyoto tie on every criterion; Sapporo trails.
    await review(ids.hamamatsu, reviewers[0]!, 4, '光技術の集積が厚い。');
    await review(ids.hamamatsu, reviewers[1]!, 4, 'Strong optoelectronics base.');
    await review(ids.kyoto, reviewers[0]!, 4, 'ナノ材料の研究基盤が充実。');
    await review(ids.kyoto, reviewers[1]!, 4, '産学連携の実績あり。');
    await review(ids.sapporo, reviewers[0]!, 2, '事業化の道筋が不明確。');
    await review(ids.sapporo, reviewers[1]!, 3, 'IT企業の集積は評価できる。');
    await decide(ids.hamamatsu, 'selected', '総合評点上位');
    await decide(ids.kyoto, 'selected', '総合評点上位');
    await decide(ids.sapporo, 'rejected', '採択枠外');

    const draft = await insertCall(db(), { status: 'decision' });
    unpublished = { key: draft.key, proposalId: (await insertProposal(db(), draft.id, orgId)).id };
  });
  afterAll(async () => t?.close());

  describe('GET /api/v1/calls/:key/report', () => {
    it('writes the XLSX with the 順位 and 審査員別評点 sheets, ties as =1, Japanese labels and the demo banner', async () => {
      const res = await download(t, officer, `/api/v1/calls/${call.key}/report?format=xlsx&lang=ja`);

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="selection-report-${call.key}.xlsx"`,
      );
      const workbook = await workbookOf(res.body);
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['順位', '審査員別評点']);

      const ranking = workbook.getWorksheet('順位')!;
      expect(ranking.getCell('A1').value).toBe('審査結果（順位）：知的クラスター創成事業 平成14年度公募');
      expect(ranking.getCell('A2').value).toMatch(/^合成デモデータ/);
      expect(allText(workbook)).toContain('平成14年度（FY2002）');
      expect(allText(workbook)).toMatch(/採択枠 2件/);
      const { header, rows } = table(ranking, RANK_COLUMN);
      expect(values(ranking, header).slice(0, 7)).toEqual([
        '順位',
        '地域',
        '提案者',
        '特定分野',
        '総合評点',
        '審査数',
        '基本的要素',
      ]);
      expect(ranking.getCell(header + 1, 7).value).toBe('特定分野への特化');
      expect(ranking.getCell(header + 1, 7).font?.bold).toBe(true);
      expect(rows.map((r) => [r[0], r[1], r[4], r[5]])).toEqual([
        ['=1', '浜松', 4, 2],
        ['=1', '京都', 4, 2],
        ['3', '札幌', 2.5, 2],
      ]);
      expect(rows[0]![2]).toBe('静岡県');
      expect(rows[1]![3]).toBe('ナノテクノロジー・材料');
      expect(ranking.getCell(header + 3, 5).numFmt).toBe('#,##0.00');
      const last = rows[2]!;
      expect(last.slice(-4, -1)).toEqual(['枠外', '不採択', '採択枠外\n事業化計画の具体化を期待する。']);
    });

    it('lists every review with the reviewer’s name for officers', async () => {
      const workbook = await workbookOf(
        (await download(t, officer, `/api/v1/calls/${call.key}/report?format=xlsx`)).body,
      );
      const sheet = workbook.getWorksheet('審査員別評点')!;
      const { rows } = table(sheet, RANK_COLUMN);

      expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual([
        ['浜松', '審査員1（審査 花子）', 4],
        ['浜松', '審査員2（審査 太郎）', 4],
        ['京都', '審査員1（審査 花子）', 4],
        ['京都', '審査員2（審査 太郎）', 4],
        ['札幌', '審査員1（審査 花子）', 2],
        ['札幌', '審査員2（審査 太郎）', 3],
      ]);
      expect(String(rows[0]!.at(-2))).toContain('特定分野への特化: 特化の度合い：光技術の集積が厚い。');
    });

    it('labels the workbook in English with lang=en', async () => {
      const res = await download(t, officer, `/api/v1/calls/${call.key}/report?format=xlsx&lang=en`);
      const workbook = await workbookOf(res.body);

      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="selection-report-${call.key}-en.xlsx"`,
      );
      expect(workbook.worksheets.map((s) => s.name)).toEqual(['Ranking', 'Scores by reviewer']);
      const ranking = workbook.getWorksheet('Ranking')!;
      const { header, rows } = table(ranking, RANK_COLUMN);
      expect(values(ranking, header).slice(0, 3)).toEqual(['Rank', 'Region', 'Proposer']);
      expect(rows[2]!.slice(-4, -2)).toEqual(['No slot left', 'Rejected']);
      expect(allText(workbook)).toContain('FY2002 (平成14年度)');
    });

    it('writes an A4 landscape PDF whose text reads back in Japanese, with page numbers and the banner', async () => {
      const res = await download(t, officer, `/api/v1/calls/${call.key}/report`);

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="selection-report-${call.key}.pdf"`,
      );
      expect(res.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const doc = await PDFDocument.load(res.body);
      const pageCount = doc.getPageCount();
      expect(doc.getPage(0).getSize()).toEqual({ width: 841.89, height: 595.28 });
      expect(doc.getTitle()).toBe('審査結果報告: 知的クラスター創成事業 平成14年度公募');

      const pages = await pdfPageTexts(res.body);
      expect(pages).toHaveLength(pageCount);
      pages.forEach((text, i) => expect(text).toContain(`${i + 1} / ${pageCount}`));
      // A cell's lines are drawn one by one: read the text as one run.
      const text = pages.join('\n').replace(/\n/g, '');
      for (const expected of [
        '知的クラスター創成事業 平成14年度公募',
        'Knowledge Cluster Initiative FY2002 call',
        '平成14年度（FY2002）',
        '合成デモデータ：この公募は説明用に合成したデータであり、実際の審査結果ではありません。',
        '審査結果（順位）',
        '評価項目別・審査員別の評点',
        '浜松',
        '=1',
        '審査員1（審査 花子）',
        '不採択',
      ])
        expect(text).toContain(expected);
      // Small: the font is embedded as a subset, not its 4.5 MB.
      expect(res.body.length).toBeLessThan(200_000);
    });

    it('embeds every Japanese glyph with the font’s own outline (no tofu, nothing lost in subsetting)', async () => {
      const res = await download(t, officer, `/api/v1/calls/${call.key}/report?format=pdf&lang=ja`);
      const glyphs = await pdfEmbeddedGlyphs(res.body);
      const fonts = {
        regular: fontkit.create(
          readFileSync(
            require.resolve('@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf'),
          ),
        ),
        bold: fontkit.create(
          readFileSync(require.resolve('@expo-google-fonts/biz-udpgothic/700Bold/BIZUDPGothic_700Bold.ttf')),
        ),
      };

      expect(glyphs.map((g) => g.char)).toEqual(expect.arrayContaining(['審', '浜', '松', 'ク', 'あ']));
      for (const glyph of glyphs) {
        const font = /Bold/.test(glyph.baseFont) ? fonts.bold : fonts.regular;
        const original = font.glyphForCodePoint(glyph.char.codePointAt(0)!);
        expect(original.id, `${glyph.char} is in the font`).not.toBe(0);
        expect(glyph.subsetPath, `outline of ${glyph.char} in ${glyph.baseFont}`).toBe(original.path.toSVG());
      }
    });

    it.skipIf(!hasPdftotext)('reads the same with poppler’s pdftotext', async () => {
      const res = await download(t, officer, `/api/v1/calls/${call.key}/report?lang=en`);
      const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: res.body }).toString('utf8');

      expect(text).toContain('Selection report: Knowledge Cluster Initiative FY2002 call');
      expect(text).toContain('知的クラスター創成事業 平成14年度公募');
      expect(text).toContain('Synthetic demo data');
      expect(text).toContain('浜松');
    });

    it('repeats the header on every page of a long call and numbers the pages', async () => {
      const long = await insertCall(db(), { status: 'review', slots: 10 });
      const org = (await createOrganization(officer, { kind: 'local_government' })).id;
      for (let i = 0; i < 45; i++) {
        const { id } = await insertProposal(db(), long.id, org);
        await db()
          .updateTable('proposals')
          .set({ region_ja: `地域${i + 1}番` })
          .where('id', '=', id)
          .execute();
      }
      const res = await download(t, officer, `/api/v1/calls/${long.key}/report?format=pdf`);
      const pages = await pdfPageTexts(res.body);

      expect(pages.length).toBeGreaterThan(2);
      const rankingPages = pages.filter((p) => p.includes('地域1番') || /地域\d+番/.test(p));
      expect(rankingPages.length).toBeGreaterThan(1);
      for (const page of rankingPages) expect(page).toMatch(/順\n?位[\s\S]*地域[\s\S]*提案者/);
      for (let i = 1; i <= 45; i++) expect(pages.join('\n')).toContain(`地域${i}番`);
      pages.forEach((text, i) => expect(text).toContain(`${i + 1} / ${pages.length}`));
      // A real call has no demo banner.
      expect(pages[0]).not.toContain('合成デモデータ');
    });

    it('gives a call key outside ASCII an ASCII file name and the UTF-8 one (RFC 6266 / 5987)', async () => {
      const jp = await insertCall(db(), { status: 'review' });
      await db()
        .updateTable('calls')
        .set({ key: `公募-${jp.id}` })
        .where('id', '=', jp.id)
        .execute();
      const res = await download(
        t,
        officer,
        `/api/v1/calls/${encodeURIComponent(`公募-${jp.id}`)}/report?format=xlsx`,
      );

      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="selection-report-__-${jp.id}.xlsx"; filename*=UTF-8''${encodeURIComponent(`selection-report-公募-${jp.id}.xlsx`)}`,
      );
    });

    it.each([
      ['format=docx', 'query.format'],
      ['lang=fr', 'query.lang'],
      ['format=pdf&extra=1', 'query.extra'],
    ])('answers 400 to ?%s naming %s', async (query, field) => {
      expectProblem(
        await officer.get(`/api/v1/calls/${call.key}/report?${query}`),
        400,
        'VALIDATION_FAILED',
        field,
      );
    });

    it('answers 404 for an unknown call and 403 to a proposer', async () => {
      expectProblem(await officer.get('/api/v1/calls/no-such-call/report'), 404, 'NOT_FOUND');
      expectProblem(await proposer.get(`/api/v1/calls/${call.key}/report`), 403, 'FORBIDDEN');
    });
  });

  describe('GET /api/v1/proposals/:id/report', () => {
    it('gives the proposer its own proposal with reviewers anonymised but their scores kept', async () => {
      const res = await download(t, proposer, `/api/v1/proposals/${ids.hamamatsu}/report?format=xlsx`);

      expect(res.status).toBe(200);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="selection-report-${call.key}-proposal-${ids.hamamatsu}.xlsx"`,
      );
      const workbook = await workbookOf(res.body);
      const ranking = table(workbook.getWorksheet('順位')!, RANK_COLUMN);
      expect(ranking.rows.map((r) => [r[0], r[1], r[4]])).toEqual([['=1', '浜松', 4]]);
      const reviews = table(workbook.getWorksheet('審査員別評点')!, RANK_COLUMN);
      expect(reviews.rows.map((r) => [r[2], r[3], r[4]])).toEqual([
        ['審査員1', 4, 4],
        ['審査員2', 4, 4],
      ]);
      const text = allText(workbook);
      expect(text).not.toMatch(/審査 花子|審査 太郎|京都|札幌/);
      expect(text).toContain('（浜松）　順位 =1／3件');
    });

    it('writes the proposer’s PDF in English without names', async () => {
      const res = await download(t, proposer, `/api/v1/proposals/${ids.hamamatsu}/report?lang=en`);
      const text = (await pdfPageTexts(res.body)).join('\n');

      expect(res.status).toBe(200);
      expect(text).toContain('Reviewer 1');
      expect(text).toContain('Strong optoelectronics base.');
      expect(text).not.toMatch(/審査 花子|審査 太郎|京都/);
    });

    it('answers 404 for another organization’s proposal, before publication and for no proposal', async () => {
      expectProblem(await otherProposer.get(`/api/v1/proposals/${ids.hamamatsu}/report`), 404, 'NOT_FOUND');
      expectProblem(
        await proposer.get(`/api/v1/proposals/${unpublished.proposalId}/report`),
        404,
        'NOT_FOUND',
      );
      expectProblem(await proposer.get('/api/v1/proposals/999999/report'), 404, 'NOT_FOUND');
    });

    it('answers 401 to the public, 403 to an officer, and 400 naming a bad id', async () => {
      expectProblem(
        await t.anonymous().get(`/api/v1/proposals/${ids.hamamatsu}/report`),
        401,
        'UNAUTHENTICATED',
      );
      expectProblem(await officer.get(`/api/v1/proposals/${ids.hamamatsu}/report`), 403, 'FORBIDDEN');
      expectProblem(
        await proposer.get('/api/v1/proposals/abc/report'),
        400,
        'VALIDATION_FAILED',
        'params.id',
      );
    });
  });
});
