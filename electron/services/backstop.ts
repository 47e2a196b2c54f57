/**
 * The last line of defence of a long-running Ferry process (browser mode, the Electron main
 * process): a failed promise nobody awaited, say from a server misbehaving in a way no handler
 * foresaw, must not end every other session and transfer. It is reported and the process goes on.
 * Must not import electron.
 */

/** Reports unhandled rejections through `report` instead of letting them end the process. */
export function keepRunningOnUnhandledRejections(report: (message: string) => void): void {
  process.on('unhandledRejection', (reason) => {
    report(`unexpected failure (still running): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
  });
}
