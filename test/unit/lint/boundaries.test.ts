/**
 * The import boundaries of DESIGN.md and docs/architecture.md are enforced by lint, not
 * memory: each rule fails a file that breaks it, and allows what its layer may use.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

/** A module that imports `from` and uses it, so no other rule has anything to say. */
function importing(from: string): string {
  return `import * as m from '${from}';\nexport const a = m;\n`;
}

describe('what each layer may not import', () => {
  it.each([
    ['electron/ftp/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/queue/x.ts', "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n"],
    ['electron/local/x.ts', "import { shell } from 'electron';\nexport const a = shell;\n"],
    ['electron/sites/x.ts', "import { safeStorage } from 'electron';\nexport const a = safeStorage;\n"],
    ['electron/sessions/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/sftp/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/queue/x.ts', "import net from 'node:net';\nexport const a = net;\n"],
    ['electron/queue/x.ts', "import tls from 'node:tls';\nexport const a = tls;\n"],
    ['shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n"],
    ['shared/x.ts', "import { useState } from 'react';\nexport const a = useState;\n"],
    ['shared/x.ts', 'export const a = () => window.location;\n'],
    ['renderer/x.ts', "import os from 'node:os';\nexport const a = os;\n"],
    ['renderer/x.ts', "import { listLocal } from '../electron/local/listLocal';\nexport const a = listLocal;\n"],
  ])('%s: no Electron, Node or the other side where they do not belong', async (file, code) => {
    const ids = await ruleIds(file, code);
    expect(ids.some((id) => id === 'no-restricted-imports' || id === 'no-restricted-globals')).toBe(true);
  });

  it.each([
    // The engine stands alone.
    ['electron/ftp/x.ts', '../queue'],
    ['electron/ftp/x.ts', '../sessions'],
    ['electron/ftp/x.ts', '../services/EventHub'],
    ['electron/ftp/x.ts', '../sites/SiteStore'],
    ['electron/ftp/x.ts', '../cli/args'],
    ['electron/ftp/x.ts', '../ipc/dispatch'],
    ['electron/ftp/x.ts', '../browser/BrowserServer'],
    ['electron/ftp/x.ts', '../local/listLocal'],
    ['electron/ftp/data/x.ts', '../../queue/types'],
    ['electron/ftp/x.ts', '../sftp'],
    // So does the SFTP engine beside it.
    ['electron/sftp/x.ts', '../ftp'],
    ['electron/sftp/x.ts', '../queue'],
    ['electron/sftp/x.ts', '../sessions'],
    ['electron/sftp/x.ts', '../services/EventHub'],
    ['electron/sftp/x.ts', '../sites/SiteStore'],
    ['electron/sftp/x.ts', '../local/listLocal'],
    ['electron/queue/x.ts', '../sftp'],
    // The queue knows sessions only through its own interface.
    ['electron/queue/x.ts', '../ftp'],
    ['electron/queue/x.ts', '../sessions'],
    ['electron/queue/x.ts', '../services/EventHub'],
    ['electron/queue/x.ts', '../cli/args'],
    ['electron/queue/x.ts', '../ipc/dispatch'],
    ['electron/queue/x.ts', '../browser/BrowserServer'],
    ['electron/queue/x.ts', '../sites/SiteStore'],
    // The command line runs without the app's services.
    ['electron/cli/x.ts', '../services/EventHub'],
    ['electron/cli/x.ts', '../ipc/dispatch'],
    ['electron/cli/x.ts', '../browser/BrowserServer'],
    ['electron/cli/commands/x.ts', '../../services/EventHub'],
    // Renderer helpers are pure; stores hold state, not views.
    ['renderer/lib/x.ts', '../stores/logStore'],
    ['renderer/lib/x.ts', '../features/log/LogLine'],
    ['renderer/lib/x.ts', '../components/EntryIcon'],
    ['renderer/lib/x.ts', '../commands/registry'],
    ['renderer/stores/x.ts', '../features/log/LogLine'],
    ['renderer/stores/x.ts', '../components/EntryIcon'],
    ['renderer/stores/x.ts', '../commands/registry'],
  ])('%s may not import %s', async (file, from) => {
    expect(await ruleIds(file, importing(from))).toContain('import-x/no-restricted-paths');
  });
});

describe('what each layer may import', () => {
  it.each([
    ['electron/ipc/x.ts', "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n"],
    ['electron/ftp/x.ts', "import net from 'node:net';\nexport const a = net;\n"],
    ['renderer/x.ts', "import type { FileEntry } from '../shared/domain';\nexport const a: FileEntry | null = null;\n"],
    ['electron/sessions/x.ts', importing('../ftp')],
    ['electron/sessions/x.ts', importing('../sftp')],
    ['electron/sftp/x.ts', "import { Client } from 'ssh2';\nimport net from 'node:net';\nexport const a = [Client, net];\n"],
    ['electron/sftp/x.ts', importing('../../shared/limits')],
    ['electron/sessions/x.ts', importing('../queue')],
    ['electron/cli/x.ts', importing('../queue')],
    ['electron/cli/x.ts', importing('../sessions')],
    ['electron/services/x.ts', importing('../sites/SiteStore')],
    ['renderer/stores/x.ts', importing('../lib/paths')],
    ['renderer/features/x.ts', importing('../stores/logStore')],
  ])('%s allows what its layer may use', async (file, code) => {
    expect(await ruleIds(file, code)).toEqual([]);
  });
});

describe('import cycles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ferry-lint-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails both modules of a cycle, with the project configuration', async () => {
    mkdirSync(join(dir, 'electron/cli'), { recursive: true });
    writeFileSync(join(dir, 'electron/cli/a.ts'), "import { b } from './b';\nexport const a = () => b;\n");
    writeFileSync(join(dir, 'electron/cli/b.ts'), "import { a } from './a';\nexport const b = () => a;\n");
    const linter = new ESLint({ cwd: dir, overrideConfigFile: resolve('eslint.config.js') });
    const results = await linter.lintFiles(['electron/cli/a.ts', 'electron/cli/b.ts']);
    for (const result of results) expect(result.messages.map((m) => m.ruleId)).toContain('import-x/no-cycle');
  });
});
