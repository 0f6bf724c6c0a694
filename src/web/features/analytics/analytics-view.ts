/**
 * The analytics view lives in the URL (?indicator=&normalise=&from=&to=&groupBy=) so a view can be
 * shared by its address. Anything missing or invalid falls back to the default view.
 */
import {
  ANALYTICS_GROUPINGS,
  type AnalyticsGrouping,
  NORMALISATIONS,
  type Normalisation,
} from '../../../domain/analytics';
import { isFiscalYear } from '../../../domain/fiscal-year';
import { INDICATOR_KEYS, isIndicatorKey } from '../../../domain/indicators';
import type { AnalyticsView } from './api/analytics-api';

export const DEFAULT_VIEW: AnalyticsView = {
  indicator: INDICATOR_KEYS[0],
  from: 2002,
  to: 2004,
  normalise: 'raw',
  groupBy: 'cluster',
};

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function readView(params: URLSearchParams): AnalyticsView {
  const indicator = params.get('indicator') ?? '';
  const from = Number(params.get('from'));
  const to = Number(params.get('to'));
  const hasRange = isFiscalYear(from) && isFiscalYear(to) && from <= to && to - from < 30;
  return {
    indicator: isIndicatorKey(indicator) ? indicator : DEFAULT_VIEW.indicator,
    from: hasRange ? from : DEFAULT_VIEW.from,
    to: hasRange ? to : DEFAULT_VIEW.to,
    normalise: oneOf<Normalisation>(params.get('normalise'), NORMALISATIONS, DEFAULT_VIEW.normalise),
    groupBy: oneOf<AnalyticsGrouping>(params.get('groupBy'), ANALYTICS_GROUPINGS, DEFAULT_VIEW.groupBy),
  };
}

/** The search parameters of a view, keeping any other parameters already in the URL. */
export function writeView(params: URLSearchParams, view: AnalyticsView): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set('indicator', view.indicator);
  next.set('normalise', view.normalise);
  next.set('from', String(view.from));
  next.set('to', String(view.to));
  next.set('groupBy', view.groupBy);
  return next;
}
