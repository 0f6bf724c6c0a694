import { describe, expect, it } from 'vitest';
import { PREFECTURES } from '../../../domain/prefectures';
import {
  JAPAN_TILES,
  shortPrefectureName,
  TILE_GRID_COLUMNS,
  TILE_GRID_ROWS,
  tileOf,
} from './japan-tile-grid';

function distance(a: string, b: string): number {
  const p = tileOf(a)!;
  const q = tileOf(b)!;
  return Math.max(Math.abs(p.x - q.x), Math.abs(p.y - q.y));
}

describe('the tile-grid map of Japan', () => {
  it('has exactly one tile for each of the 47 prefectures, inside the grid', () => {
    expect(Object.keys(JAPAN_TILES).sort()).toEqual(PREFECTURES.map((p) => p.code).sort());
    for (const { x, y } of Object.values(JAPAN_TILES)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(TILE_GRID_COLUMNS);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThan(TILE_GRID_ROWS);
    }
  });

  it('never puts two prefectures on one tile', () => {
    const cells = Object.values(JAPAN_TILES).map(({ x, y }) => `${x},${y}`);
    expect(new Set(cells).size).toBe(47);
  });

  it.each([
    ['13', '11', 'Tokyo touches Saitama'],
    ['13', '14', 'Tokyo touches Kanagawa'],
    ['26', '27', 'Kyoto touches Osaka'],
    ['27', '29', 'Osaka touches Nara'],
    ['40', '41', 'Fukuoka touches Saga'],
    ['02', '03', 'Aomori touches Iwate'],
    ['23', '21', 'Aichi touches Gifu'],
    ['37', '36', 'Kagawa touches Tokushima'],
  ])('keeps neighbours adjacent: %s and %s (%s)', (a, b) => {
    expect(distance(a, b)).toBe(1);
  });

  it('puts Hokkaido north-east and Okinawa south-west', () => {
    expect(tileOf('01')).toEqual({ x: TILE_GRID_COLUMNS - 1, y: 0 });
    expect(tileOf('47')).toEqual({ x: 0, y: TILE_GRID_ROWS - 1 });
    expect(tileOf('99')).toBeUndefined();
  });

  it.each([
    ['東京都', 'ja', '東京'],
    ['大阪府', 'ja', '大阪'],
    ['北海道', 'ja', '北海道'],
    ['神奈川県', 'ja', '神奈川'],
    ['Tokyo', 'en', 'Tokyo'],
  ] as const)('shortens %s (%s) to %s', (name, locale, expected) => {
    expect(shortPrefectureName(name, locale)).toBe(expected);
  });
});
