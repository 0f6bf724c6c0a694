/**
 * Receiving an uploaded file: streamed to disk under KCP_DATA_DIR/imports/<sha256> (never held in
 * memory), its type checked by extension AND by its first bytes, and a CSV's encoding decided.
 *
 * Encoding rule: a file that decodes as strict UTF-8 (TextDecoder fatal) is UTF-8, with or without
 * a BOM; otherwise it is read as Shift_JIS/CP932 (iconv-lite), provided that decoding leaves no
 * replacement characters; text with control characters other than tab/CR/LF is binary and refused.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import { AppError } from '../../http/app-error';

export type ImportFormat = 'csv' | 'xlsx';
export type ImportEncoding = 'utf-8' | 'utf-8-bom' | 'cp932';

export interface StoredImportFile {
  path: string;
  sha256: string;
  size: number;
  format: ImportFormat;
  encoding: ImportEncoding | null;
}

/** Control characters that never occur in a CSV a person saved (tab, LF and CR do). */
// eslint-disable-next-line no-control-regex
const BINARY_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Watches the bytes as they pass and decides what the file is. */
class ContentSniffer {
  head = Buffer.alloc(0);
  size = 0;
  private utf8 = new TextDecoder('utf-8', { fatal: true });
  utf8Valid = true;
  utf8Binary = false;
  private cp932 = iconv.getDecoder('cp932');
  cp932Valid = true;

  push(chunk: Buffer): void {
    if (this.head.length < 8) this.head = Buffer.concat([this.head, chunk.subarray(0, 8)]);
    this.size += chunk.length;
    if (this.utf8Valid) {
      try {
        const text = this.utf8.decode(chunk, { stream: true });
        if (BINARY_CHARS.test(text)) this.utf8Binary = true;
      } catch {
        this.utf8Valid = false;
      }
    }
    if (this.cp932Valid) {
      const text = this.cp932.write(chunk);
      if (text.includes('\uFFFD') || BINARY_CHARS.test(text)) this.cp932Valid = false;
    }
  }

  end(): void {
    if (this.utf8Valid) {
      try {
        this.utf8.decode();
      } catch {
        this.utf8Valid = false;
      }
    }
    if (this.cp932Valid) {
      const rest = this.cp932.end() ?? '';
      if (rest.includes('\uFFFD')) this.cp932Valid = false;
    }
  }
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** The format a file name asks for, or a 415 for anything but .csv and .xlsx. */
export function formatOfName(fileName: string): ImportFormat {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', `"${fileName}": only .csv and .xlsx files can be imported`, {
    errors: [{ field: 'file', message: 'only .csv and .xlsx files are accepted' }],
  });
}

function refuse(message: string): AppError {
  return new AppError('UNSUPPORTED_MEDIA_TYPE', message, { errors: [{ field: 'file', message }] });
}

function decide(fileName: string, format: ImportFormat, sniff: ContentSniffer): ImportEncoding | null {
  const head = sniff.head;
  if (sniff.size === 0)
    throw new AppError('VALIDATION_FAILED', `"${fileName}" is empty`, {
      errors: [{ field: 'file', message: 'the file is empty' }],
    });
  const isZip = head.subarray(0, 4).equals(ZIP_MAGIC);
  if (head.subarray(0, 4).equals(OLE_MAGIC))
    throw refuse('this is an old Excel (.xls) file; save it as .xlsx or CSV');
  if (format === 'xlsx') {
    if (!isZip) throw refuse(`"${fileName}" is not an XLSX workbook (its content is not a zip package)`);
    return null;
  }
  if (isZip)
    throw refuse(`"${fileName}" is a zip/XLSX package, not a CSV; name it .xlsx to import it as a workbook`);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
    throw refuse('UTF-16 text is not accepted; save the CSV as UTF-8 or Shift_JIS');
  if (sniff.utf8Valid && !sniff.utf8Binary)
    return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 'utf-8-bom' : 'utf-8';
  if (sniff.utf8Valid || !sniff.cp932Valid)
    throw refuse(
      `"${fileName}" is not a text CSV in UTF-8 or Shift_JIS (it contains binary data or bytes neither encoding allows)`,
    );
  return 'cp932';
}

/**
 * Streams an upload to disk, hashing and sniffing it; refuses it (and leaves nothing behind) when
 * it is too large, empty, of the wrong type or not decodable. `isTruncated` tells whether the
 * upload stopped at the size limit.
 */
export async function storeImportFile(
  dataDir: string,
  fileName: string,
  source: Readable,
  isTruncated: () => boolean,
  maxBytes: number,
): Promise<StoredImportFile> {
  const format = formatOfName(fileName);
  const dir = path.join(dataDir, 'imports');
  await fs.promises.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.upload-${randomUUID()}`);
  const hash = createHash('sha256');
  const sniff = new ContentSniffer();
  try {
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          hash.update(chunk);
          sniff.push(chunk);
          yield chunk;
        }
      },
      fs.createWriteStream(temp),
    );
    if (isTruncated() || sniff.size > maxBytes)
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `"${fileName}" is larger than the import limit of ${maxBytes} bytes`,
        {
          errors: [{ field: 'file', message: `larger than ${maxBytes} bytes` }],
        },
      );
    sniff.end();
    const encoding = decide(fileName, format, sniff);
    const sha256 = hash.digest('hex');
    const finalPath = path.join(dir, sha256);
    // The same content uploaded twice is one file.
    await fs.promises.rename(temp, finalPath);
    return { path: finalPath, sha256, size: sniff.size, format, encoding };
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
}

/** Where a job's file lives. */
export function importFilePath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'imports', sha256);
}
