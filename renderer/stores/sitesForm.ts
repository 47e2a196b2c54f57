/**
 * The Site Manager's edit form as plain data: a site turned into the text the fields show,
 * back into the contract's site input (with the password decision: keep, replace or forget),
 * dirty tracking against the last saved state, and errors mapped onto fields.
 * Pure functions only; the main process validates every field again in depth.
 */
import type { DataMode, ErrorInfo, LogonType, Protocol, Site, TlsMode } from '../../shared/domain';
import type { MethodInput } from '../../shared/contract';
import { hasSecret } from '../../shared/sites';
import { protocolOf, type ProtocolChoice } from '../lib/protocolChoice';
import type { ServerType } from '../../shared/serverType';
import type { DetectedClock } from '../../shared/serverClock';

/** How the character set is chosen in the form. */
export type CharsetMode = 'auto' | 'utf8' | 'custom';

/** Which server clock offset the site uses. */
export type ClockMode =
  /** The one Ferry detected (none until it has). */
  | 'detected'
  /** None: the server's times are taken as they are. */
  | 'none'
  /** The one typed in the form. */
  | 'custom';

/** Every field of the form, as the user edits it (numbers are text until saved). */
export interface SiteForm {
  name: string;
  folder: string;
  protocol: Protocol;
  host: string;
  port: string;
  /** FTP's security; kept (and ignored) while the protocol is SFTP, so switching back restores it. */
  tls: TlsMode;
  logonType: LogonType;
  user: string;
  /** SFTP with logon type `key`: the private key file. */
  keyFile: string;
  /** Typed text (the key's passphrase for logon type `key`); empty keeps the saved one (unless `forgetPassword`). Never filled from the main process. */
  password: string;
  forgetPassword: boolean;
  /** Whether the site has a saved password, as last reported (never the password itself). */
  hasSavedPassword: boolean;
  dataMode: DataMode;
  charsetMode: CharsetMode;
  charsetName: string;
  serverType: ServerType;
  localDir: string;
  remoteDir: string;
  syncBrowsing: boolean;
  maxConnections: string;
  comments: string;
  /** The certificate the user chose to trust always; empty when none or forgotten. */
  trustedFingerprint: string;
  clockMode: ClockMode;
  /** A custom offset: the server ahead of this computer (`+`) or behind it (`-`), by hours and minutes. */
  clockSign: '+' | '-';
  clockHours: string;
  clockMinutes: string;
  /** What Ferry detected, as last reported; shown, never sent. */
  clockDetected?: DetectedClock;
}

/** Field name → message, for showing errors next to fields. */
export type FieldErrors = Record<string, string>;

/** The site input the contract takes for create and update. */
export type SiteInputData = MethodInput<'sitesCreate'>['site'];

/** A form turned into what to send, or the fields the renderer can already tell are wrong. */
export type FormConversion =
  | { ok: true; site: SiteInputData; password: string | null | undefined }
  | { ok: false; errors: FieldErrors };

/** The change a Protocol choice makes: the protocol, FTP's TLS mode, and a logon type the protocol has. */
export function protocolChange(form: Pick<SiteForm, 'logonType'>, choice: ProtocolChoice): Partial<SiteForm> {
  const protocol = protocolOf(choice);
  const patch: Partial<SiteForm> = choice === 'sftp' ? { protocol } : { protocol, tls: choice };
  if (!logonOptionsFor(protocol).some((o) => o.value === form.logonType)) patch.logonType = 'normal';
  return patch;
}

/** Logon type choices of each protocol. */
export function logonOptionsFor(protocol: Protocol): { value: LogonType; label: string }[] {
  const password = [
    { value: 'normal', label: 'Normal (user and password)' },
    { value: 'ask', label: 'Ask for password' },
  ] as const;
  if (protocol !== 'sftp') return [{ value: 'anonymous', label: 'Anonymous' }, ...password];
  return [
    ...password,
    { value: 'key', label: 'Key file' },
    { value: 'agent', label: 'Use the SSH agent' },
    { value: 'interactive', label: 'Interactive (the server asks)' },
  ];
}

/** Transfer mode choices. */
export const DATA_MODE_OPTIONS: { value: DataMode; label: string }[] = [
  { value: 'auto', label: 'Default (passive, then active)' },
  { value: 'passive', label: 'Passive' },
  { value: 'active', label: 'Active' },
];

