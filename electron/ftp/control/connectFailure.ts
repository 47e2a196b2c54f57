/**
 * What a failed connect means, in words a user can act on: Node's errno codes (ECONNREFUSED,
 * ENOTFOUND...) and OpenSSL's handshake errors say what broke, not what to do about it.
 * Pure. Must not import electron or React.
 */

/** Why a TCP connect to `host:port` failed, from the system's error code; undefined for codes without words. */
export function connectFailureWords(host: string, port: number, errno: string | undefined): string | undefined {
  switch (errno) {
    case 'ECONNREFUSED':
      return `${host}:${port} refused the connection: no server listens on that port, or a firewall turns it away`;
    case 'ENOTFOUND':
      return `Unknown host "${host}": no address was found for this name`;
    case 'EAI_AGAIN':
      return `The name "${host}" could not be looked up just now (no answer from the name server)`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${host} cannot be reached from this computer (no route to it)`;
    case 'ECONNRESET':
      return `${host}:${port} closed the connection as soon as it was opened`;
    case 'ETIMEDOUT':
      return `${host}:${port} did not answer`;
    default:
      return undefined;
  }
}

// OpenSSL's words when what came back was not TLS at all: a plain FTP greeting read as a record.
const NOT_TLS = /wrong version number|unknown protocol|packet length too long|record layer failure|http request/i;

/**
 * What to do about a failed TLS handshake, when the reply shows the server did not speak TLS: a
 * port for plain FTP (usually 21) takes TLS only after AUTH TLS, i.e. explicit TLS.
 */
export function tlsHandshakeHint(message: string, isImplicit: boolean): string | undefined {
  if (!NOT_TLS.test(message)) return undefined;
  return isImplicit
    ? 'The server did not answer in TLS: this port probably speaks plain FTP. Use explicit FTP over TLS (AUTH TLS) instead of implicit TLS'
    : 'The server did not answer in TLS after accepting AUTH TLS';
}
