/** Reads and checks the bundled reference data in data/reference/ (the seed deck's facts in clean form). */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';

export const REFERENCE_DIR = fileURLToPath(new URL('../../../../data/reference/', import.meta.url));

const ClusterCsvRow = z.object({
  cluster_key: z.string().min(1),
  name_en: z.string().min(1),
  name_ja: z.string().min(1),
  prefecture: z.string().min(1),
  seed_name: z.string().min(1),
  start_fy: z.coerce.number().int(),
  key_field: z.string().min(1),
  phase1_title_ja: z.string(),
  confidence: z.string(),
  source: z.string().min(1),
});
export type ClusterCsvRow = z.infer<typeof ClusterCsvRow>;

const Localized = z.object({ en: z.string(), ja: z.string() });
const CriteriaItem = Localized.extend({ key: z.string(), aspects: z.array(Localized).optional() });
const CriteriaTree = z.object({
  title_en: z.string(),
  title_ja: z.string(),
  grades: z.array(z.string()).optional(),
  groups: z.array(Localized.extend({ key: z.string(), items: z.array(CriteriaItem) })),
  scheme: z.array(z.object({ step: z.string(), when: z.string() })).optional(),
});
export type CriteriaTree = z.infer<typeof CriteriaTree>;
const CriteriaFile = z.object({ selection_2001: CriteriaTree, intermediate_2004: CriteriaTree });

const ProgrammeFile = z.object({
  name_en: z.string(),
  name_ja: z.string(),
  ministry: z.string(),
  annual_budget_per_cluster_yen: z.number().int(),
  duration_years: z.number().int(),
  yen_per_usd: z.number(),
  candidate_regions: z.number().int(),
  participants: z.object({ organizations: z.number().int(), researchers: z.number().int() }),
  outcome_table: z.object({ file: z.string(), period: z.string() }),
});
export type ProgrammeFile = z.infer<typeof ProgrammeFile>;

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(REFERENCE_DIR + file, 'utf8'), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  });
}

export interface ReferenceFiles {
  programme: ProgrammeFile;
  clusters: ClusterCsvRow[];
  outcomes: Record<string, string>[];
  criteria: z.infer<typeof CriteriaFile>;
}

/** Reads all reference files, failing loudly if one no longer has the shape the loader expects. */
export function readReferenceFiles(): ReferenceFiles {
  return {
    programme: ProgrammeFile.parse(JSON.parse(fs.readFileSync(REFERENCE_DIR + 'programme.json', 'utf8'))),
    clusters: readCsv('clusters.csv').map((row) => ClusterCsvRow.parse(row)),
    outcomes: readCsv('outcomes-fy2002-fy2004.csv'),
    criteria: CriteriaFile.parse(JSON.parse(fs.readFileSync(REFERENCE_DIR + 'criteria.json', 'utf8'))),
  };
}
