import { chmodSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensurePrivateDir } from '../../../electron/sites/atomicFile';

describe('ensurePrivateDir', () => {
  it('creates the data folder readable by its user only', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ferry-data-')), 'ferry');
    await ensurePrivateDir(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('narrows a folder that already exists with wider permissions', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ferry-data-')), 'ferry');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    await ensurePrivateDir(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });
});
