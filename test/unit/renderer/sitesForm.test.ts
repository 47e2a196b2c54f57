/** The Site Manager's form: site ↔ fields, the password decision, dirty tracking and error mapping. */
import { describe, expect, it } from 'vitest';
import type { Site } from '../../../shared/domain';
import {
  emptyForm, errorsFromResult, formToInput, isFormDirty, logonOptionsFor, newPasswordProblem, passwordDecision, protocolChange, siteToForm,
} from '../../../renderer/stores/sitesForm';
import { protocolChoiceOf } from '../../../renderer/lib/protocolChoice';

const saved: Site = {
  id: 's1',
  name: 'Company web',
  folder: 'Work',
  host: 'www.example.com',
  port: 2121,
  tls: 'explicit',
  logonType: 'normal',
  user: 'deploy',
  dataMode: 'passive',
  charset: 'ISO-8859-1',
  localDir: '/home/ana/web',
  remoteDir: '/public/html',
  maxConnections: 3,
  comments: 'Call Bob',
  hasPassword: true,
};

describe('siteToForm / formToInput', () => {
  it('shows a saved site as text fields and never holds its password', () => {
    const form = siteToForm(saved);
    expect(form).toMatchObject({ port: '2121', maxConnections: '3', charsetMode: 'custom', charsetName: 'ISO-8859-1', password: '', hasSavedPassword: true });
    expect(siteToForm({ ...saved, charset: 'utf8' })).toMatchObject({ charsetMode: 'utf8', charsetName: '' });
    expect(siteToForm({ ...saved, port: undefined, maxConnections: undefined })).toMatchObject({ port: '', maxConnections: '' });
  });

  it('turns the fields back into site input, empty optional fields clearing the saved value', () => {
    const result = formToInput({ ...siteToForm(saved), port: ' ', maxConnections: '', remoteDir: '' });
    expect(result).toEqual({
      ok: true,
      password: undefined,
      site: {
        name: 'Company web', folder: 'Work', protocol: 'ftp', host: 'www.example.com', port: null, tls: 'explicit', logonType: 'normal', user: 'deploy', keyFile: '',
        dataMode: 'passive', charset: 'ISO-8859-1', serverType: 'auto', localDir: '/home/ana/web', remoteDir: '', syncBrowsing: false, maxConnections: null, comments: 'Call Bob',
        trustedFingerprint: null, clockOverrideMs: null,
      },
    });
  });

  it('shows the server clock override as a choice, hours and minutes, and sends it in milliseconds', () => {
    const HOUR = 3_600_000;
    expect(siteToForm(saved)).toMatchObject({ clockMode: 'detected', clockSign: '+', clockHours: '', clockMinutes: '' });
    expect(siteToForm({ ...saved, clockOverrideMs: 0 })).toMatchObject({ clockMode: 'none' });
    expect(siteToForm({ ...saved, clockOverrideMs: -5.5 * HOUR })).toMatchObject({ clockMode: 'custom', clockSign: '-', clockHours: '5', clockMinutes: '30' });
    const detected = { offsetMs: HOUR, atMs: 1_780_000_000_000 };
    expect(siteToForm({ ...saved, clockDetected: detected }).clockDetected).toEqual(detected);

    const form = siteToForm(saved);
    const overrideOf = (patch: Partial<typeof form>) => {
      const r = formToInput({ ...form, ...patch });
      return r.ok ? r.site.clockOverrideMs : r.errors;
    };
    expect(overrideOf({})).toBeNull();
    expect(overrideOf({ clockMode: 'none' })).toBe(0);
    expect(overrideOf({ clockMode: 'custom', clockHours: '2' })).toBe(2 * HOUR);
    expect(overrideOf({ clockMode: 'custom', clockSign: '-', clockHours: '', clockMinutes: '45' })).toBe(-45 * 60_000);
    const bad = { clockOverrideMs: 'Enter whole hours (0 to 24) and minutes (0 to 59), at most 24 hours' };
    expect(overrideOf({ clockMode: 'custom', clockHours: '1.5' })).toEqual(bad);
    expect(overrideOf({ clockMode: 'custom', clockHours: '24', clockMinutes: '1' })).toEqual(bad);
    expect(overrideOf({ clockMode: 'custom', clockMinutes: '60' })).toEqual(bad);
    expect(isFormDirty({ ...form, clockMode: 'none' }, form)).toBe(true);
    expect(isFormDirty({ ...form, clockDetected: detected }, form)).toBe(false);
  });

  it('drops the user of an anonymous site and sends the chosen charset mode', () => {
    const result = formToInput({ ...siteToForm(saved), logonType: 'anonymous', charsetMode: 'utf8' });
    expect(result.ok && result.site).toMatchObject({ user: '', charset: 'utf8' });
  });

  it('refuses what it can already tell is wrong, per field', () => {
    const result = formToInput({ ...emptyForm('', 'x'), port: '21a', maxConnections: 'many', charsetMode: 'custom', charsetName: ' ' });
    expect(result).toEqual({
      ok: false,
      errors: {
        port: 'Port must be a whole number from 1 to 65535',
        maxConnections: 'Maximum connections must be a whole number',
        charset: 'Enter an encoding name such as ISO-8859-1',
      },
    });
  });
});

