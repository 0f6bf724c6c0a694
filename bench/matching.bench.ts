/**
 * Matching benchmark (issue 6, Matching and Speed). Prints one JSON document on stdout; progress
 * goes to stderr.
 *
 *   npm run -s bench:matching > bench/results/matching-$(date -u +%F).json
 *   npm run -s bench:matching -- --seeds 10000 --needs 2000 --queries 100   # smoke run
 *   npm run -s bench:matching -- --tune                                       # + the tuning path
 *
 * Quality (bench/lib/matching-quality.ts): on the labelled set (bench/data/matching), our matcher
 * with and without its bilingual glossary beside plain keyword overlap, MiniSearch's defaults and
 * MiniSearch with our tokenizer — precision@5, MRR@10, recall@10 and nDCG@10, needs → seeds and
 * seeds → needs, per slice (language, cross-language, tuning / held-out half).
 *
 * Speed: a synthetic corpus (bench/lib/matching-synthetic.ts, seeded) of --seeds seeds and --needs
 * needs; build time and heap of our SeedIndex and NeedIndex and of MiniSearch (default options)
 * on the same documents, then --queries top-10 queries each way (MiniSearch: the first
 * --mini-queries of them, default 100, as each takes seconds) (needs → seeds: the first
 * --queries needs; seeds → needs: evenly spaced seeds), ours and MiniSearch in alternating blocks
 * of 50 queries with a full GC before each block.
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import vm from 'node:vm';
import MiniSearch from 'minisearch';
import {
  DEFAULT_MATCHER_OPTIONS,
  type LocalisedText,
  NeedIndex,
  SeedIndex,
} from '../src/domain/matching/matcher';
import { percentile } from './lib/load';
import {
  evaluate,
  idealPrecisionAt5,
  keywordOverlapSystem,
  type MatchingSystem,
  miniSearchSystem,
  needQueries,
  oursSystem,
  seedQueries,
} from './lib/matching-quality';
import { readMatchingSet } from './lib/matching-set';
import { generateMatchingCorpus } from './lib/matching-synthetic';
import { tuneMatcher } from './lib/matching-tune';

const { values: flags } = parseArgs({
  options: {
    seeds: { type: 'string', default: '100000' },
    needs: { type: 'string', default: '20000' },
    queries: { type: 'string', default: '500' },
    'mini-queries': { type: 'string', default: '100' },
    seed: { type: 'string', default: '20041001' },
    tune: { type: 'boolean', default: false },
    'no-speed': { type: 'boolean', default: false },
  },
});

const spec = {
  seeds: Number(flags.seeds.replace(/_/g, '')),
  needs: Number(flags.needs.replace(/_/g, '')),
  queries: Number(flags.queries),
  /** MiniSearch ranks every match (a second or more per query at 100,000 seeds): fewer queries. */
  miniQueries: Number(flags['mini-queries']),
  seed: Number(flags.seed),
};

function log(message: string): void {
  process.stderr.write(`[bench:matching] ${message}\n`);
}

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapMb(): number {
  gc();
  return Math.round(process.memoryUsage().heapUsed / 1e5) / 10;
}

const ms = (x: number) => Math.round(x * 1000) / 1000;

function latency(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    queries: sorted.length,
    p50Ms: ms(percentile(sorted, 50)),
    p95Ms: ms(percentile(sorted, 95)),
    maxMs: ms(sorted[sorted.length - 1] ?? 0),
  };
}

// ---------------------------------------------------------------------------------------------
// Quality
// ---------------------------------------------------------------------------------------------

