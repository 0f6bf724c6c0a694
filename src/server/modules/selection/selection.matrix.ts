/**
 * The selection routes' rows of the permission matrix, one part per slice of the feature. Each part
 * lives beside its routes; this file only lists them for src/server/modules/permissions.test.ts.
 */
import type { MatrixPart } from '../../../../test/support/permission-matrix';
import { CALLS_MATRIX } from './calls.matrix';
import { DECISION_MATRIX } from './decision.matrix';
import { REPORT_MATRIX } from './report.matrix';
import { REVIEW_MATRIX } from './review.matrix';

export const SELECTION_MATRIX: MatrixPart[] = [CALLS_MATRIX, REVIEW_MATRIX, DECISION_MATRIX, REPORT_MATRIX];
