import { todayIn, wallTimeToInstant } from "./dates";

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
