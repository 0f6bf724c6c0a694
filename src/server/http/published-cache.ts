/**
 * A cache of public JSON answers that are expensive to compute at national scale (the outcome
 * table and analytics over 1,000 clusters take 100–250 ms) but change only when their source data
 * does. Each answer is kept as its serialized body beside the data fingerprint it was computed
 * from; a request first reads the fingerprint (one cheap query) and, when it has not moved, sends
 * the stored body without touching the read-model. The ETag is the fingerprint, so a browser that
 * already holds the answer gets 304. Only answers that do not depend on who asks may be cached.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { matchesEtag } from './etag';

interface Entry {
  fingerprint: string;
  etag: string;
  body: string;
}

export class PublishedCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly maxEntries = 64) {}

  /** The stored body of `key` when it was computed from the same fingerprint. */
  get(key: string, fingerprint: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.fingerprint !== fingerprint) return undefined;
    // Map keeps insertion order: re-inserting marks the entry most recently used.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, fingerprint: string, body: string): Entry {
    const etag = `"${createHash('sha1').update(key).update('\0').update(fingerprint).digest('base64url')}"`;
    const entry = { fingerprint, etag, body };
    this.entries.delete(key);
    this.entries.set(key, entry);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return entry;
  }
}

/**
 * Answers `request` from the cache when the data has not changed since, computing and storing the
 * answer otherwise. The body is sent as a string, so the route's response serializer is skipped:
 * `compute` must return the contract's shape (its return type says so).
 */
export async function sendPublished<T>(
  cache: PublishedCache,
  request: FastifyRequest,
  reply: FastifyReply,
  fingerprint: string,
  compute: () => Promise<T>,
): Promise<FastifyReply> {
  const key = request.url;
  const entry = cache.get(key, fingerprint) ?? cache.set(key, fingerprint, JSON.stringify(await compute()));
  reply.header('etag', entry.etag).header('cache-control', 'no-cache');
  if (matchesEtag(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(entry.body);
}
