/**
 * What kind of system a site's server is, for reading its LIST output (FileZilla's "Server
 * type"): Auto detects the form from the lines; any other reads only that system's forms, for
 * listings whose lines cannot be told apart (a z/OS member named like a word, a VMS file listed
 * by name alone). Pure; used by main and renderer.
 */

/** Every server type, Auto first. */
export const SERVER_TYPES = ['auto', 'unix', 'dos', 'vms', 'mvs', 'os2', 'os400', 'netware', 'connect-enterprise', 'zvm', 'tandem', 'vxworks', 'os9'] as const;

export type ServerType = (typeof SERVER_TYPES)[number];

/** How the Site Manager and `ferry --help` name each type. */
export const SERVER_TYPE_LABELS: Readonly<Record<ServerType, string>> = {
  auto: 'Auto-detect',
  unix: 'Unix',
  dos: 'DOS / Windows',
  vms: 'VMS',
  mvs: 'MVS, OS/390, z/OS',
  os2: 'OS/2',
  os400: 'IBM i (OS/400)',
  netware: 'NetWare',
  'connect-enterprise': 'Connect:Enterprise',
  zvm: 'z/VM',
  tandem: 'HP NonStop (Tandem)',
  vxworks: 'VxWorks',
  os9: 'OS-9',
};

/** Whether `value` names a server type. */
export function isServerType(value: unknown): value is ServerType {
  return typeof value === 'string' && (SERVER_TYPES as readonly string[]).includes(value);
}
