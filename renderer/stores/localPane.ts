/** The local pane's store, listing through the contract's `localList`. */
import { getApi } from '../api/getApi';
import { createPaneStore } from './createPaneStore';

/** The local (left) pane. */
export const useLocalPane = createPaneStore({
  list: (path) => getApi().localList(path === undefined ? {} : { path }),
});
