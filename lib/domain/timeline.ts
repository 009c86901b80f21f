import { todayIn } from "./dates";
import { wallTimeToInstant } from "./wall-time";

/**
 * One entry of a case's history: when it happened (`at`, what the user says
 * for a call, the moment of a step) and when it was written down
 * (`recordedAt`).
 */
export type Dated = { at: Date; recordedAt: Date };

/**
 * Newest first by when it happened, to the second (a note's time is given to
 * the second, a step's is the moment it was saved), then by when it was
 * recorded (a call logged after a step in the same second comes after it),
 * then by the order given (the events of one move, in their sequence).
 */
export function newestFirst<T extends Dated>(entries: readonly T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) =>
        second(b.entry.at) - second(a.entry.at) ||
        b.entry.recordedAt.getTime() - a.entry.recordedAt.getTime() ||
        b.index - a.index,
    )
    .map(({ entry }) => entry);
}

const second = (at: Date) => Math.floor(at.getTime() / 1000);

/**
 * Where a step sits in time: when it was recorded, if that was on the day it
 * happened (in the user's zone); otherwise at the end of the day it happened
 * (a step dated Dec 9 but written down on Dec 12 belongs with Dec 9, after
 * whatever else that day holds, since its hour is not known).
 */
export function stepMoment(
  step: { at: Date; occurredOn: string },
  timeZone: string,
): { at: Date; recordedLater: boolean } {
  if (todayIn(timeZone, step.at) === step.occurredOn) return { at: step.at, recordedLater: false };
  const endOfDay = wallTimeToInstant(`${step.occurredOn}T23:59:59`, timeZone);
  return { at: endOfDay ?? step.at, recordedLater: true };
}

/**
 * The stretch of a case's history the case page shows. The page holds the
 * newest 100 events and the newest 100 notes; when either list goes further
 * back (its next cursor is set), entries before the later of the two
 * cut-offs are left out, so the merged timeline never shows a stretch of
 * time with half its entries missing. The full record (the evidence page)
 * has them all; `truncated` says there is more there.
 */
export function recentHistory<
  E extends { at: Date },
  N extends { occurredAt: Date },
  C extends { at: Date },
>(
  kase: {
    events: E[];
    notes: N[];
    eventsNextCursor: string | null;
    notesNextCursor: string | null;
  },
  changes: C[],
): { events: E[]; notes: N[]; changes: C[]; truncated: boolean } {
  const cutoffs = [
    kase.eventsNextCursor ? kase.events[0]?.at : undefined,
    kase.notesNextCursor ? kase.notes[0]?.occurredAt : undefined,
  ].filter((at): at is Date => at instanceof Date);
  if (cutoffs.length === 0)
    return { events: kase.events, notes: kase.notes, changes, truncated: false };
  const from = Math.max(...cutoffs.map((at) => at.getTime()));
  return {
    events: kase.events.filter((event) => event.at.getTime() >= from),
    notes: kase.notes.filter((note) => note.occurredAt.getTime() >= from),
    changes: changes.filter((change) => change.at.getTime() >= from),
    truncated: true,
  };
}
