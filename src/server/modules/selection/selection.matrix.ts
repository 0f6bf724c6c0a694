/**
 * The selection routes' rows of the permission matrix, one part per slice of the feature. Each part
 * lives beside its routes; this file only lists them for src/server/modules/permissions.test.ts.
 */
import type { MatrixPart } from '../../../../test/support/permission-matrix';

export const SELECTION_MATRIX: MatrixPart[] = [];