function quality() {
  const set = readMatchingSet();
  const nq = needQueries(set);
  const sq = seedQueries(set);
  const systems: MatchingSystem[] = [
    oursSystem(set, {}, 'ours'),
    oursSystem(set, { glossary: false }, 'oursWithoutGlossary'),
    oursSystem(
      set,
      { ...DEFAULT_MATCHER_OPTIONS, k1: 1.2, conceptWeight: 1, queryTitleRepeat: 2 },
      'oursBeforeTuning',
    ),
    keywordOverlapSystem(set),
    miniSearchSystem(set, false),
    miniSearchSystem(set, true),
  ];
  const figures = Object.fromEntries(
    systems.map((s) => {
      log(`quality: ${s.name}`);
      return [
        s.name,
        {
          needsToSeeds: evaluate(nq, (n) => s.seedsFor(n)),
          seedsToNeeds: evaluate(sq, (x) => s.needsFor(x)),
        },
      ];
    }),
  );
  return {
    set: { seeds: set.seeds.length, needs: set.needs.length },
    idealPrecisionAt5: { needsToSeeds: idealPrecisionAt5(nq), seedsToNeeds: idealPrecisionAt5(sq) },
    systems: figures,
    ...(flags.tune
      ? { tuning: { withGlossary: tuneMatcher(set, true), withoutGlossary: tuneMatcher(set, false) } }
      : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Speed
// ---------------------------------------------------------------------------------------------

const both = (t: LocalisedText) => [t.ja, t.en].filter(Boolean).join('\n');

function speed() {
  log(`speed: generating ${spec.seeds} seeds and ${spec.needs} needs`);
  const corpus = generateMatchingCorpus({ seeds: spec.seeds, needs: spec.needs, seed: spec.seed });
  const langs = { ja: 0, en: 0, both: 0 };
  for (const s of corpus.seeds) langs[s.title.ja && s.title.en ? 'both' : s.title.ja ? 'ja' : 'en']++;

  const heap0 = heapMb();
  let t = performance.now();
  const seedIndex = new SeedIndex<number>();
  for (const s of corpus.seeds) seedIndex.add(s);
  const seedBuildMs = performance.now() - t;
  const heap1 = heapMb();
  log(`speed: our seed index built in ${Math.round(seedBuildMs)} ms`);
  t = performance.now();
  const needIndex = new NeedIndex<number>();
  for (const n of corpus.needs) needIndex.add(n);
  const needBuildMs = performance.now() - t;
  const heap2 = heapMb();
  log(`speed: our need index built in ${Math.round(needBuildMs)} ms`);

  t = performance.now();
  const miniSeeds = new MiniSearch<{ id: number; title: string; keywords: string; summary: string }>({
    fields: ['title', 'keywords', 'summary'],
  });
  miniSeeds.addAll(
    corpus.seeds.map((s) => ({
      id: s.id,
      title: both(s.title),
      keywords: s.keywords.join(' '),
      summary: both(s.summary),
    })),
  );
  const miniSeedBuildMs = performance.now() - t;
  const heap3 = heapMb();
  t = performance.now();
  const miniNeeds = new MiniSearch<{ id: number; title: string; description: string }>({
    fields: ['title', 'description'],
  });
  miniNeeds.addAll(
    corpus.needs.map((n) => ({ id: n.id, title: both(n.title), description: both(n.description) })),
  );
  const miniNeedBuildMs = performance.now() - t;
  const heap4 = heapMb();
  log('speed: MiniSearch indexes built');

  const needsAsked = corpus.needs.slice(0, spec.queries);
  const step = Math.max(1, Math.floor(corpus.seeds.length / spec.queries));
  const seedsAsked = corpus.seeds.filter((_, i) => i % step === 0).slice(0, spec.queries);
  // One untimed warm-up pass of 20 queries each.
  for (const n of needsAsked.slice(0, 20)) {
    seedIndex.matchNeed(n, { limit: 10 });
    miniSeeds.search(`${both(n.title)}\n${both(n.description)}`);
  }
  const ours = { needsToSeeds: [] as number[], seedsToNeeds: [] as number[] };
  const mini = { needsToSeeds: [] as number[], seedsToNeeds: [] as number[] };
  /** Process CPU ms per query, per direction: less disturbed than wall time by other processes. */
  const cpu = new Map<number[], number>();
  let hitsOurs = 0;
  let hitsMini = 0;
  const timed = (samples: number[], query: () => void) => {
    const q = performance.now();
    query();
    samples.push(performance.now() - q);
  };
  // Blocks of 50 queries, ours and MiniSearch taking turns to go first, with a full GC before each
  // block, so neither pays for the other's garbage (MiniSearch ranks every match of a query).
  const BLOCK = 50;
  const inBlocks = <T>(
    items: readonly T[],
    ourRun: [number[], (x: T) => void],
    miniRun: [number[], (x: T) => void],
  ) => {
    for (let b = 0; b * BLOCK < items.length; b++) {
      const block = items.slice(b * BLOCK, (b + 1) * BLOCK);
      const runs = b % 2 === 0 ? [ourRun, miniRun] : [miniRun, ourRun];
      for (const [samples, query] of runs) {
        if (samples === miniRun[0] && b * BLOCK >= spec.miniQueries) continue;
        gc();
        const before = process.cpuUsage();
        block.forEach((x) => timed(samples, () => query(x)));
        const used = process.cpuUsage(before);
        cpu.set(samples, (cpu.get(samples) ?? 0) + (used.user + used.system) / 1000);
      }
    }
  };
  inBlocks(
    needsAsked,
    [ours.needsToSeeds, (n) => (hitsOurs += seedIndex.matchNeed(n, { limit: 10 }).length)],
    [
      mini.needsToSeeds,
      (n) => (hitsMini += miniSeeds.search(`${both(n.title)}\n${both(n.description)}`).slice(0, 10).length),
    ],
  );
  inBlocks(
    seedsAsked,
    [ours.seedsToNeeds, (s) => needIndex.matchSeed(s, { limit: 10 })],
    [
      mini.seedsToNeeds,
      (s) => miniNeeds.search(`${both(s.title)}\n${s.keywords.join(' ')}\n${both(s.summary)}`).slice(0, 10),
    ],
  );
  const withCpu = (samples: number[]) => ({
    ...latency(samples),
    meanCpuMsPerQuery: ms((cpu.get(samples) ?? 0) / Math.max(1, samples.length)),
  });
  log('speed: queries done');
  return {
    corpus: { ...spec, seedLanguages: langs },
    ours: {
      seedIndex: { buildMs: Math.round(seedBuildMs), heapMb: Math.round((heap1 - heap0) * 10) / 10 },
      needIndex: { buildMs: Math.round(needBuildMs), heapMb: Math.round((heap2 - heap1) * 10) / 10 },
      needsToSeeds: withCpu(ours.needsToSeeds),
      seedsToNeeds: withCpu(ours.seedsToNeeds),
      meanHitsPerQuery: Math.round((hitsOurs / needsAsked.length) * 10) / 10,
    },
    miniSearchDefault: {
      seedIndex: { buildMs: Math.round(miniSeedBuildMs), heapMb: Math.round((heap3 - heap2) * 10) / 10 },
      needIndex: { buildMs: Math.round(miniNeedBuildMs), heapMb: Math.round((heap4 - heap3) * 10) / 10 },
      needsToSeeds: withCpu(mini.needsToSeeds),
      seedsToNeeds: withCpu(mini.seedsToNeeds),
      meanHitsPerQuery: Math.round((hitsMini / needsAsked.length) * 10) / 10,
    },
    heapUsedMbAfterAll: heapMb(),
  };
}

const started = new Date();
const machine = {
  node: process.version,
  cpus: os.cpus().length,
  cpuModel: os.cpus()[0]?.model ?? null,
  loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  totalMemoryMb: Math.round(os.totalmem() / 1e6),
};
const qualityFigures = quality();
const speedFigures = flags['no-speed'] ? null : speed();
process.stdout.write(
  `${JSON.stringify(
    {
      benchmark: 'matching',
      startedAt: started.toISOString(),
      machine: { ...machine, loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100) },
      matcherOptions: DEFAULT_MATCHER_OPTIONS,
      quality: qualityFigures,
      speed: speedFigures,
    },
    null,
    2,
  )}\n`,
);
