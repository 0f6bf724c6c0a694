/** Labels of codes (roles, statuses, kinds, …) from the i18n files, falling back to the code itself. */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export type CodeKind =
  | 'keyField'
  | 'clusterStatus'
  | 'organizationKind'
  | 'memberRole'
  | 'staffRole'
  | 'role'
  | 'region'
  | 'scopeType'
  | 'reportStatus'
  | 'accountStatus';

export function useCodeLabel(): (kind: CodeKind, code: string) => string {
  const { t } = useTranslation();
  return useCallback(
    (kind, code) => {
      const key = `codes.${kind}.${code}`;
      // Dynamic keys cannot be checked statically; an unknown code shows as itself.
      const label = t(key as never, { defaultValue: code });
      return typeof label === 'string' ? label : code;
    },
    [t],
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

/** Options for a Select of codes, labelled in the current language. */
export function useCodeOptions(): (kind: CodeKind, codes: readonly string[]) => SelectOption[] {
  const label = useCodeLabel();
  return useCallback(
    (kind, codes) => codes.map((code) => ({ value: code, label: label(kind, code) })),
    [label],
  );
}
