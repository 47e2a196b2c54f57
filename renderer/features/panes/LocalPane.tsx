/** The local (left) pane over the local pane store. */
import { useEffect } from 'react';
import { useLocalPane } from '../../stores/localPane';
import { FilePane } from './FilePane';

/** Shows the local filesystem, starting at the home folder. */
export function LocalPane() {
  useEffect(() => {
    void useLocalPane.getState().navigate(undefined);
  }, []);
  return <FilePane paneId="local" />;
}
