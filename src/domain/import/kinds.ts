/**
 * What each kind of import reads: its columns, named by key or by Japanese or English label.
 * Outcome values are wide (one column per indicator, as in the seed's outcome table); outcome
 * items, targets and budget lines are one record per row.
 */
import { BUDGET_KIND_LABELS, BUDGET_KINDS } from '../budget';
import { ITEM_KIND_LABELS, ITEM_KINDS } from '../outcome-items';

export const IMPORT_KINDS = ['outcome-values', 'outcome-items', 'targets', 'budget-lines'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);
}

export const IMPORT_KIND_LABELS: Readonly<Record<ImportKind, { ja: string; en: string }>> = {
  'outcome-values': { ja: '成果の値', en: 'Outcome values' },
  'outcome-items': { ja: '成果の明細', en: 'Outcome items' },
  targets: { ja: '数値目標', en: 'Targets' },
  'budget-lines': { ja: '予算', en: 'Budget lines' },
};

export type FieldType =
  'cluster' | 'fy' | 'count' | 'yen' | 'text' | 'date' | 'choice' | 'indicator' | 'country';

export interface FieldDef {
  key: string;
  type: FieldType;
  label: { ja: string; en: string };
  /** Further names a header may use (folded before comparing). */
  aliases?: readonly string[];
  /** The column must be present. */
  required?: boolean;
  choices?: readonly string[];
  choiceLabels?: Readonly<Record<string, { ja: string; en: string }>>;
  synonyms?: Readonly<Record<string, string>>;
  /** Longest text accepted. */
  max?: number;
  /** An example value for the template file. */
  example: string;
}

const CLUSTER: FieldDef = {
  key: 'cluster',
  type: 'cluster',
  label: { ja: 'クラスター', en: 'Cluster' },
  aliases: ['cluster_key', 'クラスター名', 'cluster name', 'クラスタ', 'cluster_ja', 'cluster_en', '地域'],
  required: true,
  example: 'sapporo',
};

const FISCAL_YEAR: FieldDef = {
  key: 'fiscalYear',
  type: 'fy',
  label: { ja: '年度', en: 'Fiscal year' },
  aliases: ['fiscal_year', 'fy', 'year'],
  required: true,
  example: '2004',
};

const NOTE: FieldDef = {
  key: 'note',
  type: 'text',
  label: { ja: '備考', en: 'Note' },
  aliases: ['notes', 'remarks', 'comment'],
  max: 2000,
  example: '',
};

export const SCOPE_LABELS = {
  domestic: { ja: '国内', en: 'Domestic' },
  abroad: { ja: '海外', en: 'Abroad' },
};
export const PATENT_STATUS_LABELS = {
  applied: { ja: '出願', en: 'Applied' },
  granted: { ja: '登録', en: 'Granted' },
};
export const OWNER_KIND_LABELS = {
  university: { ja: '大学', en: 'University' },
  headquarters: { ja: 'クラスター本部', en: 'Headquarters' },
  company: { ja: '企業', en: 'Company' },
  inventor: { ja: '発明者', en: 'Inventor' },
};
export const MEDIA_LABELS = {
  newspaper: { ja: '新聞', en: 'Newspaper' },
  tv: { ja: 'テレビ', en: 'TV' },
  journal: { ja: '雑誌', en: 'Journal' },
};

const choice = (
  key: string,
  ja: string,
  en: string,
  labels: Record<string, { ja: string; en: string }>,
  example: string,
  extra: Partial<FieldDef> = {},
): FieldDef => ({
  key,
  type: 'choice',
  label: { ja, en },
  choices: Object.keys(labels),
  choiceLabels: labels,
  example,
  ...extra,
});

const text = (
  key: string,
  ja: string,
  en: string,
  example: string,
  extra: Partial<FieldDef> = {},
): FieldDef => ({
  key,
  type: 'text',
  label: { ja, en },
  max: 500,
  example,
  ...extra,
});

const date = (
  key: string,
  ja: string,
  en: string,
  example: string,
  extra: Partial<FieldDef> = {},
): FieldDef => ({
  key,
  type: 'date',
  label: { ja, en },
  example,
  ...extra,
});

/** Outcome values: cluster, fiscal year, the researcher count, then any indicator columns. */
export const OUTCOME_VALUE_FIELDS: readonly FieldDef[] = [
  CLUSTER,
  FISCAL_YEAR,
  {
    key: 'researcherCount',
    type: 'count',
    label: { ja: '研究者数', en: 'Researchers' },
    aliases: ['researcher_count', 'researchers'],
    example: '120',
  },
];

