/** The import boundaries of DESIGN.md are enforced by lint, not memory: each broken rule fails. */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('import boundaries', () => {
  it.each([
    ['electron/ftp/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/queue/x.ts', "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n"],
    ['electron/local/x.ts', "import { shell } from 'electron';\nexport const a = shell;\n"],
    ['electron/sites/x.ts', "import { safeStorage } from 'electron';\nexport const a = safeStorage;\n"],
    ['shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;\n"],
    ['shared/x.ts', "import { useState } from 'react';\nexport const a = useState;\n"],
    ['shared/x.ts', 'export const a = () => window.location;\n'],
    ['renderer/x.ts', "import os from 'node:os';\nexport const a = os;\n"],
    ['renderer/x.ts', "import { listLocal } from '../electron/local/listLocal';\nexport const a = listLocal;\n"],
  ])('%s refuses a forbidden import', async (file, code) => {
    const ids = await ruleIds(file, code);
    expect(ids.some((id) => id === 'no-restricted-imports' || id === 'no-restricted-globals')).toBe(true);
  });

  it.each([
    ['electron/ipc/x.ts', "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n"],
    ['electron/ftp/x.ts', "import net from 'node:net';\nexport const a = net;\n"],
    ['renderer/x.ts', "import type { FileEntry } from '../shared/domain';\nexport const a: FileEntry | null = null;\n"],
  ])('%s allows what its layer may use', async (file, code) => {
    expect(await ruleIds(file, code)).toEqual([]);
  });
});
