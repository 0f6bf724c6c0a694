/**
 * Reads one entry of a zip file (an XLSX) as a stream, from the zip's central directory. exceljs's
 * streaming reader skips merged-cell ranges, so the importer reads the worksheet's XML itself for
 * them; the package has no declared zip library of its own to lean on.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

async function readAt(handle: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** The entry's data as a stream (inflated), or null when the zip has no such entry. */
export async function openZipEntry(file: string, name: string): Promise<Readable | null> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tailLength = Math.min(size, 65_557);
    const tail = await readAt(handle, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i -= 1) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return null;
    const entries = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    const directory = await readAt(handle, directoryOffset, directorySize);
    let at = 0;
    for (let n = 0; n < entries && at + 46 <= directory.length; n += 1) {
      if (directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) return null;
      const method = directory.readUInt16LE(at + 10);
      const compressedSize = directory.readUInt32LE(at + 20);
      const nameLength = directory.readUInt16LE(at + 28);
      const extraLength = directory.readUInt16LE(at + 30);
      const commentLength = directory.readUInt16LE(at + 32);
      const localOffset = directory.readUInt32LE(at + 42);
      const entryName = directory.subarray(at + 46, at + 46 + nameLength).toString('utf8');
      at += 46 + nameLength + extraLength + commentLength;
      if (entryName !== name) continue;
      const local = await readAt(handle, localOffset, 30);
      if (local.readUInt32LE(0) !== LOCAL_SIGNATURE) return null;
      const start = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
      if (compressedSize === 0) return Readable.from([]);
      const raw = fs.createReadStream(file, { start, end: start + compressedSize - 1 });
      return method === 8 ? raw.pipe(zlib.createInflateRaw()) : raw;
    }
    return null;
  } finally {
    await handle.close();
  }
}

/** The merged-cell ranges ("A5:B6") a worksheet's XML declares. */
export async function worksheetMerges(file: string, sheetPath: string): Promise<string[]> {
  const stream = await openZipEntry(file, sheetPath);
  if (!stream) return [];
  const ranges: string[] = [];
  let carry = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream as AsyncIterable<string>) {
    const text = carry + chunk;
    const pattern = /<mergeCell\b[^>]*\bref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/g;
    let match: RegExpExecArray | null;
    let consumed = 0;
    while ((match = pattern.exec(text))) {
      ranges.push(match[1]!);
      consumed = pattern.lastIndex;
    }
    // Keep a tail so a tag split across chunks is still found.
    carry = text.slice(Math.max(consumed, text.length - 200));
  }
  return ranges;
}
