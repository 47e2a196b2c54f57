import { describe, expect, it } from 'vitest';
import { listingCutShort, watchCutShort } from '../../../../electron/ftp/list';

const reply = (code: number, ...lines: string[]) => ({ code, text: lines.join('\n'), lines });

describe('a listing the server cut short', () => {
  it('is told by a final reply that says the output was truncated, in one line or several', () => {
    expect(listingCutShort(reply(226, 'Output truncated to 10000 matches'))).toBe('226 Output truncated to 10000 matches');
    expect(listingCutShort(reply(226, 'Listing TRUNCATED', 'Transfer complete'))).toBe('226 Listing TRUNCATED Transfer complete');
  });

  it('is not claimed for ordinary final replies', () => {
    for (const text of ['2002 matches total', 'Transfer complete', 'Directory send OK.', 'Closing data connection']) {
      expect(listingCutShort(reply(226, text))).toBeUndefined();
    }
  });

  it('is logged and reported once by the listing hook', () => {
    const logged: string[] = [];
    const heard: string[] = [];
    const onFinal = watchCutShort('/big', (m) => logged.push(m), (r) => heard.push(r));
    onFinal(reply(226, '2002 matches total'));
    onFinal(reply(226, 'Output truncated to 10000 matches'));
    expect(logged).toEqual(['The server listed only part of /big: 226 Output truncated to 10000 matches']);
    expect(heard).toEqual(['226 Output truncated to 10000 matches']);
  });
});
