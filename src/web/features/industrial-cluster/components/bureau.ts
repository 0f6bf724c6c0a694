/** The nine METI regional bureaus, in the order of src/domain/prefectures.ts. */
import { REGIONS } from '../../../../domain/prefectures';

export const BUREAU_KEYS = REGIONS.map((r) => r.key);
export type BureauKey = (typeof BUREAU_KEYS)[number];

export function isBureauKey(value: string | null): value is BureauKey {
  return value !== null && (BUREAU_KEYS as readonly string[]).includes(value);
}
