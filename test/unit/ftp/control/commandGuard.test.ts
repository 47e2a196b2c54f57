import { describe, expect, it } from 'vitest';
import { assertSafeCommand, maskCommand } from '../../../../electron/ftp/control/commandGuard';
import { FtpInvalidInputError } from '../../../../electron/ftp/errors';

describe('assertSafeCommand', () => {
  it.each(['RETR a\r\nDELE b', 'RETR a\nDELE b', 'RETR a\rDELE b', 'RETR a\0.txt', 'PASS x\r\n'])('refuses %j', (command) => {
    expect(() => assertSafeCommand(command)).toThrow(FtpInvalidInputError);
  });
  it('masks the password in the error', () => {
    expect(() => assertSafeCommand('PASS hunter2\n')).toThrow(/PASS \*\*\*\*/);
  });
  it.each(['RETR file with spaces.txt', 'CWD /ünïcødé/日本', 'STOR a\tb'])('accepts %j', (command) => {
    expect(() => assertSafeCommand(command)).not.toThrow();
  });
});

describe('maskCommand', () => {
  it.each([
    ['PASS hunter2', 'PASS ****'],
    ['pass hunter2', 'pass ****'],
    ['ACCT secret', 'ACCT ****'],
    ['PASSIVE x', 'PASSIVE x'],
    ['USER bob', 'USER bob'],
  ])('%s → %s', (command, masked) => {
    expect(maskCommand(command)).toBe(masked);
  });
});
