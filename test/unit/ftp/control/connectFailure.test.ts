/** A failed connect in words a user can act on, and the hint for a TLS handshake with a server that did not speak TLS. */
import { describe, expect, it } from 'vitest';
import { connectFailureWords, tlsHandshakeHint } from '../../../../electron/ftp/control/connectFailure';

describe('connectFailureWords', () => {
  it.each([
    ['ECONNREFUSED', 'ftp.example.com:2121 refused the connection: no server listens on that port, or a firewall turns it away'],
    ['ENOTFOUND', 'Unknown host "ftp.example.com": no address was found for this name'],
    ['EAI_AGAIN', 'The name "ftp.example.com" could not be looked up just now (no answer from the name server)'],
    ['EHOSTUNREACH', 'ftp.example.com cannot be reached from this computer (no route to it)'],
    ['ENETUNREACH', 'ftp.example.com cannot be reached from this computer (no route to it)'],
    ['ECONNRESET', 'ftp.example.com:2121 closed the connection as soon as it was opened'],
    ['ETIMEDOUT', 'ftp.example.com:2121 did not answer'],
  ])('%s', (errno, words) => {
    expect(connectFailureWords('ftp.example.com', 2121, errno)).toBe(words);
  });

  it('has no words for other codes, which keep the system message', () => {
    expect(connectFailureWords('h', 21, 'EWHATEVER')).toBeUndefined();
    expect(connectFailureWords('h', 21, undefined)).toBeUndefined();
  });
});

describe('tlsHandshakeHint', () => {
  it('says to use explicit TLS when an implicit TLS handshake met plain FTP', () => {
    expect(tlsHandshakeHint('C0D7A2E1:error:0A00010B:SSL routines:ssl3_get_record:wrong version number', true)).toMatch(/probably speaks plain FTP.*explicit FTP over TLS/);
    expect(tlsHandshakeHint('packet length too long', false)).toMatch(/did not answer in TLS after accepting AUTH TLS/);
  });

  it('says nothing about other handshake failures', () => {
    expect(tlsHandshakeHint('sslv3 alert handshake failure', true)).toBeUndefined();
  });
});
