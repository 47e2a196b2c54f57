/**
 * SFTP status codes (SSH_FX_*, draft-ietf-secsh-filexfer-02 §7 and the later drafts' additions
 * some servers send) with their names and plain-English words for the log and error messages.
 * Pure data; imports nothing.
 */

/** Codes the engine acts on by name. */
export const SSH_FX = {
  OK: 0,
  EOF: 1,
  NO_SUCH_FILE: 2,
  PERMISSION_DENIED: 3,
  FAILURE: 4,
  BAD_MESSAGE: 5,
  NO_CONNECTION: 6,
  CONNECTION_LOST: 7,
  OP_UNSUPPORTED: 8,
} as const;

const CODES: Record<number, { name: string; words: string }> = {
  0: { name: 'OK', words: 'Success' },
  1: { name: 'EOF', words: 'End of file' },
  2: { name: 'NO_SUCH_FILE', words: 'No such file or folder' },
  3: { name: 'PERMISSION_DENIED', words: 'Permission denied' },
  4: { name: 'FAILURE', words: 'The server could not do it (the folder may not be empty, or the name may exist already)' },
  5: { name: 'BAD_MESSAGE', words: 'The server did not understand the request' },
  6: { name: 'NO_CONNECTION', words: 'No connection' },
  7: { name: 'CONNECTION_LOST', words: 'Connection lost' },
  8: { name: 'OP_UNSUPPORTED', words: 'The server does not support this operation' },
  9: { name: 'INVALID_HANDLE', words: 'Invalid file handle' },
  10: { name: 'NO_SUCH_PATH', words: 'No such path' },
  11: { name: 'FILE_ALREADY_EXISTS', words: 'A file of that name exists already' },
  12: { name: 'WRITE_PROTECT', words: 'The medium is write-protected' },
  13: { name: 'NO_MEDIA', words: 'No medium in the drive' },
  14: { name: 'NO_SPACE_ON_FILESYSTEM', words: 'No space left on the server' },
  15: { name: 'QUOTA_EXCEEDED', words: 'The quota is exceeded' },
  16: { name: 'UNKNOWN_PRINCIPAL', words: 'Unknown user or group' },
  17: { name: 'LOCK_CONFLICT', words: 'The file is locked' },
  18: { name: 'DIR_NOT_EMPTY', words: 'The folder is not empty' },
  19: { name: 'NOT_A_DIRECTORY', words: 'Not a folder' },
  20: { name: 'INVALID_FILENAME', words: 'The name is not allowed' },
  21: { name: 'LINK_LOOP', words: 'Too many symbolic links' },
  22: { name: 'CANNOT_DELETE', words: 'The file cannot be deleted' },
  23: { name: 'INVALID_PARAMETER', words: 'Invalid parameter' },
  24: { name: 'FILE_IS_A_DIRECTORY', words: 'It is a folder' },
  25: { name: 'BYTE_RANGE_LOCK_CONFLICT', words: 'Part of the file is locked' },
  26: { name: 'BYTE_RANGE_LOCK_REFUSED', words: 'The lock was refused' },
  27: { name: 'DELETE_PENDING', words: 'The file is being deleted' },
  28: { name: 'FILE_CORRUPT', words: 'The file is corrupt' },
  29: { name: 'OWNER_INVALID', words: 'Invalid owner' },
  30: { name: 'GROUP_INVALID', words: 'Invalid group' },
  31: { name: 'NO_MATCHING_BYTE_RANGE_LOCK', words: 'No such lock' },
};

/** The SSH_FX_ name of a status code without the prefix ('NO_SUCH_FILE'), or 'STATUS_<n>' for one no draft names. */
export function statusName(code: number): string {
  return CODES[code]?.name ?? `STATUS_${code}`;
}

/** The status code in plain English. */
export function statusWords(code: number): string {
  return CODES[code]?.words ?? `Unknown status ${code}`;
}