describe('SFTP in the form', () => {
  const sftpSite: Site = { id: 's2', name: 'Shell', folder: '', protocol: 'sftp', host: 'shell.example.org', tls: 'explicit-if-available', logonType: 'key', user: 'ana', keyFile: '/home/ana/.ssh/id_ed25519', dataMode: 'auto', charset: 'auto', hasPassword: true };

  it('shows SFTP as one more protocol choice, keeping FTP’s TLS mode to switch back to', () => {
    const form = siteToForm(sftpSite);
    expect(form).toMatchObject({ protocol: 'sftp', keyFile: '/home/ana/.ssh/id_ed25519', hasSavedPassword: true });
    expect(protocolChoiceOf(form)).toBe('sftp');
    expect(protocolChoiceOf(siteToForm(saved))).toBe('explicit');
    expect(protocolChange(form, 'implicit')).toEqual({ protocol: 'ftp', tls: 'implicit', logonType: 'normal' });
    expect(protocolChange({ logonType: 'anonymous' }, 'sftp')).toEqual({ protocol: 'sftp', logonType: 'normal' });
    expect(protocolChange({ logonType: 'ask' }, 'sftp')).toEqual({ protocol: 'sftp' });
  });

  it('offers each protocol its own logon types', () => {
    expect(logonOptionsFor('ftp').map((o) => o.value)).toEqual(['anonymous', 'normal', 'ask']);
    expect(logonOptionsFor('sftp').map((o) => o.value)).toEqual(['normal', 'ask', 'key', 'agent', 'interactive']);
    expect(logonOptionsFor('sftp').find((o) => o.value === 'agent')?.label).toBe('Use the SSH agent');
  });

  it('sends the key file only for key logon and FTP’s charset and server type never', () => {
    const form = { ...siteToForm(sftpSite), charsetMode: 'custom' as const, charsetName: '', serverType: 'mvs' as const };
    const result = formToInput(form);
    expect(result.ok && result.site).toMatchObject({ protocol: 'sftp', logonType: 'key', keyFile: '/home/ana/.ssh/id_ed25519', charset: 'auto', serverType: 'auto' });
    const agent = formToInput({ ...form, logonType: 'agent' });
    expect(agent.ok && agent.site.keyFile).toBe('');
    expect(formToInput({ ...form, keyFile: ' ' })).toEqual({ ok: false, errors: { keyFile: 'Choose the private key file to log in with' } });
  });

  it('keeps, replaces or forgets a key’s passphrase as a password, and nothing for the agent or interactive logon', () => {
    const form = siteToForm(sftpSite);
    expect(passwordDecision({ ...form, password: 'phrase' })).toBe('phrase');
    expect(passwordDecision({ ...form, forgetPassword: true })).toBeNull();
    expect(passwordDecision({ ...form, logonType: 'agent', password: 'x' })).toBeUndefined();
    expect(passwordDecision({ ...form, logonType: 'interactive', password: 'x' })).toBeUndefined();
    expect(isFormDirty({ ...form, keyFile: '/other' }, form)).toBe(true);
    expect(isFormDirty({ ...form, protocol: 'ftp' }, form)).toBe(true);
  });
});

