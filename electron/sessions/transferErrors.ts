/**
 * Engine errors as the queue's TransferError, converted where they leave a session, with the
 * engine's own verdicts (describeFailure in electron/ftp/errors.ts): the queue reads the fields
 * and never classifies an engine's errors itself.
 */
import { describeFailure } from '../ftp/errors';
import { TransferError, type SessionFactory } from '../queue';

/** The TransferError an engine error stands for (a TransferError stays as it is). */
export function asTransferError(err: unknown): TransferError {
  if (err instanceof TransferError) return err;
  return new TransferError(describeFailure(err), { cause: err });
}

/** Throws `err` as a TransferError: for a `.catch` of an engine call. */
export function rethrowAsTransferError(err: unknown): never {
  throw asTransferError(err);
}

/** The factory, with its failures to open a session (a refused login, 421 instead of a greeting) as TransferErrors. */
export function failingAsTransferErrors(factory: SessionFactory): SessionFactory {
  return (siteId, connectionLabel) => factory(siteId, connectionLabel).catch(rethrowAsTransferError);
}