/** A blank form for a new site in `folder`. */
export function emptyForm(folder: string, name: string): SiteForm {
  return {
    name,
    folder,
    protocol: 'ftp',
    host: '',
    port: '',
    tls: 'explicit-if-available',
    logonType: 'normal',
    user: '',
    keyFile: '',
    password: '',
    forgetPassword: false,
    hasSavedPassword: false,
    dataMode: 'auto',
    charsetMode: 'auto',
    charsetName: '',
    serverType: 'auto',
    localDir: '',
    remoteDir: '',
    syncBrowsing: false,
    maxConnections: '',
    comments: '',
    trustedFingerprint: '',
    ...clockFields(undefined),
  };
}

/** The clock fields showing a site's override: none set, "none" (0), or a custom offset. */
function clockFields(overrideMs: number | undefined): Pick<SiteForm, 'clockMode' | 'clockSign' | 'clockHours' | 'clockMinutes'> {
  if (overrideMs === undefined || overrideMs === 0) return { clockMode: overrideMs === 0 ? 'none' : 'detected', clockSign: '+', clockHours: '', clockMinutes: '' };
  const minutes = Math.round(Math.abs(overrideMs) / 60_000);
  return { clockMode: 'custom', clockSign: overrideMs < 0 ? '-' : '+', clockHours: String(Math.floor(minutes / 60)), clockMinutes: String(minutes % 60) };
}

/** The override the clock fields say: null for the detected offset, 0 for none, or the custom offset (or 'bad'). */
function clockOverrideOf(form: SiteForm): number | null | 'bad' {
  if (form.clockMode === 'detected') return null;
  if (form.clockMode === 'none') return 0;
  const hours = parseWhole(form.clockHours);
  const minutes = parseWhole(form.clockMinutes);
  if (hours === 'bad' || minutes === 'bad' || (hours ?? 0) > 24 || (minutes ?? 0) > 59) return 'bad';
  const total = ((hours ?? 0) * 60 + (minutes ?? 0)) * 60_000;
  if (total > 24 * 3_600_000) return 'bad';
  return form.clockSign === '-' ? -total : total;
}

/** The form showing a saved site. */
export function siteToForm(site: Site): SiteForm {
  const charsetMode: CharsetMode = site.charset === 'auto' ? 'auto' : site.charset === 'utf8' ? 'utf8' : 'custom';
  return {
    name: site.name,
    folder: site.folder,
    protocol: site.protocol ?? 'ftp',
    host: site.host,
    port: site.port ? String(site.port) : '',
    tls: site.tls,
    logonType: site.logonType,
    user: site.user ?? '',
    keyFile: site.keyFile ?? '',
    password: '',
    forgetPassword: false,
    hasSavedPassword: site.hasPassword === true,
    dataMode: site.dataMode,
    charsetMode,
    charsetName: charsetMode === 'custom' ? site.charset : '',
    serverType: site.serverType ?? 'auto',
    localDir: site.localDir ?? '',
    remoteDir: site.remoteDir ?? '',
    syncBrowsing: site.syncBrowsing === true,
    maxConnections: site.maxConnections ? String(site.maxConnections) : '',
    comments: site.comments ?? '',
    trustedFingerprint: site.trustedFingerprint ?? '',
    ...clockFields(site.clockOverrideMs),
    ...(site.clockDetected ? { clockDetected: site.clockDetected } : {}),
  };
}

// Empty means "default"; anything else must be a whole number. Ranges are the main process's job.
function parseWhole(text: string): number | null | 'bad' {
  const t = text.trim();
  if (t === '') return null;
  return /^\d{1,9}$/.test(t) ? Number(t) : 'bad';
}

