/** The local (left) pane: path bar, file list, error line and footer over the local pane store. */
import { useEffect } from 'react';
import { useLocalPane } from '../../stores/localPane';
import { FilePane } from './FilePane';

/** Shows the local filesystem, starting at the home folder. */
export function LocalPane() {
  const pane = useLocalPane();
  useEffect(() => {
    void useLocalPane.getState().navigate(undefined);
  }, []);
  return <FilePane title="Local site" pane={pane} />;
}
