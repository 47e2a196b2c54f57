/**
 * Entry of the `ferry` command (built to out/main/cli.js, started by bin/ferry.js): runs the
 * command line with this process's argv and streams, sets process.exitCode, and lets Node
 * exit by itself once output is flushed. Ctrl-C aborts the running transfer cleanly (a
 * download keeps its .part file); a second Ctrl-C quits at once.
 * Must not import electron.
 */
import { runCli, EXIT } from './runCli';

const interrupt = new AbortController();
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
