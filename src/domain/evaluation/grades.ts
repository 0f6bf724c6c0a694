/**
 * The round's grade scale: ordered grades, best first, each worth some points (the 2004
 * intermediate evaluation used S, A, B, C; the platform scores them S=4, A=3, B=2, C=1 unless the
 * officer sets other points when opening the round). Every score, band and agreement figure reads
 * grades through {@link pointsOf}, so a grade outside the scale is refused in one place.
 */
import { describeValue, EvaluationRuleError, fieldPath, type RuleIssue, throwIfIssues } from './rule-error';

/** One grade and its points, e.g. { grade: 'S', points: 4 }. */
export interface GradeStep {
  grade: string;
  points: number;
}

/** A checked scale: grades best first with strictly decreasing points. Build it with {@link defineGradeScale}. */
export interface GradeScale {
  /** Best first, as given. */
  readonly steps: readonly GradeStep[];
  /** The best grade's points (S = 4 by default). */
  readonly maxPoints: number;
  /** The worst grade's points (C = 1 by default). */
  readonly minPoints: number;
  /** Points by grade label, for O(1) look-ups in the hot loops (scores, stability). */
  readonly pointsByGrade: ReadonlyMap<string, number>;
}

/** The seed's grades with the platform's default points. */
export const DEFAULT_GRADE_STEPS: readonly GradeStep[] = [
  { grade: 'S', points: 4 },
  { grade: 'A', points: 3 },
  { grade: 'B', points: 2 },
  { grade: 'C', points: 1 },
];

/** Lists every problem with a proposed scale (empty when it is valid); fields are `${field}.${i}.grade|points`. */
export function gradeScaleIssues(steps: readonly GradeStep[], field = 'scale'): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const raw: unknown = steps;
  if (!Array.isArray(raw)) return [{ field, message: 'A grade scale is a list of grades with points' }];
  // Fewer than two grades cannot tell clusters apart, and the 100-point mapping divides by max − min.
  if (steps.length < 2)
    issues.push({ field, message: `A scale needs at least 2 grades; got ${steps.length}` });
  const seen = new Set<string>();
  steps.forEach((step, i) => {
    const grade: unknown = step?.grade;
    const points: unknown = step?.points;
    if (typeof grade !== 'string' || grade.trim() === '' || grade !== grade.trim())
      issues.push({
        field: fieldPath(field, i, 'grade'),
        message: 'A grade is a non-empty label without surrounding spaces',
      });
    else if (seen.has(grade))
      issues.push({ field: fieldPath(field, i, 'grade'), message: `Grade ${grade} is listed twice` });
    else seen.add(grade);
    if (typeof points !== 'number' || !Number.isFinite(points)) {
      issues.push({
        field: fieldPath(field, i, 'points'),
        message: `Points must be a finite number; got ${describeValue(points)}`,
      });
      return;
    }
    const previous = steps[i - 1]?.points;
    // Strictly decreasing: best first, and two grades worth the same would be one grade twice.
    if (i > 0 && typeof previous === 'number' && Number.isFinite(previous) && !(points < previous))
      issues.push({
        field: fieldPath(field, i, 'points'),
        message: `Grades go best first with strictly fewer points: ${points} is not below ${previous}`,
      });
  });
  return issues;
}

/** Checks and builds a grade scale (best first); throws `invalid_scale` naming each bad field. */
export function defineGradeScale(
  steps: readonly GradeStep[] = DEFAULT_GRADE_STEPS,
  field = 'scale',
): GradeScale {
  throwIfIssues('invalid_scale', gradeScaleIssues(steps, field));
  const copy = steps.map((s) => ({ grade: s.grade, points: s.points }));
  return {
    steps: copy,
    maxPoints: copy[0]!.points,
    minPoints: copy[copy.length - 1]!.points,
    pointsByGrade: new Map(copy.map((s) => [s.grade, s.points])),
  };
}

/** S=4, A=3, B=2, C=1. */
export const DEFAULT_GRADE_SCALE: GradeScale = defineGradeScale();

/** True when the value is one of the scale's grades (exact label: 's' is not 'S'). */
export function isGradeOf(scale: GradeScale, value: unknown): value is string {
  return typeof value === 'string' && scale.pointsByGrade.has(value);
}

/**
 * The points of a grade; throws `unknown_grade` naming `field` for anything outside the scale, so
 * a grade an evaluator could not have been offered never counts as some number.
 */
export function pointsOf(
  scale: GradeScale,
  grade: unknown,
  field: string | (() => string) = 'grade',
): number {
  const points = typeof grade === 'string' ? scale.pointsByGrade.get(grade) : undefined;
  if (points === undefined)
    throw new EvaluationRuleError('unknown_grade', [
      {
        // Hot loops pass the path as a function: it is built only for the grade refused.
        field: typeof field === 'function' ? field() : field,
        message: `${describeValue(grade)} is not a grade of the scale (${scale.steps.map((s) => s.grade).join(', ')})`,
      },
    ]);
  return points;
}
