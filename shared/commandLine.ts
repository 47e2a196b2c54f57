/**
 * A command line a user types (Settings → the editor for View/Edit) split into the program and
 * its arguments the way a shell would quote them, without a shell: nothing in it is expanded or
 * run but the program itself. Pure; must not import node:*, the DOM or React.
 */

/** Where an argument names the file to open; without it the file is the last argument. */
export const FILE_PLACEHOLDER = '%f';

/** A command split into words, or what is wrong with it. */
export type SplitCommand = { argv: string[] } | { problem: string };

/**
 * Splits `text` at blanks outside quotes. Double quotes group words, and in them a backslash keeps
 * a following `"` or `\` (elsewhere it is itself, so Windows paths need no doubling); single
 * quotes group words as they are.
 */
export function splitCommandLine(text: string): SplitCommand {
  const argv: string[] = [];
  let word = '';
  let hasWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && (text[i + 1] === '"' || text[i + 1] === '\\')) word += text[++i];
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      hasWord = true;
    } else if (/\s/.test(c)) {
      if (hasWord) argv.push(word);
      word = '';
      hasWord = false;
    } else {
      word += c;
      hasWord = true;
    }
  }
  if (quote) return { problem: `The command has a ${quote === '"' ? 'double' : 'single'} quote that is not closed` };
  if (hasWord) argv.push(word);
  if (argv.length === 0) return { problem: 'The command is empty' };
  return { argv };
}

/** The program and arguments that open `file` with a command: `%f` replaced by it, or it appended. */
export function commandForFile(argv: readonly string[], file: string): string[] {
  const isPlaced = argv.slice(1).some((a) => a.includes(FILE_PLACEHOLDER));
  if (!isPlaced) return [...argv, file];
  return [argv[0], ...argv.slice(1).map((a) => a.split(FILE_PLACEHOLDER).join(file))];
}
