import { describe, expect, it } from 'vitest';
import { counterpartOf } from '../../../renderer/lib/syncBrowsing';

const pair = { local: '/home/me/site', remote: '/var/www' };

describe('counterpartOf', () => {
  it('follows into subfolders on either side', () => {
    expect(counterpartOf(pair, 'local', '/home/me/site/css')).toBe('/var/www/css');
    expect(counterpartOf(pair, 'local', '/home/me/site/css/img')).toBe('/var/www/css/img');
    expect(counterpartOf(pair, 'remote', '/var/www/js')).toBe('/home/me/site/js');
  });

  it('follows up towards and past the pair, and back', () => {
    expect(counterpartOf(pair, 'local', '/home/me/site')).toBe('/var/www');
    expect(counterpartOf(pair, 'local', '/home/me')).toBe('/var');
    expect(counterpartOf(pair, 'local', '/home')).toBe('/');
    expect(counterpartOf(pair, 'local', '/')).toBeUndefined();
  });

  it('does not follow beside the pair', () => {
    expect(counterpartOf(pair, 'local', '/home/me/other')).toBeUndefined();
    expect(counterpartOf(pair, 'remote', '/srv')).toBeUndefined();
  });

  it('keeps a Windows local path in its own form', () => {
    const win = { local: 'C:\\Users\\me\\site', remote: '/www' };
    expect(counterpartOf(win, 'remote', '/www/css')).toBe('C:\\Users\\me\\site\\css');
    expect(counterpartOf(win, 'local', 'C:\\Users\\me\\site\\css')).toBe('/www/css');
  });
});
