#!/usr/bin/env node
// `npm run -s bench:evaluation [-- flags]`: runs bench/evaluation.bench.ts through tsx's loader (flags: see
// that file or bench/README.md). The JSON result goes to stdout, progress to stderr.
import { register } from 'tsx/esm/api';

register();
await import('../bench/evaluation.bench.ts');