describe('passwordDecision', () => {
  const form = siteToForm(saved);
  it('keeps the saved password unless the user typed one or asked to forget it', () => {
    expect(passwordDecision(form)).toBeUndefined();
    expect(passwordDecision({ ...form, password: 'n3w' })).toBe('n3w');
    expect(passwordDecision({ ...form, forgetPassword: true })).toBeNull();
  });
  it('sends nothing for logon types that never save one', () => {
    expect(passwordDecision({ ...form, logonType: 'ask', password: 'typed' })).toBeUndefined();
    expect(passwordDecision({ ...form, logonType: 'anonymous' })).toBeUndefined();
  });
});

describe('isFormDirty', () => {
  const base = siteToForm(saved);
  it('is clean when nothing changed', () => {
    expect(isFormDirty({ ...base }, base)).toBe(false);
  });
  it('notices edited fields, a typed password and a forgotten password', () => {
    expect(isFormDirty({ ...base, host: 'other.example.com' }, base)).toBe(true);
    expect(isFormDirty({ ...base, password: 'x' }, base)).toBe(true);
    expect(isFormDirty({ ...base, forgetPassword: true }, base)).toBe(true);
    expect(isFormDirty({ ...base, trustedFingerprint: 'AB:CD' }, base)).toBe(true);
  });
  it('ignores the saved-password flag, which the main process reports', () => {
    expect(isFormDirty({ ...base, hasSavedPassword: false }, base)).toBe(false);
  });
});

describe('errorsFromResult', () => {
  it('puts validation issues next to their fields and unknown fields above the form', () => {
    const { fields, general } = errorsFromResult({
      kind: 'site-invalid',
      message: 'Host is required; Port must be…',
      issues: [
        { field: 'host', message: 'Host is required' },
        { field: 'port', message: 'Port must be a whole number from 1 to 65535' },
        { field: 'user', message: 'User name is required for normal logon' },
        { field: 'user', message: 'User name cannot be only spaces' },
        { field: 'masterPassword', message: 'Too short' },
      ],
    });
    expect(fields).toEqual({
      host: 'Host is required',
      port: 'Port must be a whole number from 1 to 65535',
      user: 'User name is required for normal logon; User name cannot be only spaces',
    });
    expect(general).toBe('Too short');
  });

  it('reads field names out of the contract check of the transport', () => {
    const { fields, general } = errorsFromResult({
      kind: 'invalid-request',
      message: 'invalid input for sitesUpdate: patch.port: Invalid input: expected int, received number; id: Too small',
    });
    expect(fields).toEqual({ port: 'Invalid input: expected int, received number' });
    expect(general).toBe('id: Too small');
  });

  it('shows any other error as a general message', () => {
    expect(errorsFromResult({ kind: 'secrets-locked', message: 'The password store is locked' })).toEqual({
      fields: {},
      general: 'The password store is locked',
    });
  });
});

describe('newPasswordProblem', () => {
  it('asks for 8 characters typed the same twice', () => {
    expect(newPasswordProblem('short', 'short')).toBe('Use at least 8 characters');
    expect(newPasswordProblem('long enough', 'long enougH')).toBe('The two entries differ');
    expect(newPasswordProblem('long enough', 'long enough')).toBeNull();
  });
});
