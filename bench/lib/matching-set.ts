/**
 * The labelled evaluation set for matching seeds and needs (bench/data/matching, written by hand
 * for measuring; see its README): the seeds, the needs, and for each need the seeds a coordinator
 * would call relevant. Read and checked here so the benchmark and the set's own test agree on
 * its shape.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { KEY_FIELD_KEYS } from '../../src/domain/key-fields';

const Text = z
  .object({ ja: z.string().min(1).optional(), en: z.string().min(1).optional() })
  .refine((t) => t.ja !== undefined || t.en !== undefined, 'a text needs ja or en');

export const MatchingSeed = z.strictObject({
  id: z.string().regex(/^s\d{3}$/),
  cluster: z.string().min(1),
  keyField: z.enum(KEY_FIELD_KEYS),
  stage: z.enum(['research', 'prototype', 'field_trial', 'ready_to_license']),
  lang: z.enum(['ja', 'en', 'both']),
  title: Text,
  summary: Text,
  keywords: z.array(z.string().min(1)),
});
export type MatchingSeed = z.infer<typeof MatchingSeed>;

export const MatchingNeed = z.strictObject({
  id: z.string().regex(/^n\d{3}$/),
  lang: z.enum(['ja', 'en']),
  company: z.string().min(1),
  region: z.string().regex(/^\d{2}$/),
  keyField: z.enum(KEY_FIELD_KEYS),
  title: z.string().min(1),
  description: z.string().min(1),
  relevant: z.array(z.string()).min(1),
  partiallyRelevant: z.array(z.string()).optional(),
});
export type MatchingNeed = z.infer<typeof MatchingNeed>;

export interface MatchingSet {
  seeds: MatchingSeed[];
  needs: MatchingNeed[];
}

const DIR = fileURLToPath(new URL('../data/matching', import.meta.url));

export function readMatchingSet(dir = DIR): MatchingSet {
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as unknown;
  return {
    seeds: z.array(MatchingSeed).parse(read('seeds.json')),
    needs: z.array(MatchingNeed).parse(read('needs.json')),
  };
}
