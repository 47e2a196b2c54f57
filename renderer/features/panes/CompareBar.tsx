/**
 * The Compare and Synchronized browsing switches above the panes, the Synchronize button, and
 * while Compare is on, the legend of the row colours, the server clock offset it allows for (when
 * not zero) and "Hide identical files". The marks and the offset come from the compare store.
 */
import { GitCompareArrows, Link2 } from 'lucide-react';
import { useSyncBrowsing } from '../../stores/syncBrowsingStore';
import { useCompare, type CompareMark } from '../../stores/compareStore';
import { useSession } from '../../stores/sessionStore';
import { ToolButton } from '../../components/ToolButton';
import { describeClockOffset, describeOffsetSize, type AppliedClock } from '../../../shared/serverClock';
import { SyncButton } from '../sync/SyncButton';

const LEGEND: { mark: CompareMark; label: string }[] = [
  { mark: 'lone', label: 'Only on this side' },
  { mark: 'newer', label: 'Newer' },
  { mark: 'older', label: 'Older' },
  { mark: 'differs', label: 'Size differs' },
  { mark: 'conflict', label: 'File vs folder' },
];

/** The offset applied, in words, when there is one. */
function ClockNote({ clock }: { clock: AppliedClock | undefined }) {
  if (!clock || clock.offsetMs === 0) return null;
  const from = clock.source === 'override' ? 'set for this site' : 'detected';
  const title = `The server's clock is ${describeClockOffset(clock.offsetMs)} (${from}): its times are shifted by that much before they are compared. Change it in the Site Manager.`;
  return (
    <span className="compare-clock" title={title}>
      Server clock {describeOffsetSize(clock.offsetMs)} {clock.offsetMs > 0 ? 'ahead' : 'behind'} ({from})
    </span>
  );
}

/** The switch, the legend and the "hide identical" choice. */
export function CompareBar() {
  const { isOn, hideIdentical, clock, toggle, setHideIdentical } = useCompare();
  const isConnected = useSession((s) => s.status === 'connected');
  const syncPair = useSyncBrowsing((s) => s.pair);
  const setSyncBrowsing = useSyncBrowsing((s) => s.setOn);
  return (
    <div className="compare-bar" role="group" aria-label="Directory comparison">
      <ToolButton
        icon={Link2}
        label="Synchronized browsing"
        aria-pressed={syncPair !== undefined}
        className={syncPair ? 'is-on' : undefined}
        disabled={!isConnected}
        title={syncPair ? `Entering a folder in one pane enters the same folder in the other (${syncPair.local} ↔ ${syncPair.remote})` : 'Keep both panes in the same relative folder'}
        onClick={() => setSyncBrowsing(syncPair === undefined)}
      />
      <ToolButton
        icon={GitCompareArrows}
        label="Compare"
        aria-pressed={isOn}
        className={isOn ? 'is-on' : undefined}
        title="Colour both panes' files by how they compare (size and time)"
        onClick={toggle}
      />
      <SyncButton />
      {isOn ? (
        <>
          {isConnected ? (
            <>
              <ul className="compare-legend" aria-label="Compare colours">
                {LEGEND.map(({ mark, label }) => (
                  <li key={mark}>
                    <span className={`compare-swatch cmp-${mark}`} aria-hidden />
                    {label}
                  </li>
                ))}
              </ul>
              <ClockNote clock={clock} />
            </>
          ) : (
            <span className="compare-hint">Connect to a server to compare its folder with the local one.</span>
          )}
          <label className="compare-hide">
            <input type="checkbox" checked={hideIdentical} onChange={(e) => setHideIdentical(e.target.checked)} /> Hide identical files
          </label>
        </>
      ) : null}
    </div>
  );
}
