/**
 * The one way the evaluation rules refuse input: they THROW an {@link EvaluationRuleError} (never
 * return a Result). Every refusal names the offending field as a path relative to the rule's input
 * (`scale.2.points`, `proposals.0.weights.plans.technical`, `clusters.3.floor`, `total`), so a
 * service can map it straight onto a 4xx naming the body field:
 *
 *   catch (e) { if (e instanceof EvaluationRuleError)
 *     throw new AppError('VALIDATION_FAILED', e.message,
 *       { errors: e.issues.map((i) => ({ field: `body.${i.field}`, message: i.message })) }); }
 *
 * Throwing suits these rules because bad input is a programming or configuration error the caller
 * cannot continue past (a weight set with a negative weight has no mean), and it keeps the happy
 * path's return types plain numbers. Validators collect EVERY problem they can find before
 * throwing, so a form shows them all at once.
 *
 * It extends RangeError so code that already treats the domain's RangeErrors as bad input (the
 * selection and money rules throw those) keeps working.
 */

/** What kind of refusal it is; services may pick a status per code (most are 400/422). */
export type EvaluationRuleCode =
  | 'invalid_scale'
  | 'unknown_grade'
  | 'invalid_bands'
  | 'invalid_items'
  | 'invalid_weights'
  | 'missing_item'
  | 'unknown_item'
  | 'incomplete_grading'
  | 'invalid_grading'
  | 'invalid_options'
  | 'invalid_allocation'
  | 'infeasible_allocation';

/** One problem: the field it is about (dotted path relative to the rule's input) and why. */
export interface RuleIssue {
  field: string;
  message: string;
}

/** A rule refused its input; `issues` lists every problem found, first one in the message. */
export class EvaluationRuleError extends RangeError {
  readonly code: EvaluationRuleCode;
  readonly issues: readonly RuleIssue[];

  constructor(code: EvaluationRuleCode, issues: readonly RuleIssue[]) {
    const first = issues[0];
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    super(first ? `${first.field}: ${first.message}${more}` : code);
    this.name = 'EvaluationRuleError';
    this.code = code;
    this.issues = issues;
  }
}

/** Throws when any issue was collected; used at the end of each validator. */
export function throwIfIssues(code: EvaluationRuleCode, issues: readonly RuleIssue[]): void {
  if (issues.length > 0) throw new EvaluationRuleError(code, issues);
}

/** Joins a field path: fieldPath('clusters', 3, 'floor') = 'clusters.3.floor'; empty parts dropped. */
export function fieldPath(...parts: readonly (string | number)[]): string {
  return parts.filter((p) => p !== '').join('.');
}

/** A value as an error message shows it: numbers as written, text quoted, anything else by its type. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined)
    return String(value);
  return Array.isArray(value) ? 'a list' : typeof value;
}
