/**
 * A CSV reader for import files (RFC 4180: comma-separated, fields optionally in double quotes,
 * "" for a quote inside one; records end at CRLF, LF or CR), fed decoded text a chunk at a time.
 * It replaced csv-parse on the import path, where parsing was the largest single cost of a
 * million-row file: this one scans each chunk once with charCodeAt and slices fields out whole.
 * Like csv-parse with relax_column_count it accepts records of any length, and like it a quote
 * that opens inside an unquoted field, text after a closing quote, or a quote never closed is an
 * error naming the line. A leading byte-order mark is dropped.
 */

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvError extends Error {
  constructor(
    message: string,
    /** The physical line (1-based) where the problem is. */
    readonly lines: number,
  ) {
    super(message);
  }
}

export class CsvRecordReader {
  /** Text not yet consumed: the unfinished record at the end of the previous chunk. */
  private pending = '';
  private first = true;
  /** Physical lines consumed before `pending`. */
  private line = 1;

  /** Records completed by this chunk; an unfinished one waits for the next chunk or end(). */
  push(chunk: string): string[][] {
    let text = this.pending + chunk;
    if (this.first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.first = false;
    }
    const records: string[][] = [];
    const consumed = this.scan(text, records, false);
    this.pending = text.slice(consumed);
    return records;
  }

  /** The last record, when the text did not end with a line break. */
  end(): string[][] {
    const records: string[][] = [];
    if (this.pending.length > 0) this.scan(this.pending, records, true);
    this.pending = '';
    return records;
  }

  /**
   * Reads whole records from `text` into `records`; returns how far it got (the start of the first
   * unfinished record). With `final`, the end of the text ends the last record.
   */
  private scan(text: string, records: string[][], final: boolean): number {
    const length = text.length;
    let start = 0; // start of the current record
    let line = this.line;
    let i = 0;
    let record: string[] = [];
    while (i <= length) {
      // At the start of a field.
      if (i < length && text.charCodeAt(i) === QUOTE) {
        let j = i + 1;
        let value = '';
        let from = j;
        let closed = false;
        let lines = 0;
        while (j < length) {
          const c = text.charCodeAt(j);
          if (c === QUOTE) {
            if (j + 1 < length && text.charCodeAt(j + 1) === QUOTE) {
              value += text.slice(from, j + 1);
              j += 2;
              from = j;
              continue;
            }
            if (j + 1 >= length && !final) break; // is the next char a quote? wait for it
            value += text.slice(from, j);
            closed = true;
            j += 1;
            break;
          }
          if (c === LF || (c === CR && text.charCodeAt(j + 1) !== LF)) lines += 1;
          j += 1;
        }
        if (!closed) {
          if (!final) return start;
          throw new CsvError('Quote Not Closed: the parsing is finished with an opening quote', line);
        }
        line += lines;
        record.push(value);
        if (j >= length) {
          if (!final) return start;
          records.push(record);
          return length;
        }
        const next = text.charCodeAt(j);
        if (next === COMMA) {
          i = j + 1;
          continue;
        }
        if (next === LF || next === CR) {
          if (next === CR && j + 1 >= length && !final) return start;
          j += next === CR && text.charCodeAt(j + 1) === LF ? 2 : 1;
          records.push(record);
          record = [];
          line += 1;
          this.line = line;
          start = j;
          i = j;
          if (i >= length) return i;
          continue;
        }
        throw new CsvError(
          `Invalid Closing Quote: got "${text[j]}" at line ${line} instead of delimiter or record delimiter`,
          line,
        );
      }
      // An unquoted field: up to the next comma or line break.
      let j = i;
      let c = 0;
      while (j < length) {
        c = text.charCodeAt(j);
        if (c === COMMA || c === LF || c === CR) break;
        if (c === QUOTE)
          throw new CsvError(
            `Invalid Opening Quote: a quote is found on field ${record.length} at line ${line}`,
            line,
          );
        j += 1;
      }
      if (j >= length) {
        if (!final) return start;
        record.push(text.slice(i, j));
        records.push(record);
        return length;
      }
      record.push(text.slice(i, j));
      if (c === COMMA) {
        i = j + 1;
        continue;
      }
      if (c === CR && j + 1 >= length && !final) return start; // a CRLF split between chunks
      j += c === CR && text.charCodeAt(j + 1) === LF ? 2 : 1;
      records.push(record);
      record = [];
      line += 1;
      this.line = line;
      start = j;
      i = j;
      if (i >= length) return i;
    }
    return start;
  }
}
