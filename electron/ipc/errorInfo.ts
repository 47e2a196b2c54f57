/**
 * Turns anything thrown by a service into the plain `ErrorInfo` a user reads.
 * Typed engine errors already carry kind, reply code and command; Node's system errors
 * carry an errno code that is mapped to words here. Must not import electron.
 */
import type { ErrorInfo } from '../../shared/domain';

const SYSTEM_ERRORS: Record<string, string> = {
  ENOENT: 'No such file or folder',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EEXIST: 'Already exists',
  ENOTDIR: 'Not a folder',
  EISDIR: 'Is a folder',
  ENOTEMPTY: 'Folder is not empty',
  ENOSPC: 'No space left on the device',
  EXDEV: 'Cannot move across devices',
  ECONNREFUSED: 'Connection refused',
  ETIMEDOUT: 'Timed out',
  ENOTFOUND: 'Host not found',
};

/** Returns the user-facing description of an error of any type. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err && typeof err === 'object') {
    const e = err as {
      kind?: unknown;
      code?: unknown;
      message?: unknown;
      command?: unknown;
      path?: unknown;
      certificate?: unknown;
      issues?: unknown;
    };
    const message = typeof e.message === 'string' ? e.message : String(err);
    const info: ErrorInfo = { kind: typeof e.kind === 'string' ? e.kind : 'error', message };
    if (typeof e.code === 'number') info.ftpCode = e.code;
    if (typeof e.command === 'string') info.command = e.command;
    if (e.certificate && typeof e.certificate === 'object') info.certificate = { ...(e.certificate as ErrorInfo['certificate'])! };
    if (Array.isArray(e.issues)) info.issues = (e.issues as { field: string; message: string }[]).map(({ field, message }) => ({ field, message }));
    if (typeof e.code === 'string' && typeof e.kind !== 'string') {
      info.kind = 'system';
      const words = SYSTEM_ERRORS[e.code];
      // Node's own message ("EACCES: permission denied, scandir '/x'") is cryptic; say it plainly.
      if (words) info.message = typeof e.path === 'string' ? `${words}: ${e.path}` : words;
    }
    return info;
  }
  return { kind: 'error', message: String(err) };
}
