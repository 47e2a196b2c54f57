/** The help texts name mirror as sync's alias and say where the clock offset comes from. */
import { describe, expect, it } from 'vitest';
import { commandHelp, overviewHelp } from '../../../electron/cli/usage';

describe('usage', () => {
  it('shows mirror as sync one way, with both synopses and sync\'s options', () => {
    const help = commandHelp('mirror');
    expect(help).toContain('Usage: ferry mirror URL LOCALDIR [options]\n       ferry mirror -R LOCALDIR URL [options]');
    expect(help).toContain('`ferry mirror URL LOCALDIR` is `ferry sync LOCALDIR URL --direction down`');
    for (const option of ['--delete', '--dry-run', '--exclude GLOB', '--by size,time', '--parallel N', '--retries N', '--reverse']) expect(help).toContain(option);
    expect(help).not.toContain('--on-exists');
    expect(overviewHelp('1.0')).toMatch(/mirror URL LOCALDIR +the same as sync --direction down \(-R: up\)/);
  });

  it('says what --clock-offset defaults to', () => {
    for (const command of ['compare', 'sync', 'mirror'] as const) expect(commandHelp(command)).toContain("default: the offset kept for\n                                the server (its site's, or one detected from files ferry put");
  });
});
