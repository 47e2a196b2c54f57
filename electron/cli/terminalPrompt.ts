/**
 * Asks the person at the terminal: a question on stderr, the answer read from stdin, unseen for a
 * secret (a passphrase, a password). Only when stdin is a terminal: a script gets an error that
 * says which variable to set instead. Must not import electron.
 */
import type { CliIo } from './io';
import { CliError } from './format';

/** A terminal's input as Node gives it. */
type TtyInput = NodeJS.ReadableStream & { isTTY?: boolean; isRaw?: boolean; setRawMode?(mode: boolean): unknown };

/** Whether the command can ask its user (stdin and stderr are a terminal). */
export function canAsk(io: CliIo): boolean {
  return (io.stdin as TtyInput).isTTY === true && io.stderr.isTTY === true;
}

/**
 * Asks `question` and resolves with the line typed; `isSecret` keeps it off the screen. Ctrl-C or
 * Ctrl-D gives up; `otherwise` names what to do when there is no terminal to ask on.
 */
export function askOnTerminal(io: CliIo, question: string, isSecret: boolean, otherwise: string): Promise<string> {
  const input = io.stdin as TtyInput;
  if (!canAsk(io) || !input.setRawMode) return Promise.reject(new CliError(otherwise));
  io.stderr.write(question);
  return new Promise((resolve, reject) => {
    let typed = '';
    const wasRaw = input.isRaw === true;
    const finish = () => {
      input.off('data', onData);
      input.setRawMode!(wasRaw);
      input.pause();
      io.stderr.write('\n');
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of chunk.toString()) {
        if (ch === '\r' || ch === '\n') {
          finish();
          return resolve(typed);
        }
        if (ch === '\u0003' || ch === '\u0004') {
          finish();
          return reject(new CliError('not answered; given up'));
        }
        if (ch === '\u007f' || ch === '\b') {
          if (typed === '') continue;
          typed = typed.slice(0, -1);
          if (!isSecret) io.stderr.write('\b \b');
        } else if (ch >= ' ') {
          typed += ch;
          if (!isSecret) io.stderr.write(ch);
        }
      }
    };
    input.setRawMode!(true);
    input.on('data', onData);
    input.resume();
  });
}
