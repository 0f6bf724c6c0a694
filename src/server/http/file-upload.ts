/**
 * One file sent as multipart/form-data (text fields first, then `file`): the checks run before a
 * byte of the file is read, an upload announced larger than the limit is refused without reading
 * it (after the checks, so a 401/403/404 still wins over the 413), and a request with no file is a
 * 400 naming `file`. Used by every route that takes an attachment.
 */
import type { FastifyMultipartOptions } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { AppError } from './app-error';

export interface FileUpload {
  fileName: string;
  stream: Readable;
  isTruncated: () => boolean;
}

/** The multipart plugin's options for an attachment route: one small file, a few short fields. */
export function fileUploadLimits(maxBytes: number): FastifyMultipartOptions {
  return { throwFileSizeLimit: false, limits: { fileSize: maxBytes, files: 1, fields: 3, fieldSize: 1024 } };
}

/**
 * Reads the request's fields and its `file`: `prepare(fields)` decides whether the upload may go
 * ahead (throwing the refusal), then `store` consumes the file's stream.
 */
export async function receiveFileUpload<P, R>(
  request: FastifyRequest,
  options: {
    maxBytes: number;
    /** The field names to tell the client when the request is not multipart. */
    fieldNames: string;
    prepare: (fields: Record<string, string>) => Promise<P>;
    store: (prepared: P, upload: FileUpload) => Promise<R>;
  },
): Promise<R> {
  const tooLarge = new AppError(
    'PAYLOAD_TOO_LARGE',
    `the upload is larger than the attachment limit of ${options.maxBytes} bytes`,
    { errors: [{ field: 'file', message: `larger than ${options.maxBytes} bytes` }] },
  );
  if (Number(request.headers['content-length'] ?? 0) > options.maxBytes + 64 * 1024) {
    // Who may upload is decided first; the fields were not read, so only their refusal is skipped.
    await options.prepare({}).catch((e: unknown) => {
      if (e instanceof AppError && e.code !== 'VALIDATION_FAILED') throw e;
    });
    throw tooLarge;
  }
  if (!request.isMultipart())
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `send the file as multipart/form-data with fields ${options.fieldNames}`,
      { errors: [{ field: 'file', message: 'multipart/form-data required' }] },
    );
  const fields: Record<string, string> = {};
  let stored: { value: R } | null = null;
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      fields[part.fieldname] = String(part.value);
      continue;
    }
    if (part.fieldname !== 'file' || stored) {
      part.file.resume();
      continue;
    }
    const prepared = await options.prepare(fields);
    stored = {
      value: await options.store(prepared, {
        fileName: part.filename || 'upload',
        stream: part.file,
        isTruncated: () => part.file.truncated,
      }),
    };
  }
  if (!stored)
    throw new AppError('VALIDATION_FAILED', 'no file was uploaded', {
      errors: [{ field: 'file', message: 'required' }],
    });
  return stored.value;
}
