/** The local pane's store: listing and file operations through the contract's `local*` methods. */
import { getApi } from '../api/getApi';
import { createPaneStore } from './createPaneStore';

/** The local (left) pane. */
export const useLocalPane = createPaneStore(
  {
    list: (path) => getApi().localList(path === undefined ? {} : { path }),
    ops: {
      mkdir: (path) => getApi().localMkdir({ path }),
      rename: (from, to) => getApi().localRename({ from, to }),
      // localDelete removes folders with their contents, so `isFolder` needs no special case here.
      remove: (targets) => getApi().localDelete({ paths: targets.map((t) => t.path) }),
    },
  },
  { id: 'local' },
);
