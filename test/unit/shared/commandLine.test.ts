/** The editor command a user types, split as a shell would quote it, and the file put in its place. */
import { describe, expect, it } from 'vitest';
import { commandForFile, splitCommandLine } from '../../../shared/commandLine';

describe('splitCommandLine', () => {
  it.each([
    ['gedit', ['gedit']],
    ['  code   --wait  ', ['code', '--wait']],
    ['"/opt/My Editor/edit" -n', ['/opt/My Editor/edit', '-n']],
    ["'/opt/it''s' x", ['/opt/its', 'x']],
    ['"C:\\Program Files\\Notepad++\\notepad++.exe" -multiInst', ['C:\\Program Files\\Notepad++\\notepad++.exe', '-multiInst']],
    ['emacsclient "-e" "(find-file \\"%f\\")"', ['emacsclient', '-e', '(find-file "%f")']],
    ['vim ""', ['vim', '']],
  ])('%s', (text, argv) => {
    expect(splitCommandLine(text)).toEqual({ argv });
  });

  it('says what is wrong with a command it cannot split', () => {
    expect(splitCommandLine('code "--wait')).toEqual({ problem: 'The command has a double quote that is not closed' });
    expect(splitCommandLine("x 'y")).toEqual({ problem: 'The command has a single quote that is not closed' });
    expect(splitCommandLine('   ')).toEqual({ problem: 'The command is empty' });
  });
});

describe('commandForFile', () => {
  it('adds the file last, or puts it where %f stands (never in the program name)', () => {
    expect(commandForFile(['code', '--wait'], '/tmp/a b.txt')).toEqual(['code', '--wait', '/tmp/a b.txt']);
    expect(commandForFile(['subl', '--file=%f', '-n'], '/x')).toEqual(['subl', '--file=/x', '-n']);
    expect(commandForFile(['%f'], '/x')).toEqual(['%f', '/x']);
  });
});
