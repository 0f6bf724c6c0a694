/**
 * The evaluation feature's parts of the permission matrix; each slice keeps its rows beside its
 * routes, and this file only lists them for src/server/modules/permissions.test.ts.
 */
import type { MatrixPart } from '../../../../test/support/permission-matrix';
import { ALLOCATION_MATRIX } from './allocation.matrix';
import { FINDINGS_MATRIX } from './findings.matrix';
import { GRADING_MATRIX } from './grading.matrix';
import { INTERVIEWS_MATRIX } from './interviews.matrix';
import { RESULTS_MATRIX } from './results.matrix';
import { ROUND_REPORT_MATRIX } from './round-report.matrix';
import { ROUNDS_MATRIX } from './rounds.matrix';
import { SELF_EVALUATIONS_MATRIX } from './self-evaluations.matrix';

export const EVALUATION_MATRIX: MatrixPart[] = [
  ROUNDS_MATRIX,
  SELF_EVALUATIONS_MATRIX,
  INTERVIEWS_MATRIX,
  GRADING_MATRIX,
  FINDINGS_MATRIX,
  RESULTS_MATRIX,
  ROUND_REPORT_MATRIX,
  ALLOCATION_MATRIX,
];
