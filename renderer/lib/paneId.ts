/** The two file panes: local (left) and remote (right). */
export type PaneId = 'local' | 'remote';
