/**
 * The in-memory matching indexes (src/domain/matching/matcher.ts) of published seeds and needs,
 * one pair per database handle. Each request reads the two revision counters (one indexed row
 * each); an index is rebuilt only when its counter moved, so any app process on a shared
 * PostgreSQL sees another's writes. Expiry is checked per query (today in Japan), not by rebuilding.
 */
import type {
  MatchStage,
  NeedSuggestions,
  SeedSuggestions,
  SuggestionQuery,
} from '../../../contracts/matches';
import type { KeyFieldKey } from '../../../domain/key-fields';
import { withoutDemoMark } from '../../../domain/demo-mark';
import { isExpired } from '../../../domain/listing-lifecycle';
import {
  type NeedDocument,
  NeedIndex,
  type RankedMatch,
  type SeedDocument,
  SeedIndex,
  type SeedStage,
} from '../../../domain/matching/matcher';
import type { Db, ServiceContext } from '../../context';
import { AppError } from '../../http/app-error';
import { requirePermission } from '../auth/authorize';
import { isCoordinator, ownsNeed, ownsSeed, todayInJapan } from './listing-access';
import { keywordsOf, needTexts, toNeed, toSeed } from './listing.presenter';
import {
  findNeeds,
  findSeeds,
  type NeedWithCompany,
  publishedNeeds,
  publishedSeeds,
  readRevisions,
  type SeedWithCluster,
  seedOutcomeItems,
} from './listing.repo';
import { matchesForPairs } from './match.repo';
import { loadReadableNeed } from './need.service';
import { loadReadableSeed } from './seed.service';

interface Indexed<I> {
  revision: number;
  index: I;
  expiresOn: Map<number, string | null>;
}

interface Indexes {
  seeds?: Indexed<SeedIndex<number>>;
  needs?: Indexed<NeedIndex<number>>;
}

const CACHE = new WeakMap<Db, Indexes>();

export function seedDocument(row: SeedWithCluster): SeedDocument<number> {
  return {
    id: row.id,
    title: { ja: withoutDemoMark(row.title_ja), en: withoutDemoMark(row.title_en) },
    summary: { ja: row.summary_ja, en: row.summary_en },
    keywords: keywordsOf(row),
    keyField: row.key_field as KeyFieldKey,
    stage: row.stage as SeedStage,
    prefectureCode: row.cluster_prefecture_code,
  };
}

/**
 * A need as the index sees it. A confidential need is indexed without its company's name, or a
 * search for the name would find it; the demo mark is left out of titles so it never counts as a
 * shared term.
 */
export function needDocument(row: NeedWithCompany): NeedDocument<number> {
  const texts = needTexts(row, row.confidential === 1);
  return {
    id: row.id,
    title: { ja: withoutDemoMark(texts.title.ja), en: withoutDemoMark(texts.title.en) },
    description: texts.description,
    keyField: row.key_field as KeyFieldKey,
    prefectureCode: row.prefecture_code,
  };
}

async function indexesOf(db: Db): Promise<Required<Indexes>> {
  const revisions = await readRevisions(db);
  const cached = CACHE.get(db) ?? {};
  if (cached.seeds?.revision !== revisions.seeds) {
    const index = new SeedIndex<number>();
    const expiresOn = new Map<number, string | null>();
    for (const row of await publishedSeeds(db)) {
      index.add(seedDocument(row));
      expiresOn.set(row.id, row.expires_on);
    }
    cached.seeds = { revision: revisions.seeds, index, expiresOn };
  }
  if (cached.needs?.revision !== revisions.needs) {
    const index = new NeedIndex<number>();
    const expiresOn = new Map<number, string | null>();
    for (const row of await publishedNeeds(db)) {
      index.add(needDocument(row));
      expiresOn.set(row.id, row.expires_on);
    }
    cached.needs = { revision: revisions.needs, index, expiresOn };
  }
  CACHE.set(db, cached);
  return cached as Required<Indexes>;
}

function liveIn(indexed: Indexed<unknown>, today: string): (id: number) => boolean {
  return (id) => indexed.expiresOn.has(id) && !isExpired(indexed.expiresOn.get(id) ?? null, today);
}

