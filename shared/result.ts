/**
 * The result envelope every contract method returns. Electron drops custom fields of
 * errors thrown across `invoke`, so errors travel as data and keep their FTP reply code.
 */
import type { ErrorInfo } from './domain';

/** A method's outcome: a value, or an error a user can read. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Wraps a value in a success envelope. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps error information in a failure envelope. */
export function fail<T = never>(error: ErrorInfo): Result<T> {
  return { ok: false, error };
}
