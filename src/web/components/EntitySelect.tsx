/** Searchable pickers for organizations and people, searching the API as the user types. */
import { Select, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText, Page } from '../../contracts/common';
import type { OrganizationResponse } from '../../contracts/organizations';
import type { PersonResponse } from '../../contracts/people';
import { api } from '../lib/api-client';
import { localize, useLocale } from '../lib/format';

interface EntityRef {
  id: number;
  name: LocalizedText;
}

interface EntitySelectProps<T extends EntityRef> {
  label: string;
  value: number | null;
  onChange: (id: number | null, item: T | null) => void;
  /** The current choice as the page already knows it, so its name shows before any search. */
  selected?: EntityRef | null;
  error?: ReactNode;
  description?: ReactNode;
  required?: boolean;
  clearable?: boolean;
  disabled?: boolean;
  search: (q: string, signal: AbortSignal) => Promise<Page<T>>;
  queryKey: string;
  /** Extra words after the name (e.g. a person's organization). */
  describe?: (item: EntityRef) => string;
}

function EntitySelect<T extends EntityRef>(props: EntitySelectProps<T>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [searchValue, setSearchValue] = useState('');
  const [debounced] = useDebouncedValue(searchValue, 250);
  const [picked, setPicked] = useState<T | null>(null);
  const results = useQuery({
    queryKey: [props.queryKey, 'search', debounced],
    queryFn: ({ signal }) => props.search(debounced, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  const labelOf = (item: EntityRef) => {
    const name = localize(item.name, locale);
    const extra = props.describe ? props.describe(item) : '';
    return extra ? `${name} — ${extra}` : name;
  };

  const data = useMemo(() => {
    const items: ComboboxItem[] = [];
    const seen = new Set<string>();
    const add = (item: EntityRef | null | undefined) => {
      if (!item || seen.has(String(item.id))) return;
      seen.add(String(item.id));
      items.push({ value: String(item.id), label: labelOf(item) });
    };
    if (props.value !== null) add(picked?.id === props.value ? picked : props.selected);
    for (const item of results.data?.items ?? []) add(item);
    return items;
  }, [results.data, props.value, props.selected, picked, locale]);

  return (
    <Select
      label={props.label}
      description={props.description}
      error={props.error}
      required={props.required}
      disabled={props.disabled}
      clearable={props.clearable ?? !props.required}
      searchable
      data={data}
      value={props.value === null ? null : String(props.value)}
      onChange={(value) => {
        const id = value === null ? null : Number(value);
        const item = results.data?.items.find((i) => i.id === id) ?? null;
        setPicked(item);
        props.onChange(id, item);
      }}
      searchValue={searchValue}
      onSearchChange={setSearchValue}
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('common.noMatches')}
      placeholder={t('common.typeToSearch')}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

type PickerProps<T extends EntityRef> = Omit<EntitySelectProps<T>, 'search' | 'queryKey' | 'describe'>;

/** Picks an organization by name (GET /organizations?q=). */
export function OrganizationSelect(props: PickerProps<OrganizationResponse>) {
  return (
    <EntitySelect<OrganizationResponse>
      {...props}
      queryKey="organizations"
      search={(q, signal) => api.get<Page<OrganizationResponse>>('/organizations', { q, limit: 20 }, signal)}
    />
  );
}

/** Picks a person by name (GET /people?q=). */
export function PersonSelect(props: PickerProps<PersonResponse>) {
  const locale = useLocale();
  return (
    <EntitySelect<PersonResponse>
      {...props}
      queryKey="people"
      search={(q, signal) => api.get<Page<PersonResponse>>('/people', { q, limit: 20 }, signal)}
      describe={(item) =>
        'organization' in item ? localize((item as PersonResponse).organization?.name, locale) : ''
      }
    />
  );
}
