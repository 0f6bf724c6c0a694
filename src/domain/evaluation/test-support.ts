/** Helpers for this folder's tests only (not exported from index.ts). */
import { EvaluationRuleError } from './rule-error';

/** Runs fn and returns the refusal's code and fields; fails when fn does not throw an EvaluationRuleError. */
export function refusal(fn: () => unknown): { code: string; fields: string[]; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof EvaluationRuleError)
      return { code: e.code, fields: e.issues.map((i) => i.field), message: e.message };
    throw e;
  }
  throw new Error('Expected an EvaluationRuleError, but nothing was thrown');
}
