import { describe, expect, it } from 'vitest';
import { createPostgresDatabase, ENGINES } from '../../test/support/engines';
import { bootstrap } from './bootstrap';
import { openDatabase } from './db/database';

describe.skipIf(!ENGINES.includes('postgres'))('bootstrap on PostgreSQL', () => {
  it('lets two processes start at once on an empty database: one loads and creates the administrator', async () => {
    const pg = await createPostgresDatabase();
    const first = openDatabase({ databaseUrl: pg.url, dataDir: '/nonexistent' });
    const second = openDatabase({ databaseUrl: pg.url, dataDir: '/nonexistent' });
    try {
      const results = await Promise.all([
        bootstrap(first, { createFirstAdmin: true }),
        bootstrap(second, { createFirstAdmin: true }),
      ]);

      expect(results.filter((r) => r.loadedReferenceData)).toHaveLength(1);
      expect(results.filter((r) => r.firstAdmin !== null)).toHaveLength(1);
      const clusters = await first.db.selectFrom('clusters').select('key').execute();
      expect(clusters).toHaveLength(18);
    } finally {
      await first.close();
      await second.close();
      await pg.drop();
    }
  });
});
