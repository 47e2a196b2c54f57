/**
 * The policy for the address of a PASV reply: data connections only ever go to the host the
 * control connection is connected to. A 227 naming another address (a NATed server announcing
 * its private address, a misconfigured masquerade address, or a hostile server trying to make
 * us connect to a third host — the FTP bounce problem, RFC 2577) is replaced by the control peer.
 * Pure. Must not import electron or React.
 */
import net from 'node:net';

/** Where to connect for a PASV reply, and a log note when the announced address was replaced. */
export interface PassiveHostChoice {
  host: string;
  note?: string;
}

/** Whether an IPv4 address is not routable from elsewhere (private, loopback, link-local, CGNAT, unspecified). */
export function isUnroutableIPv4(address: string): boolean {
  if (!net.isIPv4(address)) return false;
  const [a, b] = address.split('.').map(Number);
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
}

/** Chooses the data host for a PASV reply: always the control peer; says why when the announced address differs. */
export function choosePassiveHost(announced: string, controlPeer: string): PassiveHostChoice {
  if (announced === controlPeer) return { host: controlPeer };
  const why = announced === '0.0.0.0'
    ? 'an unspecified address'
    : isUnroutableIPv4(announced)
      ? 'an unroutable address'
      : 'a different host';
  return {
    host: controlPeer,
    note: `The server sent ${why} (${announced}) in its PASV reply; connecting to ${controlPeer} instead`,
  };
}
