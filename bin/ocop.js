#!/usr/bin/env node
// The `ocop` command (and `npm start`). In production (NODE_ENV=production) it runs the compiled server,
// dist-server/ (built by `npm run prepare`: no TypeScript compiler in the running process, so a faster start and
// less memory); elsewhere, or when nothing is compiled, the TypeScript sources through tsx, so a change needs no
// build step. Either way in this one process, so signals (SIGTERM from a supervisor) reach the server itself.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist-server', 'cli', 'ocop.js');
const production = process.env.NODE_ENV === 'production';

if (production && existsSync(compiled)) {
  await import(pathToFileURL(compiled).href);
} else {
  if (production) console.warn('⚠ dist-server/ chưa được dựng (npm run prepare): chạy mã TypeScript qua tsx / dist-server/ is not built (npm run prepare): running the TypeScript sources through tsx');
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'src', 'cli', 'ocop.ts')).href);
}
