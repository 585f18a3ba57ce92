import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/**
 * The linter: JavaScript's and TypeScript's recommended rules, Svelte's, and the project's own few. Formatting is
 * Prettier's (.prettierrc.json); import boundaries are checked by tests/unit/boundaries.test.ts.
 */
export default ts.config(
  { ignores: ['dist/', 'build/', 'public/', 'node_modules/', 'test-results/', 'tests/browser/__screenshots__/', '.vite/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // Unused names are mistakes, except the `_` placeholders of destructuring that leaves a field out.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // TypeScript (svelte-check, tsc) knows the DOM's and Node's names better than a list of globals does.
      'no-undef': 'off',
      // Cleaning imported text of control characters is the point of those patterns.
      'no-control-regex': 'off',
      // State that changes is replaced, never mutated in place ($state.raw, new arrays and maps), so the Maps and Sets
      // a derivation builds afresh need no reactive versions.
      'svelte/prefer-svelte-reactivity': 'off',
      // Data never reaches markup as HTML (see the security notes in docs/architecture.md).
      'svelte/no-at-html-tags': 'error',
      'no-restricted-properties': ['error', { property: 'innerHTML', message: 'No data into innerHTML: build nodes, or let Svelte render text.' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { projectService: false, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig } },
  },
);
