import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, readView, writeView } from './analytics-view';

describe('the analytics view in the URL', () => {
  it.each([
    ['', DEFAULT_VIEW],
    [
      'indicator=sales&normalise=per100m&from=2005&to=2009&groupBy=cohort',
      { indicator: 'sales', normalise: 'per100m', from: 2005, to: 2009, groupBy: 'cohort' },
    ],
    ['indicator=citations&normalise=perCapita&groupBy=region', DEFAULT_VIEW],
    ['from=2006&to=2004', DEFAULT_VIEW],
    ['from=2004', DEFAULT_VIEW],
  ])('reads ?%s', (search, expected) => {
    expect(readView(new URLSearchParams(search))).toEqual(expected);
  });

  it('writes a view that reads back the same, keeping other parameters', () => {
    const view = {
      indicator: 'awards',
      normalise: 'perResearcher',
      from: 2003,
      to: 2007,
      groupBy: 'keyField',
    } as const;
    const params = writeView(new URLSearchParams('tab=map'), view);

    expect(readView(params)).toEqual(view);
    expect(params.get('tab')).toBe('map');
  });
});
