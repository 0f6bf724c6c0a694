import { describe, expect, it } from 'vitest';

import {
  DEFAULT_TERM_MONTHS,
  LISTING_ACTIONS,
  LISTING_STATUSES,
  MAX_TERM_MONTHS,
  addMonths,
  expiryFor,
  isEditable,
  isExpired,
  isLive,
  statusAfter,
  type ListingAction,
  type ListingStatus,
} from './listing-lifecycle';

describe('constants', () => {
  it('lists the statuses and actions', () => {
    expect(LISTING_STATUSES).toEqual(['draft', 'in_review', 'returned', 'published', 'withdrawn']);
    expect(LISTING_ACTIONS).toEqual(['submit', 'publish', 'return', 'renew', 'withdraw']);
  });

  it('lasts a year by default and at most two years ahead', () => {
    expect(DEFAULT_TERM_MONTHS).toBe(12);
    expect(MAX_TERM_MONTHS).toBe(24);
  });
});

describe('statusAfter', () => {
  /** Every status × action; null where the action is not open. */
  const AFTER: Readonly<Record<ListingStatus, Readonly<Record<ListingAction, ListingStatus | null>>>> = {
    draft: { submit: 'in_review', publish: null, return: null, renew: null, withdraw: 'withdrawn' },
    in_review: { submit: null, publish: 'published', return: 'returned', renew: null, withdraw: 'withdrawn' },
    returned: { submit: 'in_review', publish: null, return: null, renew: null, withdraw: 'withdrawn' },
    published: { submit: null, publish: null, return: null, renew: 'published', withdraw: 'withdrawn' },
    withdrawn: { submit: null, publish: null, return: null, renew: null, withdraw: null },
  };

  it.each(
    LISTING_STATUSES.flatMap((status) =>
      LISTING_ACTIONS.map((action) => [status, action, AFTER[status][action]] as const),
    ),
  )('%s + %s → %s', (status, action, expected) => {
    expect(statusAfter(status, action)).toBe(expected);
  });

  it.each([
    ['draft', ['submit', 'publish'], 'published'],
    ['draft', ['submit', 'return', 'submit', 'publish', 'renew', 'renew'], 'published'],
    ['draft', ['submit', 'return', 'withdraw'], 'withdrawn'],
    ['draft', ['publish'], null],
    ['draft', ['submit', 'publish', 'withdraw', 'renew'], null],
    ['returned', ['publish'], null],
  ] as [ListingStatus, ListingAction[], ListingStatus | null][])(
    '%s then %j → %s',
    (start, actions, expected) => {
      let status: ListingStatus | null = start;
      for (const action of actions) status = status === null ? null : statusAfter(status, action);
      expect(status).toBe(expected);
    },
  );
});

describe('isEditable', () => {
  it.each([
    ['draft', true],
    ['in_review', true],
    ['returned', true],
    ['published', true],
    ['withdrawn', false],
  ] as [ListingStatus, boolean][])('%s → %s', (status, expected) => {
    expect(isEditable(status)).toBe(expected);
  });
});

