import { describe, expect, it } from 'vitest';
import { japanDate } from '../fiscal-year';
import { announcedFrom, isAnnounced } from './announcement';

describe('japanDate', () => {
  it.each([
    ['2005-03-22T14:59:59.999Z', '2005-03-22'],
    ['2005-03-22T15:00:00.000Z', '2005-03-23'], // midnight in Tokyo
    ['2004-12-31T15:00:00.000Z', '2005-01-01'],
    ['2005-03-31T15:00:00.000Z', '2005-04-01'], // a new fiscal year in Japan, still March in UTC
    ['2004-02-28T15:00:00.000Z', '2004-02-29'],
  ])('%s is %s in Japan', (instant, day) => {
    expect(japanDate(new Date(instant))).toBe(day);
  });

  it('refuses an invalid date', () => {
    expect(() => japanDate(new Date('nope'))).toThrow(RangeError);
  });
});

describe('announcedFrom and isAnnounced', () => {
  // Published on 10 March 2005 at 10:00 in Tokyo.
  const published = '2005-03-10T01:00:00.000Z';
  it.each<{
    name: string;
    publishedAt: string | null;
    announceOn: string | null;
    from: string | null;
    at: string;
    announced: boolean;
  }>([
    {
      name: 'unpublished',
      publishedAt: null,
      announceOn: '2005-03-23',
      from: null,
      at: '2006-01-01T00:00:00Z',
      announced: false,
    },
    {
      name: 'unpublished, no date',
      publishedAt: null,
      announceOn: null,
      from: null,
      at: '2006-01-01T00:00:00Z',
      announced: false,
    },
    {
      name: 'no date: public on publication',
      publishedAt: published,
      announceOn: null,
      from: '2005-03-10',
      at: '2005-03-10T01:00:00Z',
      announced: true,
    },
    {
      name: 'before the announcement date',
      publishedAt: published,
      announceOn: '2005-03-23',
      from: '2005-03-23',
      at: '2005-03-22T14:59:59Z',
      announced: false,
    },
    {
      name: 'from midnight of the announcement date in Tokyo',
      publishedAt: published,
      announceOn: '2005-03-23',
      from: '2005-03-23',
      at: '2005-03-22T15:00:00Z',
      announced: true,
    },
    {
      name: 'after the announcement date',
      publishedAt: published,
      announceOn: '2005-03-23',
      from: '2005-03-23',
      at: '2005-04-01T00:00:00Z',
      announced: true,
    },
    {
      name: 'published after the date: public at once',
      publishedAt: published,
      announceOn: '2005-03-01',
      from: '2005-03-10',
      at: '2005-03-10T01:00:00Z',
      announced: true,
    },
    {
      name: 'published on the date',
      publishedAt: published,
      announceOn: '2005-03-10',
      from: '2005-03-10',
      at: '2005-03-10T01:00:00Z',
      announced: true,
    },
    // 23:30 on 22 March in Tokyo is still before the 23rd.
    {
      name: 'late evening in Tokyo the day before',
      publishedAt: published,
      announceOn: '2005-03-23',
      from: '2005-03-23',
      at: '2005-03-22T14:30:00Z',
      announced: false,
    },
  ])('$name', ({ publishedAt, announceOn, from, at, announced }) => {
    expect(announcedFrom({ publishedAt, announceOn })).toBe(from);
    expect(isAnnounced({ publishedAt, announceOn }, new Date(at))).toBe(announced);
  });
});
