/**
 * Defaults a new round starts from: the seed's FY2004 calendar (self-evaluation and weighting in
 * November, interviews and grading to mid-December, scoring January–March, announcement on
 * 23 March of the next calendar year), moved to the round's fiscal year.
 */
import {
  DEFAULT_BANDS,
  DEFAULT_GRADE_SCALE,
  ROUND_PHASES,
  type BandsInput,
  type GradeScaleInput,
  type RoundPhase,
  type RoundPhaseKey,
} from '../../../../contracts/evaluation-rounds';

const CALENDAR: Record<RoundPhaseKey, [from: string, to: string, nextYear: boolean]> = {
  self_evaluation: ['11-01', '11-30', false],
  weighting: ['11-01', '11-30', false],
  interviews: ['11-15', '12-20', false],
  grading: ['11-15', '12-20', false],
  scoring: ['01-10', '03-10', true],
  announcement: ['03-23', '03-23', true],
};

export function defaultPhases(fiscalYear: number): RoundPhase[] {
  return ROUND_PHASES.map((phase) => {
    const [from, to, nextYear] = CALENDAR[phase];
    const year = nextYear ? fiscalYear + 1 : fiscalYear;
    return { phase, from: `${year}-${from}`, to: `${year}-${to}` };
  });
}

export const defaultScale = (): GradeScaleInput => DEFAULT_GRADE_SCALE.map((s) => ({ ...s }));
export const defaultBands = (): BandsInput => DEFAULT_BANDS.map((b) => ({ ...b }));

/** The last band catches every lower score; the API stores it as a very low minimum. */
export const CATCH_ALL_MIN = -1e9;
export const isCatchAll = (minScore: number) => minScore <= -1e6;
