/**
 * The person an account belongs to: how it is shown (name in both languages, organization) and the
 * searchable select that links one (GET /people?q= as the administrator types).
 */
import { Select, Stack, Text, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonResponse } from '../../../../contracts/people';
import { isApiError } from '../../../lib/api-client';
import { localize, otherLanguage, useLocale } from '../../../lib/format';
import { useValidationMessage } from '../../../lib/use-validation-message';
import { usePeopleSearch, type AccountPerson } from '../api/accounts-api';

/** "山田 太郎（Taro Yamada）" in Japanese, "Taro Yamada (山田 太郎)" in English. */
export function usePersonName(): (person: Pick<AccountPerson, 'name'>) => string {
  const locale = useLocale();
  return useCallback(
    (person) => {
      const name = localize(person.name, locale);
      const other = otherLanguage(person.name, locale);
      if (!other) return name;
      return locale === 'ja' ? `${name}（${other}）` : `${name} (${other})`;
    },
    [locale],
  );
}

/** The person's name and, below it, the organization (or that there is none). */
export function PersonSummary({ person, size = 'sm' }: { person: AccountPerson | null; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const personName = usePersonName();
  if (!person) {
    return (
      <Text size={size} c="dimmed">
        {t('adminUsers.person.notLinked')}
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Text size={size}>{personName(person)}</Text>
      <Text size="xs" c="dimmed">
        {person.organization
          ? localize(person.organization.name, locale)
          : t('adminUsers.person.noOrganization')}
      </Text>
    </Stack>
  );
}

/**
 * The message for a refused link next to the field: 409 DUPLICATE (the person has another account)
 * and 422 UNKNOWN_REFERENCE in the UI's words; other field messages as the server gave them.
 */
export function usePersonLinkError(): (error: unknown) => string | undefined {
  const { t } = useTranslation();
  const message = useValidationMessage();
  return useCallback(
    (error) => {
      if (!isApiError(error)) return undefined;
      const text = error.fieldError('body.personId');
      if (text === undefined) return undefined;
      if (error.code === 'DUPLICATE') return t('adminUsers.person.alreadyLinked');
      if (error.code === 'UNKNOWN_REFERENCE') return t('adminUsers.person.unknown');
      return message(text);
    },
    [t, message],
  );
}

interface PersonLinkSelectProps {
  value: AccountPerson | null;
  onChange: (person: AccountPerson | null) => void;
  description?: ReactNode;
  error?: ReactNode;
  disabled?: boolean;
}

function toAccountPerson(person: PersonResponse): AccountPerson {
  return { id: person.id, name: person.name, organization: person.organization };
}

/** A searchable select of people: each option shows the name in Japanese and English and the organization. */
export function PersonLinkSelect({ value, onChange, description, error, disabled }: PersonLinkSelectProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const personName = usePersonName();
  const [searchValue, setSearchValue] = useState('');
  const labelOf = useCallback(
    (person: AccountPerson) =>
      person.organization
        ? `${personName(person)} — ${localize(person.organization.name, locale)}`
        : personName(person),
    [personName, locale],
  );
  // While the field shows the chosen person's label, list everyone rather than search for that label.
  const query = value && searchValue === labelOf(value) ? '' : searchValue.trim();
  const [debounced] = useDebouncedValue(query, 300);
  const results = usePeopleSearch(debounced);

  const { data, byId } = useMemo(() => {
    const byId = new Map<string, { person: AccountPerson; withdrawn: boolean }>();
    for (const person of results.data?.items ?? []) {
      byId.set(String(person.id), {
        person: toAccountPerson(person),
        withdrawn: person.withdrawnAt !== null,
      });
    }
    // The chosen person stays an option (last, when the search does not find it) so its label shows.
    if (value && !byId.has(String(value.id))) byId.set(String(value.id), { person: value, withdrawn: false });
    const data: ComboboxItem[] = [...byId.values()].map(({ person }) => ({
      value: String(person.id),
      label: labelOf(person),
    }));
    return { data, byId };
  }, [value, results.data, labelOf]);

  return (
    <Select
      label={t('adminUsers.person.field')}
      description={description}
      error={error}
      disabled={disabled}
      placeholder={t('adminUsers.person.searchPlaceholder')}
      searchable
      clearable
      data={data}
      value={value ? String(value.id) : null}
      onChange={(id) => onChange(id === null ? null : (byId.get(id)?.person ?? null))}
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('common.noMatches')}
      renderOption={({ option }) => {
        const entry = byId.get(option.value);
        if (!entry) return option.label;
        const { person, withdrawn } = entry;
        return (
          <Stack gap={0}>
            <Text size="sm">
              {personName(person)}
              {withdrawn ? ` · ${t('adminUsers.person.withdrawn')}` : ''}
            </Text>
            <Text size="xs" c="dimmed">
              {person.organization
                ? localize(person.organization.name, locale)
                : t('adminUsers.person.noOrganization')}
            </Text>
          </Stack>
        );
      }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
