/**
 * The resizable part of the window: message log, the two file panes side by side, and the
 * transfer queue, with draggable (and keyboard-operable) splitters between them. Sizes are
 * remembered in localStorage; the log and the queue collapse to their header, by their
 * button or by dragging the splitter past their smallest size.
 */
import { useEffect, type ReactNode } from 'react';
import { Group, Panel, Separator, useDefaultLayout, usePanelRef } from 'react-resizable-panels';
import { LogPanel } from '../log/LogPanel';
import { LocalPane } from '../panes/LocalPane';
import { RemotePane } from '../panes/RemotePane';
import { QueuePanel } from '../queue/QueuePanel';
import { useLayout, type CollapsiblePanel } from '../../stores/layoutStore';
import { startCompare } from '../../stores/compareStore';
import { startSyncBrowsing } from '../../stores/syncBrowsingStore';
import { CompareBar } from '../panes/CompareBar';
import { KeepUpToDateBar } from '../keepUpToDate/KeepUpToDateBar';

/** The height a collapsed log or queue keeps: its header row. */
const HEADER_HEIGHT = '32px';

/** A splitter: a separator role with its own label, so a screen reader says what it resizes. */
function Splitter({ label, orientation }: { label: string; orientation: 'horizontal' | 'vertical' }) {
  return <Separator className={`splitter splitter-${orientation}`} aria-label={label} />;
}

/** A panel that collapses to its header, kept in step with the layout store both ways. */
function CollapsibleArea({ panel, defaultSize, minSize, children }: { panel: CollapsiblePanel; defaultSize: string; minSize: string; children: ReactNode }) {
  const ref = usePanelRef();
  const isCollapsed = useLayout((s) => (panel === 'log' ? s.isLogCollapsed : s.isQueueCollapsed));
  const { setCollapsed } = useLayout.getState();
  useEffect(() => {
    const handle = ref.current;
    if (!handle || handle.isCollapsed() === isCollapsed) return;
    if (isCollapsed) handle.collapse();
    // The library reopens to the size it saw last in this page; after a reload it has none.
    else handle.resize(`${useLayout.getState().openSizes[panel] ?? parseFloat(defaultSize)}%`);
  }, [isCollapsed, ref, panel, defaultSize]);
  return (
    <Panel
      id={panel}
      panelRef={ref}
      className={`area area-${panel}`}
      defaultSize={defaultSize}
      minSize={minSize}
      collapsible
      collapsedSize={HEADER_HEIGHT}
      onResize={() => {
        const handle = ref.current;
        if (handle) setCollapsed(panel, handle.isCollapsed());
      }}
    >
      {children}
    </Panel>
  );
}

/** Log, panes and queue with splitters. */
export function Workspace() {
  const rows = useDefaultLayout({ id: 'ferry.layout.rows', storage: localStorage });
  const onRowsChanged: typeof rows.onLayoutChanged = (layout, meta) => {
    rows.onLayoutChanged(layout, meta);
    // Sizes when a drag or key press ends, not on the way: a drag that collapses the log
    // passes its smallest size, which is not the size to reopen it at.
    const layoutState = useLayout.getState();
    if (!layoutState.isLogCollapsed && layout.log) layoutState.setOpenSize('log', layout.log);
    if (!layoutState.isQueueCollapsed && layout.queue) layoutState.setOpenSize('queue', layout.queue);
  };
  const columns = useDefaultLayout({ id: 'ferry.layout.panes', storage: localStorage });
  useEffect(() => startCompare(), []);
  useEffect(() => startSyncBrowsing(), []);
  return (
    <Group orientation="vertical" className="workspace" defaultLayout={rows.defaultLayout} onLayoutChanged={onRowsChanged}>
      <CollapsibleArea panel="log" defaultSize="18%" minSize="60px">
        <LogPanel />
      </CollapsibleArea>
      <Splitter label="Resize the message log" orientation="horizontal" />
      <Panel id="panes" className="area area-panes" minSize="160px">
        <main className="panes-main">
          <CompareBar />
          <KeepUpToDateBar />
          <Group orientation="horizontal" className="panes" defaultLayout={columns.defaultLayout} onLayoutChanged={columns.onLayoutChanged}>
            <Panel id="local" className="area" minSize="220px">
              <LocalPane />
            </Panel>
            <Splitter label="Resize the local and remote panes" orientation="vertical" />
            <Panel id="remote" className="area" minSize="220px">
              <RemotePane />
            </Panel>
          </Group>
        </main>
      </Panel>
      <Splitter label="Resize the transfer queue" orientation="horizontal" />
      <CollapsibleArea panel="queue" defaultSize="24%" minSize="90px">
        <QueuePanel />
      </CollapsibleArea>
    </Group>
  );
}
