/**
 * Proposals and attachments through HTTP on every engine: a proposer drafts, edits, attaches,
 * submits and withdraws; the bad input (submitting after the deadline, reading another
 * organization's proposal, an attachment too big or not what its extension says) gets a clear 4xx
 * and changes nothing; an officer reopens a late proposal; a second stage admits only the shortlisted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import {
  countRows,
  createOrganization,
  expectProblem,
  lastAuditEntry,
  signInNew,
} from '../../../../test/support/factories';
import type { HttpClient, Response } from '../../../../test/support/http-client';
import { insertCall, insertProposal } from '../../../../test/support/selection';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';
import { multipart } from '../../../../test/support/uploads';

/** A minimal stored (uncompressed) zip with these entries: enough for the package checks. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text);
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const DOCX = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
const XLSX = zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
const PPTX = zip({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p:presentation/>' });
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

function upload(
  client: HttpClient,
  id: number,
  documentKey: string,
  file: { name: string; content: Buffer },
): Promise<Response> {
  const body = multipart({ documentKey }, file);
  return client.request('POST', `/api/v1/proposals/${id}/attachments`, undefined, {
    raw: body.payload as unknown as string,
    headers: { 'content-type': body.contentType },
  });
}

const PLAN = [2002, 2003, 2004, 2005, 2006].map((fiscalYear, i) => ({
  fiscalYear,
  subsidyYen: 400_000_000 + i * 10_000_000,
  localYen: 50_000_000,
  otherYen: 0,
}));

describe.each(ENGINES)('selection proposals on %s', (engine) => {
  let t: TestApp;
  let officer: HttpClient;
  let proposer: HttpClient;
  let other: HttpClient;
  let orgId: number;
  let coreId: number;

  function filesOnDisk(): string[] {
    const dir = path.join(t.dataDir, 'attachments');
    return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
  }

  async function draft(callKey: string) {
    const res = await proposer.post(`/api/v1/calls/${callKey}/proposals`, {
      title: { ja: '札幌ITカロッツェリア', en: 'Sapporo IT Carrozzeria' },
      region: { ja: '札幌地域', en: 'Sapporo' },
      keyField: 'it',
      prefectures: ['01'],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: number; version: number };
  }

  async function complete(id: number, version: number) {
    const res = await proposer.patch(`/api/v1/proposals/${id}`, {
      version,
      coreOrganizationId: coreId,
      headquartersPlan: '本部を中核機関に置く',
      participants: [
        { organizationId: null, kind: 'university', name: { ja: '北海道大学', en: 'Hokkaido University' } },
      ],
      narratives: { basic: 'a', technical: 'b', promotion: 'c', regional: 'd' },
      budgetPlan: PLAN,
      targets: [{ indicatorKey: 'patents_domestic_applied', fiscalYear: 2004, target: 20 }],
    });
    return res;
  }

  beforeAll(async () => {
    t = await buildTestApp(engine, { attachmentMaxBytes: 4096 });
    officer = (await signInNew(t, 'programme_officer')).client;
    orgId = (await createOrganization(officer, { kind: 'local_government' })).id;
    coreId = (await createOrganization(officer, { kind: 'other' })).id;
    const otherOrg = (await createOrganization(officer, { kind: 'local_government' })).id;
    proposer = (await signInNew(t, 'proposer', { scopeType: 'organization', scopeId: orgId })).client;
    other = (await signInNew(t, 'proposer', { scopeType: 'organization', scopeId: otherOrg })).client;
  });
  afterAll(async () => t?.close());

  it('drafts, edits, attaches, submits and withdraws a proposal, each step audited', async () => {
    const call = await insertCall(t.database.db);
    const p = await draft(call.key);
    expect((await lastAuditEntry(t)).action).toBe('proposal.create');
    const edited = await complete(p.id, p.version);
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.requestedYen).toBe(440_000_000);
    expect(edited.body.missingDocuments).toEqual(['plan']);
    expect(edited.body.call.criteria.map((g: { key: string }) => g.key)).toContain('regional');

    const refused = await proposer.post(`/api/v1/proposals/${p.id}/submit`, { version: edited.body.version });
    expectProblem(refused, 422, 'RULE_VIOLATION', 'documents.plan');

    const att = await upload(proposer, p.id, 'plan', { name: '計画書.docx', content: DOCX });
    expect(att.status, JSON.stringify(att.body)).toBe(201);
    expect(att.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(att.body.mediaType).toContain('wordprocessingml');
    const pdf = await upload(proposer, p.id, 'plan', { name: 'plan.pdf', content: PDF });
    expect(pdf.status).toBe(201);
    const xlsx = await upload(proposer, p.id, 'plan', { name: 'budget.xlsx', content: XLSX });
    expect(xlsx.status, JSON.stringify(xlsx.body)).toBe(201);
    const pptx = await upload(proposer, p.id, 'plan', { name: 'slides.pptx', content: PPTX });
    expect(pptx.status, JSON.stringify(pptx.body)).toBe(201);

    const down = await proposer.get(`/api/v1/proposals/${p.id}/attachments/${pdf.body.id}`);
    expect(down.status).toBe(200);
    expect(down.text.startsWith('%PDF-')).toBe(true);
    expect((await officer.get(`/api/v1/proposals/${p.id}/attachments/${att.body.id}`)).status).toBe(200);

    const removed = await proposer.request('DELETE', `/api/v1/proposals/${p.id}/attachments/${pdf.body.id}`);
    expect(removed.status).toBe(200);
    expect((await lastAuditEntry(t)).action).toBe('attachment.remove');

    const current = (await proposer.get(`/api/v1/proposals/${p.id}`)).body;
    const submitted = await proposer.post(`/api/v1/proposals/${p.id}/submit`, { version: current.version });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    expect((await lastAuditEntry(t)).action).toBe('proposal.submit');
    expectProblem(
      await proposer.patch(`/api/v1/proposals/${p.id}`, {
        version: submitted.body.version,
        headquartersPlan: 'x',
      }),
      409,
      'INVALID_TRANSITION',
    );

    const mine = await proposer.get('/api/v1/proposals');
    expect(mine.body.items.map((x: { id: number }) => x.id)).toContain(p.id);
    const officers = await officer.get(`/api/v1/calls/${call.key}/proposals`);
    expect(officers.body.items.find((x: { id: number }) => x.id === p.id)).toMatchObject({
      status: 'submitted',
      attachmentCount: 3,
      requestedYen: 440_000_000,
    });

    const withdrawn = await proposer.post(`/api/v1/proposals/${p.id}/withdraw`, {
      version: submitted.body.version,
    });
    expect(withdrawn.body.status).toBe('withdrawn');
  });

  it('refuses unknown narrative groups, a wrong budget plan and unknown references, changing nothing', async () => {
    const call = await insertCall(t.database.db);
    const p = await draft(call.key);
    const bad = await proposer.patch(`/api/v1/proposals/${p.id}`, {
      version: p.version,
      narratives: { basic: 'ok', nonsense: 'x' },
      budgetPlan: PLAN.slice(1).concat([{ ...PLAN[0]!, fiscalYear: 2007 }]),
      coreOrganizationId: 999_999,
    });
    expectProblem(bad, 400, 'VALIDATION_FAILED', 'body.narratives.nonsense');
    const fields = (bad.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toContain('body.budgetPlan.0.fiscalYear');
    expect(fields).toContain('body.coreOrganizationId');
    const after = (await proposer.get(`/api/v1/proposals/${p.id}`)).body;
    expect(after.version).toBe(p.version);
    expect(after.narratives).toEqual({});
  });

  it('refuses submission after the deadline (DEADLINE_PASSED) until an officer reopens it', async () => {
    const call = await insertCall(t.database.db);
    const p = await draft(call.key);
    await complete(p.id, p.version);
    await upload(proposer, p.id, 'plan', { name: 'plan.pdf', content: PDF });
    const past = new Date(Date.now() - 3_600_000).toISOString();
    await t.database.db
      .updateTable('calls')
      .set({ submission_deadline: past, grace_minutes: 30 })
      .where('id', '=', call.id)
      .execute();
    const before = (await proposer.get(`/api/v1/proposals/${p.id}`)).body;
    expect(before.canSubmit).toBe(false);
    const audits = await countRows(t, 'audit_log');
    expectProblem(
      await proposer.post(`/api/v1/proposals/${p.id}/submit`, { version: before.version }),
      409,
      'DEADLINE_PASSED',
    );
    expectProblem(
      await proposer.patch(`/api/v1/proposals/${p.id}`, {
        version: before.version,
        headquartersPlan: 'late',
      }),
      409,
      'DEADLINE_PASSED',
    );
    expectProblem(
      await upload(proposer, p.id, 'plan', { name: 'late.pdf', content: PDF }),
      409,
      'DEADLINE_PASSED',
    );
    expect(await countRows(t, 'audit_log')).toBe(audits);
    const still = (await proposer.get(`/api/v1/proposals/${p.id}`)).body;
    expect(still).toMatchObject({
      status: 'draft',
      version: before.version,
      headquartersPlan: before.headquartersPlan,
    });

    expectProblem(
      await proposer.post(`/api/v1/proposals/${p.id}/reopen`, { version: before.version, reason: 'x' }),
      403,
      'FORBIDDEN',
    );
    const reopened = await officer.post(`/api/v1/proposals/${p.id}/reopen`, {
      version: before.version,
      reason: '台風による提出遅延',
    });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    expect(reopened.body.reopenReason).toBe('台風による提出遅延');
    expect((await lastAuditEntry(t)).action).toBe('proposal.reopen');
    const submitted = await proposer.post(`/api/v1/proposals/${p.id}/submit`, {
      version: reopened.body.version,
    });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  });

  it("answers 404 to a proposer reading another organization's proposal or attachment", async () => {
    const call = await insertCall(t.database.db);
    const p = await draft(call.key);
    const a = (await upload(proposer, p.id, 'plan', { name: 'plan.pdf', content: PDF })).body;
    expectProblem(await other.get(`/api/v1/proposals/${p.id}`), 404, 'NOT_FOUND');
    expectProblem(await other.get(`/api/v1/proposals/${p.id}/attachments/${a.id}`), 404, 'NOT_FOUND');
    expectProblem(await other.get('/api/v1/proposals/999999'), 404, 'NOT_FOUND');
    expectProblem(
      await other.patch(`/api/v1/proposals/${p.id}`, { version: 1, headquartersPlan: 'x' }),
      404,
      'NOT_FOUND',
    );
    expect((await other.get('/api/v1/proposals')).body.items).toEqual([]);
    expectProblem(await t.anonymous().get(`/api/v1/proposals/${p.id}`), 401, 'UNAUTHENTICATED');
  });

  it('refuses an attachment too big (413) or not what its extension says (415), storing nothing', async () => {
    const call = await insertCall(t.database.db);
    const p = await draft(call.key);
    const rows = await countRows(t, 'attachments');
    const files = filesOnDisk().length;
    expectProblem(
      await upload(proposer, p.id, 'plan', {
        name: 'big.pdf',
        content: Buffer.concat([PDF, Buffer.alloc(8192)]),
      }),
      413,
      'PAYLOAD_TOO_LARGE',
      'file',
    );
    expectProblem(
      await upload(proposer, p.id, 'plan', { name: 'fake.pdf', content: Buffer.from('MZ not a pdf') }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'file',
    );
    expectProblem(
      await upload(proposer, p.id, 'plan', { name: 'doc.xlsx', content: DOCX }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'file',
    );
    expectProblem(
      await upload(proposer, p.id, 'plan', { name: 'plan.docx', content: PDF }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'file',
    );
    expectProblem(
      await upload(proposer, p.id, 'plan', { name: 'run.exe', content: PDF }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'file',
    );
    expectProblem(
      await upload(proposer, p.id, 'other', { name: 'plan.pdf', content: PDF }),
      400,
      'VALIDATION_FAILED',
      'documentKey',
    );
    expect(await countRows(t, 'attachments')).toBe(rows);
    expect(filesOnDisk().length).toBe(files);
  });

  it('admits to a second stage only organizations shortlisted in the first', async () => {
    const stage1 = await insertCall(t.database.db, { status: 'decision' });
    const first = await insertProposal(t.database.db, stage1.id, orgId);
    const stage2 = await insertCall(t.database.db, { stage: 2, previousCallId: stage1.id });
    expectProblem(
      await proposer.post(`/api/v1/calls/${stage2.key}/proposals`, {
        title: { ja: 'x' },
        region: { ja: 'y' },
        keyField: 'it',
      }),
      422,
      'RULE_VIOLATION',
      'params.key',
    );
    await t.database.db
      .insertInto('proposal_decisions')
      .values({
        call_id: stage1.id,
        proposal_id: first.id,
        outcome: 'shortlisted',
        reason: 'promising',
        consolidated_comment: null,
        decided_by: null,
        decided_at: new Date().toISOString(),
        superseded_at: null,
      })
      .execute();
    const p = await draft(stage2.key);
    expect((await proposer.get(`/api/v1/proposals/${p.id}`)).body.previousProposalId).toBe(first.id);
    expectProblem(
      await proposer.post(`/api/v1/calls/${stage2.key}/proposals`, {
        title: { ja: 'x' },
        region: { ja: 'y' },
        keyField: 'it',
      }),
      409,
      'DUPLICATE',
    );
  });
});
