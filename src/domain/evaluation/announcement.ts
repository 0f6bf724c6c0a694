/**
 * When a round's results become public. An officer publishes the results (a snapshot) once
 * scoring is done; the public, headquarters and evaluators read them from the announcement date
 * on (the FY2004 round: published by the office, announced on 23 March 2005). Publishing after
 * the date, or a round without a date, makes them public at once. Dates are Japan's calendar.
 */
import { japanDate } from '../fiscal-year';

export interface Announcement {
  /** When the officer published the snapshot (ISO datetime), or null. */
  publishedAt: string | null;
  /** The planned announcement date (YYYY-MM-DD), or null for "on publication". */
  announceOn: string | null;
}

/** The Japan date from which everyone reads the results; null while unpublished. */
export function announcedFrom(round: Announcement): string | null {
  if (round.publishedAt === null) return null;
  const published = japanDate(new Date(round.publishedAt));
  if (round.announceOn === null || round.announceOn <= published) return published;
  return round.announceOn;
}

/** Whether the results are public at `now`: published, and the announcement date has come. */
export function isAnnounced(round: Announcement, now: Date): boolean {
  const from = announcedFrom(round);
  return from !== null && from <= japanDate(now);
}
