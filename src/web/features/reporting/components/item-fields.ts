/** Which inputs an item form shows for each kind, and how typed text becomes an item body. */
import type { OutcomeItem } from '../../../../contracts/reports';
import { parseFiscalYear } from '../../../../domain/fiscal-year';
import { parseYenAmount } from '../../../../domain/money';
import {
  REQUIRED_FIELDS,
  type ItemKind,
  type OutcomeItem as DomainItem,
} from '../../../../domain/outcome-items';
import type { ItemBodyInput } from '../api/reports-api';

export type ItemField = Exclude<keyof DomainItem, 'kind'>;

type InputKind = 'text' | 'longText' | 'date' | 'year' | 'fy' | 'yen' | 'country' | 'select';

export interface FieldSpec {
  field: ItemField;
  input: InputKind;
  /** Codes for a select (labelled through `reporting.item.options.<field>.<code>`). */
  options?: readonly string[];
}

const SCOPES = ['domestic', 'abroad'] as const;
const PATENT_STATUSES = ['applied', 'granted'] as const;
const OWNERS = ['university', 'headquarters', 'company', 'inventor'] as const;
const MEDIA = ['newspaper', 'tv', 'journal'] as const;

/** The inputs of each kind in reading order; the title comes first everywhere, the note last. */
export const KIND_FIELDS: Readonly<Record<ItemKind, readonly FieldSpec[]>> = {
  paper: [
    { field: 'title', input: 'text' },
    { field: 'authors', input: 'longText' },
    { field: 'venue', input: 'text' },
    { field: 'pubYear', input: 'year' },
    { field: 'scope', input: 'select', options: SCOPES },
    { field: 'doi', input: 'text' },
    { field: 'note', input: 'longText' },
  ],
  patent: [
    { field: 'title', input: 'text' },
    { field: 'applicationNumber', input: 'text' },
    { field: 'filingDate', input: 'date' },
    { field: 'country', input: 'country' },
    { field: 'patentStatus', input: 'select', options: PATENT_STATUSES },
    { field: 'grantedDate', input: 'date' },
    { field: 'ownerKind', input: 'select', options: OWNERS },
    { field: 'ownerName', input: 'text' },
    { field: 'note', input: 'longText' },
  ],
  award: [
    { field: 'title', input: 'text' },
    { field: 'recipient', input: 'text' },
    { field: 'itemDate', input: 'date' },
    { field: 'note', input: 'longText' },
  ],
  product: [
    { field: 'title', input: 'text' },
    { field: 'company', input: 'text' },
    { field: 'launchDate', input: 'date' },
    { field: 'amountYen', input: 'yen' },
    { field: 'note', input: 'longText' },
  ],
  transfer: [
    { field: 'title', input: 'text' },
    { field: 'programmeName', input: 'text' },
    { field: 'funder', input: 'text' },
    { field: 'amountYen', input: 'yen' },
    { field: 'periodFromFy', input: 'fy' },
    { field: 'periodToFy', input: 'fy' },
    { field: 'note', input: 'longText' },
  ],
  press: [
    { field: 'title', input: 'text' },
    { field: 'media', input: 'select', options: MEDIA },
    { field: 'outlet', input: 'text' },
    { field: 'itemDate', input: 'date' },
    { field: 'note', input: 'longText' },
  ],
};

export function isRequired(kind: ItemKind, field: ItemField): boolean {
  return field === 'title' || REQUIRED_FIELDS[kind].includes(field);
}

/** Form state: every input as the text typed (selects hold their code). */
export type ItemFormValues = Partial<Record<ItemField, string>>;

export function formValuesOf(item: OutcomeItem | null, kind: ItemKind): ItemFormValues {
  const values: ItemFormValues = {};
  for (const spec of KIND_FIELDS[kind]) {
    const raw: string | number | null | undefined = item ? item[spec.field] : undefined;
    if (raw === null || raw === undefined) values[spec.field] = spec.field === 'country' && !item ? 'JP' : '';
    else values[spec.field] = String(raw);
  }
  return values;
}

export type ItemParse = { ok: true; body: ItemBodyInput } | { ok: false; errors: Record<string, string> };

/**
 * Text → an item body of the kind's fields; empty inputs become null. Problems are keyed `body.<field>` as
 * the server names them; `messages` gives the wording.
 */
export function parseItemForm(
  kind: ItemKind,
  values: ItemFormValues,
  messages: { required: string; notYen: string; notYear: string; notFy: string },
): ItemParse {
  const errors: Record<string, string> = {};
  const body: Record<string, unknown> = { kind };
  for (const spec of KIND_FIELDS[kind]) {
    const text = (values[spec.field] ?? '').trim();
    const key = `body.${spec.field}`;
    if (text === '') {
      if (isRequired(kind, spec.field)) errors[key] = messages.required;
      else body[spec.field] = null;
      continue;
    }
    switch (spec.input) {
      case 'yen': {
        const yen = parseYenAmount(text);
        if (yen === null || yen < 0) errors[key] = messages.notYen;
        else body[spec.field] = yen;
        break;
      }
      case 'year': {
        const year = Number(text.normalize('NFKC'));
        if (!Number.isInteger(year) || year < 1950 || year > 2100) errors[key] = messages.notYear;
        else body[spec.field] = year;
        break;
      }
      case 'fy': {
        const fy = parseFiscalYear(text);
        if (fy === null) errors[key] = messages.notFy;
        else body[spec.field] = fy;
        break;
      }
      case 'text':
      case 'longText':
      case 'date':
      case 'country':
      case 'select':
        body[spec.field] = text;
        break;
    }
  }
  // A patent that is only applied for has no granted date, whatever was typed before the status changed.
  if (kind === 'patent' && body.patentStatus !== 'granted') body.grantedDate = null;
  if (kind === 'patent' && body.patentStatus === 'granted' && !body.grantedDate)
    errors['body.grantedDate'] = messages.required;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: body as ItemBodyInput };
}
