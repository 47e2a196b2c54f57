import { describe, expect, it } from 'vitest';
import { loggedReplyText, MAX_LOGGED_LINE_LENGTH, MAX_LOGGED_LINES } from '../../../../electron/ftp/control/logEvent';

describe('loggedReplyText', () => {
  it('keeps a short multi-line reply as it came', () => {
    expect(loggedReplyText(['211-Features:', ' MDTM', ' SIZE', '211 End'])).toBe('211-Features:\n MDTM\n SIZE\n211 End');
  });

  it('shows the first lines of a long reply and says how many more there were', () => {
    const lines = Array.from({ length: 5000 }, (_, i) => `220-line ${i}`);
    const text = loggedReplyText(lines).split('\n');
    expect(text).toHaveLength(MAX_LOGGED_LINES + 1);
    expect(text[0]).toBe('220-line 0');
    expect(text.at(-1)).toBe(`… ${5000 - MAX_LOGGED_LINES} more lines`);
  });

  it('cuts an over-long line', () => {
    const [line] = loggedReplyText([`550 ${'x'.repeat(5000)}`]).split('\n');
    expect(line).toHaveLength(MAX_LOGGED_LINE_LENGTH + 1);
    expect(line.endsWith('…')).toBe(true);
  });
});
