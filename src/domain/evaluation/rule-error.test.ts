import { describe, expect, it } from 'vitest';

import { EvaluationRuleError, fieldPath, throwIfIssues } from './rule-error';

describe('EvaluationRuleError', () => {
  it('names the first field in its message and counts the others', () => {
    const e = new EvaluationRuleError('invalid_weights', [
      { field: 'weights.a', message: 'Weight must be 0 or more; got -1' },
      { field: 'weights.b', message: 'A weight for b is missing' },
    ]);
    expect(e.message).toBe('weights.a: Weight must be 0 or more; got -1 (and 1 more)');
    expect(e.code).toBe('invalid_weights');
    expect(e.issues).toHaveLength(2);
    expect(e.name).toBe('EvaluationRuleError');
  });

  it('is a RangeError, so callers that treat domain RangeErrors as bad input keep working', () => {
    expect(new EvaluationRuleError('unknown_grade', [{ field: 'grade', message: 'x' }])).toBeInstanceOf(
      RangeError,
    );
  });

  it('falls back to the code when there is no issue', () => {
    expect(new EvaluationRuleError('invalid_options', []).message).toBe('invalid_options');
  });
});

describe('throwIfIssues', () => {
  it.each([
    { issues: [], throws: false },
    { issues: [{ field: 'total', message: 'too big' }], throws: true },
  ])('throws only when there are issues ($issues.length)', ({ issues, throws }) => {
    const run = () => throwIfIssues('invalid_allocation', issues);
    if (throws) expect(run).toThrow(EvaluationRuleError);
    else expect(run).not.toThrow();
  });
});

describe('fieldPath', () => {
  it.each([
    { parts: ['clusters', 3, 'floor'], path: 'clusters.3.floor' },
    { parts: ['', 'gradings', 0], path: 'gradings.0' },
    { parts: ['weights', 'plans.technical'], path: 'weights.plans.technical' },
    { parts: [], path: '' },
  ])('$parts → $path', ({ parts, path }) => {
    expect(fieldPath(...parts)).toBe(path);
  });
});
