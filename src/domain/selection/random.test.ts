import { describe, expect, it } from 'vitest';

import { seededRandom, shuffled } from './random';

describe('seededRandom', () => {
  it.each([{ seed: 0 }, { seed: 1 }, { seed: 42 }, { seed: 2 ** 32 + 5 }])(
    'seed $seed is repeatable and in [0, 1)',
    ({ seed }) => {
      const a = seededRandom(seed);
      const b = seededRandom(seed);
      for (let n = 0; n < 1000; n++) {
        const x = a();
        expect(x).toBe(b());
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThan(1);
      }
    },
  );

  it('differs between seeds', () => {
    expect(seededRandom(1)()).not.toBe(seededRandom(2)());
  });
});

describe('shuffled', () => {
  it.each([{ items: [] }, { items: [1] }, { items: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }])(
    'permutes $items without changing it',
    ({ items }) => {
      const copy = [...items];
      const out = shuffled(items, seededRandom(7));
      expect(items).toEqual(copy);
      expect([...out].sort((a, b) => a - b)).toEqual(copy);
      expect(shuffled(items, seededRandom(7))).toEqual(out);
    },
  );
});
