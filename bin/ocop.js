#!/usr/bin/env node
// Runs the TypeScript CLI through tsx (no build step for the server).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { status } = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/ocop.ts'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(status ?? 1);
