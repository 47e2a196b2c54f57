/**
 * Runs a TreeWatcher in a process of its own (treeWatcher.int.test.ts starts it as an
 * unprivileged user) and prints what it reports, one line each: `started`, `problem TEXT`,
 * `changes JSON`, `stopped JSON`. Ends when its standard input closes.
 */
import { TreeWatcher } from '../../../electron/sync/TreeWatcher';

const watcher = await TreeWatcher.start(process.argv[2], { quietMs: 150 });
watcher.on('problem', (text) => console.log(`problem ${text}`));
watcher.on('changes', (changes) => console.log(`changes ${JSON.stringify(changes)}`));
watcher.on('stopped', (end) => console.log(`stopped ${JSON.stringify(end)}`));
for (const text of watcher.problems) console.log(`problem ${text}`);
console.log('started');
process.stdin.resume();
process.stdin.on('end', () => {
  watcher.close();
  process.exit(0);
});
