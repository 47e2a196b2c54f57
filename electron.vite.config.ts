/**
 * One build for everything that ships: the main-process bundles (Electron main, browser
 * mode, command line), the sandboxed preload (CommonJS, as sandboxing requires), and the
 * renderer.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          main: resolve('electron/main.ts'),
          browser: resolve('electron/browser/start.ts'),
          cli: resolve('electron/cli/main.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve('electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      sourcemap: false,
      rollupOptions: { input: resolve('renderer/index.html') },
    },
    plugins: [react()],
  },
});
