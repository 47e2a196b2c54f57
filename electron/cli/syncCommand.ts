/**
 * `ferry sync LOCALDIR URL --direction up|down|both`: compares the two folders, plans what
 * makes them agree (planSync), and prints the plan (--dry-run) or carries it out: folders made
 * first, then through the transfer queue with its per-file lines the copies and, once they are
 * done, the deletions (only with --delete) as the queue's deletion items. A conflict is never resolved here: it is printed and the exit status is 1.
 * After a run the state of the pair is saved, so a later "both" can tell a deletion from a new file.
 * Must not import electron.
 */
import { promises as fsp } from 'node:fs';
import { describeError, errorInfoOf } from '../../shared/errorText';
import type { SyncAction, SyncActionKind, SyncPlan } from '../../shared/sync';
import { defaultDataDir } from '../local/dataDir';
import { planSync, stateAfter } from '../sync/planSync';
import { copyRequestOf, deleteRequestOf, localPathOf, remotePathOf, runStepsOf, type RunSteps } from '../sync/syncSteps';
import { withSession } from './connect';
import { SyncStateStore, type FolderPairKey } from '../sync/syncStateStore';
import type { CliOptions } from './args';
import { compareDetecting, compareFolderPair, compareOptionsOf, folderPairOf, sessionsFor, type FolderPair } from './compareCommand';
import type { CompareCliOptions } from './compareOptions';
import { makingTarget } from './syncTarget';
import { clockFor, clockLine, clockRecord, detectedClock, serverOf, UploadClockWatch, type CliClock } from './cliClock';
import { formatBytes, formatCount, jsonLine, terminalSafe } from './format';
import { describeFtpUrl } from './ftpUrl';
import { writeLine, type CliIo } from './io';
import { LineBuffer } from './lineBuffer';
import { runThroughQueue } from './queueCommands';
import type { QueueCliOptions } from './queueOptions';

/** A step in words, padded like compare's verdicts. */
const STEP_LABELS: Record<SyncActionKind, string> = {
  upload: 'upload',
  download: 'download',
  'overwrite-remote': 'replace on server',
  'overwrite-local': 'replace here',
  'mkdir-remote': 'make on server',
  'mkdir-local': 'make here',
  'delete-remote': 'delete on server',
  'delete-local': 'delete here',
  conflict: 'conflict',
};

function stepLine(a: SyncAction): string {
  return terminalSafe(`${STEP_LABELS[a.kind].padEnd(18)}${a.relPath}${a.isFolder ? '/' : ''}  (${a.reason})`);
}

function planSummary(plan: SyncPlan): string {
  const parts = (Object.keys(STEP_LABELS) as SyncActionKind[]).filter((k) => plan.counts[k] > 0).map((k) => `${formatCount(plan.counts[k])} ${STEP_LABELS[k]}`);
  return parts.length === 0 ? 'in agreement: nothing to do' : `plan: ${parts.join(', ')}; ${formatBytes(plan.bytes)} to copy`;
}

/** The key the pair's sync state is kept under: the server without password, and both folders. */
function keyOf(pair: FolderPair): FolderPairKey {
  return { server: describeFtpUrl({ ...pair.url, path: undefined, password: undefined }), localDir: pair.localDir, remoteDir: pair.remoteDir };
}


