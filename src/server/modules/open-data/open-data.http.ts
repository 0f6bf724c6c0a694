/**
 * How an open data page leaves: JSON or CSV, a strong ETag computed from the bytes sent (so any
 * change of the data or of the query changes it), If-None-Match answered with 304, shared caches
 * allowed a minute, and RFC 8288 Link headers to the neighbouring pages.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OpenPage } from '../../../contracts/open-data';
import { matchesEtag } from '../../http/etag';
import { csvFile } from '../exports/table-export';
import type { OpenList } from './open-data.service';

/** The request's own URL with another page number (its other query parameters kept as sent). */
function pageUrl(request: FastifyRequest, page: number): string {
  const url = new URL(request.url, 'http://open-data.invalid');
  url.searchParams.set('page', String(page));
  return `${url.pathname}?${url.searchParams.toString()}`;
}

export function sendOpenPage<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  list: OpenList<T>,
  format: 'json' | 'csv',
): FastifyReply {
  const totalPages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const links: OpenPage<T>['links'] = {
    self: pageUrl(request, list.page),
    first: pageUrl(request, 1),
    last: pageUrl(request, totalPages),
    next: list.page < totalPages ? pageUrl(request, list.page + 1) : null,
    prev: list.page > 1 ? pageUrl(request, Math.min(list.page - 1, totalPages)) : null,
  };
  let body: Buffer;
  let contentType: string;
  if (format === 'csv') {
    const file = csvFile(list.toTable(), { header: 'keys', encoding: 'utf-8' });
    body = file.body;
    contentType = file.contentType;
    void reply.header('content-disposition', `inline; filename="${file.fileName}"`);
  } else {
    const page: OpenPage<T> = {
      items: list.items,
      page: list.page,
      pageSize: list.pageSize,
      total: list.total,
      totalPages,
      links,
    };
    body = Buffer.from(JSON.stringify(page), 'utf8');
    contentType = 'application/json; charset=utf-8';
  }
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  const linkHeader = (['first', 'prev', 'next', 'last'] as const)
    .filter((rel) => links[rel] !== null)
    .map((rel) => `<${links[rel]}>; rel="${rel}"`)
    .join(', ');
  void reply
    .header('etag', etag)
    .header('cache-control', 'public, max-age=60')
    .header('link', linkHeader)
    .header('x-total-count', String(list.total));
  if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
  return reply.type(contentType).send(body);
}
