/**
 * `kcp import <kind> FILE [--dry-run] [--as-email EMAIL]`: the same upload → validate → commit path
 * as the web app, run in this process. Progress goes to standard error as a percentage; problems
 * are printed one per line with their row and column, and any error makes the exit code 1.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportJobDetail } from '../contracts/imports';
import { describeProblem } from '../domain/import/problems';
import { IMPORT_KINDS, isImportKind } from '../domain/import/kinds';
import type { ServiceContext } from '../server/context';
import { systemContext } from '../server/context';
import type { DatabaseHandle } from '../server/db/database';
import { findAccountByEmail } from '../server/modules/accounts/account.repo';
import { actorOfAccount } from '../server/modules/auth/auth.service';
import { ImportRunner } from '../server/modules/imports/import-runner';
import { commitImport, createImport, getImport } from '../server/modules/imports/import.service';

export const IMPORT_USAGE = `import <kind> FILE [--dry-run] [--as-email EMAIL]
                                   import a CSV/XLSX file (kinds: ${IMPORT_KINDS.join(', ')});
                                   --dry-run validates only; --as-email acts as that account`;

const FINAL = new Set(['validated', 'invalid', 'committed', 'failed', 'cancelled']);

/** Waits for the job, printing "validating 42%" lines to standard error as it moves. */
async function follow(
  ctx: ServiceContext,
  runner: ImportRunner,
  id: number,
  phase: string,
): Promise<ImportJobDetail> {
  let shown = '';
  for (;;) {
    const job = await getImport(ctx, runner, id, { limit: 1000, offset: 0 });
    const percent = Math.floor(job.progress * 100);
    if (`${percent}|${job.status}` !== shown) {
      process.stderr.write(`${phase} ${percent}% (${job.processedRows} rows)\n`);
      shown = `${percent}|${job.status}`;
    }
    if (FINAL.has(job.status)) return job;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function printSummary(job: ImportJobDetail, dryRun: boolean): void {
  const summary = job.summary;
  if (!summary) return;
  console.log(`${job.fileName}: ${summary.rows} rows (${job.encoding ?? job.format})`);
  for (const [table, counts] of Object.entries(summary.tables)) {
    const verb = dryRun ? 'would insert' : 'inserted';
    console.log(
      `  ${table}: ${verb} ${counts.insert}, ${dryRun ? 'would update' : 'updated'} ${counts.update}, unchanged ${counts.unchanged}`,
    );
  }
  if (summary.reportsCreated > 0)
    console.log(`  draft reports ${dryRun ? 'to create' : 'created'}: ${summary.reportsCreated}`);
}

function printProblems(job: ImportJobDetail): void {
  for (const p of job.problems) console.error(`${p.severity}: ${describeProblem(p)}`);
  if (job.problemsTruncated)
    console.error(`… and more (${job.errorCount} errors, ${job.warningCount} warnings in all)`);
}

/** Runs the command against an open database; returns the exit code. */
export async function importCommand(
  args: string[],
  handle: DatabaseHandle,
  config: { dataDir: string; importMaxBytes?: number | undefined },
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { 'dry-run': { type: 'boolean', default: false }, 'as-email': { type: 'string' } },
  });
  const [kind, file] = positionals;
  if (!isImportKind(kind) || !file) {
    console.error(`usage: kcp ${IMPORT_USAGE}`);
    return 2;
  }
  if (!fs.existsSync(file)) {
    console.error(`no such file: ${file}`);
    return 2;
  }
  let ctx = systemContext(handle.db, 'cli');
  if (values['as-email']) {
    const account = await findAccountByEmail(handle.db, values['as-email'].toLowerCase());
    if (!account || account.status === 'disabled') {
      console.error(`no active account with e-mail ${values['as-email']}`);
      return 2;
    }
    ctx = { ...ctx, actor: await actorOfAccount(handle.db, account) };
  }
  const runner = new ImportRunner(handle, config.dataDir, config.importMaxBytes ?? 100 * 1024 * 1024);
  const dryRun = values['dry-run'];
  try {
    const created = await createImport(ctx, runner, {
      kind,
      fileName: path.basename(file),
      stream: fs.createReadStream(file),
      isTruncated: () => false,
      mode: dryRun ? 'dry-run' : 'import',
    });
    const validated = await follow(ctx, runner, created.id, 'validating');
    printProblems(validated);
    if (validated.status !== 'validated') {
      console.error(
        `import #${validated.id} is ${validated.status}: ${validated.errorCount} error(s); nothing was written`,
      );
      return 1;
    }
    if (dryRun) {
      printSummary(validated, true);
      console.log(`dry run: nothing was written (import #${validated.id})`);
      return 0;
    }
    await commitImport(ctx, runner, validated.id, validated.version);
    const committed = await follow(ctx, runner, validated.id, 'committing');
    if (committed.status !== 'committed') {
      printProblems(committed);
      console.error(`import #${committed.id} ${committed.status}; nothing was written`);
      return 1;
    }
    printSummary(committed, false);
    console.log(`import #${committed.id} committed`);
    return 0;
  } finally {
    await runner.stop();
  }
}