/** Runs the sync (`mirror`: the same, by its own name); resolves with the exit status. */
export async function runSyncCommand(
  operands: readonly string[],
  options: CliOptions & CompareCliOptions & QueueCliOptions,
  io: CliIo,
  command: 'sync' | 'mirror' = 'sync',
): Promise<number> {
  const pair = folderPairOf(operands, command, io.cwd);
  const direction = options.syncDirection!;
  const out = new LineBuffer(io.stdout);
  const kept = await clockFor(pair.url, options, io);
  const uploads = new UploadClockWatch(serverOf(pair.url, options, io), io);
  const tellClock = (clock: CliClock, isNew: boolean) => {
    if (options.isVerbose) writeLine(io.stderr, `ferry: ${clockLine(clock)}${isNew ? '; compares allow for it from now on' : ''}`);
    if (options.isJson) writeLine(io.stdout, jsonLine({ type: 'clock', ...clockRecord(clock) }));
  };
  tellClock(kept, false);
  const listing = await sessionsFor(pair, options, io, out, uploads.session);
  const sessions = options.isDryRun ? listing : await makingTarget(direction, pair, listing);
  const store = new SyncStateStore(defaultDataDir(io.env));
  const key = keyOf(pair);
  // Files uploaded by an earlier `ferry put` may tell the server's clock before anything is planned.
  const { result: compared, clock, detected: early } = await compareDetecting(pair, options, io, sessions, kept, uploads);
  if (early) tellClock(detectedClock(kept.account, early), true);
  // One way the source side wins whatever changed; the state still carries over to the next run.
  const state = await store.load(key);
  const plan = planSync(compared.pairs, { direction, deleteOrphans: options.isDelete === true, toleranceMs: compareOptionsOf(options).toleranceMs }, state);
  // The plan's own ticks: every step but the conflicts, which are printed and left.
  const run = runStepsOf(plan.actions);
  const conflicts = run.conflictsLeft;

  if (options.isDryRun) {
    for (const a of plan.actions) out.write(options.isJson ? jsonLine({ type: 'step', ...a }) : stepLine(a));
    out.write(options.isJson ? jsonLine({ type: 'plan', direction, counts: plan.counts, bytes: plan.bytes }) : planSummary(plan));
    out.flush();
    return 0;
  }

  if (plan.actions.length === 0) {
    out.write(options.isJson ? jsonLine({ type: 'plan', direction, counts: plan.counts, bytes: 0 }) : planSummary(plan));
    out.flush();
    await store.save(key, stateAfter(compared.pairs, state));
    return 0;
  }
  let failed = 0;
  const fail = (a: SyncAction, err: unknown) => {
    failed++;
    out.flush();
    writeLine(io.stderr, terminalSafe(`ferry: ${STEP_LABELS[a.kind]} ${a.relPath} failed: ${describeError(errorInfoOf(err))}`));
  };
  const report = (a: SyncAction) => out.write(options.isJson ? jsonLine({ type: 'step', ...a, state: 'done' }) : stepLine(a));

  const steps: Steps = { run, pair, options, io, report, fail };
  await makeFolders(steps);
  const { copies, deletions } = run;
  const byPath = new Map(compared.pairs.map((p) => [p.relPath, p]));
  let status = 0;
  if (copies.length + deletions.length > 0) {
    out.flush();
    status = await runThroughQueue(
      { url: pair.url, onExists: 'overwrite', verb: 'synced', onFinished: uploads.finished },
      async (queue) => {
        const ids = queue.addFiles(copies.map((a) => copyRequestOf(a, byPath.get(a.relPath), pair, 'cli', clock.offsetMs))).map((i) => i.id);
        // A renamed file is a deletion and a new file: the old name goes once the new one is there.
        if (ids.length > 0 && deletions.length > 0) await queue.whenIdle();
        if (io.signal?.aborted) return { addedIds: ids, folderCount: 0 };
        // Deleting the old name of a file whose new name failed to copy would lose it.
        if (queue.list().some((i) => i.state === 'failed')) {
          writeLine(io.stderr, `ferry: ${formatCount(deletions.length)} deletion(s) not done because a copy failed: sync again`);
          return { addedIds: ids, folderCount: 0 };
        }
        ids.push(...queue.addDeletes(deletions.map((a) => deleteRequestOf(a, pair, 'cli'))).map((i) => i.id));
        return { addedIds: ids, folderCount: 0 };
      },
      options,
      io,
    );
  }
  for (const a of conflicts) out.write(options.isJson ? jsonLine({ type: 'step', ...a, state: 'left' }) : stepLine(a));
  if (conflicts.length > 0 && !options.isJson) out.write(`${formatCount(conflicts.length)} conflict(s) left as they are: decide, then sync again`);
  out.flush();

  // What both sides hold now is what the next "both" compares against.
  const after = await compareFolderPair(pair, options, io, sessions, clock.offsetMs);
  await store.save(key, stateAfter(after.pairs, state));
  // The uploads' times, as the server now lists them, tell its clock (kept when none was yet).
  const detected = await uploads.detect(after.pairs, (rel) => remotePathOf(pair, rel));
  if (detected) tellClock(detectedClock(kept.account, detected), true);
  if (io.signal?.aborted) return 130;
  return status !== 0 || failed > 0 || conflicts.length > 0 ? 1 : 0;
}

/** What the folder steps need. */
interface Steps {
  run: RunSteps;
  pair: FolderPair;
  options: CliOptions;
  io: CliIo;
  report(a: SyncAction): void;
  fail(a: SyncAction, err: unknown): void;
}

/** Runs `step` for each action, reporting each as done or failed. */
async function each(actions: SyncAction[], steps: Steps, step: (a: SyncAction) => Promise<void>): Promise<void> {
  for (const a of actions) {
    try {
      await step(a);
      steps.report(a);
    } catch (err) {
      steps.fail(a, err);
    }
  }
}

async function makeFolders(steps: Steps): Promise<void> {
  const { run, pair } = steps;
  await each(run.folders.filter((a) => a.kind === 'mkdir-local'), steps, (a) => fsp.mkdir(localPathOf(pair, a.relPath), { recursive: true }).then(() => undefined));
  // In path order, so a folder's parent is made before it.
  const remote = run.folders.filter((a) => a.kind === 'mkdir-remote');
  if (remote.length > 0) await withSession(pair.url, steps.options, steps.io, (session) => each(remote, steps, (a) => session.mkdir(remotePathOf(pair, a.relPath))));
}
