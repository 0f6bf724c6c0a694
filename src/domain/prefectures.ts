/** The 47 prefectures with their JIS X 0401 codes, and the METI regional bureau each belongs to. */

export const REGIONS = [
  { key: 'hokkaido', ja: '北海道', en: 'Hokkaido' },
  { key: 'tohoku', ja: '東北', en: 'Tohoku' },
  { key: 'kanto', ja: '関東', en: 'Kanto' },
  { key: 'chubu', ja: '中部', en: 'Chubu' },
  { key: 'kinki', ja: '近畿', en: 'Kinki' },
  { key: 'chugoku', ja: '中国', en: 'Chugoku' },
  { key: 'shikoku', ja: '四国', en: 'Shikoku' },
  { key: 'kyushu', ja: '九州', en: 'Kyushu' },
  { key: 'okinawa', ja: '沖縄', en: 'Okinawa' },
] as const;
export type RegionKey = (typeof REGIONS)[number]['key'];

export interface Prefecture {
  code: string;
  ja: string;
  en: string;
  region: RegionKey;
}

const ROWS: [string, string, string, RegionKey][] = [
  ['01', '北海道', 'Hokkaido', 'hokkaido'],
  ['02', '青森県', 'Aomori', 'tohoku'],
  ['03', '岩手県', 'Iwate', 'tohoku'],
  ['04', '宮城県', 'Miyagi', 'tohoku'],
  ['05', '秋田県', 'Akita', 'tohoku'],
  ['06', '山形県', 'Yamagata', 'tohoku'],
  ['07', '福島県', 'Fukushima', 'tohoku'],
  ['08', '茨城県', 'Ibaraki', 'kanto'],
  ['09', '栃木県', 'Tochigi', 'kanto'],
  ['10', '群馬県', 'Gunma', 'kanto'],
  ['11', '埼玉県', 'Saitama', 'kanto'],
  ['12', '千葉県', 'Chiba', 'kanto'],
  ['13', '東京都', 'Tokyo', 'kanto'],
  ['14', '神奈川県', 'Kanagawa', 'kanto'],
  ['15', '新潟県', 'Niigata', 'kanto'],
  ['16', '富山県', 'Toyama', 'chubu'],
  ['17', '石川県', 'Ishikawa', 'chubu'],
  ['18', '福井県', 'Fukui', 'kinki'],
  ['19', '山梨県', 'Yamanashi', 'kanto'],
  ['20', '長野県', 'Nagano', 'kanto'],
  ['21', '岐阜県', 'Gifu', 'chubu'],
  ['22', '静岡県', 'Shizuoka', 'kanto'],
  ['23', '愛知県', 'Aichi', 'chubu'],
  ['24', '三重県', 'Mie', 'chubu'],
  ['25', '滋賀県', 'Shiga', 'kinki'],
  ['26', '京都府', 'Kyoto', 'kinki'],
  ['27', '大阪府', 'Osaka', 'kinki'],
  ['28', '兵庫県', 'Hyogo', 'kinki'],
  ['29', '奈良県', 'Nara', 'kinki'],
  ['30', '和歌山県', 'Wakayama', 'kinki'],
  ['31', '鳥取県', 'Tottori', 'chugoku'],
  ['32', '島根県', 'Shimane', 'chugoku'],
  ['33', '岡山県', 'Okayama', 'chugoku'],
  ['34', '広島県', 'Hiroshima', 'chugoku'],
  ['35', '山口県', 'Yamaguchi', 'chugoku'],
  ['36', '徳島県', 'Tokushima', 'shikoku'],
  ['37', '香川県', 'Kagawa', 'shikoku'],
  ['38', '愛媛県', 'Ehime', 'shikoku'],
  ['39', '高知県', 'Kochi', 'shikoku'],
  ['40', '福岡県', 'Fukuoka', 'kyushu'],
  ['41', '佐賀県', 'Saga', 'kyushu'],
  ['42', '長崎県', 'Nagasaki', 'kyushu'],
  ['43', '熊本県', 'Kumamoto', 'kyushu'],
  ['44', '大分県', 'Oita', 'kyushu'],
  ['45', '宮崎県', 'Miyazaki', 'kyushu'],
  ['46', '鹿児島県', 'Kagoshima', 'kyushu'],
  ['47', '沖縄県', 'Okinawa', 'okinawa'],
];

export const PREFECTURES: readonly Prefecture[] = ROWS.map(([code, ja, en, region]) => ({
  code,
  ja,
  en,
  region,
}));

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/[-\s]/g, '');
}

const BY_NAME = new Map<string, Prefecture>();
for (const p of PREFECTURES) {
  for (const name of [p.code, p.ja, p.ja.replace(/[都府県]$/, ''), p.en, `${p.en} prefecture`]) {
    BY_NAME.set(normalise(name), p);
  }
}

/** Finds a prefecture by JIS code, Japanese name (with or without 都/府/県) or English name. */
export function findPrefecture(name: string): Prefecture | undefined {
  return BY_NAME.get(normalise(name));
}
