import { describe, expect, it } from 'vitest';
import { withDemoMark, withoutDemoMark } from './demo-mark';

describe('demo mark', () => {
  it.each([
    ['【デモ】高感度バイオセンサ', '高感度バイオセンサ'],
    ['[Demo] Biosensor chip', 'Biosensor chip'],
    ['[Demo]Biosensor chip', 'Biosensor chip'],
    ['Biosensor chip [Demo]', 'Biosensor chip [Demo]'],
    ['デモ機の開発', 'デモ機の開発'],
    ['', ''],
    [null, null],
  ])('%j → %j', (text, expected) => {
    expect(withoutDemoMark(text)).toBe(expected);
  });

  it.each(['ja', 'en'] as const)('round-trips in %s', (lang) => {
    expect(withoutDemoMark(withDemoMark('センサ / sensor', lang))).toBe('センサ / sensor');
  });
});
