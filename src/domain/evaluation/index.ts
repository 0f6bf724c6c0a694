/**
 * Pure rules of evaluation rounds (issue 5): grade scale, bands, the weighting group's weights,
 * scores and ranking, agreement and leniency, ranking stability, and next year's allocation.
 * Bad input throws {@link EvaluationRuleError} naming the field (see rule-error.ts).
 */
export * from './agreement';
export * from './allocation';
export * from './announcement';
export * from './apportion';
export * from './bands';
export * from './grades';
export * from './ranks';
export * from './rule-error';
export * from './scores';
export * from './stability';
export * from './weights';
