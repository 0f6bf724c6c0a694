/**
 * Proposal attachments on disk: streamed to a temp file under the data dir while hashed and
 * measured, checked (size, and magic bytes matching the extension), then renamed into place, so a
 * refused or failed upload leaves nothing behind.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../http/app-error';

export const ATTACHMENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
} as const;
export type AttachmentExtension = keyof typeof ATTACHMENT_TYPES;

/** The part of the package each Office format must carry besides [Content_Types].xml. */
const OFFICE_FOLDER: Record<Exclude<AttachmentExtension, 'pdf'>, string> = {
  docx: 'word/',
  xlsx: 'xl/',
  pptx: 'ppt/',
};

export const DEFAULT_ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

function unsupported(message: string): AppError {
  return new AppError('UNSUPPORTED_MEDIA_TYPE', message, { errors: [{ field: 'file', message }] });
}

/** The extension of an accepted file name, or a 415 naming the field. */
export function attachmentExtension(fileName: string): AttachmentExtension {
  const ext = path.extname(fileName).slice(1).toLowerCase();
  if (ext in ATTACHMENT_TYPES) return ext as AttachmentExtension;
  throw unsupported(`"${fileName}": only PDF, DOCX, XLSX and PPTX files can be attached`);
}

/** The names in a zip's central directory, or null when the file is not a readable zip. */
async function zipEntryNames(file: string): Promise<string[] | null> {
  const handle = await fs.promises.open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size < 22) return null;
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    if (head.readUInt32LE(0) !== 0x04034b50) return null;
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i -= 1)
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    if (eocd < 0) return null;
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset + dirSize > size) return null;
    const dir = Buffer.alloc(dirSize);
    await handle.read(dir, 0, dirSize, dirOffset);
    const names: string[] = [];
    let at = 0;
    for (let n = 0; n < count && at + 46 <= dir.length; n += 1) {
      if (dir.readUInt32LE(at) !== 0x02014b50) return null;
      const nameLength = dir.readUInt16LE(at + 28);
      const extraLength = dir.readUInt16LE(at + 30);
      const commentLength = dir.readUInt16LE(at + 32);
      names.push(dir.toString('utf8', at + 46, at + 46 + nameLength));
      at += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  } finally {
    await handle.close();
  }
}

/** Refuses (415, naming `file`) content that is not what its extension says. */
export async function checkMagic(file: string, fileName: string, ext: AttachmentExtension): Promise<void> {
  if (ext === 'pdf') {
    const handle = await fs.promises.open(file, 'r');
    const head = Buffer.alloc(5);
    try {
      await handle.read(head, 0, 5, 0);
    } finally {
      await handle.close();
    }
    if (head.toString('latin1') !== '%PDF-')
      throw unsupported(`"${fileName}" is not a PDF (it does not start with %PDF-)`);
    return;
  }
  const names = await zipEntryNames(file);
  const folder = OFFICE_FOLDER[ext];
  if (!names || !names.includes('[Content_Types].xml') || !names.some((n) => n.startsWith(folder)))
    throw unsupported(
      `"${fileName}" is not a ${ext.toUpperCase()} document (no Office package with ${folder})`,
    );
}

export interface StoredAttachment {
  storageKey: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
}

/**
 * Streams the upload to a temp file, checks it and renames it to a random storage key under
 * `dataDir/attachments/`. On any refusal the temp file is removed and the error rethrown.
 */
export async function storeAttachmentFile(
  dataDir: string,
  fileName: string,
  source: Readable,
  isTruncated: () => boolean,
  maxBytes: number,
): Promise<StoredAttachment> {
  const ext = attachmentExtension(fileName);
  const dir = path.join(dataDir, 'attachments');
  await fs.promises.mkdir(dir, { recursive: true });
  const id = randomUUID();
  const temp = path.join(dir, `.upload-${id}`);
  const hash = createHash('sha256');
  let size = 0;
  try {
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          hash.update(chunk);
          size += chunk.length;
          yield chunk;
        }
      },
      fs.createWriteStream(temp),
    );
    if (isTruncated() || size > maxBytes)
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `"${fileName}" is larger than the attachment limit of ${maxBytes} bytes`,
        {
          errors: [{ field: 'file', message: `larger than ${maxBytes} bytes` }],
        },
      );
    if (size === 0) throw unsupported(`"${fileName}" is empty`);
    await checkMagic(temp, fileName, ext);
    const storageKey = path.posix.join('attachments', `${id}.${ext}`);
    await fs.promises.rename(temp, path.join(dataDir, storageKey));
    return { storageKey, sha256: hash.digest('hex'), sizeBytes: size, mediaType: ATTACHMENT_TYPES[ext] };
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
}

/** The file of a storage key, never outside the data dir; null when it is missing. */
export function attachmentPath(dataDir: string, storageKey: string): string | null {
  const root = path.resolve(dataDir);
  const file = path.resolve(root, storageKey);
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) return null;
  return file;
}
