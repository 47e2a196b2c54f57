/**
 * The queue's error policy taken from the engine, so transient-versus-permanent is decided in
 * exactly one place (`electron/ftp/errors.ts`).
 */
import { isTransient, toErrorInfo } from '../ftp';
import type { ErrorPolicy } from '../queue';

/** The engine's own verdicts, for the real app and the CLI. */
export const engineErrorPolicy: ErrorPolicy = { isTransient, toErrorInfo };
