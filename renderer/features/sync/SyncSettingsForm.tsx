/**
 * The settings part of the Synchronize dialog: direction, compare method (saying when the server
 * offers no checksum), deleting orphans (off unless asked, with what it means in plain words),
 * include and exclude patterns, following local folder links, and the server clock offset the
 * compare applies. Reads and changes the sync store only.
 */
import { useId, useState } from 'react';
import { describeClockOffset } from '../../../shared/serverClock';
import type { SyncDirection } from '../../../shared/sync';
import type { SyncServerInfo, SyncSettings } from '../../../shared/syncPreview';
import { useSync, type SyncTarget } from '../../stores/syncStore';

const DIRECTIONS: { value: SyncDirection; label: string; hint: string }[] = [
  { value: 'upload', label: 'Upload', hint: 'make the server folder like the local one' },
  { value: 'download', label: 'Download', hint: 'make the local folder like the server’s' },
  { value: 'both', label: 'Both ways', hint: 'copy each change to the other side' },
];

/** What "delete orphans" does for a direction, in plain words. */
function orphanWarning(direction: SyncDirection, target: SyncTarget): string {
  switch (direction) {
    case 'upload':
      return `Files and folders in ${target.remoteDir} on the server that are not in ${target.localDir} will be deleted from the server, folders with everything in them.`;
    case 'download':
      return `Files and folders in ${target.localDir} that are not in ${target.remoteDir} on the server will be deleted from this computer, folders with everything in them.`;
    case 'both':
      return 'What was deleted on one side since the last sync will be deleted on the other side too. Without an earlier sync of these folders nothing is deleted.';
  }
}

/** The compare method's note: which checksum the server offers, or that size stands in for it. */
function checksumNote(info: SyncServerInfo | null, isChecksum: boolean): string {
  if (!info) return isChecksum ? 'Where the server offers no checksum, files are compared by size.' : '';
  if (info.checksumAlgorithm) return `The server offers ${info.checksumAlgorithm}: files of the same size are hashed on both sides.`;
  return isChecksum ? 'The server offers no checksum: files are compared by size instead.' : 'The server offers no checksum.';
}

/** The server clock offset the compare allows for, in words (as Compare's bar and the Site Manager say it). */
function clockNote(info: SyncServerInfo | null): string {
  if (!info) return '';
  const { clock } = info;
  if (clock.source === 'none') return 'Server clock: no offset detected or set; times are compared as the server gives them.';
  const from = clock.source === 'override' ? 'set for this site' : 'detected';
  return `Server clock: ${describeClockOffset(clock.offsetMs)} (${from}); the compare allows for it.`;
}

const patternsOf = (text: string) => text.split(/\s+/).filter(Boolean);

/** A text field of glob patterns, separated by spaces. */
function PatternField({ label, value, hintId, onChange, disabled }: { label: string; value: readonly string[]; hintId: string; onChange(next: string[]): void; disabled: boolean }) {
  const id = useId();
  // The text as typed: splitting it on every key would eat the space before the next pattern.
  const [text, setText] = useState(value.join(' '));
  return (
    <div className="sync-pattern">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        spellCheck={false}
        disabled={disabled}
        placeholder={label === 'Include' ? 'everything' : 'nothing'}
        aria-describedby={hintId}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          onChange(patternsOf(e.target.value));
        }}
      />
    </div>
  );
}

/** The settings; disabled while a preview runs or a run starts. */
export function SyncSettingsForm({ target, settings, info, disabled }: { target: SyncTarget; settings: SyncSettings; info: SyncServerInfo | null; disabled: boolean }) {
  const change = useSync((s) => s.change);
  const hintId = useId();
  const isChecksum = settings.method === 'checksum';
  return (
    <fieldset className="sync-settings" disabled={disabled} aria-label="Sync settings">
      <div className="sync-row" role="radiogroup" aria-label="Direction">
        <span className="sync-row-label">Direction</span>
        {DIRECTIONS.map((d) => (
          <label key={d.value} title={d.hint}>
            <input type="radio" name="sync-direction" checked={settings.direction === d.value} onChange={() => change({ direction: d.value })} data-autofocus={settings.direction === d.value ? true : undefined} />
            {d.label}
          </label>
        ))}
        <span className="sync-hint">{DIRECTIONS.find((d) => d.value === settings.direction)!.hint}</span>
      </div>
      <div className="sync-row" role="radiogroup" aria-label="Compare by">
        <span className="sync-row-label">Compare</span>
        <label>
          <input type="radio" name="sync-method" checked={!isChecksum} onChange={() => change({ method: 'size-time' })} />
          Size and time
        </label>
        <label>
          <input type="radio" name="sync-method" checked={isChecksum} onChange={() => change({ method: 'checksum' })} />
          Checksum
        </label>
        <span className={`sync-hint${isChecksum && info && !info.checksumAlgorithm ? ' is-warning' : ''}`}>{checksumNote(info, isChecksum)}</span>
      </div>
      <label className="sync-check">
        <input type="checkbox" checked={settings.deleteOrphans} onChange={(e) => change({ deleteOrphans: e.target.checked })} />
        Delete orphans (what the other side does not have)
      </label>
      {settings.deleteOrphans ? (
        <p className="sync-warning" role="note">
          {orphanWarning(settings.direction, target)} Each deletion is listed in the plan and can be unticked.
        </p>
      ) : null}
      <div className="sync-row">
        <PatternField label="Include" value={settings.include} hintId={hintId} onChange={(include) => change({ include })} disabled={disabled} />
        <PatternField label="Exclude" value={settings.exclude} hintId={hintId} onChange={(exclude) => change({ exclude })} disabled={disabled} />
      </div>
      <p id={hintId} className="sync-hint">
        Globs separated by spaces: <code>*.tmp</code> matches a name at any depth, <code>build/</code> only folders, <code>docs/**</code> a path from the top.
      </p>
      <label className="sync-check">
        <input type="checkbox" checked={settings.followLocalLinks} onChange={(e) => change({ followLocalLinks: e.target.checked })} />
        Follow links to folders in the local folder
      </label>
      <p className="sync-hint">
        {clockNote(info)}
        {info ? ` Listing uses up to ${info.connections} connection${info.connections === 1 ? '' : 's'}.` : ''}
      </p>
    </fieldset>
  );
}
