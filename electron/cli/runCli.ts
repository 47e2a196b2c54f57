/**
 * The command line's driver: parses argv, runs the command, and turns the outcome into output
 * and an exit status (0 done, 1 failed, 2 bad command line, 130 interrupted). Every failure is
 * one line on stderr (and an error record on stdout with --json). Never exits the process.
 * Must not import electron.
 */
import { version } from '../../package.json';
import { parseCommandLine, type CliOptions } from './args';
import type { CommandName } from './commandNames';
import { UsageError } from './usageError';
import { runHash, runMkdir, runMv, runRm, runRmdir } from './commands/fileOps';
import { runLs } from './commands/ls';
import { runGet, runPut } from './commands/transfer';
import { errorRecord, formatErrorLine, jsonLine } from './format';
import { writeLine, type CliIo } from './io';
import { commandHelp, overviewHelp, usageHint } from './usage';

/** Exit statuses. */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130, closedPipe: 141 } as const;

type Runner = (operands: readonly string[], options: CliOptions, io: CliIo) => Promise<void>;

const RUNNERS: Record<Exclude<CommandName, 'mirror' | 'compare' | 'sync'>, Runner> = {
  ls: runLs,
  get: runGet,
  put: runPut,
  rm: runRm,
  mkdir: runMkdir,
  rmdir: runRmdir,
  mv: runMv,
  hash: runHash,
};

/** Runs one command line and resolves with the exit status. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let isJson = false;
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.kind === 'version') {
      writeLine(io.stdout, `ferry ${version}`);
      return EXIT.ok;
    }
    if (parsed.kind === 'help') {
      writeLine(io.stdout, parsed.command ? commandHelp(parsed.command) : overviewHelp(version));
      return EXIT.ok;
    }
    isJson = parsed.options.isJson;
    const { command, operands, options } = parsed;
    // Folder transfers go through the transfer queue (queueCommands.ts), which reports per file and returns its own status.
    if (options.isRecursive && (command === 'get' || command === 'put')) {
      // Loaded only here: single-file commands start without the queue's code.
      const { runQueueCommand } = await import('./queueCommands');
      return await runQueueCommand(command, operands, options, io);
    }
    // `mirror` is `sync` one way (args.ts set its direction), as lftp's mirror and mirror -R.
    if (command === 'sync' || command === 'mirror') {
      const { runSyncCommand } = await import('./syncCommand');
      return await runSyncCommand(operands, options, io, command);
    }
    if (command === 'compare') {
      const { runCompareCommand } = await import('./compareCommand');
      return await runCompareCommand(operands, options, io);
    }
    await RUNNERS[command](operands, options, io);
    return EXIT.ok;
  } catch (err) {
    const line = formatErrorLine(err);
    writeLine(io.stderr, err instanceof UsageError ? `${line} (${usageHint(err.command)})` : line);
    if (isJson) writeLine(io.stdout, jsonLine({ error: errorRecord(err) }));
    if (err instanceof UsageError) return EXIT.usage;
    return io.signal?.aborted ? EXIT.interrupted : EXIT.failed;
  }
}
