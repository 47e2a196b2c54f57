/** The commands `ferry` knows, apart from the parser so that every module can name them. */
export const COMMANDS = ['ls', 'get', 'put', 'rm', 'mkdir', 'rmdir', 'mv', 'hash', 'mirror', 'compare', 'sync'] as const;
export type CommandName = (typeof COMMANDS)[number];