export const OUTCOME_ITEM_FIELDS: readonly FieldDef[] = [
  CLUSTER,
  FISCAL_YEAR,
  {
    key: 'kind',
    type: 'choice',
    label: { ja: '種別', en: 'Kind' },
    aliases: ['item kind', 'type', '区分'],
    required: true,
    choices: ITEM_KINDS,
    choiceLabels: ITEM_KIND_LABELS,
    synonyms: { 特許出願: 'patent', 製品化: 'product', 報道: 'press', 他資金: 'transfer' },
    example: 'paper',
  },
  text('title', '題名', 'Title', 'Cluster-based sensor networks', {
    aliases: ['名称', 'タイトル', 'name'],
    required: true,
  }),
  text('authors', '著者', 'Authors', 'Sato T; Suzuki H', { max: 2000 }),
  text('venue', '掲載誌', 'Venue', 'Journal of Cluster Studies', { aliases: ['journal', '雑誌名'] }),
  {
    key: 'pubYear',
    type: 'count',
    label: { ja: '発行年', en: 'Publication year' },
    aliases: ['pub_year', 'year published'],
    example: '2004',
  },
  text('doi', 'DOI', 'DOI', '10.1234/example.2004.1', { max: 200 }),
  choice('scope', '国内・海外', 'Domestic or abroad', SCOPE_LABELS, 'domestic', {
    aliases: ['国内/海外', 'scope', '区分（国内・海外）'],
    synonyms: { 国外: 'abroad', international: 'abroad', foreign: 'abroad' },
  }),
  text('applicationNumber', '出願番号', 'Application number', '', {
    max: 100,
    aliases: ['application_number'],
  }),
  date('filingDate', '出願日', 'Filing date', '', { aliases: ['filing_date'] }),
  { key: 'country', type: 'country', label: { ja: '国', en: 'Country' }, aliases: ['出願国'], example: '' },
  choice('patentStatus', '状態', 'Patent status', PATENT_STATUS_LABELS, '', {
    aliases: ['patent_status', 'status', '出願・登録'],
    synonyms: { 取得: 'granted', 出願中: 'applied', acquired: 'granted' },
  }),
  date('grantedDate', '登録日', 'Granted date', '', { aliases: ['granted_date', '取得日'] }),
  choice('ownerKind', '権利者の種別', 'Owner kind', OWNER_KIND_LABELS, '', {
    aliases: ['owner_kind', '権利者種別'],
    synonyms: { 本部: 'headquarters', 個人: 'inventor' },
  }),
  text('ownerName', '権利者', 'Owner', '', { max: 300, aliases: ['owner_name', 'owner'] }),
  text('recipient', '受賞者', 'Recipient', '', { max: 300 }),
  text('company', '企業', 'Company', '', { max: 300, aliases: ['企業名', 'company name'] }),
  date('launchDate', '発売日', 'Launch date', '', { aliases: ['launch_date', '製品化日'] }),
  choice('media', '媒体', 'Medium', MEDIA_LABELS, '', {
    synonyms: { television: 'tv', magazine: 'journal' },
  }),
  text('outlet', '媒体名', 'Outlet', '', { max: 300, aliases: ['新聞名', '番組名'] }),
  date('itemDate', '日付', 'Date', '', { aliases: ['item_date', 'date', '受賞日', '掲載日'] }),
  text('programmeName', '制度名', 'Programme', '', {
    max: 300,
    aliases: ['programme_name', 'program', '事業名'],
  }),
  text('funder', '資金提供機関', 'Funder', '', { max: 300, aliases: ['funding agency', '配分機関'] }),
  {
    key: 'amountYen',
    type: 'yen',
    label: { ja: '金額', en: 'Amount' },
    aliases: ['amount_yen', 'amount', 'sales', '売上'],
    example: '',
  },
  {
    key: 'periodFromFy',
    type: 'fy',
    label: { ja: '開始年度', en: 'From fiscal year' },
    aliases: ['period_from_fy', 'from fy'],
    example: '',
  },
  {
    key: 'periodToFy',
    type: 'fy',
    label: { ja: '終了年度', en: 'To fiscal year' },
    aliases: ['period_to_fy', 'to fy'],
    example: '',
  },
  NOTE,
];

export const TARGET_FIELDS: readonly FieldDef[] = [
  CLUSTER,
  {
    key: 'indicator',
    type: 'indicator',
    label: { ja: '指標', en: 'Indicator' },
    aliases: ['indicator_key', '成果指標'],
    required: true,
    example: 'papers_domestic',
  },
  FISCAL_YEAR,
  { key: 'baseline', type: 'yen', label: { ja: '基準値', en: 'Baseline' }, example: '10' },
  {
    key: 'target',
    type: 'yen',
    label: { ja: '目標値', en: 'Target' },
    aliases: ['目標'],
    required: true,
    example: '40',
  },
  NOTE,
];

export const BUDGET_LINE_FIELDS: readonly FieldDef[] = [
  { ...CLUSTER, required: true, example: 'sapporo' },
  FISCAL_YEAR,
  {
    key: 'kind',
    type: 'choice',
    label: { ja: '区分', en: 'Kind' },
    aliases: ['budget kind', '種別', '資金区分'],
    required: true,
    choices: BUDGET_KINDS,
    choiceLabels: BUDGET_KIND_LABELS,
    synonyms: {
      補助金: 'mext_subsidy',
      文科省: 'mext_subsidy',
      自治体: 'local_government',
      経産省: 'meti',
      その他: 'other',
    },
    example: 'mext_subsidy',
  },
  {
    key: 'amountYen',
    type: 'yen',
    label: { ja: '金額', en: 'Amount' },
    aliases: ['amount_yen', 'amount', '予算額'],
    required: true,
    example: '500,000,000',
  },
  text('source', '出典', 'Source', 'MEXT grant decision 2004', {
    max: 500,
    required: true,
    aliases: ['財源', '資料'],
  }),
  NOTE,
];

export const FIELDS_OF: Readonly<Record<ImportKind, readonly FieldDef[]>> = {
  'outcome-values': OUTCOME_VALUE_FIELDS,
  'outcome-items': OUTCOME_ITEM_FIELDS,
  targets: TARGET_FIELDS,
  'budget-lines': BUDGET_LINE_FIELDS,
};

/** Cluster cells that mean the programme itself in a budget file. */
export const PROGRAMME_SCOPE_NAMES = ['programme', 'program', 'プログラム', '事業全体', '全体'];
