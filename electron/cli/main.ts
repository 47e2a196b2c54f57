/**
 * Entry of the `ferry` command (built to out/main/cli.js, started by bin/ferry.js): runs the
 * command line with this process's argv and streams, sets process.exitCode, and lets Node
 * exit by itself once output is flushed. Ctrl-C aborts the running transfer cleanly (a
 * download keeps its .part file); a second Ctrl-C quits at once.
 * Must not import electron.
 */
import { redactedTitle } from './redact';
import { runCli, EXIT } from './runCli';

// A password in a URL is blanked from the process list first thing (see redact.ts).
const title = redactedTitle(process.argv.slice(2));
if (title !== undefined) process.title = title;

const interrupt = new AbortController();
// The reader of our output went away (`ferry ls | head -1`): stop quietly, as a program
// stopped by SIGPIPE does, instead of a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(EXIT.closedPipe);
});
const onSigint = () => {
  if (interrupt.signal.aborted) process.exit(EXIT.interrupted);
  interrupt.abort();
};
process.on('SIGINT', onSigint);

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  // A getter: touching process.stdin opens it, which only `put -` needs.
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  cwd: process.cwd(),
  signal: interrupt.signal,
}).then(
  (status) => {
    process.exitCode = status;
  },
  (err: unknown) => {
    process.stderr.write(`ferry: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = EXIT.failed;
  },
).finally(() => {
  // The SIGINT handler would otherwise keep Ctrl-C from killing a process that is only flushing output.
  process.off('SIGINT', onSigint);
});
