// Spawning a module of the project from a test, in the form the test itself runs in: the TypeScript through tsx when
// the test runs from source (`node --import tsx --test src/…`), the compiled JavaScript when it runs from dist-test/
// (`npm test`, scripts/build-tests.ts), which needs no loader and starts faster.
import { dirname, extname, join } from 'node:path';

/** The `node` arguments that run the module at `path` (relative to the folder of `from`, without its extension);
 * `from` is the caller's `import.meta.filename`. The module's file is the last argument. */
export function nodeArgs(from: string, ...path: string[]): string[] {
  const ext = extname(from);
  const file = join(dirname(from), ...path) + ext;
  return ext === '.ts' ? ['--import', 'tsx', file] : ['--enable-source-maps', file];
}
