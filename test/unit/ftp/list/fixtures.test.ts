/**
 * Whole listings as real servers send them, parsed end to end through the registry.
 * Provenance of each file: test/fixtures/listings/README.md (captured from live servers, or
 * `*-sample-*` written after the server's printf formats).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { FileEntry } from '../../../../shared/domain';
import { parseListing, parseMlstReply, type ListFormat, type ListParseOptions } from '../../../../electron/ftp/list';

function fixture(name: string): string {
  return readFileSync(new URL(`../../../fixtures/listings/${name}`, import.meta.url), 'utf8');
}

const CAPTURED_AT = Date.UTC(2026, 10, 21, 20, 16);
const HAND_NOW = Date.UTC(2024, 2, 15, 12, 0);
const t = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number => Date.UTC(y, mo - 1, d, h, mi, s, ms);

interface FixtureCase {
  file: string;
  options: ListParseOptions;
  format: ListFormat;
  count: number;
  /** Entries checked field by field (toEqual when `exact`, else toMatchObject), by name. */
  expected: Array<Partial<FileEntry> & { name: string }>;
  exact?: boolean;
  /** Every name the listing must yield, when the whole set is known (the captured directory). */
  names?: readonly string[];
}

/** The captured directory's entries (see the fixtures README); servers differ in which they show. */
const CAPTURED_NAMES = [
  ' leading space.txt', '.hidden', 'A Folder', 'big.bin', 'dangling', 'dir link', 'disk-dev', 'fifo', 'future.txt',
  'inner  two  spaces.txt', 'link-to-plain', 'null-dev', 'numeric-owner.dat', 'plain.txt', 'recent.txt',
  'semi;colon;name.txt', 'sock', 'sub', 'trailing space.txt ', 'ünïcödé.txt',
];
const without = (...names: string[]): string[] => CAPTURED_NAMES.filter((name) => !names.includes(name));

const root = { owner: 'root', group: 'root' };
const pyNow = t(2026, 11, 21, 20, 8);

