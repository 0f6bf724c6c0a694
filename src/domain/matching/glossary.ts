/**
 * A small bilingual glossary of technical terms in the programme's four key fields (life
 * sciences, IT, environment, nanotech/materials), so a Japanese need and an English seed meet
 * where they name the same thing in their own words (燃料電池 ⇄ fuel cell).
 *
 * Written from general domain knowledge of the four fields — textbook and JIS/ministry usage —
 * and NOT from the labelled evaluation set in bench/data/matching (docs/decisions/0012). Each
 * entry is one concept: Japanese forms (compared as substrings of the NFKC, lower-cased text, since
 * Japanese has no spaces) and English forms (compared as runs of Porter stems, so "fuel cells" and
 * "fuel-cell" both name it). A text naming a concept in either language gets the concept as an
 * extra term, `燃料電池 ⇄ fuel cell`, which is also what the explanation shows.
 */
import { normaliseText, type Term, tokenize } from './tokenize';

/** [Japanese forms, English forms], each list separated by "|". */
const ENTRIES: readonly (readonly [string, string])[] = [
  // --- nanotech / materials ---------------------------------------------------------------
  ['燃料電池', 'fuel cell'],
  ['半導体', 'semiconductor'],
  ['カーボンナノチューブ|ナノチューブ', 'carbon nanotube|nanotube|cnt'],
  ['ナノ粒子|微粒子', 'nanoparticle|nanoparticles|fine particle'],
  ['薄膜', 'thin film'],
  ['触媒', 'catalyst|catalysis|catalytic'],
  ['光触媒', 'photocatalyst|photocatalytic'],
  ['セラミックス|セラミック', 'ceramic|ceramics'],
  ['複合材料|複合材', 'composite material|composite'],
  ['炭素繊維', 'carbon fiber|carbon fibre'],
  ['高分子|ポリマー|樹脂', 'polymer|resin'],
  ['合金', 'alloy'],
  ['磁性|磁気', 'magnetic|magnetism'],
  ['スピントロニクス', 'spintronics'],
  ['超伝導|超電導', 'superconductor|superconducting|superconductivity'],
  ['リチウムイオン電池|リチウム電池', 'lithium ion battery|lithium battery'],
  ['二次電池|蓄電池|バッテリー|バッテリ', 'rechargeable battery|secondary battery|battery'],
  ['電極', 'electrode'],
  ['結晶', 'crystal|crystalline'],
  ['単結晶', 'single crystal'],
  ['表面処理|表面改質', 'surface treatment|surface modification'],
  ['コーティング|被膜', 'coating'],
  ['めっき', 'plating'],
  ['微細加工', 'microfabrication|micromachining'],
  ['精密加工', 'precision machining'],
  ['ナノテクノロジー|ナノテク', 'nanotechnology'],
  ['プラズマ', 'plasma'],
  ['レーザー|レーザ', 'laser'],
  ['発光ダイオード|led', 'light emitting diode|led'],
  ['有機el', 'organic el|oled|organic light emitting'],
  ['太陽電池', 'solar cell|photovoltaic'],
  ['熱電', 'thermoelectric'],
  ['圧電', 'piezoelectric'],
  ['繊維', 'fiber|fibre|textile'],
  ['ガラス', 'glass'],
  ['耐熱', 'heat resistant|heat resistance'],
  ['強度', 'strength'],
  ['摩耗', 'wear|abrasion'],
  ['腐食', 'corrosion'],
  ['接着|接合', 'adhesion|adhesive|bonding|joining'],
  ['軽量化|軽量', 'lightweight|weight reduction'],
  ['蛍光体', 'phosphor'],
  ['窒化ガリウム|gan', 'gallium nitride|gan'],
  ['シリコン|ケイ素', 'silicon'],
  ['ダイヤモンド', 'diamond'],
  ['顕微鏡', 'microscope|microscopy'],
  ['分光', 'spectroscopy|spectroscopic|spectrometer'],
  ['近赤外', 'near infrared|nir'],
  ['赤外線', 'infrared'],
  ['紫外線|紫外', 'ultraviolet|uv'],
  ['x線', 'x ray'],
  ['テラヘルツ', 'terahertz'],
  ['光学', 'optical|optics'],
  ['光ファイバ|光ファイバー', 'optical fiber|optical fibre'],
  ['カメラ', 'camera'],
  ['センサ|センサー', 'sensor|sensing'],
  ['圧力', 'pressure'],
  ['温度', 'temperature|thermal'],
  ['湿度', 'humidity'],
  ['振動', 'vibration'],
  ['加速度', 'acceleration|accelerometer'],
  ['mems|微小電気機械', 'mems|microelectromechanical'],
  // --- IT ---------------------------------------------------------------------------------
  ['ソフトウェア|ソフトウエア', 'software'],
  ['組込み|組み込み|組込', 'embedded'],
  ['アルゴリズム', 'algorithm'],
  ['人工知能', 'artificial intelligence|ai'],
  ['機械学習', 'machine learning'],
  ['深層学習|ディープラーニング', 'deep learning'],
  ['ニューラルネットワーク|ニューラルネット', 'neural network'],
  ['画像認識', 'image recognition'],
  ['画像処理', 'image processing'],
  ['画像', 'image|imaging'],
  ['映像|動画', 'video'],
  ['音声認識', 'speech recognition'],
  ['音声合成', 'speech synthesis'],
  ['音声', 'speech|voice'],
  ['自然言語処理|言語処理', 'natural language processing|language processing'],
  ['機械翻訳|自動翻訳', 'machine translation'],
  ['翻訳', 'translation'],
  ['検索', 'search|retrieval'],
  ['データベース', 'database'],
  ['データマイニング', 'data mining'],
  ['ビッグデータ', 'big data'],
  ['クラウド', 'cloud'],
  ['ネットワーク', 'network'],
  ['無線', 'wireless|radio'],
  ['通信', 'communication|telecommunication'],
  ['プロトコル', 'protocol'],
  ['暗号', 'encryption|cryptography|cryptographic'],
  ['セキュリティ|情報セキュリティ', 'security'],
  ['認証', 'authentication'],
  ['個人認証|生体認証|バイオメトリクス', 'biometric|biometrics'],
  ['プライバシ|プライバシー', 'privacy'],
  ['集積回路|lsi', 'integrated circuit|lsi'],
  ['システムlsi', 'system lsi|system on chip|soc'],
  ['回路', 'circuit'],
  ['プロセッサ|プロセッサー', 'processor'],
  ['fpga', 'fpga'],
  ['省電力|低消費電力', 'low power|power saving'],
  ['消費電力', 'power consumption'],
  ['ロボット', 'robot|robotics'],
  ['自律移動', 'autonomous mobile|autonomous navigation'],
  ['制御', 'control|controller'],
  ['シミュレーション', 'simulation'],
  ['可視化', 'visualisation|visualization'],
  ['仮想現実|バーチャルリアリティ', 'virtual reality|vr'],
  [
    'ユーザインタフェース|ユーザーインターフェース|インタフェース|インターフェース',
    'user interface|interface',
  ],
  ['ディスプレイ|表示装置', 'display'],
  ['検証', 'verification|validation'],
  ['テスト|試験', 'test|testing'],
  ['自動化', 'automation|automated|automatic'],
  ['監視', 'monitoring'],
  ['遠隔', 'remote'],
  ['位置推定|測位', 'localisation|localization|positioning'],
  ['故障診断|異常検知', 'fault diagnosis|anomaly detection'],
  ['予測', 'prediction|forecasting|forecast'],
  ['最適化', 'optimisation|optimization'],
  ['高速', 'high speed|fast'],
  ['リアルタイム|実時間', 'real time'],
  ['情報家電', 'information appliance|home appliance'],
  ['家電', 'home appliance|consumer electronics'],
  ['車載', 'in vehicle|automotive'],
  ['自動車', 'automobile|car|vehicle'],
  ['教育', 'education|learning'],
  // --- life sciences ----------------------------------------------------------------------
  ['遺伝子', 'gene|genetic'],
  ['ゲノム', 'genome|genomic'],
  ['dna', 'dna'],
  ['rna', 'rna'],
  ['たんぱく質|タンパク質|蛋白質', 'protein'],
  ['抗体', 'antibody|antibodies'],
  ['抗原', 'antigen'],
  ['ワクチン', 'vaccine'],
  ['酵素', 'enzyme|enzymatic'],
  ['細胞', 'cell|cellular'],
  ['幹細胞', 'stem cell'],
  ['再生医療', 'regenerative medicine'],
  ['創薬', 'drug discovery'],
  ['医薬品|薬剤', 'drug|pharmaceutical|medicine'],
  ['新薬', 'new drug'],
  ['化合物', 'compound'],
  ['臨床', 'clinical'],
  ['治験|臨床試験', 'clinical trial'],
  ['診断', 'diagnosis|diagnostic'],
  ['検査', 'test|testing|inspection|screening'],
  ['治療', 'treatment|therapy|therapeutic'],
  ['がん|癌|腫瘍', 'cancer|tumour|tumor|oncology'],
  ['糖尿病', 'diabetes|diabetic'],
  ['高血圧', 'hypertension'],
  ['肥満', 'obesity'],
  ['認知症', 'dementia'],
  ['アルツハイマー', 'alzheimer'],
  ['感染症|感染', 'infection|infectious'],
  ['ウイルス|ウィルス', 'virus|viral'],
  ['細菌|菌', 'bacteria|bacterial|microbe|microbial'],
  ['微生物', 'microorganism|microbe|microbial'],
  ['アレルギー', 'allergy|allergic'],
  ['炎症', 'inflammation|inflammatory'],
  ['免疫', 'immune|immunity|immunology'],
  ['血液', 'blood'],
  ['血糖', 'blood glucose|blood sugar'],
  ['血圧', 'blood pressure'],
  ['心臓|心疾患', 'heart|cardiac'],
  ['脳', 'brain'],
  ['骨', 'bone'],
  ['皮膚', 'skin'],
  ['内視鏡', 'endoscope|endoscopic'],
  ['手術', 'surgery|surgical'],
  ['医療機器', 'medical device'],
  ['医療', 'medical|healthcare|medicine'],
  ['介護', 'nursing care|elderly care|care'],
  ['福祉', 'welfare'],
  ['リハビリ|リハビリテーション', 'rehabilitation'],
  ['高齢者', 'elderly|older people'],
  ['生体', 'biological|living body|in vivo'],
  ['バイオマーカー', 'biomarker'],
  ['バイオ|生物工学|バイオテクノロジー', 'biotechnology|bio'],
  ['バイオインフォマティクス|生命情報', 'bioinformatics'],
  ['モデル動物|疾患モデル', 'animal model|disease model'],
  ['マウス', 'mouse|mice'],
  ['機能性食品|健康食品', 'functional food|health food'],
  ['食品', 'food'],
  ['糖', 'sugar|saccharide'],
  ['甘味料', 'sweetener'],
  ['天然物', 'natural product'],
  ['発酵', 'fermentation'],
  ['農業|農作物', 'agriculture|agricultural|crop'],
  ['果物|果実', 'fruit'],
  ['野菜', 'vegetable'],
  ['品種', 'cultivar|variety|breed'],
  ['植物', 'plant'],
  ['水産', 'fisheries|aquaculture|seafood'],
  ['化粧品', 'cosmetic|cosmetics'],
  ['ペプチド', 'peptide'],
  ['代謝', 'metabolism|metabolic'],
  ['薬物送達|ドラッグデリバリー', 'drug delivery'],
  ['画像診断', 'diagnostic imaging|medical imaging'],
  ['超音波', 'ultrasound|ultrasonic'],
  ['磁気共鳴|mri', 'magnetic resonance|mri'],
  ['ct', 'computed tomography|ct'],
  ['ウェアラブル', 'wearable'],
  ['歩行', 'walking|gait'],
  ['睡眠', 'sleep'],
  ['ストレス', 'stress'],
  // --- environment ------------------------------------------------------------------------
  ['環境', 'environment|environmental'],
  ['リサイクル|再資源化|再利用', 'recycling|recycle|reuse'],
  ['廃棄物|ごみ', 'waste'],
  ['プラスチック', 'plastic'],
  ['生分解性', 'biodegradable'],
  ['水処理|排水処理|浄水', 'water treatment|wastewater treatment|water purification'],
  ['排水|廃水', 'wastewater|effluent'],
  ['水質', 'water quality'],
  ['土壌', 'soil'],
  ['汚染', 'pollution|contamination|contaminated'],
  ['浄化', 'purification|remediation|cleanup'],
  ['有害物質|有害', 'hazardous substance|hazardous|toxic'],
  ['重金属', 'heavy metal'],
  ['大気', 'air|atmosphere|atmospheric'],
  ['排ガス|排気ガス', 'exhaust gas|exhaust|emission'],
  ['二酸化炭素|co2', 'carbon dioxide|co2'],
  ['温室効果ガス', 'greenhouse gas'],
  ['省エネルギー|省エネ', 'energy saving|energy efficiency'],
  ['エネルギー', 'energy'],
  ['再生可能エネルギー', 'renewable energy'],
  ['太陽光', 'solar|sunlight'],
  ['風力', 'wind power'],
  ['バイオマス', 'biomass'],
  ['水素', 'hydrogen'],
  ['発電', 'power generation|generation'],
  ['蓄電', 'energy storage|storage'],
  ['熱', 'heat|thermal'],
  ['廃熱|排熱', 'waste heat'],
  ['分解', 'decomposition|degradation'],
  ['除去', 'removal'],
  ['分離', 'separation|sorting'],
  ['選別', 'sorting'],
  ['吸着', 'adsorption|adsorbent'],
  ['膜', 'membrane|film'],
  ['フィルタ|フィルター', 'filter|filtration'],
  ['ダイオキシン', 'dioxin'],
  ['騒音', 'noise'],
  ['気象|天候', 'weather|meteorological'],
  ['防災|災害', 'disaster|disaster prevention'],
  ['地震', 'earthquake|seismic'],
  ['森林|木材', 'forest|timber|wood'],
  ['水', 'water'],
  ['材料', 'material|materials'],
  ['製造', 'manufacturing|production|fabrication'],
  ['量産', 'mass production'],
  ['低コスト', 'low cost'],
  ['コスト', 'cost'],
  ['品質', 'quality'],
  ['非破壊', 'non destructive|nondestructive'],
  ['計測|測定', 'measurement|measuring|metrology'],
  ['分析', 'analysis|analytical'],
  ['評価', 'evaluation|assessment'],
];

