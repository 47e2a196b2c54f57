/**
 * The four ways of opening a data connection as small values: the passive ones (EPSV, RFC 2428;
 * PASV, RFC 959), where we connect to a port the server names, and the active ones (EPRT, PORT),
 * where the server connects to a port we name. And the order they are tried in.
 * Must not import electron or React.
 */
import type { DataMode, DataStrategy } from '../../../shared/domain';
import type { FtpReply } from '../reply';
import { choosePassiveHost } from './choosePassiveHost';
import { formatEprtArgument, formatPortArgument, parseEpsvReply, parsePasvReply, type HostPort } from './dataAddress';

/** We connect to the port the server's reply names. */
export interface PassiveStrategy {
  readonly name: 'EPSV' | 'PASV';
  readonly isPassive: true;
  /** The mode command. */
  readonly command: 'EPSV' | 'PASV';
  /** The code of the reply that names the port. */
  readonly accepted: 229 | 227;
  /** Where to connect, from the accepted reply and the control connection's peer; `note` says why an announced host was not used. */
  target(reply: FtpReply, controlPeer: string): HostPort & { note?: string };
}

/** The server connects to a port we listen on and name. */
export interface ActiveStrategy {
  readonly name: 'EPRT' | 'PORT';
  readonly isPassive: false;
  /** Why it cannot be used from this local address, if it cannot. */
  unusableFrom(localAddress: string): string | undefined;
  /** The mode command naming where we listen. */
  command(address: HostPort): string;
  /** The code of the reply that accepts it. */
  readonly accepted: 200;
}

export type Strategy = PassiveStrategy | ActiveStrategy;

export const STRATEGIES: Readonly<Record<DataStrategy, Strategy>> = {
  EPSV: {
    name: 'EPSV',
    isPassive: true,
    command: 'EPSV',
    accepted: 229,
    // RFC 2428 §3: EPSV names only a port; the host is the one we are connected to.
    target: (reply, controlPeer) => ({ host: controlPeer, port: parseEpsvReply(reply.text) }),
  },
  PASV: {
    name: 'PASV',
    isPassive: true,
    command: 'PASV',
    accepted: 227,
    target: (reply, controlPeer) => {
      const announced = parsePasvReply(reply.text);
      const choice = choosePassiveHost(announced.host, controlPeer);
      return { host: choice.host, port: announced.port, note: choice.note };
    },
  },
  EPRT: {
    name: 'EPRT',
    isPassive: false,
    unusableFrom: () => undefined,
    command: (address) => `EPRT ${formatEprtArgument(address)}`,
    accepted: 200,
  },
  PORT: {
    name: 'PORT',
    isPassive: false,
    unusableFrom: (localAddress) => (localAddress.includes(':') ? 'PORT cannot express an IPv6 address' : undefined),
    command: (address) => `PORT ${formatPortArgument(address)}`,
    accepted: 200,
  },
};

const PASSIVE: DataStrategy[] = ['EPSV', 'PASV'];
const ACTIVE: DataStrategy[] = ['EPRT', 'PORT'];

/** The strategies to try, in order: the one that worked last first, then the rest of the mode's default order. */
export function strategyOrder(mode: DataMode, forced?: DataStrategy, remembered?: DataStrategy): DataStrategy[] {
  if (forced) return [forced];
  const base = mode === 'passive' ? PASSIVE : mode === 'active' ? ACTIVE : [...PASSIVE, ...ACTIVE];
  if (!remembered || !base.includes(remembered)) return base;
  return [remembered, ...base.filter((s) => s !== remembered)];
}

/** Whether a strategy is passive (we connect) or active (the server connects). */
export function isPassive(strategy: DataStrategy): boolean {
  return STRATEGIES[strategy].isPassive;
}

/** Whether a reply is one that answers a mode command (227, 228, 229): it never ends a data command. */
export function isModeReply(reply: FtpReply): boolean {
  return reply.code === 227 || reply.code === 228 || reply.code === 229;
}
