/** The local (left) pane over the local pane store. */
import { useEffect } from 'react';
import { useLocalPane } from '../../stores/localPane';
import { FilePane } from './FilePane';

/** Shows the local filesystem, starting at the home folder. */
export function LocalPane() {
  useEffect(() => {
    const pane = useLocalPane.getState();
    // Someone may already have typed a path before this first effect ran; do not send them home.
    if (!pane.path && !pane.loading) void pane.navigate(undefined);
  }, []);
  return <FilePane paneId="local" />;
}
