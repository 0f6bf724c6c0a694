/**
 * The allocation rule's refusals arrive as the domain wrote them (English, raw yen). The page says
 * the ones it knows in the reader's language with formatted amounts; anything else passes through.
 */
import type { TFunction } from 'i18next';

type Formatter = (yen: number) => string;

interface Pattern {
  re: RegExp;
  say: (t: TFunction, m: RegExpMatchArray, yen: Formatter) => string;
}

const yenOf = (m: RegExpMatchArray, i: number, yen: Formatter) => yen(Number(m[i]));

const PATTERNS: Pattern[] = [
  {
    re: /The total ¥(\d+) is below the sum of the floors ¥(\d+)/,
    say: (t, m, yen) =>
      t('evaluationFollowup.ruleErrors.totalBelowFloors', {
        total: yenOf(m, 1, yen),
        floors: yenOf(m, 2, yen),
      }),
  },
  {
    re: /The total ¥(\d+) is above the sum of the ceilings ¥(\d+)/,
    say: (t, m, yen) =>
      t('evaluationFollowup.ruleErrors.totalAboveCeilings', {
        total: yenOf(m, 1, yen),
        ceilings: yenOf(m, 2, yen),
      }),
  },
  {
    re: /The total ¥(\d+) cannot be reached by rescaling.*at most ¥(\d+)/,
    say: (t, m, yen) =>
      t('evaluationFollowup.ruleErrors.totalUnreachable', {
        total: yenOf(m, 1, yen),
        reachable: yenOf(m, 2, yen),
      }),
  },
  {
    re: /The ceiling ¥(\d+) is below the floor ¥(\d+)/,
    say: (t, m, yen) =>
      t('evaluationFollowup.ruleErrors.ceilingBelowFloor', {
        ceiling: yenOf(m, 1, yen),
        floor: yenOf(m, 2, yen),
      }),
  },
  {
    re: /\(¥(\d+)\) must be a whole number of units of ¥(\d+)/,
    say: (t, m, yen) =>
      t('evaluationFollowup.ruleErrors.offUnit', { value: yenOf(m, 1, yen), unit: yenOf(m, 2, yen) }),
  },
  {
    re: /must be a whole number of yen, 0 or more/,
    say: (t) => t('evaluationFollowup.ruleErrors.notWholeYen'),
  },
  { re: /The unit must be/, say: (t) => t('evaluationFollowup.ruleErrors.unit') },
  {
    re: /An adjustment is a finite fraction of −1/,
    say: (t) => t('evaluationFollowup.ruleErrors.adjustmentTooLow'),
  },
  {
    re: /A lower band cannot get a larger adjustment/,
    say: (t) => t('evaluationFollowup.ruleErrors.adjustmentNotFalling'),
  },
  {
    re: /Bands go best first with strictly lower minimums/,
    say: (t) => t('evaluationFollowup.ruleErrors.minimumsNotFalling'),
  },
  {
    re: /Score ([\d.-]+) reaches no band/,
    say: (t, m) => t('evaluationFollowup.ruleErrors.scoreReachesNoBand', { score: m[1] }),
  },
  { re: /Band .+ is listed twice/, say: (t) => t('evaluationFollowup.ruleErrors.bandTwice') },
];

/** The reader's-language message for a rule refusal, or the server's own text. */
export function ruleMessage(message: string, t: TFunction, yen: Formatter): string {
  for (const p of PATTERNS) {
    const m = message.match(p.re);
    if (m) return p.say(t, m, yen);
  }
  return message;
}