/** Converts the form into site input; empty optional fields clear the saved value. */
export function formToInput(form: SiteForm): FormConversion {
  const errors: FieldErrors = {};
  const port = parseWhole(form.port);
  if (port === 'bad') errors.port = 'Port must be a whole number from 1 to 65535';
  const maxConnections = parseWhole(form.maxConnections);
  if (maxConnections === 'bad') errors.maxConnections = 'Maximum connections must be a whole number';
  const isSftp = form.protocol === 'sftp';
  if (!isSftp && form.charsetMode === 'custom' && form.charsetName.trim() === '') errors.charset = 'Enter an encoding name such as ISO-8859-1';
  if (isSftp && form.logonType === 'key' && form.keyFile.trim() === '') errors.keyFile = 'Choose the private key file to log in with';
  const clockOverrideMs = clockOverrideOf(form);
  if (clockOverrideMs === 'bad') errors.clockOverrideMs = 'Enter whole hours (0 to 24) and minutes (0 to 59), at most 24 hours';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const site: SiteInputData = {
    name: form.name,
    folder: form.folder,
    protocol: form.protocol,
    host: form.host.trim(),
    port: port as number | null,
    tls: form.tls,
    logonType: form.logonType,
    // An anonymous site keeps no user name: FileZilla logs in as "anonymous" regardless.
    user: form.logonType === 'anonymous' ? '' : form.user,
    keyFile: isSftp && form.logonType === 'key' ? form.keyFile.trim() : '',
    dataMode: form.dataMode,
    // Character set and server type are FTP's: an SFTP site keeps the defaults.
    charset: isSftp ? 'auto' : form.charsetMode === 'custom' ? form.charsetName.trim() : form.charsetMode,
    serverType: isSftp ? 'auto' : form.serverType,
    localDir: form.localDir,
    remoteDir: form.remoteDir,
    syncBrowsing: form.syncBrowsing,
    maxConnections: maxConnections as number | null,
    comments: form.comments,
    trustedFingerprint: form.trustedFingerprint || null,
    clockOverrideMs: clockOverrideMs as number | null,
  };
  return { ok: true, site, password: passwordDecision(form) };
}

/** What to do with the saved password (a key's passphrase): text replaces it, `null` forgets it, undefined keeps it. */
export function passwordDecision(form: SiteForm): string | null | undefined {
  if (!hasSecret(form.logonType)) return undefined;
  if (form.password !== '') return form.password;
  return form.forgetPassword ? null : undefined;
}

const COMPARED: (keyof SiteForm)[] = [
  'name', 'folder', 'protocol', 'host', 'port', 'tls', 'logonType', 'user', 'keyFile', 'dataMode', 'charsetMode', 'charsetName', 'serverType',
  'localDir', 'remoteDir', 'syncBrowsing', 'maxConnections', 'comments', 'trustedFingerprint',
  'clockMode', 'clockSign', 'clockHours', 'clockMinutes',
];

/** Whether the form differs from what was last saved (a typed password or a forget counts). */
export function isFormDirty(form: SiteForm, baseline: SiteForm): boolean {
  if (form.password !== '' || form.forgetPassword) return true;
  return COMPARED.some((key) => form[key] !== baseline[key]);
}

/** Field names the form knows, so an error for anything else is shown above the form. */
const FORM_FIELDS = new Set<string>([...COMPARED, 'password', 'charset', 'clockOverrideMs']);

/** The errors a failed save shows: per field where the error names one, and a general message otherwise. */
export function errorsFromResult(error: ErrorInfo): { fields: FieldErrors; general: string | null } {
  const fields: FieldErrors = {};
  const stray: string[] = [];
  const add = (field: string, message: string) => {
    if (!FORM_FIELDS.has(field)) return stray.push(message);
    fields[field] = fields[field] ? `${fields[field]}; ${message}` : message;
  };
  if (error.issues?.length) {
    for (const issue of error.issues) add(issue.field, issue.message);
  } else if (error.kind === 'invalid-request') {
    // The contract's schema check names fields as `site.port: …` or `patch.port: …`.
    for (const part of error.message.replace(/^invalid input for \w+: /, '').split('; ')) {
      const m = /^(?:site|patch)\.(\w+): (.*)$/.exec(part);
      if (m) add(m[1], m[2]);
      else stray.push(part);
    }
  } else {
    stray.push(error.message);
  }
  return { fields, general: stray.length > 0 ? stray.join('; ') : null };
}

// The main process enforces the same minimum; checking here says it before a round trip.
const MIN_MASTER_PASSWORD_LENGTH = 8;

/** Checks a new master password and its repetition; returns the problem, or null. */
export function newPasswordProblem(next: string, repeat: string): string | null {
  if (next.length < MIN_MASTER_PASSWORD_LENGTH) return `Use at least ${MIN_MASTER_PASSWORD_LENGTH} characters`;
  if (next !== repeat) return 'The two entries differ';
  return null;
}
