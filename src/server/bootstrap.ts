/** What happens before the server takes requests: migrate, load reference data once, make the first administrator. */
import type { DatabaseHandle } from './db/database';
import { migrateToLatest } from './db/migrate';
import { withStartupLock } from './db/startup-lock';
import { systemContext } from './context';
import { createAccount, hasNoAccounts } from './modules/accounts/account.service';
import { loadReferenceData } from './modules/reference-data/reference-data.service';

export const FIRST_ADMIN_EMAIL = 'admin@kcp.local';

export interface BootstrapResult {
  migrations: string[];
  loadedReferenceData: boolean;
  /** Set only on the very first start: the administrator's one-time password. */
  firstAdmin: { email: string; password: string } | null;
}

/** Migrates, loads the reference data once and creates the first administrator once, one process at a time. */
export function bootstrap(
  database: DatabaseHandle,
  options: { createFirstAdmin: boolean },
): Promise<BootstrapResult> {
  return withStartupLock(database, () => bootstrapUnlocked(database, options));
}

async function bootstrapUnlocked(
  database: DatabaseHandle,
  options: { createFirstAdmin: boolean },
): Promise<BootstrapResult> {
  const migrations = await migrateToLatest(database.db);
  const ctx = systemContext(database.db, 'bootstrap');
  const loadedReferenceData = await loadReferenceData(ctx);
  let firstAdmin: BootstrapResult['firstAdmin'] = null;
  if (options.createFirstAdmin && (await hasNoAccounts(database.db))) {
    const email = process.env.KCP_ADMIN_EMAIL?.trim().toLowerCase() || FIRST_ADMIN_EMAIL;
    const created = await createAccount(ctx, {
      email,
      displayName: 'Administrator',
      locale: 'ja',
      grants: [{ role: 'administrator' }],
    });
    firstAdmin = { email, password: created.generatedPassword! };
  }
  return { migrations, loadedReferenceData, firstAdmin };
}
