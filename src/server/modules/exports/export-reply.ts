/** Sends an export file as a download. */
import type { FastifyReply } from 'fastify';
import { attachmentHeader, type ExportFile } from './table-export';

/**
 * The file leaves as written: a Buffer skips the route's response serializer, so the JSON schema the
 * route declares for OpenAPI does not re-encode CSV or XLSX bytes.
 */
export function sendExportFile(reply: FastifyReply, file: ExportFile): FastifyReply {
  return reply
    .type(file.contentType)
    .header('content-disposition', attachmentHeader(file.fileName))
    .send(file.body);
}
