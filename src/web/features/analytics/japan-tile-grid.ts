/**
 * A tile-grid map of Japan: each of the 47 prefectures is one equal square on a 13 × 10 grid,
 * placed so neighbours stay neighbours as far as a grid allows (north at the top, Okinawa in the
 * south-west corner). Equal tiles keep Tokyo, Osaka and Kagawa as visible as Hokkaido, which a
 * choropleth of real outlines would not (docs/decisions/0007-japan-map.md).
 */

export interface TilePosition {
  /** Column from the west, 0-based. */
  x: number;
  /** Row from the north, 0-based. */
  y: number;
}

export const TILE_GRID_COLUMNS = 13;
export const TILE_GRID_ROWS = 10;

/** JIS prefecture code → tile. */
export const JAPAN_TILES: Readonly<Record<string, TilePosition>> = {
  '01': { x: 12, y: 0 }, // Hokkaido
  '02': { x: 12, y: 1 }, // Aomori
  '05': { x: 11, y: 2 }, // Akita
  '03': { x: 12, y: 2 }, // Iwate
  '17': { x: 8, y: 3 }, // Ishikawa
  '16': { x: 9, y: 3 }, // Toyama
  '15': { x: 10, y: 3 }, // Niigata
  '06': { x: 11, y: 3 }, // Yamagata
  '04': { x: 12, y: 3 }, // Miyagi
  '18': { x: 7, y: 4 }, // Fukui
  '21': { x: 8, y: 4 }, // Gifu
  '20': { x: 9, y: 4 }, // Nagano
  '10': { x: 10, y: 4 }, // Gunma
  '09': { x: 11, y: 4 }, // Tochigi
  '07': { x: 12, y: 4 }, // Fukushima
  '32': { x: 3, y: 5 }, // Shimane
  '31': { x: 4, y: 5 }, // Tottori
  '28': { x: 5, y: 5 }, // Hyogo
  '26': { x: 6, y: 5 }, // Kyoto
  '25': { x: 7, y: 5 }, // Shiga
  '23': { x: 8, y: 5 }, // Aichi
  '19': { x: 9, y: 5 }, // Yamanashi
  '11': { x: 10, y: 5 }, // Saitama
  '08': { x: 11, y: 5 }, // Ibaraki
  '41': { x: 0, y: 6 }, // Saga
  '40': { x: 1, y: 6 }, // Fukuoka
  '35': { x: 2, y: 6 }, // Yamaguchi
  '34': { x: 3, y: 6 }, // Hiroshima
  '33': { x: 4, y: 6 }, // Okayama
  '27': { x: 5, y: 6 }, // Osaka
  '29': { x: 6, y: 6 }, // Nara
  '24': { x: 7, y: 6 }, // Mie
  '22': { x: 8, y: 6 }, // Shizuoka
  '14': { x: 9, y: 6 }, // Kanagawa
  '13': { x: 10, y: 6 }, // Tokyo
  '12': { x: 11, y: 6 }, // Chiba
  '42': { x: 0, y: 7 }, // Nagasaki
  '43': { x: 1, y: 7 }, // Kumamoto
  '44': { x: 2, y: 7 }, // Oita
  '38': { x: 3, y: 7 }, // Ehime
  '37': { x: 4, y: 7 }, // Kagawa
  '30': { x: 6, y: 7 }, // Wakayama
  '46': { x: 1, y: 8 }, // Kagoshima
  '45': { x: 2, y: 8 }, // Miyazaki
  '39': { x: 3, y: 8 }, // Kochi
  '36': { x: 4, y: 8 }, // Tokushima
  '47': { x: 0, y: 9 }, // Okinawa
};

/** The tile of a prefecture, or undefined for a code that is not one of the 47. */
export function tileOf(code: string): TilePosition | undefined {
  return JAPAN_TILES[code];
}

/** Short tile labels: 都道府県 suffixes dropped (東京都 → 東京), except 北海道 which keeps its name. */
export function shortPrefectureName(name: string, locale: 'ja' | 'en'): string {
  if (locale === 'en') return name;
  if (name === '北海道') return name;
  return name.replace(/[都府県]$/, '');
}
