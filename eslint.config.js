// Lint: typescript-eslint's recommended rules plus the import boundaries of DESIGN.md,
// so a wrong import fails CI instead of relying on memory.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = { group: ['node:*'], message: 'This layer must not use Node built-ins (DESIGN.md boundaries).' };
const noElectron = { name: 'electron', message: 'Only main.ts, preload.ts and electron/ipc may import electron (DESIGN.md).' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['electron/ftp/**', 'electron/queue/**', 'electron/local/**', 'electron/sites/**', 'electron/services/**', 'electron/browser/**', 'electron/cli/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['electron/*'], message: noElectron.message }] }] },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'electron', 'fs', 'path', 'os', 'net', 'tls', 'crypto', 'stream', 'events'].map((name) => ({
            name,
            message: 'shared/ is plain code for both sides: no Node, DOM, React or Electron.',
          })),
          patterns: [nodeBuiltins, { group: ['react-dom/*', '**/electron/**', '**/renderer/**'], message: 'shared/ imports nothing from either side.' }],
        },
      ],
    },
    languageOptions: { globals: {} },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...['fs', 'path', 'os', 'net', 'tls', 'crypto', 'child_process'].map((name) => ({ name, message: 'The renderer has no Node: use the typed API.' }))],
          patterns: [nodeBuiltins, { group: ['**/electron/**', '!**/shared/**'], message: 'The renderer talks to the main process only through the typed API (shared/).' }],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    files: ['bin/**/*.js', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
