/**
 * The queue's settings, as FileZilla keeps them in its menus: what to do when a target exists,
 * speed limits for downloads and uploads (KiB/s, empty for none), and transfers at once per
 * server. The main process applies a change at once and keeps it for the next start.
 */
import { useEffect, useState } from 'react';
import type { FileExistsPolicy } from '../../../shared/domain';
import type { QueueSettings } from '../../../shared/queue';
import { useQueue } from '../../stores/queueStore';
import { useSettings } from '../../stores/settingsStore';
import { EXISTS_ACTIONS } from './existsActions';

const POLICIES: { value: FileExistsPolicy; label: string }[] = [{ value: 'ask', label: 'Ask' }, ...EXISTS_ACTIONS.map(({ action, label }) => ({ value: action, label }))];

const KIB = 1024;

/** A limit as the field shows it: KiB/s, empty for none. */
const toField = (bps: number) => (bps > 0 ? String(Math.round(bps / KIB)) : '');

/** A speed limit field: edited freely, applied on Enter or when it loses focus. */
function LimitField({ label, bps, onApply }: { label: string; bps: number; onApply: (bps: number) => void }) {
  const [text, setText] = useState(toField(bps));
  const [isBad, setBad] = useState(false);
  useEffect(() => setText(toField(bps)), [bps]);
  const apply = () => {
    const trimmed = text.trim();
    const kib = trimmed === '' ? 0 : Number(trimmed);
    if (!Number.isInteger(kib) || kib < 0 || kib > 10_000_000) return setBad(true);
    setBad(false);
    if (kib * KIB !== bps) onApply(kib * KIB);
  };
  return (
    <label title="KiB per second; empty for no limit">
      {label}
      <input
        type="text"
        inputMode="numeric"
        size={7}
        value={text}
        placeholder="no limit"
        aria-invalid={isBad}
        onChange={(e) => setText(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => {
          if (e.key === 'Enter') apply();
        }}
      />
      KiB/s
    </label>
  );
}

/** The settings row of the queue panel. */
export function QueueSettingsBar() {
  const settings = useQueue((s) => s.settings);
  const changeSettings = useQueue((s) => s.changeSettings);
  // Transfers per server is the app setting the Settings dialog edits too: shown from there, so both agree.
  const perServer = useSettings((s) => s.settings?.transfers.perServer);
  if (!settings) return null;
  const change = (patch: Partial<QueueSettings>) => void changeSettings(patch);
  return (
    <div className="queue-settings" role="group" aria-label="Queue settings">
      <label>
        If the target exists
        <select value={settings.onExists} onChange={(e) => change({ onExists: e.target.value as FileExistsPolicy })}>
          {POLICIES.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <LimitField label="Download limit" bps={settings.downloadLimitBps} onApply={(downloadLimitBps) => change({ downloadLimitBps })} />
      <LimitField label="Upload limit" bps={settings.uploadLimitBps} onApply={(uploadLimitBps) => change({ uploadLimitBps })} />
      <label title="Transfers at once to one server, for sites without their own limit">
        Per server
        <select value={perServer ?? settings.defaultSiteLimit} onChange={(e) => change({ defaultSiteLimit: Number(e.target.value) })}>
          {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
