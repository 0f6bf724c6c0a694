/**
 * The cached public answers (outcome table, analytics) must never outlive a change of their data:
 * each write below must change the ETag and the body, and an unchanged ETag must give 304.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../test/support/engines';
import { buildTestApp, type TestApp } from '../../../test/support/test-app';

const TABLE = '/api/v1/outcome-table?from=2002&to=2004';
const ANALYTICS = '/api/v1/analytics/indicator?indicator=papers_domestic&from=2004&to=2004&normalise=per100m';

describe.each(ENGINES)('cached public answers on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(engine);
  });
  afterAll(async () => t?.close());

  it('answers 304 to a browser holding the current answer, and 200 with the same ETag otherwise', async () => {
    const first = await t.anonymous().get(TABLE);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    expect(first.headers['cache-control']).toBe('no-cache');

    const again = await t
      .anonymous()
      .request('GET', TABLE, undefined, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');

    const plain = await t.anonymous().get(TABLE);
    expect(plain.status).toBe(200);
    expect(plain.headers.etag).toBe(etag);
    expect(plain.body).toEqual(first.body);
  });

  it('shows a renamed cluster at once', async () => {
    const before = await t.anonymous().get(TABLE);
    const officer = await t.signInAs('programme_officer');
    const ube = (await officer.get('/api/v1/clusters/ube')).body;
    const renamed = await officer.patch('/api/v1/clusters/ube', {
      version: ube.version,
      name: { ja: ube.name.ja, en: 'Ube Medical Cluster (renamed)' },
    });
    expect(renamed.status).toBe(200);

    const after = await t.anonymous().get(TABLE);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const row = after.body.rows.find((r: { cluster: { key: string } }) => r.cluster.key === 'ube');
    expect(row.cluster.name.en).toBe('Ube Medical Cluster (renamed)');
  });

  it('hides a cluster the moment it is unpublished', async () => {
    const officer = await t.signInAs('programme_officer');
    const sapporo = (await officer.get('/api/v1/clusters/sapporo')).body;
    expect((await t.anonymous().get(TABLE)).body.rows).toHaveLength(18);
    await officer.patch('/api/v1/clusters/sapporo', { version: sapporo.version, isPublished: false });

    const after = await t.anonymous().get(TABLE);
    expect(after.body.rows).toHaveLength(17);
    await officer.patch('/api/v1/clusters/sapporo', { version: sapporo.version + 1, isPublished: true });
    expect((await t.anonymous().get(TABLE)).body.rows).toHaveLength(18);
  });

  it('recomputes per-¥100M analytics when a subsidy line is added', async () => {
    const before = await t.anonymous().get(ANALYTICS);
    expect(before.status).toBe(200);
    const officer = await t.signInAs('programme_officer');
    const created = await officer.post('/api/v1/budgets', {
      cluster: 'ube',
      fiscalYear: 2004,
      kind: 'mext_subsidy',
      amountYen: 500_000_000,
      source: 'MEXT grant decision (test)',
    });
    expect(created.status).toBe(201);

    const after = await t.anonymous().get(ANALYTICS);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(JSON.stringify(after.body)).not.toBe(JSON.stringify(before.body));
  });
});
