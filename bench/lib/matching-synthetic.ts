/**
 * A synthetic corpus of technology seeds and business needs for the matching speed benchmark:
 * mixed Japanese, English and bilingual texts in the four key fields, made from small per-field
 * vocabularies by a seeded generator (the same corpus every run for the same seed). Word choice is
 * skewed (a few common terms, a long tail), and each text carries a model number or compound code
 * drawn from a large space, as real listings do, so posting lists look like a real index's: a
 * few long, most short.
 */
import type { KeyFieldKey } from '../../src/domain/key-fields';
import type { NeedDocument, SeedDocument, SeedStage } from '../../src/domain/matching/matcher';
import { SEED_STAGES } from '../../src/domain/matching/matcher';
import { PREFECTURES } from '../../src/domain/prefectures';
import { seededRandom } from '../../src/domain/selection/random';

type Field = Exclude<KeyFieldKey, 'other'>;

/** Per field: [Japanese term, English term] pairs (technologies, then applications). */
const VOCABULARY: Record<Field, { tech: [string, string][]; use: [string, string][] }> = {
  life_sciences: {
    tech: [
      ['抗体', 'antibody'],
      ['遺伝子解析', 'gene analysis'],
      ['幹細胞', 'stem cell'],
      ['酵素', 'enzyme'],
      ['ペプチド', 'peptide'],
      ['バイオマーカー', 'biomarker'],
      ['疾患モデル動物', 'disease model animal'],
      ['ドラッグデリバリー', 'drug delivery'],
      ['超音波', 'ultrasound'],
      ['内視鏡', 'endoscope'],
      ['発酵', 'fermentation'],
      ['機能性成分', 'functional ingredient'],
      ['免疫測定', 'immunoassay'],
      ['ゲノム編集', 'genome editing'],
      ['質量分析', 'mass spectrometry'],
      ['細胞培養', 'cell culture'],
      ['核酸医薬', 'nucleic acid drug'],
      ['生体センサ', 'biosensor'],
      ['再生医療', 'regenerative medicine'],
      ['天然物化合物', 'natural compound'],
    ],
    use: [
      ['糖尿病', 'diabetes'],
      ['がん診断', 'cancer diagnosis'],
      ['認知症', 'dementia'],
      ['感染症検査', 'infection testing'],
      ['食品安全', 'food safety'],
      ['介護', 'elderly care'],
      ['リハビリテーション', 'rehabilitation'],
      ['創薬', 'drug discovery'],
      ['アレルギー', 'allergy'],
      ['健康食品', 'health food'],
      ['手術支援', 'surgical assistance'],
      ['骨再生', 'bone regeneration'],
    ],
  },
  it: {
    tech: [
      ['画像認識', 'image recognition'],
      ['音声認識', 'speech recognition'],
      ['機械翻訳', 'machine translation'],
      ['組込みソフトウェア', 'embedded software'],
      ['無線センサネットワーク', 'wireless sensor network'],
      ['暗号', 'encryption'],
      ['FPGA', 'FPGA'],
      ['システムLSI', 'system LSI'],
      ['機械学習', 'machine learning'],
      ['データマイニング', 'data mining'],
      ['ロボット制御', 'robot control'],
      ['分散処理', 'distributed processing'],
      ['仮想現実', 'virtual reality'],
      ['検索エンジン', 'search engine'],
      ['光通信', 'optical communication'],
      ['イメージセンサ', 'image sensor'],
      ['生体認証', 'biometric authentication'],
      ['自然言語処理', 'natural language processing'],
      ['低消費電力回路', 'low power circuit'],
      ['モデル検査', 'model checking'],
    ],
    use: [
      ['自動車', 'automotive'],
      ['家電', 'home appliances'],
      ['防犯', 'security'],
      ['物流', 'logistics'],
      ['医療情報', 'medical records'],
      ['教育', 'education'],
      ['農業', 'agriculture'],
      ['工場', 'factory'],
      ['観光', 'tourism'],
      ['防災', 'disaster prevention'],
      ['小売', 'retail'],
      ['金融', 'finance'],
    ],
  },
  environment: {
    tech: [
      ['水処理', 'water treatment'],
      ['光触媒', 'photocatalyst'],
      ['バイオマス', 'biomass'],
      ['リサイクル', 'recycling'],
      ['土壌浄化', 'soil remediation'],
      ['吸着材', 'adsorbent'],
      ['膜分離', 'membrane separation'],
      ['排熱回収', 'waste heat recovery'],
      ['生分解性プラスチック', 'biodegradable plastic'],
      ['大気計測', 'air monitoring'],
      ['太陽電池', 'solar cell'],
      ['燃料電池', 'fuel cell'],
      ['水素製造', 'hydrogen production'],
      ['重金属除去', 'heavy metal removal'],
      ['二酸化炭素固定', 'carbon dioxide fixation'],
      ['省エネルギー制御', 'energy saving control'],
    ],
    use: [
      ['下水処理場', 'sewage plant'],
      ['工場排水', 'factory wastewater'],
      ['ごみ焼却', 'waste incineration'],
      ['農地', 'farmland'],
      ['河川', 'rivers'],
      ['建物', 'buildings'],
      ['漁業', 'fisheries'],
      ['自治体', 'municipalities'],
      ['発電所', 'power plants'],
      ['食品工場', 'food factories'],
    ],
  },
  nanotech_materials: {
    tech: [
      ['カーボンナノチューブ', 'carbon nanotube'],
      ['ナノ粒子', 'nanoparticle'],
      ['薄膜', 'thin film'],
      ['セラミックス', 'ceramics'],
      ['炭素繊維', 'carbon fiber'],
      ['磁性材料', 'magnetic material'],
      ['スピントロニクス', 'spintronics'],
      ['MEMS', 'MEMS'],
      ['プラズマ処理', 'plasma treatment'],
      ['窒化ガリウム', 'gallium nitride'],
      ['有機EL', 'organic EL'],
      ['リチウムイオン電池', 'lithium ion battery'],
      ['圧電材料', 'piezoelectric material'],
      ['熱電変換', 'thermoelectric conversion'],
      ['ナノインプリント', 'nanoimprint'],
      ['表面改質', 'surface modification'],
      ['高分子材料', 'polymer material'],
      ['超伝導', 'superconductivity'],
    ],
    use: [
      ['電子部品', 'electronic components'],
      ['自動車部品', 'automotive parts'],
      ['蓄電池', 'batteries'],
      ['ディスプレイ', 'displays'],
      ['切削工具', 'cutting tools'],
      ['医療機器', 'medical devices'],
      ['航空機', 'aircraft'],
      ['照明', 'lighting'],
      ['センサー', 'sensors'],
      ['包装材', 'packaging'],
    ],
  },
};