export interface Concept {
  /** The concept's term: "燃料電池 ⇄ fuel cell" (its first Japanese and English forms). */
  term: string;
  ja: string[];
  /** Each English form as its run of terms (Porter stems, stop words dropped). */
  en: string[][];
}

function englishRun(form: string): string[] {
  return tokenize(form).map((t) => t.term);
}

export const GLOSSARY: readonly Concept[] = ENTRIES.map(([ja, en]) => {
  const jaForms = ja.split('|').map(normaliseText);
  const enForms = en.split('|');
  return {
    term: `${jaForms[0]!} ⇄ ${enForms[0]!}`,
    ja: jaForms,
    en: enForms.map(englishRun).filter((run) => run.length > 0),
  };
});

/** A form written in ASCII only ("led", "dna") is found as English words, not as a substring. */
function isLatinOnly(form: string): boolean {
  return /^[\p{ASCII}]+$/u.test(form);
}

/** Finds glossary concepts in text; built once per glossary. */
export class ConceptFinder {
  /** Japanese forms by their first character, longest first. */
  private readonly japanese = new Map<string, { form: string; concept: number }[]>();
  /** English runs by their first term. */
  private readonly english = new Map<string, { run: string[]; concept: number }[]>();

  constructor(private readonly concepts: readonly Concept[] = GLOSSARY) {
    concepts.forEach((c, concept) => {
      for (const form of c.ja) {
        // Forms in Latin letters ("led", "dna") are found as English words, not as substrings.
        if (isLatinOnly(form)) continue;
        const key = form[0]!;
        const list = this.japanese.get(key) ?? [];
        list.push({ form, concept });
        this.japanese.set(key, list);
      }
      for (const run of [...c.en, ...c.ja.filter((f) => isLatinOnly(f)).map(englishRun)]) {
        if (run.length === 0) continue;
        const list = this.english.get(run[0]!) ?? [];
        list.push({ run, concept });
        this.english.set(run[0]!, list);
      }
    });
    for (const list of this.japanese.values()) list.sort((a, b) => b.form.length - a.form.length);
  }

