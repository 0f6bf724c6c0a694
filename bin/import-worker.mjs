// Bootstrap of the import worker thread (src/server/modules/imports/import-runner.ts starts it): a
// worker does not inherit the loader the server, the CLI or vitest runs TypeScript with, so it
// registers tsx itself and then loads the TypeScript worker module.
import { register } from 'tsx/esm/api';

register();
await import('../src/server/modules/imports/import-worker.ts');
