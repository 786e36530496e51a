// Lint: typescript-eslint's recommended rules, plus the module dependency direction of ../shared/DESIGN.md:
// a module imports another module only through its index.ts, and only a module to its left; the infrastructure
// in src/app never imports a module (src/modules/index.ts, the composition root, wires them in).
import path from 'node:path';
import tseslint from 'typescript-eslint';

const ORDER = ['geo', 'accounts', 'notifications', 'registry', 'scoring', 'trace', 'trade', 'programme', 'supervision', 'stats'];
const MODULES = path.resolve('src/modules');
const APP = path.resolve('src/app');
const COMPOSITION_ROOT = path.join(MODULES, 'index');

const inside = (dir, file) => {
  const rel = path.relative(dir, file);
  return !(rel.startsWith('..') || path.isAbsolute(rel));
};
const withoutExt = (file) => file.replace(/\.(js|ts|tsx)$/, '');
/** The module a file belongs to; null outside src/modules and for the composition root itself. */
const moduleOf = (file) => {
  if (!inside(MODULES, file) || withoutExt(file) === COMPOSITION_ROOT) return null;
  return path.relative(MODULES, file).split(path.sep)[0];
};

const moduleDirection = {
  meta: { type: 'problem', messages: {
    deep: "Import module '{{target}}' through its index.ts, not '{{source}}'.",
    against: "Module '{{from}}' may not import '{{target}}': dependencies point left (geo ← accounts ← notifications ← registry ← scoring ← trace ← trade ← programme ← supervision ← stats). React through an outbox event instead.",
    root: "Module '{{from}}' may not import the composition root '{{source}}'.",
    infrastructure: "src/app is infrastructure and may not import '{{source}}': wire modules in the composition root, src/modules/index.ts.",
  } },
  create(context) {
    const inApp = inside(APP, context.filename);
    const from = moduleOf(context.filename);
    const check = (node) => {
      const source = node.source?.value;
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const resolved = path.resolve(path.dirname(context.filename), source);
      if (inApp) {
        if (inside(MODULES, resolved)) context.report({ node, messageId: 'infrastructure', data: { source } });
        return;
      }
      if (!from) return;
      if (withoutExt(resolved) === COMPOSITION_ROOT) {
        context.report({ node, messageId: 'root', data: { from, source } });
        return;
      }
      const target = moduleOf(resolved);
      if (!target || target === from) return;
      if (withoutExt(path.relative(path.join(MODULES, target), resolved)) !== 'index') {
        context.report({ node, messageId: 'deep', data: { target, source } });
      } else if (ORDER.indexOf(target) > ORDER.indexOf(from)) {
        context.report({ node, messageId: 'against', data: { from, target } });
      }
    };
    // Re-exports (`export … from`) and dynamic import() carry a dependency as much as an import does.
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'var/**', 'node_modules/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { ocop: { rules: { 'module-direction': moduleDirection } } },
    rules: {
      'ocop/module-direction': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
