/**
 * The evaluation feature's parts of the permission matrix; each slice keeps its rows beside its
 * routes, and this file only lists them for src/server/modules/permissions.test.ts.
 */
import type { MatrixPart } from '../../../../test/support/permission-matrix';
import { ROUNDS_MATRIX } from './rounds.matrix';

export const EVALUATION_MATRIX: MatrixPart[] = [ROUNDS_MATRIX];
