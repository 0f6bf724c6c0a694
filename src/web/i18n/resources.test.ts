import { describe, expect, it } from 'vitest';
import { resources } from './resources';

/** Every key path of a nested translation object, e.g. `reporting.status.draft`. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

/** Japanese has no plural forms, English has `_one`/`_other`: compare the base keys. */
function baseKeys(value: unknown): Set<string> {
  return new Set(keyPaths(value).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));
}

describe('translations', () => {
  it('English and Japanese have the same keys', () => {
    const ja = baseKeys(resources.ja);
    const en = baseKeys(resources.en);
    expect([...ja].filter((k) => !en.has(k))).toEqual([]);
    expect([...en].filter((k) => !ja.has(k))).toEqual([]);
  });

  it('no string is empty', () => {
    for (const locale of ['ja', 'en'] as const) {
      const empty = keyPaths(resources[locale]).filter((path) => {
        const value = path
          .split('.')
          .reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], resources[locale]);
        return value === '';
      });
      expect(empty, locale).toEqual([]);
    }
  });
});
