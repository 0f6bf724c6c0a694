/**
 * The checks a yearly outcome report gets before it can be submitted, with messages that name the
 * field. Errors block submission; warnings ask for a second look (a duplicate identifier, a value
 * far from the cluster's own history) and never block.
 */
import { getIndicator, INDICATOR_KEYS, type IndicatorKey } from './indicators';
import {
  deriveIndicatorValues,
  itemDateFiscalYear,
  normaliseApplicationNumber,
  normaliseDoi,
  type OutcomeItem,
  REQUIRED_FIELDS,
} from './outcome-items';

export type IssueSeverity = 'error' | 'warning';

export type IssueCode =
  | 'not_a_count'
  | 'missing_note'
  | 'missing_field'
  | 'granted_before_filed'
  | 'granted_without_date'
  | 'duplicate_doi'
  | 'duplicate_application'
  | 'far_from_history'
  | 'period_reversed'
  | 'invalid_date';

/** The date fields of an item; each must be a calendar date within the platform's fiscal years. */
const ITEM_DATE_FIELDS = ['filingDate', 'grantedDate', 'launchDate', 'itemDate'] as const;

export interface ReportIssue {
  severity: IssueSeverity;
  code: IssueCode;
  /** Where: `values.papers_domestic`, `items.3.grantedDate`. */
  field: string;
  message: { ja: string; en: string };
}

export interface ReportUnderCheck {
  fyFrom: number;
  fyTo: number;
  /** Values reported by hand (item-backed indicators are ignored: items decide them). */
  values: Partial<Record<IndicatorKey, number>>;
  notes: Partial<Record<IndicatorKey, string | null>>;
  items: readonly OutcomeItem[];
}

export interface CheckContext {
  /** Normalised DOIs and application numbers already held by the cluster's other reports. */
  knownDois?: ReadonlySet<string>;
  knownApplications?: ReadonlySet<string>;
  /** Earlier single-year values of the cluster per indicator (accepted reports only). */
  history?: Partial<Record<IndicatorKey, readonly number[]>>;
}

/** The smallest jump worth a warning: a count moving by 2 or 10 million yen is ordinary. */
const ANOMALY_FLOOR: Record<'count' | 'yen', number> = { count: 3, yen: 10_000_000 };
/** Robust z-score above which a value is called far from history (Iglewicz & Hoaglin, 1993). */
const ANOMALY_Z = 3.5;
/** History needs this many earlier years before a value can be called unusual. */
export const ANOMALY_MIN_HISTORY = 3;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Whether a value is far from a cluster's own history: the robust z-score |x − median| / (1.4826 ×
 * MAD) exceeds 3.5 and the jump exceeds a floor. When every past value is equal (MAD 0) the spread
 * falls back to a quarter of the median, so 10 → 40 is flagged but 10 → 12 is not.
 */
export function isFarFromHistory(value: number, history: readonly number[], unit: 'count' | 'yen'): boolean {
  if (history.length < ANOMALY_MIN_HISTORY) return false;
  const m = median(history);
  const mad = median(history.map((h) => Math.abs(h - m)));
  const spread = mad > 0 ? 1.4826 * mad : Math.max(1, Math.abs(m) / 4);
  const jump = Math.abs(value - m);
  return jump >= ANOMALY_FLOOR[unit] && jump / spread > ANOMALY_Z;
}

function issue(severity: IssueSeverity, code: IssueCode, field: string, ja: string, en: string): ReportIssue {
  return { severity, code, field, message: { ja, en } };
}

