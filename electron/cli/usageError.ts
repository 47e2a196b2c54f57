import type { CommandName } from './commandNames';

/** A mistake in the command line itself (exit status 2); `command` selects the usage to point at. */
export class UsageError extends Error {
  readonly command?: CommandName;
  constructor(message: string, command?: CommandName) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}
