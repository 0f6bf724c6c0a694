/** Whether the server can reach its database. */
import type { ServiceContext } from '../../context';
import { pingDatabase } from './health.repo';

export async function checkHealth(ctx: ServiceContext): Promise<void> {
  await pingDatabase(ctx.db);
}
