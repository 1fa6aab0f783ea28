import type { QueueRow } from '@/lib/requests/staff/list-requests';
import { COUNTDOWN_LABELS } from '../labels';

/** How close a deadline is, in words (the colour only repeats them). */
export function CountdownBadge({ countdown }: { countdown: QueueRow['countdown'] }) {
  return <span className={`admin-badge admin-badge--${countdown}`}>{COUNTDOWN_LABELS[countdown]}</span>;
}
