import type { CreateClusterBody, UpdateClusterBody } from '../../../../contracts/clusters';
import type { ProfileValues } from './ClusterProfileForm';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function normalized(values: ProfileValues) {
  return {
    name: { ja: values.name.ja.trim(), en: values.name.en.trim() },
    theme: { ja: values.theme.ja.trim(), en: values.theme.en.trim() },
    summary: { ja: values.summary.ja.trim(), en: values.summary.en.trim() },
    keyField: values.keyField,
    prefectureCodes: [...values.prefectureCodes].sort(),
    startFy: values.startFy,
    endFy: values.endFy,
    status: values.status,
    isPublished: values.isPublished,
    coreOrganizationId: values.coreOrganization?.id ?? null,
    source: values.source.trim(),
    confidence: values.confidence.trim() === '' ? null : values.confidence.trim(),
  };
}

/** PATCH body: the version it was made against and only the fields that changed. */
export function updateBodyOf(
  values: ProfileValues,
  initial: ProfileValues,
  version: number,
): Record<string, unknown> {
  const next = normalized(values);
  const before = normalized(initial);
  const body: Record<string, unknown> = { version };
  for (const field of Object.keys(next) as (keyof typeof next)[]) {
    if (!same(next[field], before[field])) body[field] = next[field];
  }
  return body satisfies Partial<Record<keyof UpdateClusterBody, unknown>>;
}

export function hasChanges(values: ProfileValues, initial: ProfileValues): boolean {
  return !same(normalized(values), normalized(initial));
}

/** POST body for a new cluster (the end year defaults on the server when left empty). */
export function createBodyOf(values: ProfileValues): Record<string, unknown> {
  const next = normalized(values);
  const body: Record<string, unknown> = { key: values.key.trim(), ...next };
  if (next.endFy === null) delete body['endFy'];
  return body satisfies Partial<Record<keyof CreateClusterBody, unknown>>;
}