const cases: FixtureCase[] = [
  {
    file: 'pyftpdlib-1.5.7-list.txt',
    options: { nowMs: CAPTURED_AT },
    format: 'unix',
    count: 20,
    names: CAPTURED_NAMES,
    exact: true,
    expected: [
      { name: ' leading space.txt', type: 'file', sizeBytes: 2, modifiedMs: pyNow, timePrecision: 'minute', permissions: 'rw-------', ...root },
      { name: '.hidden', type: 'file', sizeBytes: 2, modifiedMs: pyNow, timePrecision: 'minute', permissions: 'rw-r--r--', ...root, isHidden: true },
      { name: 'A Folder', type: 'dir', modifiedMs: t(2001, 12, 31), timePrecision: 'day', permissions: 'rwxr-s---', ...root },
      { name: 'big.bin', type: 'file', sizeBytes: 123456, modifiedMs: pyNow, timePrecision: 'minute', permissions: 'rwsr-xr-x', ...root },
      { name: 'dangling', type: 'link', sizeBytes: 7, modifiedMs: pyNow, timePrecision: 'minute', permissions: 'rwxrwxrwx', ...root, linkTarget: 'missing' },
      { name: 'dir link', type: 'link', sizeBytes: 3, modifiedMs: pyNow, timePrecision: 'minute', permissions: 'rwxrwxrwx', ...root, linkTarget: 'sub' },
      { name: 'disk-dev', type: 'other', sizeBytes: 0, modifiedMs: t(2026, 11, 21, 20, 11), timePrecision: 'minute', permissions: 'rw-r--r--', ...root },
      { name: 'fifo', type: 'other', sizeBytes: 0, modifiedMs: pyNow, timePrecision: 'minute', permissions: 'rw-r--r--', ...root },
      // pyftpdlib prints HH:MM for future times (GNU ls prints the year), so a file dated
      // 2027-01-05 is indistinguishable from one of 2026-01-05: the past reading wins.
      { name: 'future.txt', type: 'file', sizeBytes: 2, modifiedMs: t(2026, 1, 5, 8, 0), timePrecision: 'minute', permissions: 'rw-r--r--', ...root },
      { name: 'inner  two  spaces.txt', type: 'file', sizeBytes: 2, modifiedMs: pyNow, timePrecision: 'minute', permissions: 'rw-r--r--', ...root },
      { name: 'link-to-plain', type: 'link', sizeBytes: 9, modifiedMs: pyNow, timePrecision: 'minute', permissions: 'rwxrwxrwx', ...root, linkTarget: 'plain.txt' },
      { name: 'null-dev', type: 'other', sizeBytes: 0, modifiedMs: t(2026, 11, 21, 20, 11), timePrecision: 'minute', permissions: 'rw-r--r--', ...root },
      { name: 'numeric-owner.dat', type: 'file', sizeBytes: 2, modifiedMs: pyNow, timePrecision: 'minute', permissions: 'rw-r--r--', owner: '12345', group: '54321' },
      { name: 'plain.txt', type: 'file', sizeBytes: 6, modifiedMs: t(2019, 3, 4), timePrecision: 'day', permissions: 'rw-r--r--', ...root },
      { name: 'recent.txt', type: 'file', sizeBytes: 2, modifiedMs: t(2026, 9, 15, 10, 30), timePrecision: 'minute', permissions: 'rw-r--r--', ...root },
      { name: 'semi;colon;name.txt', type: 'file', sizeBytes: 2, modifiedMs: pyNow, timePrecision: 'minute', permissions: 'rw-r--r--', ...root },
      { name: 'sock', type: 'other', sizeBytes: 0, modifiedMs: t(2026, 11, 21, 20, 11), timePrecision: 'minute', permissions: 'rwxr-xr-x', ...root },
      { name: 'sub', type: 'dir', modifiedMs: pyNow, timePrecision: 'minute', permissions: 'rwxrwxrwt', ...root },
      { name: 'trailing space.txt ', type: 'file', sizeBytes: 2, modifiedMs: pyNow, timePrecision: 'minute', permissions: 'rw-r--r--', ...root },
      { name: 'ünïcödé.txt', type: 'file', sizeBytes: 2, modifiedMs: pyNow, timePrecision: 'minute', permissions: 'rw-r--r--', ...root },
    ],
  },
  {
    file: 'pyftpdlib-1.5.7-mlsd-default.txt',
    options: { format: 'mlsd' },
    format: 'mlsd',
    count: 19,
    names: without('dangling'),
    expected: [
      // pyftpdlib follows symlinks in MLSD (and drops dangling ones): the link reads as its target.
      { name: 'link-to-plain', type: 'file', sizeBytes: 6, modifiedMs: t(2019, 3, 4, 5, 6, 7) },
      { name: '.hidden', type: 'file', isHidden: true },
      { name: 'dir link', type: 'dir', sizeBytes: undefined },
      { name: 'trailing space.txt ', type: 'file', sizeBytes: 2 },
      { name: ' leading space.txt', type: 'file' },
      { name: 'semi;colon;name.txt', type: 'file' },
      { name: 'A Folder', type: 'dir', modifiedMs: t(2001, 12, 31, 23, 59, 59) },
      { name: 'future.txt', modifiedMs: t(2027, 1, 5, 8, 0, 0) },
      { name: 'ünïcödé.txt', type: 'file' },
    ],
  },
  {
    file: 'pyftpdlib-1.5.7-mlsd-unix.txt',
    options: {},
    format: 'mlsd',
    count: 19,
    expected: [
      { name: 'numeric-owner.dat', type: 'file', owner: '12345', group: '54321', permissions: 'rw-r--r--', modifiedMs: t(2026, 11, 21, 20, 8, 45) },
      { name: ' leading space.txt', permissions: 'rw-------', owner: '0', group: '0' },
      { name: 'A Folder', type: 'dir', permissions: 'rwxr-x---' },
      { name: 'sub', type: 'dir', permissions: 'rwxrwxrwx' },
      { name: 'big.bin', sizeBytes: 123456, permissions: 'rwxr-xr-x' },
    ],
  },
  {
    file: 'gnu-ls-9.1-la.txt',
    options: { nowMs: CAPTURED_AT },
    format: 'unix',
    count: 20,
    names: CAPTURED_NAMES,
    expected: [
      { name: ' leading space.txt', type: 'file', sizeBytes: 2, modifiedMs: pyNow },
      // GNU ls shows the year for future times, unlike pyftpdlib.
      { name: 'future.txt', modifiedMs: t(2027, 1, 5) },
      { name: 'plain.txt', modifiedMs: t(2019, 3, 4) },
      { name: 'disk-dev', type: 'other', sizeBytes: undefined, permissions: 'rw-r--r--', ...root },
      { name: 'null-dev', type: 'other', sizeBytes: undefined, modifiedMs: t(2026, 11, 21, 20, 11) },
      { name: 'numeric-owner.dat', owner: '12345', group: '54321' },
      { name: 'dir link', type: 'link', linkTarget: 'sub' },
      { name: 'trailing space.txt ' },
    ],
  },
  {
    file: 'gnu-ls-9.1-long-iso.txt',
    // `ls -l` without -a: no dot files.
    options: {},
    format: 'unix',
    count: 19,
    names: without('.hidden'),
    expected: [
      { name: ' leading space.txt', modifiedMs: pyNow, permissions: 'rw-------' },
      { name: 'A Folder', type: 'dir', modifiedMs: t(2001, 12, 31, 23, 59) },
      { name: 'future.txt', modifiedMs: t(2027, 1, 5, 8, 0) },
      { name: 'dangling', type: 'link', linkTarget: 'missing' },
    ],
  },
  {
    file: 'gnu-ls-9.1-full-iso.txt',
    // Listed with TZ=Europe/Berlin: the +0100 in each line wins over any configured offset.
    options: { timezoneOffsetMinutes: 300 },
    format: 'unix',
    count: 19,
    expected: [
      { name: ' leading space.txt', modifiedMs: t(2026, 11, 21, 20, 8, 38) },
      { name: 'A Folder', type: 'dir', modifiedMs: t(2001, 12, 31, 23, 59, 59) },
      { name: 'plain.txt', modifiedMs: t(2019, 3, 4, 5, 6, 7) },
      { name: 'future.txt', modifiedMs: t(2027, 1, 5, 8, 0, 0) },
    ],
  },
  {
    file: 'vsftpd-3.0.3-list-a.txt',
    options: { nowMs: CAPTURED_AT },
    format: 'unix',
    count: 20,
    names: CAPTURED_NAMES,
    expected: [
      { name: ' leading space.txt', type: 'file', sizeBytes: 2, modifiedMs: pyNow, permissions: 'rw-------', owner: '0', group: '0' },
      { name: '.hidden', isHidden: true },
      // vsftpd prints the year for future times, like GNU ls.
      { name: 'future.txt', modifiedMs: t(2027, 1, 5) },
      // ...and 0 where ls prints a device's major and minor numbers.
      { name: 'disk-dev', type: 'other', sizeBytes: 0 },
      { name: 'numeric-owner.dat', owner: '12345', group: '54321' },
      { name: 'dir link', type: 'link', linkTarget: 'sub' },
      { name: 'sub', type: 'dir', permissions: 'rwxrwxrwt', sizeBytes: undefined },
    ],
  },
  {
    file: 'vsftpd-3.0.3-hide-ids-list.txt',
    options: { nowMs: CAPTURED_AT },
    format: 'unix',
    count: 19,
    names: without('.hidden'),
    expected: [
      { name: 'A Folder', type: 'dir', owner: 'ftp', group: 'ftp', modifiedMs: t(2001, 12, 31), permissions: 'rwxr-s---' },
      { name: 'numeric-owner.dat', owner: 'ftp', group: 'ftp' },
      { name: 'recent.txt', modifiedMs: t(2026, 9, 15, 10, 30) },
    ],
  },
  {
    file: 'pure-ftpd-1.0.50-list-a.txt',
    options: { nowMs: CAPTURED_AT },
    format: 'unix',
    // pure-ftpd hides what cannot be downloaded: devices, FIFOs, sockets.
    count: 16,
    names: without('disk-dev', 'fifo', 'null-dev', 'sock'),
    expected: [
      { name: ' leading space.txt', owner: 'root', group: 'root', modifiedMs: pyNow, permissions: 'rw-------' },
      // pure-ftpd prints HH:MM for future times, like pyftpdlib: read as last January.
      { name: 'future.txt', modifiedMs: t(2026, 1, 5, 8, 0) },
      { name: 'plain.txt', modifiedMs: t(2019, 3, 4) },
      { name: 'numeric-owner.dat', owner: '12345', group: '54321' },
      { name: 'dangling', type: 'link', linkTarget: 'missing', sizeBytes: 7 },
    ],
  },
  {
    file: 'pure-ftpd-1.0.50-mlsd.txt',
    options: { format: 'mlsd' },
    format: 'mlsd',
    count: 20,
    names: CAPTURED_NAMES,
    expected: [
      // Logged-in users get `OS.unix=slink:` with the target left out.
      { name: 'link-to-plain', type: 'link', linkTarget: undefined, sizeBytes: 9, permissions: 'rwxrwxrwx', owner: '0', group: '0' },
      { name: 'fifo', type: 'other', sizeBytes: 0 },
      { name: 'sock', type: 'other', permissions: 'rwxr-xr-x' },
      { name: 'sub', type: 'dir', permissions: 'rwxrwxrwt', sizeBytes: undefined },
      { name: 'A Folder', type: 'dir', permissions: 'rwxr-s---', modifiedMs: t(2001, 12, 31, 23, 59, 59) },
      { name: 'big.bin', sizeBytes: 123456, permissions: 'rwsr-xr-x' },
      { name: 'future.txt', modifiedMs: t(2027, 1, 5, 8, 0, 0) },
      { name: ' leading space.txt', permissions: 'rw-------' },
      { name: 'numeric-owner.dat', owner: '12345', group: '54321' },
    ],
  },
  {
    file: 'proftpd-1.3.8-list-a.txt',
    options: { nowMs: CAPTURED_AT },
    format: 'unix',
    count: 20,
    names: CAPTURED_NAMES,
    expected: [
      { name: ' leading space.txt', owner: 'root', group: 'root', modifiedMs: pyNow, permissions: 'rw-------', sizeBytes: 2 },
      { name: 'future.txt', modifiedMs: t(2026, 1, 5, 8, 0) },
      { name: 'null-dev', type: 'other', sizeBytes: 0 },
      { name: 'sock', type: 'other', permissions: 'rwxr-xr-x' },
      { name: 'link-to-plain', type: 'link', linkTarget: 'plain.txt' },
      { name: 'A Folder', type: 'dir', modifiedMs: t(2001, 12, 31) },
    ],
  },
  {
    file: 'proftpd-1.3.8-mlsd.txt',
    options: { format: 'mlsd' },
    format: 'mlsd',
    // ProFTPD leaves out the dangling symlink.
    count: 19,
    names: without('dangling'),
    expected: [
      { name: 'link-to-plain', type: 'link', sizeBytes: 9, permissions: 'rwxrwxrwx' },
      { name: 'dir link', type: 'link' },
      // Anonymous sessions see every owner and group as the anonymous account's names.
      { name: 'numeric-owner.dat', owner: 'ftp', group: 'ftp', modifiedMs: t(2026, 11, 21, 20, 8, 45) },
      { name: 'A Folder', type: 'dir', permissions: 'rwxr-s---' },
      { name: 'fifo', type: 'file', sizeBytes: 0 },
      { name: 'trailing space.txt ', type: 'file' },
    ],
  },
  {
    file: 'vsftpd-sample-hide-ids.txt',
    options: { nowMs: HAND_NOW },
    format: 'unix',
    count: 6,
    exact: true,
    expected: [
      { name: 'incoming', type: 'dir', modifiedMs: t(2024, 2, 29, 9, 15), timePrecision: 'minute', permissions: 'rwxr-xr-x', owner: 'ftp', group: 'ftp' },
      { name: 'README', type: 'file', sizeBytes: 1048576, modifiedMs: t(2024, 3, 14, 23, 59), timePrecision: 'minute', permissions: 'rw-r--r--', owner: 'ftp', group: 'ftp' },
      { name: 'ubuntu-20.04.3-live-server-amd64.iso', type: 'file', sizeBytes: 5368709120, modifiedMs: t(2021, 7, 4), timePrecision: 'day', permissions: 'rw-r--r--', owner: 'ftp', group: 'ftp' },
      { name: 'latest', type: 'link', sizeBytes: 13, modifiedMs: t(2023, 12, 24, 18, 0), timePrecision: 'minute', permissions: 'rwxrwxrwx', owner: 'ftp', group: 'ftp', linkTarget: 'releases/v2.4' },
      { name: '.message', type: 'file', sizeBytes: 0, modifiedMs: t(2023, 10, 1), timePrecision: 'day', permissions: 'rw-r--r--', owner: 'ftp', group: 'ftp', isHidden: true },
      { name: 'Photos 2023', type: 'dir', modifiedMs: t(2023, 9, 16, 7, 5), timePrecision: 'minute', permissions: 'rwxr-xr-x', owner: 'ftp', group: 'ftp' },
    ],
  },
  {
    file: 'vsftpd-sample-numeric.txt',
    options: { nowMs: HAND_NOW },
    format: 'unix',
    count: 5,
    expected: [
      { name: 'public_html', type: 'dir', owner: '1000', group: '1000', modifiedMs: t(2024, 1, 2, 10, 0) },
      { name: '.bash_logout', owner: '1000', group: '1000', isHidden: true, modifiedMs: t(2022, 11, 10) },
      { name: 'deploy.sh', owner: '0', group: '33', sizeBytes: 18432, permissions: 'rwxr-x---' },
      { name: 'notes  (draft).txt', sizeBytes: 73 },
      { name: 'logs', type: 'link', linkTarget: '/var/log/apache2/site', modifiedMs: t(2019, 8, 30) },
    ],
  },
  {
    file: 'pure-ftpd-sample-list-a.txt',
    options: { nowMs: HAND_NOW },
    format: 'unix',
    count: 5,
    expected: [
      { name: '.ftpquota', owner: 'webmaster', group: 'www-data', sizeBytes: 3, modifiedMs: t(2024, 3, 1, 8, 7), isHidden: true },
      { name: 'index.php', sizeBytes: 48213, modifiedMs: t(2024, 2, 9, 17, 42) },
      { name: 'cgi-bin', type: 'dir', modifiedMs: t(2020, 6, 30) },
      { name: 'current', type: 'link', linkTarget: 'releases/2024-03-15', modifiedMs: t(2024, 3, 15, 11, 58) },
      // pure-ftpd cuts names to ten characters; a 12-digit size overflows its column.
      { name: 'y2k.bak', owner: 'verylongus', group: 'developers', sizeBytes: 999999999999, modifiedMs: t(1999, 12, 31) },
    ],
  },
  {
    file: 'pure-ftpd-sample-mlsd.txt',
    options: { format: 'mlsd' },
    format: 'mlsd',
    count: 5,
    expected: [
      { name: '.ftpquota', type: 'file', sizeBytes: 3, owner: '1001', group: '33', permissions: 'rw-r--r--', isHidden: true },
      { name: 'index.php', modifiedMs: t(2024, 2, 9, 17, 42, 10) },
      { name: 'cgi-bin', type: 'dir', sizeBytes: undefined, permissions: 'rwxrwsr-x' },
      { name: 'current', type: 'link', linkTarget: undefined, sizeBytes: 19, permissions: 'rwxrwxrwx' },
      { name: 'a; b;c=d; e.txt', type: 'file', sizeBytes: 12, permissions: 'rw-------' },
    ],
  },
  {
    file: 'pure-ftpd-sample-mlsd-anonymous.txt',
    options: {},
    format: 'mlsd',
    count: 3,
    exact: true,
    expected: [
      { name: 'pub', type: 'dir', modifiedMs: t(2023, 11, 5, 14, 0), permissions: 'rwxr-xr-x' },
      { name: 'latest.tar.gz', type: 'link', linkTarget: 'pub/latest.tar.gz', sizeBytes: 17, modifiedMs: t(2024, 1, 10, 9, 30), permissions: 'rwxrwxrwx' },
      { name: 'welcome.msg', type: 'file', sizeBytes: 2048, modifiedMs: t(2024, 1, 10, 9, 30, 0, 500), permissions: 'rw-r--r--' },
    ],
  },
  {
    file: 'proftpd-sample-list-a.txt',
    options: { nowMs: HAND_NOW },
    format: 'unix',
    count: 5,
    expected: [
      { name: '.bash_logout', owner: 'ftp', group: 'ftp', sizeBytes: 18, modifiedMs: t(2011, 12, 2), isHidden: true },
      { name: 'Maildir', type: 'dir', permissions: 'rwxrwx---', modifiedMs: t(2016, 8, 19) },
      // An owner wider than ProFTPD's %-8s column pushes the rest right.
      { name: 'testfile', owner: 'homologftp', group: '1051', sizeBytes: 0, modifiedMs: t(2023, 8, 4, 15, 43) },
      { name: 'symlink_to_myfile.txt', type: 'link', linkTarget: 'myfile.txt', modifiedMs: t(2023, 7, 18, 0, 24) },
      { name: '.pearrc', owner: 'p284174', group: '284174', modifiedMs: t(2017, 10, 18) },
    ],
  },
  {
    file: 'proftpd-sample-mlsd.txt',
    options: { format: 'mlsd' },
    format: 'mlsd',
    count: 5,
    expected: [
      { name: 'sh', type: 'file', sizeBytes: 736344, owner: 'john', group: 'admins', permissions: 'rw-r--r--', modifiedMs: t(2020, 12, 1, 13, 12, 28) },
      { name: 'test', type: 'dir', owner: 'john', group: 'admins', permissions: 'rwxr-xr-x' },
      { name: 'symlink_to_myfile.txt', type: 'link', permissions: 'rwxrwxrwx', sizeBytes: 10 },
      // ProFTPD sends an empty UNIX.groupname when the gid has no name: fall back to the gid.
      { name: 'testfile', owner: 'homologftp', group: '1051', permissions: 'rwxrwxrwx' },
      { name: '  two leading spaces ', sizeBytes: 69969 },
    ],
  },
  {
    file: 'iis-sample-dos.txt',
    options: {},
    format: 'dos',
    count: 7,
    exact: true,
    expected: [
      { name: 'aspnet_client', type: 'dir', modifiedMs: t(2019, 2, 6, 11, 5), timePrecision: 'minute' },
      { name: 'iisstart.htm', type: 'file', sizeBytes: 703, modifiedMs: t(2019, 2, 6, 10, 58), timePrecision: 'minute' },
      { name: 'millennium.zip', type: 'file', sizeBytes: 12345678901, modifiedMs: t(1999, 12, 31, 0, 0), timePrecision: 'minute' },
      { name: 'Program Files (x86)', type: 'dir', modifiedMs: t(2024, 1, 1, 12, 30), timePrecision: 'minute' },
      { name: 'read me.txt', type: 'file', sizeBytes: 98, modifiedMs: t(2024, 3, 15, 21, 41), timePrecision: 'minute' },
      { name: ' leading space folder', type: 'dir', modifiedMs: t(2023, 7, 4, 1, 0), timePrecision: 'minute' },
      { name: '  two leading.txt', type: 'file', sizeBytes: 5, modifiedMs: t(2023, 7, 4, 1, 0), timePrecision: 'minute' },
    ],
  },
  {
    file: 'iis-sample-dos-4digit-years.txt',
    options: { timezoneOffsetMinutes: -300 },
    format: 'dos',
    count: 3,
    expected: [
      // A server five hours behind UTC: its 2:15 PM is 19:15 UTC.
      { name: 'folder name', type: 'dir', modifiedMs: t(2024, 1, 31, 19, 15) },
      { name: 'file.txt', type: 'file', sizeBytes: 1234, modifiedMs: t(2024, 1, 31, 19, 15) },
      { name: 'empty.log', sizeBytes: 0, modifiedMs: t(1998, 11, 5, 13, 0) },
    ],
  },
  {
    file: 'dos-sample-variants.txt',
    options: {},
    format: 'dos',
    count: 5,
    expected: [
      { name: 'file.txt', type: 'file', sizeBytes: 1234, modifiedMs: t(2024, 1, 31, 14, 15) },
      { name: 'folder name', type: 'dir', modifiedMs: t(2024, 1, 31, 14, 15) },
      { name: 'iso dir', type: 'dir', modifiedMs: t(2024, 1, 31, 0, 5) },
      { name: 'big.bin', sizeBytes: 1234567, modifiedMs: t(2024, 1, 31, 23, 59) },
      { name: 'slash date.txt', sizeBytes: 42, modifiedMs: t(2024, 1, 31, 0, 0) },
    ],
  },
  {
    file: 'filezilla-server-0.9-sample-list.txt',
    options: { nowMs: HAND_NOW },
    format: 'unix',
    count: 5,
    expected: [
      { name: 'Documents', type: 'dir', owner: 'ftp', group: 'ftp', modifiedMs: t(2024, 1, 5, 14, 9) },
      { name: 'setup.log', sizeBytes: 22616, modifiedMs: t(2019, 3, 9) },
      { name: 'Quarterly Report (final).xlsx', sizeBytes: 7340032, modifiedMs: t(2024, 2, 28, 23, 1) },
      { name: 'My Pictures', type: 'dir', modifiedMs: t(2022, 11, 11) },
      { name: 'desktop.ini', sizeBytes: 0, modifiedMs: t(2024, 3, 15, 7, 45) },
    ],
  },
  {
    file: 'filezilla-server-0.9-sample-mlsd.txt',
    options: {},
    format: 'mlsd',
    count: 5,
    exact: true,
    expected: [
      { name: 'Documents', type: 'dir', modifiedMs: t(2024, 1, 5, 14, 9, 12) },
      { name: 'setup.log', type: 'file', sizeBytes: 22616, modifiedMs: t(2019, 3, 9, 10, 15) },
      { name: 'Quarterly Report (final).xlsx', type: 'file', sizeBytes: 7340032, modifiedMs: t(2024, 2, 28, 23, 1, 44) },
      { name: 'My Pictures', type: 'dir', modifiedMs: t(2022, 11, 11, 8, 0) },
      { name: 'desktop.ini', type: 'file', sizeBytes: 0, modifiedMs: t(2024, 3, 15, 7, 45) },
    ],
  },
  {
    file: 'eplf-sample.txt',
    options: {},
    format: 'eplf',
    count: 6,
    exact: true,
    expected: [
      { name: 'dev', type: 'dir', modifiedMs: 824255902000 },
      { name: 'RFCEPLF', type: 'file', sizeBytes: 10376, modifiedMs: 839956783000 },
      { name: 'djb.html', type: 'file', sizeBytes: 280, modifiedMs: 825718503000 },
      { name: 'index.html', type: 'file', sizeBytes: 5, modifiedMs: 824253270000 },
      { name: '.hidden dir', type: 'dir', modifiedMs: 824255907000, permissions: 'rwxr-xr-x', isHidden: true },
      { name: 'name with\ttab', type: 'file', sizeBytes: 0, modifiedMs: 1700000000000, permissions: 'rw-------' },
    ],
  },
  {
    file: 'unix-sample-variants.txt',
    options: { nowMs: HAND_NOW },
    format: 'unix',
    count: 23,
    expected: [
      { name: 'acl.txt', permissions: 'rw-r--r--', owner: 'alice', group: 'staff', sizeBytes: 1024, modifiedMs: t(2024, 1, 31, 12, 0) },
      { name: 'xattr.plist', permissions: 'rw-r--r--', sizeBytes: 2048, modifiedMs: t(2024, 2, 1, 9, 30) },
      { name: 'selinux.conf', permissions: 'rw-r--r--', sizeBytes: 512, modifiedMs: t(2021, 3, 10) },
      { name: 'tmp', type: 'dir', permissions: 'rwxrwxrwt' },
      { name: 'passwd', permissions: 'rwsr-sr-x', sizeBytes: 63960 },
      { name: 'odd-bits', permissions: 'rwSr-Sr-T' },
      { name: 'null', type: 'other', sizeBytes: undefined, owner: 'root', group: 'root', permissions: 'rw-rw-rw-' },
      { name: 'sda', type: 'other', sizeBytes: undefined, owner: 'root', group: 'disk' },
      { name: 'mysqld.sock', type: 'other', sizeBytes: 0 },
      { name: 'fifo', type: 'other' },
      // Servers that drop the group column, or the link count.
      { name: 'no-group.txt', owner: 'owner', group: undefined, sizeBytes: 1234 },
      { name: 'no-link-count.txt', owner: 'owner', group: 'group', sizeBytes: 4321 },
      { name: 'windows group.txt', owner: 'Administrator', group: 'Domain Users', sizeBytes: 77 },
      { name: 'day-first.txt', sizeBytes: 99, modifiedMs: t(2024, 1, 31, 12, 0) },
      { name: 'leap.txt', modifiedMs: t(2024, 2, 29, 8, 0) },
      { name: 'today.txt', modifiedMs: t(2024, 3, 15, 12, 30) },
      // Up to a day ahead is clock skew or an unknown zone, not last year.
      { name: 'tomorrow-clock-skew.txt', modifiedMs: t(2024, 3, 16, 6, 0) },
      { name: 'april.txt', modifiedMs: t(2023, 4, 1, 6, 0) },
      { name: 'bsd-ls-T.txt', modifiedMs: t(2020, 1, 31, 12, 0, 59) },
      { name: 'arrow', type: 'link', linkTarget: 'a -> b' },
      { name: 'no-target', type: 'link', linkTarget: undefined },
      { name: 'trailing tab\t', sizeBytes: 7 },
      { name: '12:00', sizeBytes: 8 },
    ],
  },
];

