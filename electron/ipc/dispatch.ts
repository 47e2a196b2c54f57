/**
 * The transport-neutral half of the IPC boundary: checks the method name and validates the
 * input against the contract before any handler runs, and turns every outcome into a
 * result envelope (errors in the words of shared/errorText.ts, as the command line says them).
 * Electron IPC and the browser-mode WebSocket both call it.
 * Must not import electron.
 */
import { methods } from '../../shared/contract';
import { METHOD_NAMES, type MethodName } from '../../shared/contractNames';
import type { CallContext, Handlers } from '../../shared/api';
import { fail, ok, type Result } from '../../shared/result';
import { errorInfoOf } from '../../shared/errorText';

/** Called when a request is refused before reaching a handler, so it can be logged. */
export type InvalidRequestListener = (reason: string, method: unknown) => void;

/** A function that serves one request from any transport. */
export type Dispatch = (method: unknown, input: unknown, ctx: CallContext) => Promise<Result<unknown>>;

const known = new Set<string>(METHOD_NAMES);

/** Returns true when `name` is one of the contract's methods. */
export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && known.has(name);
}

/** Builds the dispatcher over a complete handler table. */
export function createDispatcher(handlers: Handlers, onInvalid: InvalidRequestListener = () => {}): Dispatch {
  return async (name, input, ctx) => {
    if (!isMethodName(name)) {
      const reason = `unknown method ${JSON.stringify(String(name)).slice(0, 80)}`;
      onInvalid(reason, name);
      return fail({ kind: 'invalid-request', message: reason });
    }
    const parsed = methods[name].input.safeParse(input ?? {});
    if (!parsed.success) {
      const detail = parsed.error.issues
        .map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`)
        .join('; ');
      const reason = `invalid input for ${name}: ${detail}`;
      onInvalid(reason, name);
      return fail({ kind: 'invalid-request', message: reason });
    }
    try {
      const handler = handlers[name] as (input: unknown, ctx: CallContext) => Promise<unknown>;
      const value = await handler(parsed.data, ctx);
      return ok(value);
    } catch (err) {
      return fail(errorInfoOf(err));
    }
  };
}
