#!/usr/bin/env node
// `npm run -s bench:matching [-- flags]`: runs bench/matching.bench.ts through tsx's loader (flags: see
// that file or bench/README.md). The JSON result goes to stdout, progress to stderr.
import { register } from 'tsx/esm/api';

register();
await import('../bench/matching.bench.ts');
