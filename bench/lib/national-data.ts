/**
 * A synthetic national-scale data set (issue 3, Speed): published clusters × fiscal years, each
 * with an accepted single-year report carrying a value for every indicator and the researcher
 * count, the budget ledger (MEXT subsidy, local government, METI, other, follow-on funds) per
 * cluster and fiscal year plus the programme's own line, and itemised evidence (papers, patents,
 * awards, products, transfers to other funds, press coverage) spread over the reports.
 *
 * Everything comes from a seeded generator, so every run produces the same figures. Where a report
 * has items, its item-backed indicator values are derived from them with the domain's own rule
 * (deriveIndicatorValues), as the platform would; the follow-on budget line is the sum of the
 * report's transfers. Rows go in through raw better-sqlite3 prepared statements in one
 * transaction: this builds the data set, it does not measure the app.
 *
 * The same item generator writes import files (CSV) in the importer's format, so the import
 * benchmark and the raw-insert baseline see the same rows.
 */
import fs from 'node:fs';
import type SqliteDatabase from 'better-sqlite3';
import { budgetLineKey, type BudgetKind } from '../../src/domain/budget';
import { INDICATOR_KEYS, type IndicatorKey } from '../../src/domain/indicators';
import { deriveIndicatorValues, itemNaturalKey, type OutcomeItem } from '../../src/domain/outcome-items';
import { round } from './synthetic-data';

export const NATIONAL_SOURCE = 'synthetic national-scale benchmark data (bench/national.bench.ts)';

export interface NationalSpec {
  /** Published clusters `nat-000001` … */
  clusters: number;
  /** One accepted single-year report per cluster and fiscal year in [fyFrom, fyTo]. */
  fyFrom: number;
  fyTo: number;
  /** Outcome items spread evenly over the reports (the first reports take the remainder). */
  items: number;
  seed: number;
  /**
   * accepted (the default): the programme's record. draft: reports headquarters are still
   * preparing, the ones an import may write into (an accepted report is locked).
   */
  reportStatus?: 'accepted' | 'draft';
}

export interface NationalResult {
  clusters: number;
  reports: number;
  outcomeValues: number;
  budgetLines: number;
  outcomeItems: number;
  itemsByKind: Record<string, number>;
  insertMs: number;
}

