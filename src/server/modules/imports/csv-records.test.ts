/** The import CSV reader: RFC 4180 records whatever the chunking, and csv-parse's errors with their line. */
import { describe, expect, it } from 'vitest';
import { CsvError, CsvRecordReader } from './csv-records';

/** Every record of `text` fed in chunks of `size` characters (0: all at once). */
function read(text: string, size: number): string[][] {
  const reader = new CsvRecordReader();
  const records: string[][] = [];
  if (size === 0) records.push(...reader.push(text));
  else for (let i = 0; i < text.length; i += size) records.push(...reader.push(text.slice(i, i + size)));
  records.push(...reader.end());
  return records;
}

const SIZES = [0, 1, 2, 3, 7];

describe('CsvRecordReader', () => {
  it.each([
    [
      'a,b\nc,d\n',
      [
        ['a', 'b'],
        ['c', 'd'],
      ],
    ],
    ['a,b\n\nc,d', [['a', 'b'], [''], ['c', 'd']]],
    [
      '\ufeffh1,h2\r\n1,2\r\n',
      [
        ['h1', 'h2'],
        ['1', '2'],
      ],
    ],
    [
      'a,"b ""q"" c",d\n"multi\nline",x\n',
      [
        ['a', 'b "q" c', 'd'],
        ['multi\nline', 'x'],
      ],
    ],
    [
      'a,b,\n,,\n',
      [
        ['a', 'b', ''],
        ['', '', ''],
      ],
    ],
    ['x\ry\r', [['x'], ['y']]],
    ['"",""\n', [['', '']]],
    ['a\n"b"', [['a'], ['b']]],
    ['札幌,"千円,円"\r\n', [['札幌', '千円,円']]],
  ])('reads %j the same in chunks of any size', (text, expected) => {
    for (const size of SIZES) expect(read(text, size), `chunks of ${size}`).toEqual(expected);
  });

  it.each([
    ['"a"b,c\n', 1, 'Invalid Closing Quote'],
    ['x\na"b,c\n', 2, 'Invalid Opening Quote'],
    ['a\nb\n"abc\n', 3, 'Quote Not Closed'],
  ])('refuses %j naming line %i', (text, line, message) => {
    for (const size of SIZES) {
      let error: unknown = null;
      try {
        read(text, size);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CsvError);
      expect((error as CsvError).lines).toBe(line);
      expect((error as CsvError).message).toContain(message);
    }
  });
});
