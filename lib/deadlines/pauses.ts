import type { DateTime } from 'luxon';
import type { PauseReason } from './schemas';

/** A time the clock was stopped while waiting on the requester, and why. `to` may lie in the future. */
export interface Pause {
  from: Date;
  to: Date;
  /** Counted only where the rule allows this reason to stop the clock (`pauses` in the rules). */
  reason: PauseReason;
}

const DAY_MS = 86_400_000;

/**
 * Sorts the pauses, merges overlapping or touching ones (closed intervals, so no time is counted
 * twice) and drops the part of any pause before the clock started.
 */
export function mergePauses(pauses: readonly Pause[], clockStart: Date): Pause[] {
  for (const { from, to } of pauses) {
    if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) throw new RangeError('pause with an invalid date');
    if (to < from) throw new RangeError(`pause ends (${to.toISOString()}) before it starts (${from.toISOString()})`);
  }
  const clipped = pauses
    .filter(({ to }) => to > clockStart)
    .map((pause) => ({ ...pause, from: pause.from < clockStart ? clockStart : pause.from }))
    .sort((a, b) => a.from.getTime() - b.from.getTime());
  const merged: Pause[] = [];
  for (const pause of clipped) {
    const last = merged.at(-1);
    if (last && pause.from <= last.to) {
      if (pause.to > last.to) last.to = pause.to;
    } else {
      merged.push({ ...pause });
    }
  }
  return merged;
}

export interface PauseOutcome {
  /** The due day moved later by `pausedDays`, before any roll to a working day. */
  day: DateTime;
  /** Whole 24-hour periods paused: floor, so the due date never moves by more than the time paused. */
  pausedDays: number;
  counted: Pause[];
  /** Pauses that began after the deadline had passed: stopping a clock that ran out changes nothing. */
  ignored: Pause[];
}

/**
 * Moves `dueDay` later by the whole days the clock was stopped. `deadlineEnd(day)` gives the instant
 * a deadline due on `day` ends (after any roll), to tell whether a pause began in time.
 */
export function applyPauses(
  dueDay: DateTime,
  mergedPauses: readonly Pause[],
  deadlineEnd: (day: DateTime) => Date,
): PauseOutcome {
  let pausedMs = 0;
  let pausedDays = 0;
  const counted: Pause[] = [];
  const ignored: Pause[] = [];
  for (const pause of mergedPauses) {
    if (pause.from > deadlineEnd(dueDay.plus({ days: pausedDays }))) {
      ignored.push(pause);
      continue;
    }
    // Summed before flooring: two 12-hour pauses stop the clock for one whole day.
    pausedMs += pause.to.getTime() - pause.from.getTime();
    pausedDays = Math.floor(pausedMs / DAY_MS);
    counted.push(pause);
  }
  return { day: dueDay.plus({ days: pausedDays }), pausedDays, counted, ignored };
}
