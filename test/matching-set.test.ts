/**
 * The labelled matching set (bench/data/matching) is what issue 6's quality figures rest on:
 * at least 60 needs in Japanese and English, each with seeds a coordinator calls relevant, ids
 * that exist, clusters and key fields from the reference data, and cross-language pairs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMatchingSet } from '../bench/lib/matching-set';
import { findKeyField } from '../src/domain/key-fields';

const clusters = fs
  .readFileSync(path.resolve('data/reference/clusters.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','))
  .map((cols) => ({ key: cols[0]!, keyField: findKeyField(cols[6]!) }));

describe('the labelled matching set', () => {
  const set = readMatchingSet();
  const seedIds = new Set(set.seeds.map((s) => s.id));
  const seedLang = new Map(set.seeds.map((s) => [s.id, s.lang]));

  it('has at least 60 needs and unique ids', () => {
    expect(set.needs.length).toBeGreaterThanOrEqual(60);
    expect(seedIds.size).toBe(set.seeds.length);
    expect(new Set(set.needs.map((n) => n.id)).size).toBe(set.needs.length);
  });

  it('labels only seeds that exist, never one as both relevant and partially relevant', () => {
    for (const need of set.needs) {
      for (const id of [...need.relevant, ...(need.partiallyRelevant ?? [])])
        expect(seedIds.has(id), `${need.id} → ${id}`).toBe(true);
      const partial = new Set(need.partiallyRelevant ?? []);
      expect(
        need.relevant.filter((id) => partial.has(id)),
        need.id,
      ).toEqual([]);
    }
  });

  it('takes each seed’s cluster and key field from the reference data, and texts in the language said', () => {
    for (const seed of set.seeds) {
      expect(
        clusters.some((c) => c.key === seed.cluster),
        `${seed.id} ${seed.cluster}`,
      ).toBe(true);
      expect(seed.keyField, seed.id).toBe(clusters.find((c) => c.key === seed.cluster)?.keyField);
      if (seed.lang !== 'en') expect(seed.title.ja ?? seed.summary.ja, seed.id).toBeTruthy();
      if (seed.lang !== 'ja') expect(seed.title.en ?? seed.summary.en, seed.id).toBeTruthy();
    }
  });

  it('mixes Japanese and English, with needs whose relevant seeds are written in the other language', () => {
    const byLang = (lang: string) => set.needs.filter((n) => n.lang === lang).length;
    expect(byLang('ja')).toBeGreaterThanOrEqual(20);
    expect(byLang('en')).toBeGreaterThanOrEqual(20);
    const crossLanguage = set.needs.filter((n) =>
      n.relevant.some((id) => seedLang.get(id) !== n.lang && seedLang.get(id) !== 'both'),
    );
    expect(crossLanguage.length).toBeGreaterThanOrEqual(10);
  });
});