function explanationOf(match: RankedMatch<number>) {
  return {
    score: match.score,
    textScore: match.textScore,
    matched: match.matched,
    signals: match.signals.map((s) => ({ ...s })),
  };
}

/** The best published, unexpired seeds for a need (coordinators, and the need's own company). */
export async function suggestSeeds(
  ctx: ServiceContext,
  needId: number,
  query: SuggestionQuery,
): Promise<SeedSuggestions> {
  if (ctx.actor.kind === 'anonymous') requirePermission(ctx.actor, 'matching:coordinate');
  const need = await loadReadableNeed(ctx, needId);
  if (!isCoordinator(ctx) && !ownsNeed(ctx, need))
    throw new AppError('FORBIDDEN', 'matching seeds are shown to coordinators and to the need’s company');
  const { seeds } = await indexesOf(ctx.db);
  const ranked = seeds.index.matchNeed(needDocument(need), {
    limit: query.limit,
    accept: liveIn(seeds, todayInJapan(ctx)),
  });
  const rows = new Map(
    (
      await findSeeds(
        ctx.db,
        ranked.map((r) => r.id),
      )
    ).map((r) => [r.id, r]),
  );
  const items = await seedOutcomeItems(ctx.db, [...rows.keys()]);
  const existing = await matchesForPairs(
    ctx.db,
    ranked.map((r) => ({ seedId: r.id, needId })),
  );
  return {
    items: ranked
      .filter((r) => rows.has(r.id))
      .map((r, n) => ({
        rank: n + 1,
        seed: toSeed(ctx, rows.get(r.id)!, items.get(r.id) ?? []),
        explanation: explanationOf(r),
        ...existingMatch(existing.get(`${r.id}:${needId}`)),
      })),
  };
}

/** The best published, unexpired needs for a seed (coordinators, and the seed's own headquarters). */
export async function suggestNeeds(
  ctx: ServiceContext,
  seedId: number,
  query: SuggestionQuery,
): Promise<NeedSuggestions> {
  if (ctx.actor.kind === 'anonymous') requirePermission(ctx.actor, 'matching:coordinate');
  const seed = await loadReadableSeed(ctx, seedId);
  if (!isCoordinator(ctx) && !ownsSeed(ctx, seed))
    throw new AppError(
      'FORBIDDEN',
      'matching needs are shown to coordinators and to the seed’s headquarters',
    );
  const { needs } = await indexesOf(ctx.db);
  const ranked = needs.index.matchSeed(seedDocument(seed), {
    limit: query.limit,
    accept: liveIn(needs, todayInJapan(ctx)),
  });
  const rows = new Map(
    (
      await findNeeds(
        ctx.db,
        ranked.map((r) => r.id),
      )
    ).map((r) => [r.id, r]),
  );
  const existing = await matchesForPairs(
    ctx.db,
    ranked.map((r) => ({ seedId, needId: r.id })),
  );
  return {
    items: ranked
      .filter((r) => rows.has(r.id))
      .map((r, n) => ({
        rank: n + 1,
        need: toNeed(ctx, rows.get(r.id)!),
        explanation: explanationOf(r),
        ...existingMatch(existing.get(`${seedId}:${r.id}`)),
      })),
  };
}

function existingMatch(match: { id: number; stage: string } | undefined) {
  return match
    ? { matchId: match.id, matchStage: match.stage as MatchStage }
    : { matchId: null, matchStage: null };
}

/** The ranking's explanation of one pair (null when the texts share no term), kept with a proposed match. */
export async function explainPair(db: Db, seed: SeedWithCluster, need: NeedWithCompany) {
  const index = new SeedIndex<number>();
  const { seeds } = await indexesOf(db);
  // Score the pair against the live corpus's statistics when the seed is indexed; alone otherwise.
  const ranked = seeds.index.has(seed.id)
    ? seeds.index.matchNeed(needDocument(need), { limit: 1, accept: (id) => id === seed.id })
    : (index.add(seedDocument(seed)), index.matchNeed(needDocument(need), { limit: 1 }));
  return ranked[0] ? explanationOf(ranked[0]) : null;
}