/** mulberry32: small, fast and seeded, so every run draws the same numbers. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));

export const clusterKeyOf = (index: number) => `nat-${String(index).padStart(6, '0')}`;

// --- vocabulary for plausible items ----------------------------------------------------------

const FAMILY_NAMES = [
  '佐藤',
  '鈴木',
  '高橋',
  '田中',
  '伊藤',
  '渡辺',
  '山本',
  '中村',
  '小林',
  '加藤',
  '吉田',
  '山田',
  '佐々木',
  '松本',
  '井上',
  '木村',
  '林',
  '清水',
  '山口',
  '森',
];
const GIVEN_NAMES = [
  '太郎',
  '花子',
  '健一',
  '裕子',
  '誠',
  '直樹',
  '美穂',
  '隆',
  '恵',
  '大輔',
  '明美',
  '浩',
  '智子',
  '剛',
  '由美',
  '翔',
  '彩',
  '亮',
  '真理',
  '学',
];
const UNIVERSITIES = [
  '北海道大学',
  '東北大学',
  '筑波大学',
  '東京大学',
  '名古屋大学',
  '京都大学',
  '大阪大学',
  '神戸大学',
  '広島大学',
  '九州大学',
  '金沢大学',
  '信州大学',
  '岡山大学',
  '徳島大学',
  '熊本大学',
];
const COMPANIES = [
  '株式会社北斗精機',
  '株式会社みなとバイオ',
  '東和電子工業株式会社',
  '株式会社さくらセンシング',
  '株式会社瀬戸内マテリアル',
  '株式会社ナノフォトン技研',
  '株式会社九州メディカル',
  '信越デバイス株式会社',
  '株式会社びわ湖ライフサイエンス',
  '株式会社杜の都ソフト',
];
const TOPICS = [
  'ナノ粒子',
  '有機EL',
  '燃料電池',
  '再生医療',
  '光センサー',
  'バイオチップ',
  'MEMS',
  '半導体レーザー',
  'ゲノム解析',
  '機能性食品',
  '超音波診断',
  '生体材料',
  '組込みソフトウェア',
  '水素吸蔵合金',
  'プラズマ処理',
];
const METHODS = [
  '高感度計測',
  '低温合成',
  '表面修飾',
  '構造解析',
  '量産プロセス',
  '評価手法',
  '数値シミュレーション',
  '臨床応用',
  '信頼性向上',
  '省エネルギー化',
];
const TOPICS_EN = [
  'nanoparticles',
  'organic light-emitting diodes',
  'fuel cells',
  'regenerative medicine',
  'photonic sensors',
  'biochips',
  'MEMS resonators',
  'semiconductor lasers',
  'genome analysis',
  'functional foods',
  'ultrasound imaging',
  'biomaterials',
  'embedded software',
  'hydrogen storage alloys',
  'plasma processing',
];
const METHODS_EN = [
  'high-sensitivity measurement',
  'low-temperature synthesis',
  'surface modification',
  'structural analysis',
  'scalable fabrication',
  'evaluation methods',
  'numerical simulation',
  'clinical application',
  'reliability',
  'energy efficiency',
];
const VENUES_DOMESTIC = [
  '日本機械学会論文集',
  '電子情報通信学会論文誌',
  '応用物理',
  '電気学会論文誌',
  '日本化学会誌',
  '薬学雑誌',
  '精密工学会誌',
  '情報処理学会論文誌',
];
const VENUES_ABROAD = [
  'Applied Physics Letters',
  'Physical Review B',
  'Journal of the American Chemical Society',
  'Biomaterials',
  'Analytical Chemistry',
  'IEEE Transactions on Electron Devices',
  'Nano Letters',
  'Journal of Biological Chemistry',
  'Sensors and Actuators B',
];
const DOI_PREFIXES = ['10.1063', '10.1103', '10.1021', '10.1016', '10.1109', '10.1299', '10.1587', '10.2116'];
const AWARDS = [
  '文部科学大臣表彰 科学技術賞',
  '日本化学会 技術進歩賞',
  '応用物理学会 論文賞',
  '日本機械学会賞（技術）',
  '産学官連携功労者表彰',
  '井上科学振興財団 井上学術賞',
  '電子情報通信学会 業績賞',
  '日本薬学会 奨励賞',
];
const PRODUCT_KINDS = [
  'センサー',
  '検査キット',
  '計測装置',
  '診断支援ソフトウェア',
  '機能性素材',
  '分析システム',
  '製造装置',
  '健康食品',
];
const PROGRAMMES: readonly [programme: string, funder: string][] = [
  ['地域イノベーション創出総合支援事業', '科学技術振興機構（JST）'],
  ['研究成果最適展開支援事業', '科学技術振興機構（JST）'],
  ['産業技術研究助成事業', '新エネルギー・産業技術総合開発機構（NEDO）'],
  ['地域新生コンソーシアム研究開発事業', '経済産業省'],
  ['科学研究費補助金 基盤研究(B)', '日本学術振興会（JSPS）'],
  ['戦略的基盤技術高度化支援事業', '中小企業庁'],
];
const OUTLETS: Readonly<Record<'newspaper' | 'tv' | 'journal', readonly string[]>> = {
  newspaper: [
    '日本経済新聞',
    '日刊工業新聞',
    '日経産業新聞',
    '朝日新聞',
    '読売新聞',
    '北海道新聞',
    '中日新聞',
    '西日本新聞',
    '化学工業日報',
  ],
  tv: ['NHK総合', 'テレビ東京 ワールドビジネスサテライト', 'NHK Eテレ', '地元ケーブルテレビ'],
  journal: ['日経エレクトロニクス', '日経バイオテク', '日経ものづくり', '化学と工業'],
};
const PATENT_COUNTRIES: readonly [country: string, weight: number][] = [
  ['JP', 70],
  ['US', 15],
  ['EP', 8],
  ['CN', 4],
  ['KR', 3],
];

/** Shares of each kind among the items, by weight (papers and patents dominate, as in the seed's table). */
const KIND_WEIGHTS: readonly [OutcomeItem['kind'], number][] = [
  ['paper', 45],
  ['patent', 20],
  ['award', 4],
  ['product', 4],
  ['transfer', 5],
  ['press', 22],
];

function weighted<T>(random: Random, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let draw = random() * total;
  for (const [value, weight] of table) {
    draw -= weight;
    if (draw < 0) return value;
  }
  return table[table.length - 1]![0];
}

