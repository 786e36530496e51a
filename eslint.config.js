// Lint: typescript-eslint's recommended rules, plus the module dependency direction of ../shared/DESIGN.md:
// a module imports another module only through its index.ts, and only a module to its left.
import path from 'node:path';
import tseslint from 'typescript-eslint';

const ORDER = ['geo', 'accounts', 'registry', 'scoring', 'trace', 'trade', 'supervision', 'stats'];
const MODULES = path.resolve('src/modules');

const moduleOf = (file) => {
  const rel = path.relative(MODULES, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? null : rel.split(path.sep)[0];
};

const moduleDirection = {
  meta: { type: 'problem', messages: {
    deep: "Import module '{{target}}' through its index.ts, not '{{source}}'.",
    against: "Module '{{from}}' may not import '{{target}}': dependencies point left (geo ← accounts ← registry ← scoring ← trace, trade ← supervision ← stats). React through an outbox event instead.",
  } },
  create(context) {
    const from = moduleOf(context.filename);
    return {
      ImportDeclaration(node) {
        const source = node.source.value;
        if (!from || !source.startsWith('.')) return;
        const resolved = path.resolve(path.dirname(context.filename), source);
        const target = moduleOf(resolved);
        if (!target || target === from) return;
        if (path.relative(path.join(MODULES, target), resolved).replace(/\.(js|ts)$/, '') !== 'index') {
          context.report({ node, messageId: 'deep', data: { target, source } });
        } else if (ORDER.indexOf(target) > ORDER.indexOf(from)) {
          context.report({ node, messageId: 'against', data: { from, target } });
        }
      },
    };
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