/** Every problem of a report, errors first in field order, then warnings. */
export function checkReport(report: ReportUnderCheck, context: CheckContext = {}): ReportIssue[] {
  const issues: ReportIssue[] = [];
  if (report.fyFrom > report.fyTo)
    issues.push(
      issue('error', 'period_reversed', 'fyFrom', '開始年度が終了年度より後です', 'fyFrom is after fyTo'),
    );
  const { itemBacked, values: derived } = deriveIndicatorValues(report.items, report.fyFrom, report.fyTo);

  for (const key of INDICATOR_KEYS) {
    if (itemBacked.has(key)) continue;
    const value = report.values[key];
    if (value === undefined) continue;
    const label = getIndicator(key).label;
    if (!Number.isSafeInteger(value) || value < 0) {
      issues.push(
        issue(
          'error',
          'not_a_count',
          `values.${key}`,
          `${label.ja}は0以上の整数で入力してください（${String(value)}）`,
          `${label.en} must be a non-negative whole number (got ${String(value)})`,
        ),
      );
      continue;
    }
    if (value > 0 && !report.notes[key]?.trim())
      issues.push(
        issue(
          'error',
          'missing_note',
          `notes.${key}`,
          `${label.ja}に明細がありません。集計値の根拠を注記してください`,
          `${label.en} has no items: add a note saying where the figure comes from`,
        ),
      );
  }

  const seenDois = new Map<string, number>();
  const seenApplications = new Map<string, number>();
  report.items.forEach((item, index) => {
    const at = `items.${index}`;
    for (const field of REQUIRED_FIELDS[item.kind]) {
      const v = item[field];
      if (v === undefined || v === null || v === '')
        issues.push(
          issue(
            'error',
            'missing_field',
            `${at}.${field}`,
            `${index + 1}件目の${field}が未入力です`,
            `Item ${index + 1} needs ${field}`,
          ),
        );
    }
    for (const field of ITEM_DATE_FIELDS) {
      const date = item[field];
      if (date && itemDateFiscalYear(date) === null)
        issues.push(
          issue(
            'error',
            'invalid_date',
            `${at}.${field}`,
            `${index + 1}件目の${field}（${date}）は有効な日付ではありません`,
            `Item ${index + 1}: ${field} (${date}) is not a valid date between FY1950 and FY2100`,
          ),
        );
    }
    if (
      item.kind === 'transfer' &&
      item.periodFromFy != null &&
      item.periodToFy != null &&
      item.periodToFy < item.periodFromFy
    )
      issues.push(
        issue(
          'error',
          'period_reversed',
          `${at}.periodToFy`,
          `${index + 1}件目の期間の終了年度（${item.periodToFy}）が開始年度（${item.periodFromFy}）より前です`,
          `Item ${index + 1}: the period ends (FY${item.periodToFy}) before it starts (FY${item.periodFromFy})`,
        ),
      );
    if (item.kind === 'patent') {
      if (item.patentStatus === 'granted' && !item.grantedDate)
        issues.push(
          issue(
            'error',
            'granted_without_date',
            `${at}.grantedDate`,
            `${index + 1}件目の特許は登録済みですが登録日がありません`,
            `Item ${index + 1} is granted but has no granted date`,
          ),
        );
      // Unreadable dates are reported once above as invalid_date, not compared here.
      const filedFy = itemDateFiscalYear(item.filingDate);
      const grantedFy = itemDateFiscalYear(item.grantedDate);
      if (item.filingDate && item.grantedDate && filedFy !== null && grantedFy !== null) {
        if (grantedFy < filedFy || item.grantedDate < item.filingDate)
          issues.push(
            issue(
              'error',
              'granted_before_filed',
              `${at}.grantedDate`,
              `${index + 1}件目の特許の登録日（${item.grantedDate}）が出願日（${item.filingDate}）より前です`,
              `Item ${index + 1}: a patent cannot be granted (${item.grantedDate}) before it was filed (${item.filingDate})`,
            ),
          );
      }
      const application = item.applicationNumber
        ? normaliseApplicationNumber(item.applicationNumber).trim()
        : '';
      if (application) {
        const key = application;
        const first = seenApplications.get(key);
        if (first !== undefined || context.knownApplications?.has(key))
          issues.push(
            issue(
              'warning',
              'duplicate_application',
              `${at}.applicationNumber`,
              first !== undefined
                ? `出願番号 ${item.applicationNumber} が${first + 1}件目と重複しています`
                : `出願番号 ${item.applicationNumber} は他の報告に既にあります`,
              first !== undefined
                ? `Application number ${item.applicationNumber} repeats item ${first + 1}`
                : `Application number ${item.applicationNumber} is already in another report`,
            ),
          );
        if (first === undefined) seenApplications.set(key, index);
      }
    }
    const doi = item.kind === 'paper' && item.doi ? normaliseDoi(item.doi) : '';
    if (doi) {
      const key = doi;
      const first = seenDois.get(key);
      if (first !== undefined || context.knownDois?.has(key))
        issues.push(
          issue(
            'warning',
            'duplicate_doi',
            `${at}.doi`,
            first !== undefined
              ? `DOI ${item.doi} が${first + 1}件目と重複しています`
              : `DOI ${item.doi} は他の報告に既にあります`,
            first !== undefined
              ? `DOI ${item.doi} repeats item ${first + 1}`
              : `DOI ${item.doi} is already in another report`,
          ),
        );
      if (first === undefined) seenDois.set(key, index);
    }
  });

  if (report.fyFrom === report.fyTo && context.history) {
    for (const key of INDICATOR_KEYS) {
      const value = itemBacked.has(key) ? derived[key] : report.values[key];
      const history = context.history[key];
      if (value === undefined || !history || !Number.isFinite(value)) continue;
      if (isFarFromHistory(value, history, getIndicator(key).unit)) {
        const label = getIndicator(key).label;
        const m = median(history);
        issues.push(
          issue(
            'warning',
            'far_from_history',
            `values.${key}`,
            `${label.ja}（${value}）がこれまでの中央値（${m}）から大きく離れています。確認してください`,
            `${label.en} (${value}) is far from this cluster's usual level (median ${m}): please check`,
          ),
        );
      }
    }
  }
  return [...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity === 'warning')];
}
