/** Pure rules of selection: scoring, thresholds, disagreement, ranking, selection, conflicts, assignment. */
export * from './assignment';
export * from './conflicts';
export * from './disagreement';
export * from './numbers';
export * from './random';
export * from './ranking';
export * from './scoring';
export * from './selection';
export * from './thresholds';
