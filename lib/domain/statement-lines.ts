import { todayIn } from "./dates";

// A statement line is a record of the past: one dated after the user's
// today was misread at import (a day/month order swapped, a wrong year), so
// the lines page warns on it rather than let it pass for a real charge.

/**
 * Whether a line posted on `postedOn` (YYYY-MM-DD) is later than today where
 * the user is. Today is the user's, not the server's: near midnight UTC a
 * user in Los Angeles is still a day behind.
 */
export function isFutureDated(postedOn: string, timeZone: string, now: Date = new Date()): boolean {
  return postedOn > todayIn(timeZone, now);
}
