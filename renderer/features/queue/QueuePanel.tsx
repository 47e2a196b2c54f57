/** The transfer queue with its Queued / Failed / Successful tabs. */
import { useState } from 'react';

const TABS = ['Queued files', 'Failed transfers', 'Successful transfers'] as const;

/** Shows the queue; empty until transfers are added. */
export function QueuePanel() {
  const [tab, setTab] = useState<(typeof TABS)[number]>(TABS[0]);
  return (
    <section className="queue-panel" aria-label="Transfer queue">
      <div role="tablist" className="tabs">
        {TABS.map((t) => (
          <button key={t} role="tab" type="button" aria-selected={tab === t} onClick={() => setTab(t)}>
            {t} (0)
          </button>
        ))}
      </div>
      <p className="empty" role="tabpanel">
        {tab === TABS[0] ? 'The queue is empty.' : tab === TABS[1] ? 'No failed transfers.' : 'No finished transfers yet.'}
      </p>
    </section>
  );
}
