/** GET /analytics/indicator and /analytics/map, and the download links of the same view. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AnalyticsIndicatorResponse, AnalyticsMapResponse } from '../../../../contracts/analytics';
import type { AnalyticsGrouping, Normalisation } from '../../../../domain/analytics';
import { api, apiUrl } from '../../../lib/api-client';

export interface AnalyticsView {
  indicator: string;
  from: number;
  to: number;
  normalise: Normalisation;
  groupBy: AnalyticsGrouping;
}

function indicatorQuery(view: AnalyticsView) {
  return {
    indicator: view.indicator,
    from: view.from,
    to: view.to,
    normalise: view.normalise,
    groupBy: view.groupBy,
  };
}

export function indicatorAnalyticsQueryOptions(view: AnalyticsView) {
  return queryOptions({
    queryKey: ['analytics', 'indicator', indicatorQuery(view)],
    queryFn: ({ signal }) =>
      api.get<AnalyticsIndicatorResponse>('/analytics/indicator', indicatorQuery(view), signal),
    placeholderData: keepPreviousData,
  });
}

export function useIndicatorAnalytics(view: AnalyticsView) {
  return useQuery(indicatorAnalyticsQueryOptions(view));
}

export function analyticsMapQueryOptions(view: AnalyticsView) {
  const query = { indicator: view.indicator, from: view.from, to: view.to, normalise: view.normalise };
  return queryOptions({
    queryKey: ['analytics', 'map', query],
    queryFn: ({ signal }) => api.get<AnalyticsMapResponse>('/analytics/map', query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAnalyticsMap(view: AnalyticsView) {
  return useQuery(analyticsMapQueryOptions(view));
}

/** The ranked table of this view as CSV (UTF-8, Shift_JIS), XLSX and JSON. */
export function analyticsDownloadUrls(view: AnalyticsView, locale: 'ja' | 'en') {
  const query = indicatorQuery(view);
  return {
    csvUtf8: apiUrl('/analytics/indicator', { ...query, format: 'csv', lang: locale }),
    csvSjis: apiUrl('/analytics/indicator', { ...query, format: 'csv', encoding: 'shift_jis', lang: 'ja' }),
    xlsx: apiUrl('/analytics/indicator', { ...query, format: 'xlsx', lang: locale }),
    json: apiUrl('/analytics/indicator', query),
  };
}
