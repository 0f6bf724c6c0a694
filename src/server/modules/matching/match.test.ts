/**
 * The coordinators' pipeline through HTTP on every engine: a coordinator proposes a match of a
 * published seed and need; the seed's headquarters and the company answer with an expression of
 * interest (or decline); the coordinator records introduction → meeting → confidentiality
 * agreement → joint research → patent → product → sales, each dated, in order, linked to the
 * cluster's outcome items; joint research enters the funded projects; the board and the
 * coordinators' summary follow; a confidential company stays hidden from the seed's side.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { japanDate } from '../../../domain/fiscal-year';
import { ENGINES } from '../../../../test/support/engines';
import {
  countRows,
  createOrganization,
  expectProblem,
  lastAuditEntry,
  signInNew,
} from '../../../../test/support/factories';
import type { HttpClient } from '../../../../test/support/http-client';
import { interestedMatch, needBody, publishListing, seedBody } from '../../../../test/support/matching';
import { addItem, patentBody, startReport } from '../../../../test/support/reports';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

const TODAY = japanDate(new Date());

describe.each(ENGINES)('matches on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let coordinator: HttpClient;
  let coordinatorId: number;
  let hq: HttpClient;
  let kyotoHq: HttpClient;
  let company: HttpClient;
  let otherCompany: HttpClient;
  let companyId: number;
  let secretName: string;
  let secretNameJa: string;

  async function freshPair(confidential = false): Promise<{ seedId: number; needId: number }> {
    const seed = await publishListing(hq, coordinator, 'seeds', seedBody());
    const need = await publishListing(company, coordinator, 'needs', needBody(companyId, { confidential }));
    return { seedId: seed.id, needId: need.id };
  }

  async function version(id: number): Promise<number> {
    return (await coordinator.get(`/api/v1/matches/${id}`)).body.version as number;
  }

  async function record(id: number, body: Record<string, unknown>) {
    return coordinator.post(`/api/v1/matches/${id}/steps`, {
      occurredOn: TODAY,
      version: await version(id),
      ...body,
    });
  }

  beforeAll(async () => {
    t = await buildTestApp(engine);
    officer = (await signInNew(t, 'programme_officer')).client;
    const c = await signInNew(t, 'coordinator');
    coordinator = c.client;
    coordinatorId = c.id;
    hq = (await signInNew(t, 'cluster_headquarters', { clusterKey: 'sapporo' })).client;
    kyotoHq = (await signInNew(t, 'cluster_headquarters', { clusterKey: 'kyoto' })).client;
    const org = await createOrganization(officer, { kind: 'company', prefectureCode: '01' });
    companyId = org.id as number;
    secretName = org.name.en as string;
    secretNameJa = org.name.ja as string;
    company = (await signInNew(t, 'partner_company', { scopeType: 'organization', scopeId: companyId }))
      .client;
    const other = await createOrganization(officer, { kind: 'company' });
    otherCompany = (
      await signInNew(t, 'partner_company', { scopeType: 'organization', scopeId: other.id as number })
    ).client;
  });
  afterAll(async () => t.close());

  describe('POST /api/v1/matches', () => {
    it('lets a coordinator propose a live pair, keeping the ranking’s explanation', async () => {
      const { seedId, needId } = await freshPair();
      const res = await coordinator.post('/api/v1/matches', { seedId, needId, note: '同じ除雪路線の課題' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body).toMatchObject({
        stage: 'proposed',
        note: '同じ除雪路線の課題',
        seedSide: { answer: 'pending' },
        needSide: { answer: 'pending' },
        canAnswer: ['seed', 'need'],
        nextSteps: [],
      });
      expect(res.body.explanation.matched.length).toBeGreaterThan(0);
      expect((await lastAuditEntry(t)).action).toBe('match.propose');
      expectProblem(
        await coordinator.post('/api/v1/matches', { seedId, needId }),
        409,
        'DUPLICATE',
        'body.needId',
      );
    });

    it('refuses unpublished or expired listings, unknown ids and non-coordinators, writing nothing', async () => {
      const { seedId, needId } = await freshPair();
      const draft = (await hq.post('/api/v1/seeds', seedBody())).body.id as number;
      const before = await countRows(t, 'matches');
      expectProblem(
        await coordinator.post('/api/v1/matches', { seedId: draft, needId }),
        422,
        'RULE_VIOLATION',
        'body.seedId',
      );
      await t.database.db
        .updateTable('needs')
        .set({ expires_on: '2005-03-31' })
        .where('id', '=', needId)
        .execute();
      expectProblem(
        await coordinator.post('/api/v1/matches', { seedId, needId }),
        422,
        'RULE_VIOLATION',
        'body.needId',
      );
      expectProblem(
        await coordinator.post('/api/v1/matches', { seedId: 999999, needId }),
        422,
        'UNKNOWN_REFERENCE',
        'body.seedId',
      );
      expect((await hq.post('/api/v1/matches', { seedId, needId })).status).toBe(403);
      expect((await company.post('/api/v1/matches', { seedId, needId })).status).toBe(403);
      expect(await countRows(t, 'matches')).toBe(before);
    });
  });

  describe('POST /api/v1/matches/:id/answers', () => {
    it('lets each side answer for itself only, with the three questions when interested', async () => {
      const { seedId, needId } = await freshPair();
      const match = (await coordinator.post('/api/v1/matches', { seedId, needId })).body;
      const path = `/api/v1/matches/${match.id}/answers`;
      expect((await hq.get(`/api/v1/matches/${match.id}`)).body.canAnswer).toEqual(['seed']);
      expectProblem(
        await hq.post(path, { side: 'need', answer: 'interested', version: match.version }),
        403,
        'FORBIDDEN',
      );
      expectProblem(
        await kyotoHq.post(path, { side: 'seed', answer: 'declined', version: match.version }),
        404,
        'NOT_FOUND',
      );
      expectProblem(
        await hq.post(path, { side: 'seed', answer: 'interested', version: match.version }),
        400,
        'VALIDATION_FAILED',
        'body.interest',
      );
      expectProblem(
        await hq.post(path, {
          side: 'seed',
          answer: 'interested',
          interest: { offer: '', seek: 'x', next: 'y' },
          version: match.version,
        }),
        400,
        'VALIDATION_FAILED',
        'body.interest.offer',
      );
      const seedSide = await hq.post(path, {
        side: 'seed',
        answer: 'interested',
        interest: { offer: '実証済みのFPGAカメラ', seek: '量産の相手', next: '札幌で面談' },
        version: match.version,
      });
      expect(seedSide.body).toMatchObject({
        seedSide: { answer: 'interested', interest: { next: '札幌で面談' } },
        stage: 'proposed',
      });
      const needSide = await company.post(path, {
        side: 'need',
        answer: 'declined',
        reason: 'budget frozen this year',
        version: seedSide.body.version,
      });
      expect(needSide.body).toMatchObject({
        stage: 'declined',
        needSide: { answer: 'declined', reason: 'budget frozen this year' },
      });
      expectProblem(await record(match.id, { step: 'introduction' }), 409, 'INVALID_TRANSITION', 'body.step');
    });
  });

  describe('POST /api/v1/matches/:id/steps', () => {
    it('takes a match from introduction to sales, in order, dated, linked to outcome items', async () => {
      const { seedId, needId } = await freshPair();
      const before = await countRows(t, 'funded_projects');
      const proposed = (await coordinator.post('/api/v1/matches', { seedId, needId })).body;
      expectProblem(
        await record(proposed.id, { step: 'introduction' }),
        409,
        'INVALID_TRANSITION',
        'body.step',
      );
      await coordinator
        .post(`/api/v1/matches/${proposed.id}/close`, { reason: 'test', version: proposed.version })
        .then((r) => expect(r.status).toBe(200));
      const { id } = await interestedMatch(coordinator, (await freshPair()).seedId, needId);

      expectProblem(await record(id, { step: 'meeting' }), 409, 'INVALID_TRANSITION', 'body.step');
      expect(
        (await record(id, { step: 'introduction', occurredOn: '2005-05-10', notes: '紹介メール' })).status,
      ).toBe(201);
      expectProblem(await record(id, { step: 'introduction' }), 409, 'INVALID_TRANSITION', 'body.step');
      expectProblem(
        await record(id, { step: 'meeting', occurredOn: '2005-05-01' }),
        409,
        'INVALID_TRANSITION',
        'body.occurredOn',
      );
      expectProblem(
        await record(id, { step: 'meeting', occurredOn: '2999-01-01' }),
        409,
        'INVALID_TRANSITION',
        'body.occurredOn',
      );
      expectProblem(
        await record(id, { step: 'introduction', attendees: ['x'] }),
        400,
        'VALIDATION_FAILED',
        'body.attendees',
      );
      const meeting = await record(id, {
        step: 'meeting',
        occurredOn: '2005-06-01',
        attendees: ['佐藤 教授', 'Tanaka (company)'],
        notes: '試作機を見学',
      });
      expect(meeting.body).toMatchObject({
        stage: 'meeting',
        steps: [{ step: 'introduction' }, { step: 'meeting', attendees: ['佐藤 教授', 'Tanaka (company)'] }],
      });
      expect((await record(id, { step: 'confidentiality_agreement', occurredOn: '2005-06-20' })).status).toBe(
        201,
      );

      expectProblem(
        await record(id, { step: 'joint_research', occurredOn: '2005-07-01' }),
        400,
        'VALIDATION_FAILED',
        'body.jointResearch',
      );
      expectProblem(
        await record(id, {
          step: 'joint_research',
          occurredOn: '2005-07-01',
          jointResearch: { partners: ['北大'], budgetYen: 1, funder: 'other', theme: 'x' },
        }),
        400,
        'VALIDATION_FAILED',
        'body.jointResearch.funderName',
      );
      const joint = await record(id, {
        step: 'joint_research',
        occurredOn: '2005-07-01',
        jointResearch: {
          partners: ['北海道大学', secretName],
          budgetYen: 12_000_000,
          funder: 'mext',
          theme: '凍結路面検知カメラの実用化',
        },
      });
      expect(joint.body).toMatchObject({ stage: 'joint_research' });
      expect(await countRows(t, 'funded_projects')).toBe(before + 1);
      expect(joint.body.nextSteps).toEqual(['meeting', 'patent', 'product']);

      const report = await startReport(hq, 'sapporo', 2005);
      const patent = (await addItem(hq, report.id as number, patentBody())).items[0] as { id: number };
      const kyotoReport = await startReport(kyotoHq, 'kyoto', 2005);
      const kyotoPatent = (await addItem(kyotoHq, kyotoReport.id as number, patentBody())).items[0] as {
        id: number;
      };
      expectProblem(
        await record(id, { step: 'patent', occurredOn: '2005-09-01', outcomeItemIds: [kyotoPatent.id] }),
        422,
        'UNKNOWN_REFERENCE',
        'body.outcomeItemIds.0',
      );
      const patented = await record(id, {
        step: 'patent',
        occurredOn: '2005-09-01',
        outcomeItemIds: [patent.id],
      });
      expect(patented.status, JSON.stringify(patented.body)).toBe(201);
      expect(patented.body.steps.at(-1)).toMatchObject({
        step: 'patent',
        outcomeItems: [{ id: patent.id, kind: 'patent' }],
      });
      expectProblem(await record(id, { step: 'sales', salesYen: 1 }), 409, 'INVALID_TRANSITION', 'body.step');
      expect((await record(id, { step: 'product', occurredOn: '2006-02-01' })).status).toBe(201);
      expectProblem(
        await record(id, { step: 'sales', occurredOn: '2006-03-01' }),
        400,
        'VALIDATION_FAILED',
        'body.salesYen',
      );
      const sales = await record(id, { step: 'sales', occurredOn: '2006-03-01', salesYen: 4_500_000 });
      expect(sales.body).toMatchObject({
        stage: 'sales',
        steps: expect.arrayContaining([expect.objectContaining({ step: 'sales', salesYen: 4_500_000 })]),
      });
      expect((await lastAuditEntry(t)).action).toBe('match.step.sales');

      // Only coordinators record steps.
      expect(
        (
          await hq.post(`/api/v1/matches/${id}/steps`, {
            step: 'meeting',
            occurredOn: TODAY,
            version: await version(id),
          })
        ).status,
      ).toBe(403);

      const board = await coordinator.get('/api/v1/matches');
      const salesColumn = board.body.columns.find((c: { stage: string }) => c.stage === 'sales');
      expect(salesColumn.items.map((c: { id: number }) => c.id)).toContain(id);
      expect(
        board.body.columns
          .find((c: { stage: string }) => c.stage === 'closed')
          .items.map((c: { id: number }) => c.id),
      ).toContain(proposed.id);

      const summary = await coordinator.get('/api/v1/matches/coordinator-summary');
      const mine = summary.body.items.find((e: { accountId: number }) => e.accountId === coordinatorId);
      expect(mine).toMatchObject({ jointResearchYen: 12_000_000, salesYen: 4_500_000 });
      expect(mine.stepsRecorded).toMatchObject({ introduction: 1, meeting: 1, joint_research: 1, sales: 1 });
      expect(mine.byStage.sales).toBeGreaterThanOrEqual(1);
      expectProblem(
        await coordinator.get('/api/v1/matches/coordinator-summary?from=2006-01-01&to=2005-01-01'),
        400,
        'VALIDATION_FAILED',
        'query.to',
      );
    });
  });

  describe('confidential companies and readers of the pipeline', () => {
    it('keeps a confidential company from the seed’s side on the board and in the match', async () => {
      const { seedId, needId } = await freshPair(true);
      const { id } = await interestedMatch(coordinator, seedId, needId);
      // Other needs of the same company are open: only this match's card and page must stay anonymous.
      const cardOf = (board: { columns: { items: { id: number }[] }[] }) =>
        board.columns.flatMap((c) => c.items).find((card) => card.id === id);
      const views = async (client: HttpClient) => [
        (await client.get(`/api/v1/matches/${id}`)).body,
        cardOf((await client.get('/api/v1/matches')).body),
      ];
      for (const view of await views(hq)) expect(JSON.stringify(view)).not.toContain(secretName);
      for (const client of [company, coordinator])
        for (const view of await views(client)) expect(JSON.stringify(view)).toContain(secretName);
      expect((await hq.get(`/api/v1/matches/${id}`)).body.need).toMatchObject({
        company: null,
        companyHidden: true,
      });
      expect((await kyotoHq.get(`/api/v1/matches/${id}`)).status).toBe(404);
      expect((await otherCompany.get(`/api/v1/matches/${id}`)).status).toBe(404);
      const otherBoard = await otherCompany.get('/api/v1/matches');
      expect(otherBoard.body.total).toBe(0);
      expect((await t.anonymous().get('/api/v1/matches')).status).toBe(401);
      expect((await hq.get('/api/v1/matches/coordinator-summary')).status).toBe(403);
    });

    it('takes a confidential company’s name out of every free text the seed’s side reads', async () => {
      const named = `${secretNameJa}の工場で / at ${secretName}'s plant`;
      const seed = await publishListing(hq, coordinator, 'seeds', seedBody());
      const need = await publishListing(
        company,
        coordinator,
        'needs',
        needBody(companyId, {
          confidential: true,
          description: { ja: `${secretNameJa}の除雪車で路面の凍結を判別したい。`, en: '' },
        }),
      );
      const proposed = await coordinator.post('/api/v1/matches', {
        seedId: seed.id,
        needId: need.id,
        note: `proposed for ${named}`,
      });
      expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
      const id = proposed.body.id as number;
      let v = proposed.body.version as number;
      for (const side of ['seed', 'need']) {
        const res = await coordinator.post(`/api/v1/matches/${id}/answers`, {
          side,
          answer: 'interested',
          interest: { offer: named, seek: named, next: named },
          version: v,
        });
        v = res.body.version as number;
      }
      expect((await record(id, { step: 'introduction', notes: named })).status).toBe(201);
      expect(
        (await record(id, { step: 'meeting', notes: named, attendees: [`${secretNameJa} 技術開発部`, 'HQ'] }))
          .status,
      ).toBe(201);
      expect((await record(id, { step: 'confidentiality_agreement', notes: named })).status).toBe(201);
      const jr = await record(id, {
        step: 'joint_research',
        notes: named,
        jointResearch: {
          partners: [secretName, 'Hokkaido University'],
          budgetYen: 5_000_000,
          funder: 'mext',
          theme: `road ice with ${secretName}`,
        },
      });
      expect(jr.status, JSON.stringify(jr.body)).toBe(201);

      const seen = [
        (await hq.get(`/api/v1/matches/${id}`)).body,
        // The company's other needs are open, so only this match's card must be anonymous.
        ((await hq.get('/api/v1/matches')).body as { columns: { items: { id: number }[] }[] }).columns
          .flatMap((c) => c.items)
          .find((card) => card.id === id),
        (await hq.get(`/api/v1/needs/${need.id}`)).body,
        (await t.anonymous().get(`/api/v1/needs/${need.id}`)).body,
        (
          (await hq.get(`/api/v1/seeds/${seed.id}/matching-needs`)).body as {
            items: { need: { id: number } }[];
          }
        ).items.find((item) => item.need.id === need.id),
      ];
      expect(seen.every(Boolean)).toBe(true);
      for (const body of seen) {
        const text = JSON.stringify(body);
        expect(text).not.toContain(secretName);
        expect(text).not.toContain(secretNameJa);
      }
      const match = seen[0];
      expect(match.note).toContain('[confidential company]');
      expect(match.steps[1].attendees).toEqual(['［非公開企業］ 技術開発部', 'HQ']);
      expect(match.steps[3].jointResearch.partners).toEqual([
        '[confidential company]',
        'Hokkaido University',
      ]);
      // Those who may know the company read the texts as written.
      for (const client of [coordinator, company]) {
        const text = JSON.stringify((await client.get(`/api/v1/matches/${id}`)).body);
        expect(text).toContain(`at ${secretName}'s plant`);
        expect(text).toContain(`${secretNameJa} 技術開発部`);
      }
    });
  });
});