const GENERIC: [string, string][] = [
  ['高性能', 'high performance'],
  ['低コスト', 'low cost'],
  ['小型', 'compact'],
  ['高精度', 'high accuracy'],
  ['高速', 'high speed'],
  ['量産', 'mass production'],
  ['実証', 'demonstration'],
  ['評価', 'evaluation'],
  ['試作', 'prototype'],
  ['特許', 'patent'],
  ['共同研究', 'joint research'],
  ['実用化', 'commercialisation'],
  ['長寿命', 'long life'],
  ['軽量', 'lightweight'],
  ['安全性', 'safety'],
  ['耐久性', 'durability'],
];

const FIELDS: Field[] = ['life_sciences', 'it', 'environment', 'nanotech_materials'];

export interface SyntheticCorpus {
  seeds: SeedDocument<number>[];
  needs: NeedDocument<number>[];
}

/** Seeds and needs from the generator; ids are 1…n in each list. */
export function generateMatchingCorpus(spec: {
  seeds: number;
  needs: number;
  seed: number;
}): SyntheticCorpus {
  const random = seededRandom(spec.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // Skewed: index ~ n·r², so the first terms of a list are the common ones.
  const skewed = <T>(list: readonly T[]): T => list[Math.floor(random() * random() * list.length)]!;
  const code = () => `${pick(['KC', 'TX', 'NM', 'BX', 'ZR', 'HP', 'QL'])}-${Math.floor(random() * 50_000)}`;
  const lang = (): 'ja' | 'en' | 'both' => {
    const r = random();
    return r < 0.4 ? 'ja' : r < 0.8 ? 'en' : 'both';
  };
  const prefecture = () => pick(PREFECTURES).code;

  const seedTexts = (field: Field) => {
    const v = VOCABULARY[field];
    const [t1, t2, u1, u2, g1, g2] = [
      skewed(v.tech),
      skewed(v.tech),
      skewed(v.use),
      skewed(v.use),
      pick(GENERIC),
      pick(GENERIC),
    ];
    const c = code();
    return {
      ja: {
        title: `${t1[0]}を用いた${u1[0]}向け${g1[0]}技術`,
        summary:
          `${t1[0]}と${t2[0]}を組み合わせ、${u1[0]}や${u2[0]}での${g1[0]}化を実現する。` +
          `試作品（型式${c}）で従来比${2 + Math.floor(random() * 8)}倍の${g2[0]}を確認した。${pick(GENERIC)[0]}の検証を進めている。`,
      },
      en: {
        title: `${g1[1]} ${t1[1]} for ${u1[1]}`,
        summary:
          `Combines ${t1[1]} with ${t2[1]} to bring ${g1[1]} to ${u1[1]} and ${u2[1]}. ` +
          `A prototype (model ${c}) showed ${2 + Math.floor(random() * 8)} times the ${g2[1]} of current products; ${pick(GENERIC)[1]} tests are under way.`,
      },
      keywords: [t1, t2, u1, g1],
    };
  };

  const seeds: SeedDocument<number>[] = [];
  for (let i = 1; i <= spec.seeds; i++) {
    const field = pick(FIELDS);
    const l = lang();
    const t = seedTexts(field);
    seeds.push({
      id: i,
      title: { ja: l !== 'en' ? t.ja.title : null, en: l !== 'ja' ? t.en.title : null },
      summary: { ja: l !== 'en' ? t.ja.summary : null, en: l !== 'ja' ? t.en.summary : null },
      keywords: t.keywords.map((k) => (l === 'en' ? k[1] : l === 'ja' ? k[0] : random() < 0.5 ? k[0] : k[1])),
      keyField: field,
      stage: pick<SeedStage>(SEED_STAGES),
      prefectureCode: prefecture(),
    });
  }

  const needs: NeedDocument<number>[] = [];
  for (let i = 1; i <= spec.needs; i++) {
    const field = pick(FIELDS);
    const v = VOCABULARY[field];
    const ja = random() < 0.5;
    const [t1, u1, g1, g2] = [skewed(v.tech), skewed(v.use), pick(GENERIC), pick(GENERIC)];
    const k = ja ? 0 : 1;
    const title = ja
      ? `${u1[0]}向けの${g1[0]}な${t1[0]}を探しています`
      : `Looking for ${g1[1]} ${t1[1]} for ${u1[1]}`;
    const description = ja
      ? `当社は${u1[k]}の分野で製品を開発しており、${t1[k]}または${skewed(v.tech)[k]}による${g2[k]}の向上を求めている。` +
        `既存設備（${code()}）に組み込める形が望ましく、${pick(GENERIC)[k]}と${pick(GENERIC)[k]}が条件である。`
      : `We make products for ${u1[k]} and need better ${g2[k]} through ${t1[k]} or ${skewed(v.tech)[k]}. ` +
        `It should fit our existing line (${code()}); ${pick(GENERIC)[k]} and ${pick(GENERIC)[k]} are required.`;
    needs.push({
      id: i,
      title: ja ? { ja: title } : { en: title },
      description: ja ? { ja: description } : { en: description },
      keyField: field,
      prefectureCode: prefecture(),
    });
  }
  return { seeds, needs };
}