const person = (random: Random) => `${pick(random, FAMILY_NAMES)} ${pick(random, GIVEN_NAMES)}`;

/** An ISO date inside fiscal year `fy` (April 1 … March 31). */
function dateInFiscalYear(random: Random, fy: number): string {
  const day = Math.floor(random() * 365);
  return new Date(Date.UTC(fy, 3, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * One item of evidence. `serial` is unique within one generated set and makes DOIs and patent
 * application numbers unique; `namespace` keeps two sets (the data set and an import file) apart.
 */
export function generateItem(random: Random, fy: number, serial: number, namespace: number): OutcomeItem {
  const kind = weighted(random, KIND_WEIGHTS);
  const topic = Math.floor(random() * TOPICS.length);
  const method = Math.floor(random() * METHODS.length);
  switch (kind) {
    case 'paper': {
      const abroad = random() < 0.45;
      const authors = Array.from({ length: between(random, 2, 6) }, () => person(random)).join('; ');
      return {
        kind,
        title: abroad
          ? `${METHODS_EN[method]} of ${TOPICS_EN[topic]} for regional industry`
          : `${TOPICS[topic]}の${METHODS[method]}に関する研究`,
        authors,
        venue: pick(random, abroad ? VENUES_ABROAD : VENUES_DOMESTIC),
        pubYear: random() < 0.7 ? fy : fy + 1,
        doi: `${pick(random, DOI_PREFIXES)}/kcp.${namespace}.${fy}.${serial}`,
        scope: abroad ? 'abroad' : 'domestic',
      };
    }
    case 'patent': {
      const country = weighted(random, PATENT_COUNTRIES);
      const filingDate = dateInFiscalYear(random, fy);
      const year = Number(filingDate.slice(0, 4));
      const number = String((serial * 7919 + namespace) % 1_000_000).padStart(6, '0');
      const applicationNumber =
        country === 'JP'
          ? `特願${year}-${number}`
          : country === 'US'
            ? `US ${String(year % 100).padStart(2, '0')}/${number}-${namespace}`
            : `${country}${year}${number}.${namespace}`;
      const granted = random() < 0.3;
      const ownerKind = weighted(random, [
        ['university', 50],
        ['company', 25],
        ['headquarters', 15],
        ['inventor', 10],
      ] as const);
      const ownerName =
        ownerKind === 'university'
          ? `国立大学法人${pick(random, UNIVERSITIES)}`
          : ownerKind === 'company'
            ? pick(random, COMPANIES)
            : ownerKind === 'headquarters'
              ? '財団法人 地域産業振興センター'
              : person(random);
      return {
        kind,
        title: `${TOPICS[topic]}を用いた${pick(random, PRODUCT_KINDS)}及びその製造方法`,
        applicationNumber,
        filingDate,
        country,
        patentStatus: granted ? 'granted' : 'applied',
        // Granted one to four years after filing: never before it (outcome-checks would flag it).
        grantedDate: granted ? addDays(filingDate, between(random, 365, 1460)) : null,
        ownerKind,
        ownerName,
      };
    }
    case 'award':
      return {
        kind,
        title: `${pick(random, AWARDS)}（${TOPICS[topic]}の${METHODS[method]}）`,
        recipient: `${person(random)}（${pick(random, UNIVERSITIES)}）`,
        itemDate: dateInFiscalYear(random, fy),
      };
    case 'product':
      return {
        kind,
        title: `${TOPICS[topic]}${pick(random, PRODUCT_KINDS)}「KC-${serial % 10_000}」`,
        company: pick(random, COMPANIES),
        // Most products launch within the year they are reported; some carry sales of earlier launches.
        launchDate: dateInFiscalYear(random, random() < 0.8 ? fy : fy - between(random, 1, 3)),
        amountYen: between(random, 1_000, 100_000) * 1_000,
      };
    case 'transfer': {
      const [programmeName, funder] = pick(random, PROGRAMMES);
      return {
        kind,
        title: `${TOPICS[topic]}の${METHODS[method]}による実用化研究`,
        programmeName,
        funder,
        amountYen: between(random, 1_000, 50_000) * 1_000,
        periodFromFy: fy,
        periodToFy: fy + between(random, 0, 2),
      };
    }
    case 'press': {
      const media = weighted(random, [
        ['newspaper', 70],
        ['tv', 15],
        ['journal', 15],
      ] as const);
      return {
        kind,
        title: `${TOPICS[topic]}で新技術 ${METHODS[method]}に成功`,
        media,
        outlet: pick(random, OUTLETS[media]),
        itemDate: dateInFiscalYear(random, fy),
      };
    }
  }
}

/** How many items report number `index` (0-based) of `reports` takes so that they add up to `items`. */
export function itemsForReport(index: number, reports: number, items: number): number {
  const base = Math.floor(items / reports);
  return base + (index < items % reports ? 1 : 0);
}

/**
 * The items of one report, with their natural keys, distinct within the report (the unique index
 * is report × kind × natural key): a digest-keyed item that collides gets a numbered title.
 */
export function reportItems(
  random: Random,
  fy: number,
  count: number,
  firstSerial: number,
  namespace: number,
): { item: OutcomeItem; naturalKey: string }[] {
  const seen = new Set<string>();
  const out: { item: OutcomeItem; naturalKey: string }[] = [];
  for (let n = 0; n < count; n += 1) {
    const item = generateItem(random, fy, firstSerial + n, namespace);
    let naturalKey = itemNaturalKey(item);
    for (let k = 2; seen.has(`${item.kind}|${naturalKey}`); k += 1) {
      item.title = `${item.title.replace(/ 第\d+報$/, '')} 第${k}報`;
      naturalKey = itemNaturalKey(item);
    }
    seen.add(`${item.kind}|${naturalKey}`);
    out.push({ item, naturalKey });
  }
  return out;
}

/** A plausible yearly value of an indicator no item backs (a report without items of that kind). */
function aggregateValue(random: Random, indicator: IndicatorKey): number {
  if (indicator === 'sales') return between(random, 0, 50_000) * 1_000;
  if (indicator.startsWith('papers')) return between(random, 0, 80);
  if (indicator.startsWith('patents')) return between(random, 0, 20);
  if (indicator.startsWith('news')) return between(random, 0, 30);
  return between(random, 0, 5);
}

/** The item columns of outcome_items in insert order (report.table.ts). */
export const ITEM_COLUMNS = [
  'report_id',
  'cluster_id',
  'fiscal_year',
  'kind',
  'title',
  'natural_key',
  'authors',
  'venue',
  'pub_year',
  'doi',
  'scope',
  'application_number',
  'filing_date',
  'country',
  'patent_status',
  'granted_date',
  'owner_kind',
  'owner_name',
  'recipient',
  'company',
  'launch_date',
  'media',
  'outlet',
  'item_date',
  'programme_name',
  'funder',
  'amount_yen',
  'period_from_fy',
  'period_to_fy',
  'note',
  'created_at',
  'updated_at',
] as const;

/** The insert statement for outcome_items (version takes its default). */
export const INSERT_ITEM_SQL = `insert into outcome_items (${ITEM_COLUMNS.join(', ')}) values (${ITEM_COLUMNS.map(() => '?').join(', ')})`;

/** The parameters of one item row, in ITEM_COLUMNS order. */
export function itemParameters(
  reportId: number,
  clusterId: number,
  fy: number,
  item: OutcomeItem,
  naturalKey: string,
  now: string,
): (string | number | null)[] {
  return [
    reportId,
    clusterId,
    fy,
    item.kind,
    item.title,
    naturalKey,
    item.authors ?? null,
    item.venue ?? null,
    item.pubYear ?? null,
    item.doi ?? null,
    item.scope ?? null,
    item.applicationNumber ?? null,
    item.filingDate ?? null,
    item.country ?? null,
    item.patentStatus ?? null,
    item.grantedDate ?? null,
    item.ownerKind ?? null,
    item.ownerName ?? null,
    item.recipient ?? null,
    item.company ?? null,
    item.launchDate ?? null,
    item.media ?? null,
    item.outlet ?? null,
    item.itemDate ?? null,
    item.programmeName ?? null,
    item.funder ?? null,
    item.amountYen ?? null,
    item.periodFromFy ?? null,
    item.periodToFy ?? null,
    item.note ?? null,
    now,
    now,
  ];
}

function column<T>(sqlite: SqliteDatabase.Database, sql: string): T[] {
  return sqlite.prepare(sql).pluck().all() as T[];
}

/**
 * Inserts the national data set beside the reference data (which must be loaded: programme, key
 * fields, prefectures, indicators). One transaction; returns the counts and the time it took.
 */
export function insertNationalData(sqlite: SqliteDatabase.Database, spec: NationalSpec): NationalResult {
  const started = performance.now();
  const programmeId = column<number>(sqlite, 'select id from programmes order by id limit 1')[0];
  if (programmeId === undefined) throw new Error('no programme: load the reference data first');
  const keyFields = column<string>(sqlite, 'select key from key_fields order by sort_order');
  const prefectures = sqlite
    .prepare('select code, name_ja, name_en from prefectures order by code')
    .all() as { code: string; name_ja: string; name_en: string }[];
  const now = new Date().toISOString();
  const random = seededRandom(spec.seed);
  const years = spec.fyTo - spec.fyFrom + 1;
  const reports = spec.clusters * years;
  const reportStatus = spec.reportStatus ?? 'accepted';

  const insertCluster = sqlite.prepare(
    `insert into clusters (programme_id, key, name_ja, name_en, key_field_key, start_fy, end_fy, status,
       is_published, confidence, source, version, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, 'full', 1, 'synthetic', ?, 1, ?, ?)`,
  );
  const insertPrefecture = sqlite.prepare(
    'insert into cluster_prefectures (cluster_id, prefecture_code, sort_order) values (?, ?, 0)',
  );
  const insertReport = sqlite.prepare(
    `insert into outcome_reports (cluster_id, fy_from, fy_to, status, report_version, source, submitted_at,
       accepted_at, researcher_count, version, created_at, updated_at)
     values (?, ?, ?, ?, 1, ?, ?, ?, ?, 1, ?, ?)`,
  );
  const insertValue = sqlite.prepare(
    'insert into outcome_values (report_id, indicator_key, value, note) values (?, ?, ?, ?)',
  );
  const insertItem = sqlite.prepare(INSERT_ITEM_SQL);
  const insertBudget = sqlite.prepare(
    `insert into budget_lines (programme_id, cluster_id, fiscal_year, kind, amount_yen, source, note, line_key,
       version, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, null, ?, 1, ?, ?)`,
  );

  const result: NationalResult = {
    clusters: 0,
    reports: 0,
    outcomeValues: 0,
    budgetLines: 0,
    outcomeItems: 0,
    itemsByKind: {},
    insertMs: 0,
  };
  const budget = (clusterId: number | null, fy: number, kind: BudgetKind, amount: number, source: string) => {
    insertBudget.run(
      programmeId,
      clusterId,
      fy,
      kind,
      amount,
      source,
      budgetLineKey(clusterId, fy, kind, source),
      now,
      now,
    );
    result.budgetLines += 1;
  };

  sqlite.transaction(() => {
    const programmeSubsidy = new Map<number, number>();
    let reportIndex = 0;
    let serial = 0;
    for (let i = 1; i <= spec.clusters; i += 1) {
      const prefecture = prefectures[i % prefectures.length]!;
      const field = keyFields[i % keyFields.length]!;
      const clusterId = Number(
        insertCluster.run(
          programmeId,
          clusterKeyOf(i),
          `${prefecture.name_ja}知的クラスター（合成 第${i}号）`,
          `${prefecture.name_en} Knowledge Cluster (synthetic no. ${i})`,
          field,
          spec.fyFrom,
          spec.fyTo,
          NATIONAL_SOURCE,
          now,
          now,
        ).lastInsertRowid,
      );
      insertPrefecture.run(clusterId, prefecture.code);
      result.clusters += 1;
      // A cluster's size is stable from year to year: researcher counts and the local share vary around it.
      const researcherBase = between(random, 40, 220);
      for (let fy = spec.fyFrom; fy <= spec.fyTo; fy += 1) {
        const reportId = Number(
          insertReport.run(
            clusterId,
            fy,
            fy,
            reportStatus,
            NATIONAL_SOURCE,
            reportStatus === 'accepted' ? now : null,
            reportStatus === 'accepted' ? now : null,
            Math.max(5, researcherBase + between(random, -20, 20)),
            now,
            now,
          ).lastInsertRowid,
        );
        result.reports += 1;
        const count = itemsForReport(reportIndex, reports, spec.items);
        reportIndex += 1;
        const items = reportItems(random, fy, count, serial, 0);
        serial += count;
        let transfers = 0;
        for (const { item, naturalKey } of items) {
          insertItem.run(...itemParameters(reportId, clusterId, fy, item, naturalKey, now));
          result.itemsByKind[item.kind] = (result.itemsByKind[item.kind] ?? 0) + 1;
          if (item.kind === 'transfer') transfers += item.amountYen ?? 0;
        }
        result.outcomeItems += items.length;
        const derived = deriveIndicatorValues(
          items.map((i) => i.item),
          fy,
          fy,
        );
        for (const indicator of INDICATOR_KEYS) {
          const itemBacked = derived.itemBacked.has(indicator);
          insertValue.run(
            reportId,
            indicator,
            itemBacked ? (derived.values[indicator] ?? 0) : aggregateValue(random, indicator),
            itemBacked ? null : 'aggregate without items (synthetic)',
          );
          result.outcomeValues += 1;
        }
        // The subsidy is about ¥500M a year per cluster; amounts are whole thousands of yen.
        const subsidy = between(random, 400_000, 600_000) * 1_000;
        programmeSubsidy.set(fy, (programmeSubsidy.get(fy) ?? 0) + subsidy);
        budget(clusterId, fy, 'mext_subsidy', subsidy, '文部科学省 知的クラスター創成事業');
        budget(
          clusterId,
          fy,
          'local_government',
          between(random, 50_000, 200_000) * 1_000,
          `${prefecture.name_ja}`,
        );
        if (random() < 0.4)
          budget(
            clusterId,
            fy,
            'meti',
            between(random, 20_000, 150_000) * 1_000,
            '経済産業省 産業クラスター計画',
          );
        if (random() < 0.3)
          budget(clusterId, fy, 'other', between(random, 5_000, 50_000) * 1_000, '民間企業共同研究費');
        if (transfers > 0)
          budget(clusterId, fy, 'follow_on', transfers, '他の資金への展開（報告の明細の合計）');
      }
    }
    for (const [fy, amount] of programmeSubsidy)
      budget(null, fy, 'mext_subsidy', amount, '文部科学省 知的クラスター創成事業 予算');
  })();
  result.insertMs = round(performance.now() - started);
  return result;
}

/** One row of an outcome-item import: which cluster and fiscal year, and the item. */
export interface ImportRow {
  clusterKey: string;
  fiscalYear: number;
  item: OutcomeItem;
  naturalKey: string;
}

/**
 * `rows` outcome items over the data set's clusters and fiscal years, from their own seed and
 * serial namespace (so their DOIs and application numbers differ from the data set's items).
 */
export function* importRows(
  spec: Pick<NationalSpec, 'clusters' | 'fyFrom' | 'fyTo' | 'seed'>,
  rows: number,
): Generator<ImportRow> {
  const random = seededRandom(spec.seed + 1);
  const years = spec.fyTo - spec.fyFrom + 1;
  const reports = spec.clusters * years;
  let serial = 0;
  let index = 0;
  for (let i = 1; i <= spec.clusters; i += 1) {
    for (let fy = spec.fyFrom; fy <= spec.fyTo; fy += 1) {
      const count = itemsForReport(index, reports, rows);
      index += 1;
      for (const { item, naturalKey } of reportItems(random, fy, count, serial, 1))
        yield { clusterKey: clusterKeyOf(i), fiscalYear: fy, item, naturalKey };
      serial += count;
    }
  }
}

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A column of the import file: its header and how a row fills it. */
export interface ImportColumn {
  header: string;
  value: (row: ImportRow) => string | number | null | undefined;
}

/**
 * Writes the rows as a UTF-8 CSV file with the given columns (the importer's headers), streaming
 * so a million rows never sit in memory at once. Returns the rows written and the file size.
 */
export async function writeImportCsv(
  file: string,
  columns: readonly ImportColumn[],
  rows: Iterable<ImportRow>,
): Promise<{ rows: number; bytes: number; writeMs: number }> {
  const started = performance.now();
  const out = fs.createWriteStream(file, { encoding: 'utf8' });
  let pending: string[] = [columns.map((c) => csvField(c.header)).join(',')];
  let written = 0;
  const flush = async () => {
    const chunk = `${pending.join('\r\n')}\r\n`;
    pending = [];
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  for (const row of rows) {
    pending.push(columns.map((c) => csvField(c.value(row))).join(','));
    written += 1;
    if (pending.length >= 5_000) await flush();
  }
  if (pending.length > 0) await flush();
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return { rows: written, bytes: fs.statSync(file).size, writeMs: round(performance.now() - started) };
}