describe('listing fixtures', () => {
  it.each(cases)('$file', ({ file, options, format, count, expected, exact, names }) => {
    const result = parseListing(fixture(file), options);
    expect(result.unparsed).toEqual([]);
    expect(result.format).toBe(format);
    expect(result.entries).toHaveLength(count);
    if (names) expect(result.entries.map((entry) => entry.name).sort()).toEqual([...names].sort());
    const byName = new Map(result.entries.map((entry) => [entry.name, entry]));
    expect(byName.size).toBe(count);
    for (const want of expected) {
      const got = byName.get(want.name);
      expect(got, `entry ${JSON.stringify(want.name)}`).toBeDefined();
      if (exact) expect(got).toEqual(want);
      else {
        expect(got).toMatchObject(Object.fromEntries(Object.entries(want).filter(([, v]) => v !== undefined)));
        for (const [key, value] of Object.entries(want)) {
          if (value === undefined) expect(got, `${want.name}.${key}`).not.toHaveProperty(key);
        }
      }
    }
    if (exact) expect(result.entries).toHaveLength(expected.length);
  });

  const sub = { name: 'sub', type: 'dir', modifiedMs: t(2026, 11, 21, 20, 8, 38) } as const;
  it.each([
    ['pyftpdlib-1.5.7-mlst.txt', { path: '/sub', entry: { ...sub, permissions: 'rwxrwxrwx', owner: '0', group: '0' } }],
    ['pure-ftpd-1.0.50-mlst.txt', { path: 'sub', entry: { ...sub, permissions: 'rwxrwxrwt', owner: '0', group: '0' } }],
    ['proftpd-1.3.8-mlst.txt', { path: '/sub', entry: { ...sub, permissions: 'rwxrwxrwt', owner: 'ftp', group: 'ftp' } }],
  ])('parses the MLST reply in %s', (file, expected) => {
    expect(parseMlstReply(fixture(file))).toEqual(expected);
  });

  it('has a case for every fixture file', () => {
    const files = readdirSync(new URL('../../../fixtures/listings/', import.meta.url)).filter((name) => name.endsWith('.txt'));
    const covered = new Set([...cases.map((c) => c.file), 'pyftpdlib-1.5.7-mlst.txt', 'pure-ftpd-1.0.50-mlst.txt', 'proftpd-1.3.8-mlst.txt']);
    expect(files.filter((name) => !covered.has(name))).toEqual([]);
  });
});
