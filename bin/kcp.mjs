#!/usr/bin/env node
// Entry point of `npx kcp …` and `npm start`: runs the TypeScript CLI through tsx's loader, so the
// platform needs no separate server build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/kcp.ts');
process.exitCode = await main(process.argv.slice(2));
