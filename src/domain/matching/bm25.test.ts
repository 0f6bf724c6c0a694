import { describe, expect, it } from 'vitest';
import { Bm25Index } from './bm25';

/** Scores computed by hand (in an independent script) with k1 = 1.2, b = 0.75. */
describe('Bm25Index — one field', () => {
  const index = () => {
    const i = new Bm25Index<string>({ fieldWeights: { text: 1 } });
    i.add('d1', { text: 'fuel cell catalyst' });
    i.add('d2', { text: 'fuel cells, fuel' });
    i.add('d3', { text: 'battery' });
    return i;
  };

  it.each([
    // N = 3, df(fuel) = 2 → idf = ln 1.6; avglen = 7/3.
    [
      'fuel',
      [
        ['d2', 0.2719029260099297],
        ['d1', 0.19128054678605524],
      ],
    ],
    [
      'fuel catalyst',
      [
        ['d1', 0.5904552427791997],
        ['d2', 0.2719029260099297],
      ],
    ],
    ['batteries', [['d3', expect.any(Number)]]],
    ['hydrogen', []],
    ['', []],
  ] as const)('%s', (query, expected) => {
    const hits = index().search(query);
    expect(hits.map((h) => h.id)).toEqual(expected.map((e) => e[0]));
    hits.forEach((h, k) => {
      const want = expected[k]![1];
      if (typeof want === 'number') expect(h.score).toBeCloseTo(want, 12);
    });
  });

  it('explains each hit by the terms that matched and what each added', () => {
    const [top] = index().search('catalysts for fuel');
    expect(top!.id).toBe('d1');
    expect(top!.matched.map((m) => m.term)).toEqual(['catalyst', 'fuel']);
    expect(top!.matched[1]!.contribution).toBeCloseTo(0.19128054678605524, 12);
    expect(top!.matched.reduce((s, m) => s + m.contribution, 0)).toBeCloseTo(top!.score, 12);
    expect(top!.matched[0]!.fields).toEqual(['text']);
  });

  it('limits, filters and breaks ties by insertion order', () => {
    const i = new Bm25Index<number>({ fieldWeights: { text: 1 } });
    for (let id = 1; id <= 5; id++) i.add(id, { text: 'sensor' });
    expect(i.search('sensor', 3).map((h) => h.id)).toEqual([1, 2, 3]);
    expect(i.search('sensor', 10, (id) => id % 2 === 0).map((h) => h.id)).toEqual([2, 4]);
    expect(i.search('sensor', 0)).toEqual([]);
  });

  it('follows additions, replacements and removals in its statistics', () => {
    const i = index();
    expect(i.size).toBe(3);
    expect(i.remove('d3')).toBe(true);
    expect(i.remove('d3')).toBe(false);
    expect(i.size).toBe(2);
    // With d3 gone: N = 2, df(fuel) = 2, avglen = 3 — the same as a fresh index of d1 and d2.
    const fresh = new Bm25Index<string>({ fieldWeights: { text: 1 } });
    fresh.add('d1', { text: 'fuel cell catalyst' });
    fresh.add('d2', { text: 'fuel cells, fuel' });
    expect(i.search('fuel catalyst')).toEqual(fresh.search('fuel catalyst'));
    i.add('d1', { text: 'battery' });
    expect(i.size).toBe(2);
    expect(i.search('catalyst')).toEqual([]);
    expect(i.search('battery').map((h) => h.id)).toEqual(['d1']);
  });
});

describe('Bm25Index — weighted fields', () => {
  const index = () => {
    const i = new Bm25Index<string>({ fieldWeights: { title: 2, body: 1 } });
    i.add('a', { title: 'fuel cell', body: 'catalyst' });
    i.add('b', { title: 'catalyst', body: 'fuel cell fuel', ignored: 'catalyst catalyst' });
    return i;
  };

  it.each([
    // A title match counts twice a body match; each field normalised by its own average length.
    [
      'catalyst',
      [
        ['b', 0.12573900468548593],
        ['a', 0.10418374673940263],
      ],
    ],
    [
      'fuel',
      [
        ['a', 0.10418374673940263],
        ['b', 0.09990222290079705],
      ],
    ],
  ] as const)('%s', (query, expected) => {
    const hits = index().search(query);
    expect(hits.map((h) => [h.id, h.score])).toEqual(
      expected.map(([id, score]) => [id, expect.closeTo(score, 12)]),
    );
  });

  it('names the fields a term matched in, heaviest first', () => {
    const i = new Bm25Index<string>({ fieldWeights: { title: 3, keywords: 2, body: 1 } });
    i.add('s', { title: 'hydrogen storage', keywords: ['hydrogen', 'alloy'], body: 'hydrogen' });
    expect(i.search('hydrogen')[0]!.matched[0]!.fields).toEqual(['title', 'keywords', 'body']);
  });

  it('matches Japanese and English where they share terms, and Japanese compounds by their parts', () => {
    const i = new Bm25Index<string>({ fieldWeights: { title: 2, body: 1 } });
    i.add('ja', { title: 'MEMSセンサーの試作', body: '半導体微細加工による産学連携' });
    i.add('en', { title: 'MEMS sensor prototypes', body: 'Microfabrication with universities' });
    i.add('other', { title: '燃料電池', body: 'Fuel cells' });
    expect(i.search('MEMS').map((h) => h.id)).toEqual(['ja', 'en']);
    const parts = i.search('連携');
    expect(parts.map((h) => h.id)).toEqual(['ja']);
    expect(i.search('導体').map((h) => h.id)).toEqual(['ja']);
    expect(i.search('fuel cell')[0]!.id).toBe('other');
  });

  it.each([
    [{ fieldWeights: {} }, /at least one/],
    [{ fieldWeights: { title: -1 } }, /≥ 0/],
    [{ fieldWeights: { title: 1 }, k1: 0 }, /k1/],
    [{ fieldWeights: { title: 1 }, b: 1.5 }, /b must/],
  ])('refuses bad options %#', (options, message) => {
    expect(() => new Bm25Index(options)).toThrow(message);
  });
});
