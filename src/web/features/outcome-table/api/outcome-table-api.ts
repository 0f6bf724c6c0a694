/** GET /outcome-table?from&to — every cluster's outcomes over a fiscal-year range, with the Total row. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { OutcomeTableResponse } from '../../../../contracts/outcomes';
import { api, apiUrl } from '../../../lib/api-client';

export interface FyRange {
  from: number;
  to: number;
}

export function fetchOutcomeTable(range: FyRange, signal?: AbortSignal): Promise<OutcomeTableResponse> {
  return api.get<OutcomeTableResponse>('/outcome-table', { from: range.from, to: range.to }, signal);
}

export function outcomeTableQueryOptions(range: FyRange) {
  return queryOptions({
    queryKey: ['outcome-table', range.from, range.to],
    queryFn: ({ signal }) => fetchOutcomeTable(range, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOutcomeTable(range: FyRange) {
  return useQuery(outcomeTableQueryOptions(range));
}

/** The same table as CSV (the server sets the download file name). */
export function outcomeTableCsvUrl(range: FyRange): string {
  return apiUrl('/outcome-table', { from: range.from, to: range.to, format: 'csv' });
}

/** Every download of the table: CSV UTF-8 and Shift_JIS, XLSX in the seed's layout (in the reader's language), JSON. */
export function outcomeTableDownloadUrls(range: FyRange, locale: 'ja' | 'en') {
  const base = { from: range.from, to: range.to };
  return {
    csvUtf8: outcomeTableCsvUrl(range),
    csvSjis: apiUrl('/outcome-table', { ...base, format: 'csv', encoding: 'shift_jis', lang: 'ja' }),
    xlsx: apiUrl('/outcome-table', { ...base, format: 'xlsx', lang: locale }),
    json: apiUrl('/outcome-table', { ...base, format: 'json' }),
  };
}
