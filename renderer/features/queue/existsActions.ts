/** What can happen when a transfer's target exists, as the dialog and the queue's settings name it. */
import type { ExistsAction } from '../../../shared/queue';

export const EXISTS_ACTIONS: { action: ExistsAction; label: string }[] = [
  { action: 'overwrite', label: 'Overwrite' },
  { action: 'newer', label: 'Overwrite if source is newer' },
  { action: 'size-differs', label: 'Overwrite if size differs' },
  { action: 'resume', label: 'Resume' },
  { action: 'rename', label: 'Rename (keep both)' },
  { action: 'skip', label: 'Skip' },
];