  /**
   * The concepts the text names, once per mention. A concept named by both a Japanese and an
   * English form in one text counts each mention. Within Japanese, the longest form at a position
   * wins and consumes it (光触媒 is photocatalyst, not also 触媒 and 光).
   */
  find(text: string, words: readonly Term[]): Term[] {
    const out: Term[] = [];
    const normal = normaliseText(text);
    for (let i = 0; i < normal.length;) {
      const candidates = this.japanese.get(normal[i]!);
      const hit = candidates?.find((c) => normal.startsWith(c.form, i));
      if (hit) {
        out.push({ term: this.concepts[hit.concept]!.term, kind: 'concept' });
        i += hit.form.length;
      } else i++;
    }
    const stems = words.filter((w) => w.kind === 'word').map((w) => w.term);
    for (let i = 0; i < stems.length;) {
      const candidates = this.english.get(stems[i]!);
      let best: { run: string[]; concept: number } | undefined;
      for (const c of candidates ?? [])
        if ((!best || c.run.length > best.run.length) && c.run.every((t, k) => stems[i + k] === t)) best = c;
      if (best) {
        out.push({ term: this.concepts[best.concept]!.term, kind: 'concept' });
        i += best.run.length;
      } else i++;
    }
    return out;
  }
}

/** A tokenizer that adds the glossary's concepts to tokenize.ts's terms. */
export function tokenizeWithGlossary(finder: ConceptFinder = new ConceptFinder()): (text: string) => Term[] {
  return (text) => {
    const words = tokenize(text);
    return words.concat(finder.find(text, words));
  };
}
