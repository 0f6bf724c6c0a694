import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../../../../test/support/engines';
import { buildTestApp, type TestApp } from '../../../../test/support/test-app';

const SEED_TOTAL = {
  papers_domestic: 728,
  papers_abroad: 1708,
  awards: 143,
  patents_domestic_applied: 944,
  patents_domestic_acquired: 1,
  patents_abroad_applied: 116,
  patents_abroad_acquired: 0,
  transfers_to_other_funds: 86,
  products: 219,
  sales: 544_305_000,
  news_newspaper: 1564,
  news_tv: 197,
  news_journal: 474,
};

describe.each(ENGINES)('GET /api/v1/outcome-table on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(engine);
  });
  afterAll(async () => t?.close());

  it('gives the seed deck’s Total row exactly for FY2002–FY2004', async () => {
    const res = await t.anonymous().get('/api/v1/outcome-table?from=2002&to=2004');
    expect(res.status).toBe(200);
    expect(res.body.total.values).toEqual(SEED_TOTAL);
    expect(res.body.rows).toHaveLength(18);
    expect(res.body.indicators.map((i: { key: string }) => i.key)).toEqual(Object.keys(SEED_TOTAL));
  });
});