describe('addMonths', () => {
  it.each([
    ['zero months', '2005-04-01', 0, '2005-04-01'],
    ['zero months on a month end', '2005-01-31', 0, '2005-01-31'],
    ['one month', '2005-04-01', 1, '2005-05-01'],
    ['a year', '2005-04-01', 12, '2006-04-01'],
    ['two years', '2005-04-01', 24, '2007-04-01'],
    ['ten years', '2005-04-01', 120, '2015-04-01'],
    ['into the next year', '2005-12-15', 1, '2006-01-15'],
    ['across the year end', '2005-11-30', 2, '2006-01-30'],
    ['31 January into a common February', '2005-01-31', 1, '2005-02-28'],
    ['31 January into a leap February', '2004-01-31', 1, '2004-02-29'],
    ['30 January into a common February', '2005-01-30', 1, '2005-02-28'],
    ['29 January into a common February', '2005-01-29', 1, '2005-02-28'],
    ['28 January into a common February', '2005-01-28', 1, '2005-02-28'],
    ['31 March into April', '2005-03-31', 1, '2005-04-30'],
    ['31 May into June', '2005-05-31', 1, '2005-06-30'],
    ['31 August into September', '2005-08-31', 1, '2005-09-30'],
    ['31 October into November', '2005-10-31', 1, '2005-11-30'],
    ['30 April into May (no growth)', '2005-04-30', 1, '2005-05-30'],
    ['31 December into a common February', '2005-12-31', 2, '2006-02-28'],
    ['31 August into February', '2005-08-31', 6, '2006-02-28'],
    ['a leap day plus a month', '2004-02-29', 1, '2004-03-29'],
    ['a leap day plus a year', '2004-02-29', 12, '2005-02-28'],
    ['a leap day plus two years', '2004-02-29', 24, '2006-02-28'],
    ['a leap day plus four years', '2004-02-29', 48, '2008-02-29'],
    ['28 February 2003 plus a year, into a leap year', '2003-02-28', 12, '2004-02-28'],
    ['into a leap February of a year divisible by 400', '1999-12-31', 2, '2000-02-29'],
    ['into the February of a century that is not leap', '2099-12-31', 2, '2100-02-28'],
  ] as [string, string, number, string][])('%s: %s + %i → %s', (_name, date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['one month back', '2005-05-15', -1, '2005-04-15'],
    ['back into the previous year', '2005-01-15', -1, '2004-12-15'],
    ['back across a year boundary', '2005-01-01', -1, '2004-12-01'],
    ['thirteen months back', '2005-01-15', -13, '2003-12-15'],
    ['a year back from the year end', '2005-12-31', -12, '2004-12-31'],
    ['31 March back into a common February', '2005-03-31', -1, '2005-02-28'],
    ['31 March back into a leap February', '2004-03-31', -1, '2004-02-29'],
    ['a leap day back a year', '2004-02-29', -12, '2003-02-28'],
    ['two years back to a leap year', '2006-02-28', -24, '2004-02-28'],
    ['back twelve months from January', '2005-01-01', -12, '2004-01-01'],
  ] as [string, string, number, string][])('%s: %s + %i → %s', (_name, date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('does not restore the day after clamping (2005-01-31 + 1 − 1 → 2005-01-28)', () => {
    expect(addMonths(addMonths('2005-01-31', 1), -1)).toBe('2005-01-28');
  });

  it.each([
    ['2004-04-01', 12],
    ['2005-06-15', 7],
    ['2005-12-01', 1],
  ] as [string, number][])('round-trips %s by %i months when no clamping happens', (date, months) => {
    expect(addMonths(addMonths(date, months), -months)).toBe(date);
  });
});

describe('isExpired', () => {
  it.each([
    ['no expiry', null, '2005-04-01', false],
    ['no expiry, far in the future', null, '2099-12-31', false],
    ['the day before the expiry', '2005-04-01', '2005-03-31', false],
    ['the expiry day itself', '2005-04-01', '2005-04-01', false],
    ['the day after the expiry', '2005-04-01', '2005-04-02', true],
    ['a year after the expiry', '2005-04-01', '2006-04-01', true],
    ['the expiry on New Year’s Eve, checked on New Year’s Day', '2005-12-31', '2006-01-01', true],
    ['the expiry on New Year’s Day, checked on New Year’s Eve', '2006-01-01', '2005-12-31', false],
    ['the expiry on a leap day, checked on 1 March', '2004-02-29', '2004-03-01', true],
    ['the expiry on a leap day, checked that day', '2004-02-29', '2004-02-29', false],
    ['the expiry at a month end, checked the next month', '2005-04-30', '2005-05-01', true],
  ] as [string, string | null, string, boolean][])(
    '%s (expires %s, today %s) → %s',
    (_name, expiresOn, today, expected) => {
      expect(isExpired(expiresOn, today)).toBe(expected);
    },
  );
});

describe('isLive', () => {
  const TODAY = '2005-04-01';
  const EXPIRIES: [string, string | null, boolean][] = [
    ['no expiry', null, false],
    ['expired yesterday', '2005-03-31', true],
    ['expiring today', TODAY, false],
    ['expiring tomorrow', '2005-04-02', false],
  ];

  it.each(
    LISTING_STATUSES.flatMap((status) =>
      EXPIRIES.map(
        ([name, expiresOn, expired]) =>
          [status, name, expiresOn, status === 'published' && !expired] as const,
      ),
    ),
  )('%s, %s (%s) → %s', (status, _name, expiresOn, expected) => {
    expect(isLive(status, expiresOn, TODAY)).toBe(expected);
  });
});

describe('expiryFor', () => {
  describe('the default term', () => {
    it.each([
      ['a first publication', '2005-04-01', null, '2006-04-01'],
      ['a first publication on a month end', '2005-01-31', null, '2006-01-31'],
      ['a first publication on a leap day', '2004-02-29', null, '2005-02-28'],
      ['a first publication on New Year’s Eve', '2005-12-31', null, '2006-12-31'],
      ['a renewal after the expiry', '2005-04-01', '2005-03-31', '2006-04-01'],
      ['a renewal long after the expiry', '2005-04-01', '2004-01-15', '2006-04-01'],
      ['a renewal on the expiry day', '2005-04-01', '2005-04-01', '2006-04-01'],
      ['a renewal the day before the expiry', '2005-04-01', '2005-04-02', '2006-04-02'],
      ['a renewal months before the expiry', '2005-04-01', '2005-10-15', '2006-10-15'],
      ['a renewal from a future month-end expiry', '2005-01-31', '2005-02-28', '2006-02-28'],
      [
        'a renewal from a future expiry a year ahead (exactly the limit)',
        '2005-04-01',
        '2006-04-01',
        '2007-04-01',
      ],
      [
        'a renewal from a future expiry just over a year ahead (clamped)',
        '2005-04-01',
        '2006-04-02',
        '2007-04-01',
      ],
      ['a renewal from an expiry at the limit (clamped)', '2005-04-01', '2007-04-01', '2007-04-01'],
      ['a renewal from an expiry beyond the limit (clamped)', '2005-04-01', '2008-01-01', '2007-04-01'],
      ['a renewal on a leap day from an expiry a year ahead', '2004-02-29', '2005-02-28', '2006-02-28'],
      [
        'a renewal on a leap day from an expiry beyond the limit (clamped)',
        '2004-02-29',
        '2005-03-01',
        '2006-02-28',
      ],
      [
        'a renewal from a month-end expiry a year ahead (exactly the limit)',
        '2005-01-31',
        '2006-01-31',
        '2007-01-31',
      ],
    ] as [string, string, string | null, string][])(
      '%s (today %s, current %s) → %s',
      (_name, today, current, expected) => {
        expect(expiryFor(today, undefined, current)).toEqual({ expiresOn: expected });
      },
    );

    it('never sets an expiry further than the limit, nor earlier than a year from today', () => {
      const today = '2005-04-01';
      const limit = addMonths(today, MAX_TERM_MONTHS);
      const aYear = addMonths(today, DEFAULT_TERM_MONTHS);
      for (const current of [
        null,
        '2004-04-01',
        today,
        '2005-09-30',
        '2006-04-01',
        '2006-12-31',
        '2009-01-01',
      ]) {
        const result = expiryFor(today, undefined, current);
        if (!('expiresOn' in result)) throw new Error(`refused for ${current}`);
        expect(result.expiresOn <= limit).toBe(true);
        expect(result.expiresOn >= aYear).toBe(true);
      }
    });
  });

  describe('a date asked for', () => {
    it.each([
      ['today', '2005-04-01', '2005-04-01', null, { expiresOn: '2005-04-01' }],
      ['tomorrow', '2005-04-01', '2005-04-02', null, { expiresOn: '2005-04-02' }],
      ['shorter than the default term', '2005-04-01', '2005-09-30', null, { expiresOn: '2005-09-30' }],
      ['longer than the default term', '2005-04-01', '2006-10-01', null, { expiresOn: '2006-10-01' }],
      ['the day before the limit', '2005-04-01', '2007-03-31', null, { expiresOn: '2007-03-31' }],
      ['exactly the limit', '2005-04-01', '2007-04-01', null, { expiresOn: '2007-04-01' }],
      [
        'the day after the limit',
        '2005-04-01',
        '2007-04-02',
        null,
        { refused: 'too_far', limit: '2007-04-01' },
      ],
      [
        'years beyond the limit',
        '2005-04-01',
        '2010-01-01',
        null,
        { refused: 'too_far', limit: '2007-04-01' },
      ],
      ['yesterday', '2005-04-01', '2005-03-31', null, { refused: 'past', limit: '2005-04-01' }],
      ['last year', '2005-04-01', '2004-01-01', null, { refused: 'past', limit: '2005-04-01' }],
      [
        'the last day of last year',
        '2006-01-01',
        '2005-12-31',
        null,
        { refused: 'past', limit: '2006-01-01' },
      ],
      ['exactly the limit from a leap day', '2004-02-29', '2006-02-28', null, { expiresOn: '2006-02-28' }],
      [
        'the day after the limit from a leap day',
        '2004-02-29',
        '2006-03-01',
        null,
        { refused: 'too_far', limit: '2006-02-28' },
      ],
      ['exactly the limit across a year end', '2005-12-31', '2007-12-31', null, { expiresOn: '2007-12-31' }],
      [
        'the day after the limit across a year end',
        '2005-12-31',
        '2008-01-01',
        null,
        { refused: 'too_far', limit: '2007-12-31' },
      ],
      // a date asked for wins over the current expiry, even when it is earlier
      [
        'on a renewal, after the current expiry',
        '2005-04-01',
        '2006-06-30',
        '2005-06-30',
        { expiresOn: '2006-06-30' },
      ],
      [
        'on a renewal, before the current expiry',
        '2005-04-01',
        '2005-05-31',
        '2005-06-30',
        { expiresOn: '2005-05-31' },
      ],
      [
        'on a renewal, past',
        '2005-04-01',
        '2005-03-01',
        '2005-06-30',
        { refused: 'past', limit: '2005-04-01' },
      ],
      [
        'on a renewal, too far',
        '2005-04-01',
        '2007-04-02',
        '2007-01-01',
        { refused: 'too_far', limit: '2007-04-01' },
      ],
    ] as [string, string, string, string | null, ReturnType<typeof expiryFor>][])(
      '%s (today %s, asked %s, current %s) → %o',
      (_name, today, requested, current, expected) => {
        expect(expiryFor(today, requested, current)).toEqual(expected);
      },
    );
  });
});
