/**
 * Seeds and needs ("listings") are reviewed by a coordinator before publication and expire unless
 * renewed: an offer or request nobody has touched for a year is usually stale, and matching
 * against it wastes a company's and a cluster's time.
 *
 *   draft → in_review → published ⇄ (renewed) … → withdrawn
 *                ↘ returned → in_review
 */

export const LISTING_STATUSES = ['draft', 'in_review', 'returned', 'published', 'withdrawn'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const LISTING_ACTIONS = ['submit', 'publish', 'return', 'renew', 'withdraw'] as const;
export type ListingAction = (typeof LISTING_ACTIONS)[number];

/** How long a publication or a renewal lasts by default. */
export const DEFAULT_TERM_MONTHS = 12;
/** The furthest an expiry date may be set ahead of today. */
export const MAX_TERM_MONTHS = 24;

const FROM: Readonly<Record<ListingAction, readonly ListingStatus[]>> = {
  submit: ['draft', 'returned'],
  publish: ['in_review'],
  return: ['in_review'],
  renew: ['published'],
  withdraw: ['draft', 'in_review', 'returned', 'published'],
};

const TO: Readonly<Record<ListingAction, ListingStatus>> = {
  submit: 'in_review',
  publish: 'published',
  return: 'returned',
  renew: 'published',
  withdraw: 'withdrawn',
};

/** The status after the action, or null when the action is not open from this status. */
export function statusAfter(status: ListingStatus, action: ListingAction): ListingStatus | null {
  return FROM[action].includes(status) ? TO[action] : null;
}

/** Whether a listing's text may still be edited (published ones are edited too, and re-indexed). */
export function isEditable(status: ListingStatus): boolean {
  return status !== 'withdrawn';
}

/** yyyy-mm-dd plus whole months, clamped to the month's last day (2005-01-31 + 1 → 2005-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether a listing with this expiry date has expired on `today` (it is valid through its expiry day). */
export function isExpired(expiresOn: string | null, today: string): boolean {
  return expiresOn !== null && expiresOn < today;
}

/** Whether the public, and matching, may see the listing today. */
export function isLive(status: ListingStatus, expiresOn: string | null, today: string): boolean {
  return status === 'published' && !isExpired(expiresOn, today);
}

/**
 * The expiry a publication or renewal sets: the date asked for, or the default term from today
 * (a renewal extends from the later of today and the current expiry), or `{ refused, limit }` when the
 * date asked for is in the past or too far ahead.
 */
export function expiryFor(
  today: string,
  requested: string | undefined,
  current: string | null,
): { expiresOn: string } | { refused: 'past' | 'too_far'; limit: string } {
  const latest = addMonths(today, MAX_TERM_MONTHS);
  if (requested !== undefined) {
    if (requested < today) return { refused: 'past', limit: today };
    if (requested > latest) return { refused: 'too_far', limit: latest };
    return { expiresOn: requested };
  }
  const from = current !== null && current > today ? current : today;
  const proposed = addMonths(from, DEFAULT_TERM_MONTHS);
  return { expiresOn: proposed > latest ? latest : proposed };
}
