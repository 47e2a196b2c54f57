// Lint: typescript-eslint's recommended rules plus the import boundaries of DESIGN.md and
// docs/architecture.md, so a wrong import fails CI instead of relying on memory:
// - no-restricted-imports keeps Electron, Node and React out of the layers that must not see them;
// - import-x/no-restricted-paths keeps each folder to the folders below it (LAYERS);
// - import-x/no-cycle keeps the module graph free of cycles.
// test/unit/lint/boundaries.test.ts checks that each rule fires.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

const nodeBuiltins = { group: ['node:*'], message: 'This layer must not use Node built-ins (DESIGN.md boundaries).' };
const noElectron = { name: 'electron', message: 'Only main.ts, preload.ts and electron/ipc may import electron (DESIGN.md).' };

/** Each folder, and the folders it must not import from (the layers above it or beside it). */
const LAYERS = {
  'electron/ftp': ['electron/sftp', 'electron/queue', 'electron/sessions', 'electron/services', 'electron/sites', 'electron/cli', 'electron/ipc', 'electron/browser', 'electron/local', 'electron/sync'],
  // The SFTP engine sits beside the FTP engine, with the same restrictions.
  'electron/sftp': ['electron/ftp', 'electron/queue', 'electron/sessions', 'electron/services', 'electron/sites', 'electron/cli', 'electron/ipc', 'electron/browser', 'electron/local', 'electron/sync'],
  'electron/queue': ['electron/ftp', 'electron/sftp', 'electron/sessions', 'electron/services', 'electron/cli', 'electron/ipc', 'electron/browser', 'electron/sites', 'electron/sync'],
  // Compare and sync planning: above the queue (its session interface), below the services and the CLI.
  'electron/sync': ['electron/ftp', 'electron/sftp', 'electron/sessions', 'electron/services', 'electron/cli', 'electron/ipc', 'electron/browser', 'electron/local'],
  'electron/sessions': ['electron/services', 'electron/cli', 'electron/ipc', 'electron/browser', 'electron/sites', 'electron/local'],
  'electron/local': ['electron/ftp', 'electron/sftp', 'electron/queue', 'electron/sessions', 'electron/services', 'electron/cli', 'electron/ipc', 'electron/browser', 'electron/sites', 'electron/sync'],
  'electron/sites': ['electron/ftp', 'electron/sftp', 'electron/queue', 'electron/sessions', 'electron/services', 'electron/cli', 'electron/ipc', 'electron/browser', 'electron/local', 'electron/sync'],
  'electron/cli': ['electron/services', 'electron/ipc', 'electron/browser', 'electron/sites'],
  'electron/services': ['electron/ipc', 'electron/browser', 'electron/cli'],
  'electron/ipc': ['electron/browser', 'electron/cli'],
  'electron/browser': ['electron/cli'],
  'renderer/lib': ['renderer/stores', 'renderer/features', 'renderer/components', 'renderer/commands', 'renderer/api'],
  'renderer/api': ['renderer/stores', 'renderer/features', 'renderer/components', 'renderer/commands'],
  'renderer/stores': ['renderer/features', 'renderer/components', 'renderer/commands'],
  'renderer/commands': ['renderer/features'],
  'renderer/components': ['renderer/features'],
};
const layerZones = Object.entries(LAYERS).map(([target, from]) => ({
  target: `./${target}`,
  from: from.map((f) => `./${f}`),
  message: `${target} must not import from ${from.join(', ')} (docs/architecture.md).`,
}));

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
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: layerZones }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['electron/ftp/**', 'electron/sftp/**', 'electron/queue/**', 'electron/sessions/**', 'electron/local/**', 'electron/sites/**', 'electron/services/**', 'electron/browser/**', 'electron/cli/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [{ group: ['electron/*'], message: noElectron.message }] }] },
  },
  {
    // The queue moves files through its session interface; sockets belong to the engines.
    files: ['electron/queue/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...['node:net', 'node:tls', 'node:dgram', 'net', 'tls', 'dgram'].map((name) => ({ name, message: 'The queue opens no sockets: sessions do (electron/sessions, electron/ftp).' }))],
          patterns: [{ group: ['electron/*'], message: noElectron.message }],
        },
      ],
    },
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
